"""Assignments, delegation decisions, diarium, decision rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.models import Person
from finsam.permissions import Kontext
from finsam.sortering import personordning
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling, knapp_handling
from forvaltning.selectors.delegation import rader_i_kraft

from .. import selectors, services
from ..forms import DelegationsbeslutForm, HandlingForm, MandatForm, ReglerForm, UppdragForm
from ..models import Beslutsregler, Gallringslista, Handling, Mandat, Paragraf, Sammantrade, Uppdrag
from ..services.regler import beslutsregler_for


def _uppdrag_sammanhang(kontext: Kontext, request: HttpRequest, form: UppdragForm | None = None) -> dict[str, Any]:
    alla = request.GET.get("visa") == "alla"
    return {
        "uppdrag": list(selectors.uppdrag_lista(kontext.forbund, bara_oppna=not alla)),
        "alla": alla,
        "personer": list(Person.objects.filter(forbund=kontext.forbund).order_by(*personordning())),
        "moten": list(Sammantrade.objects.filter(forbund=kontext.forbund, justerat__isnull=True).order_by("datum")),
        "paragrafer": list(selectors.paragrafer_for_val(kontext.forbund)[:100]),
        "form": form or UppdragForm(forbund=kontext.forbund),
    }


@behorighet("styrelse.visa")
def uppdrag(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """Open assignments; the förbundschef may also enter one by hand."""
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
    form = UppdragForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.uppdrag_skapa(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda u: f"Uppdraget från {u.paragraf.beteckning}/{u.paragraf.ar} är registrerat.",
        till=reverse("styrelse:uppdrag"),
        mall="styrelse/uppdrag.html",
        sammanhang=_uppdrag_sammanhang(kontext, request, form),
    )


@behorighet("styrelse.redigera")
@require_POST
def uppdrag_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    u = hamta(Uppdrag.objects.all(), kontext.forbund, pk=pk)
    ansvarig = Person.objects.filter(forbund=kontext.forbund, pk=request.POST.get("ansvarig") or 0).first()
    mote = Sammantrade.objects.filter(forbund=kontext.forbund, pk=request.POST.get("aterrapport") or 0).first()
    return knapp_handling(
        request,
        lambda: services.uppdrag_andra(uppdrag=u, aktor=request.user, ansvarig=ansvarig, aterrapport=mote),
        ok="Uppdraget är uppdaterat.",
        till=reverse("styrelse:uppdrag"),
    )


@behorighet("styrelse.redigera")
@require_POST
def uppdrag_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    u = hamta(Uppdrag.objects.all(), kontext.forbund, pk=pk)
    p = Paragraf.objects.filter(forbund=kontext.forbund, pk=request.POST.get("paragraf") or 0).first()
    return knapp_handling(
        request,
        lambda: services.uppdrag_avsluta(uppdrag=u, aktor=request.user, klart_paragraf=p),
        ok="Uppdraget är markerat som klart.",
        till=reverse("styrelse:uppdrag"),
    )


@behorighet("styrelse.visa")
def delegationsbeslut(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
    form = DelegationsbeslutForm(request.POST or None, forbund=kontext.forbund, initial={"datum": timezone.localdate()})
    return formular_handling(
        request,
        form,
        lambda d: services.delegationsbeslut_registrera(forbund=kontext.forbund, aktor=request.user, **d),
        ok="Delegationsbeslutet är registrerat och anmäls till nästa möte.",
        till=reverse("styrelse:delegationsbeslut"),
        mall="styrelse/delegationsbeslut.html",
        sammanhang={
            "beslut": Paginator(selectors.delegationsbeslut_lista(kontext.forbund), 50).get_page(request.GET.get("sida")),
            "ordning": rader_i_kraft(kontext.forbund, timezone.localdate()),
        },
    )


@behorighet("diarium.visa")
def diarium(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    if request.method == "POST":
        kontext.kraver("diarium.redigera")
    form = HandlingForm(request.POST or None, request.FILES or None, forbund=kontext.forbund, initial={"datum": timezone.localdate()})
    q = request.GET.get("q", "").strip()
    sida = Paginator(selectors.diarium(kontext, q=q), 50).get_page(request.GET.get("sida"))
    ar = timezone.localdate().year
    return formular_handling(
        request,
        form,
        lambda d: services.handling_registrera(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda h: f"Handlingen är registrerad som {h.diarienummer}.",
        till=reverse("styrelse:diarium"),
        mall="styrelse/diarium.html",
        sammanhang={
            "sida": sida,
            "q": q,
            "far_sekretess": kontext.kan("diarium.sekretess"),
            "forfallna": selectors.gallring_forfallna(kontext.forbund, ar) if kontext.kan("diarium.redigera") else [],
            "listor": list(Gallringslista.objects.filter(forbund=kontext.forbund)[:5]),
            "ar": ar,
        },
    )


@behorighet("diarium.visa")
def handling_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    h = hamta(Handling.objects.all(), kontext.forbund, pk=pk)
    if not selectors.handling_far_oppnas(kontext, h):
        raise PermissionDenied("Handlingen är sekretessmarkerad.")
    if not h.fil:
        raise Http404("Handlingen har ingen fil.")
    return fil_svar(h.fil, bilaga=True, filnamn=(h.fil.name or "handling").rsplit("/", 1)[-1])


@behorighet("styrelse.visa")
def regler(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
    befintliga = beslutsregler_for(kontext.forbund)
    form = ReglerForm(
        request.POST or None,
        instance=Beslutsregler(
            forbund=kontext.forbund,
            majoritet=befintliga.majoritet,
            beslutsfor_minst=befintliga.beslutsfor_minst,
            kallelsetid_dagar=befintliga.kallelsetid_dagar,
            forvaringsplats=befintliga.forvaringsplats,
        ),
    )
    return formular_handling(
        request,
        form,
        lambda d: services.beslutsregler_andra(forbund=kontext.forbund, aktor=request.user, **d),
        ok="Beslutsreglerna är sparade.",
        till=reverse("styrelse:regler"),
        mall="styrelse/regler.html",
        sammanhang={"regler": befintliga, "idag": timezone.localdate()},
    )


@behorighet("styrelse.visa")
def mandat(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
    form = MandatForm(request.POST or None, forbund=kontext.forbund)
    alla = list(Mandat.objects.filter(forbund=kontext.forbund).select_related("person", "medlem").order_by("medlem__ordning", "typ", "-fran"))
    return formular_handling(
        request,
        form,
        lambda d: services.mandat_skapa(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda m: f"Mandatet för {m.person} är registrerat.",
        till=reverse("styrelse:mandat"),
        mall="styrelse/mandat.html",
        sammanhang={"mandat": alla, "idag": timezone.localdate()},
    )


@behorighet("styrelse.redigera")
@require_POST
def mandat_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    m = hamta(Mandat.objects.select_related("person"), kontext.forbund, pk=pk)

    def utfor() -> Mandat:
        try:
            till = dt.date.fromisoformat(request.POST.get("till", ""))
        except ValueError as exc:
            raise ValidationError("Ange slutdatum (ÅÅÅÅ-MM-DD).") from exc
        return services.mandat_avsluta(mandat=m, aktor=request.user, till=till)

    return knapp_handling(request, utfor, ok=lambda r: f"Mandatet för {m.person} slutar {r.till:%Y-%m-%d}.", till=reverse("styrelse:mandat"))
