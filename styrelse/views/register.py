"""Assignments, delegation decisions, diarium, decision rules."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.models import Person
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text, fil_svar

from .. import selectors, services
from ..forms import DelegationsbeslutForm, HandlingForm, MandatForm, ReglerForm
from ..models import Beslutsregler, Delegation, Gallringslista, Handling, Mandat, Paragraf, Sammantrade, Uppdrag
from ..services.regler import beslutsregler_for
from .mote import utfor


@behorighet("styrelse.visa")
def uppdrag(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    alla = request.GET.get("visa") == "alla"
    return render(request, "styrelse/uppdrag.html", {
        "uppdrag": list(selectors.uppdrag_lista(kontext.forbund, bara_oppna=not alla)), "alla": alla,
        "personer": list(Person.objects.filter(forbund=kontext.forbund).order_by("namn")),
        "moten": list(Sammantrade.objects.filter(forbund=kontext.forbund, justerat__isnull=True).order_by("datum")),
        "paragrafer": list(selectors.paragrafer_for_val(kontext.forbund)[:100]),
    })


@behorighet("styrelse.redigera")
@require_POST
def uppdrag_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    u = hamta(Uppdrag.objects.all(), kontext.forbund, pk=pk)
    ansvarig = Person.objects.filter(forbund=kontext.forbund, pk=request.POST.get("ansvarig") or 0).first()
    mote = Sammantrade.objects.filter(forbund=kontext.forbund, pk=request.POST.get("aterrapport") or 0).first()
    return utfor(request, lambda: services.uppdrag_andra(uppdrag=u, aktor=request.user, ansvarig=ansvarig, aterrapport=mote),
                 "Uppdraget är uppdaterat.", reverse("styrelse:uppdrag"))


@behorighet("styrelse.redigera")
@require_POST
def uppdrag_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    u = hamta(Uppdrag.objects.all(), kontext.forbund, pk=pk)
    p = Paragraf.objects.filter(forbund=kontext.forbund, pk=request.POST.get("paragraf") or 0).first()
    return utfor(request, lambda: services.uppdrag_avsluta(uppdrag=u, aktor=request.user, klart_paragraf=p),
                 "Uppdraget är markerat som klart.", reverse("styrelse:uppdrag"))


@behorighet("styrelse.visa")
def delegationsbeslut(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = DelegationsbeslutForm(request.POST or None, forbund=kontext.forbund, initial={"datum": timezone.localdate()})
    status = 200
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.delegationsbeslut_registrera(forbund=kontext.forbund, aktor=request.user, **d)
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
                status = 400
            else:
                messages.success(request, "Delegationsbeslutet är registrerat och anmäls till nästa möte.")
                return redirect("styrelse:delegationsbeslut")
        else:
            status = 400
    return render(request, "styrelse/delegationsbeslut.html", {
        "form": form, "beslut": list(selectors.delegationsbeslut_lista(kontext.forbund)[:300]),
        "ordning": list(Delegation.objects.filter(forbund=kontext.forbund)),
    }, status=status)


@behorighet("diarium.visa")
def diarium(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = HandlingForm(request.POST or None, request.FILES or None, forbund=kontext.forbund, initial={"datum": timezone.localdate()})
    status = 200
    if request.method == "POST":
        kontext.kraver("diarium.redigera")
        if form.is_valid():
            d = form.cleaned_data
            try:
                h = services.handling_registrera(forbund=kontext.forbund, aktor=request.user, **d)
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
                status = 400
            else:
                messages.success(request, f"Handlingen är registrerad som {h.diarienummer}.")
                return redirect("styrelse:diarium")
        else:
            status = 400
    q = request.GET.get("q", "").strip()
    sida = Paginator(selectors.diarium(kontext, q=q), 50).get_page(request.GET.get("sida"))
    ar = timezone.localdate().year
    return render(request, "styrelse/diarium.html", {
        "form": form, "sida": sida, "q": q, "far_sekretess": kontext.kan("diarium.sekretess"),
        "forfallna": selectors.gallring_forfallna(kontext.forbund, ar) if kontext.kan("diarium.redigera") else [],
        "listor": list(Gallringslista.objects.filter(forbund=kontext.forbund)[:5]), "ar": ar,
    }, status=status)


@behorighet("diarium.visa")
def handling_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    h = hamta(Handling.objects.all(), kontext.forbund, pk=pk)
    if not selectors.handling_far_oppnas(kontext, h):
        raise PermissionDenied("Handlingen är sekretessmarkerad.")
    if not h.fil:
        raise Http404("Handlingen har ingen fil.")
    return fil_svar(h.fil, bilaga=True, filnamn=(h.fil.name or "handling").rsplit("/", 1)[-1])


@behorighet("styrelse.visa")
def regler(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    befintliga = beslutsregler_for(kontext.forbund)
    form = ReglerForm(request.POST or None, instance=Beslutsregler(forbund=kontext.forbund, majoritet=befintliga.majoritet,
                      beslutsfor_minst=befintliga.beslutsfor_minst, kallelsetid_dagar=befintliga.kallelsetid_dagar,
                      forvaringsplats=befintliga.forvaringsplats))
    status = 200
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.beslutsregler_andra(forbund=kontext.forbund, aktor=request.user, **d)
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
                status = 400
            else:
                messages.success(request, "Beslutsreglerna är sparade.")
                return redirect("styrelse:regler")
        else:
            status = 400
    return render(request, "styrelse/regler.html", {"form": form, "regler": befintliga, "idag": dt.date.today()}, status=status)


@behorighet("styrelse.visa")
def mandat(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = MandatForm(request.POST or None, forbund=kontext.forbund)
    status = 200
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
        if form.is_valid():
            d = form.cleaned_data
            try:
                m = services.mandat_skapa(forbund=kontext.forbund, aktor=request.user, **d)
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
                status = 400
            else:
                messages.success(request, f"Mandatet för {m.person} är registrerat.")
                return redirect("styrelse:mandat")
        else:
            status = 400
    alla = list(Mandat.objects.filter(forbund=kontext.forbund).select_related("person", "medlem").order_by("medlem__ordning", "typ", "-fran"))
    idag = timezone.localdate()
    return render(request, "styrelse/mandat.html", {"form": form, "mandat": alla, "idag": idag}, status=status)


@behorighet("styrelse.redigera")
@require_POST
def mandat_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    m = hamta(Mandat.objects.select_related("person"), kontext.forbund, pk=pk)
    try:
        till = dt.date.fromisoformat(request.POST.get("till", ""))
    except ValueError:
        messages.error(request, "Ange slutdatum (ÅÅÅÅ-MM-DD).")
        return redirect("styrelse:mandat")
    return utfor(request, lambda: services.mandat_avsluta(mandat=m, aktor=request.user, till=till),
                 f"Mandatet för {m.person} slutar {till:%Y-%m-%d}.", reverse("styrelse:mandat"))
