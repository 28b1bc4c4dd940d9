"""The intervention register: list, create, edit, status, staffing, goals and their assessment, one page per intervention."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text

from .. import services, sparbarhet
from ..forms import BemanningForm, InsatsForm, MalForm, StatusForm
from ..models import Bemanning, Beviljande, Insats, Mal, Malbedomning
from ..services.insats import OVERGANGAR


def _ar(request: HttpRequest) -> int:
    try:
        return max(2000, min(2100, int(request.GET.get("ar") or request.POST.get("ar") or timezone.localdate().year)))
    except ValueError:
        return timezone.localdate().year


@behorighet("insatser.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = _ar(request)
    status = request.GET.get("status", "")
    beviljat = (
        Beviljande.objects.filter(insats=OuterRef("pk"), ar=ar).values("insats").annotate(s=Sum("belopp")).values("s")
    )
    qs = (
        Insats.objects.filter(forbund=kontext.forbund)
        .select_related("agare_medlem")
        .annotate(
            beviljat_ar=Coalesce(Subquery(beviljat, output_field=DecimalField(max_digits=14, decimal_places=0)), Value(0),
                                 output_field=DecimalField(max_digits=14, decimal_places=0)),
            antal_parter=Count("parter", distinct=True),
        )
        .prefetch_related("parter")
        .order_by("kortnamn")
    )
    if status in Insats.Status.values:
        qs = qs.filter(status=status)
    insatser = list(qs)
    return render(request, "insatser/index.html", {
        "insatser": insatser, "ar": ar, "status": status, "statusval": Insats.Status.choices,
        "summa": sum(i.beviljat_ar for i in insatser), "ar_val": range(timezone.localdate().year + 2, 2015, -1),
    })


@behorighet("insatser.redigera")
def insats_ny(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = InsatsForm(request.POST or None, forbund=kontext.forbund)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "parter"}
        try:
            insats = services.insats_create(forbund=kontext.forbund, aktor=request.user, parter=form.cleaned_data["parter"], **data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, f"Insatsen {insats.kortnamn} är registrerad.")
            return redirect("insatser:insats", pk=insats.pk)
    return render(request, "insatser/insats_form.html", {"form": form, "rubrik": "Ny insats"})


@behorighet("insatser.redigera")
def insats_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    insats = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = InsatsForm(request.POST or None, instance=insats, forbund=kontext.forbund)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "parter"}
        try:
            services.insats_update(insats=Insats.objects.get(pk=insats.pk), aktor=request.user, parter=form.cleaned_data["parter"], **data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Ändringarna är sparade.")
            return redirect("insatser:insats", pk=insats.pk)
    return render(request, "insatser/insats_form.html", {"form": form, "rubrik": f"Ändra {insats.kortnamn}", "insats": insats})


@behorighet("insatser.visa")
def insats(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.select_related("agare_medlem"), kontext.forbund, pk=pk)
    data = sparbarhet.for_insats(kontext.forbund, obj, kontext)
    data["statusval"] = [(s.value, s.label) for s in Insats.Status if s in OVERGANGAR[obj.status]]
    data["bemanning_form"] = BemanningForm(forbund=kontext.forbund, prefix="bemanning")
    data["mal_form"] = MalForm(prefix="mal")
    data["idag"] = timezone.localdate()
    data["innevarande_ar"] = timezone.localdate().year
    data["arsarbetare"] = sum((b.arsarbetare for b in data["bemanning"]), start=0)
    return render(request, "insatser/insats.html", data)


@behorighet("insatser.redigera")
@require_POST
def insats_status(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Välj en giltig status.")
    else:
        try:
            obj = services.insats_status_andra(insats=obj, aktor=request.user, status=form.cleaned_data["status"])
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, f"{obj.kortnamn} har nu status {obj.get_status_display().lower()}.")
    return redirect("insatser:insats", pk=obj.pk)


@behorighet("insatser.redigera")
@require_POST
def bemanning_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = BemanningForm(request.POST, forbund=kontext.forbund, prefix="bemanning")
    if form.is_valid():
        try:
            services.bemanning_create(insats=obj, aktor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Bemanningen är sparad.")
    else:
        messages.error(request, "Bemanningen sparades inte: " + " ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(m) for m in e)}" for f, e in form.errors.items()))
    return redirect(f"{obj_url(obj)}#bemanning")


def obj_url(obj: Insats) -> str:
    from django.urls import reverse

    return reverse("insatser:insats", args=[obj.pk])


@behorighet("insatser.redigera")
@require_POST
def bemanning_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    rad = hamta(Bemanning.objects.select_related("insats", "medlem"), kontext.forbund, pk=pk)
    insats_obj = rad.insats
    services.bemanning_delete(bemanning=rad, aktor=request.user)
    messages.success(request, "Raden är borttagen.")
    return redirect(f"{obj_url(insats_obj)}#bemanning")


@behorighet("insatser.redigera")
@require_POST
def mal_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = MalForm(request.POST, prefix="mal")
    if form.is_valid():
        services.mal_create(insats=obj, aktor=request.user, **form.cleaned_data)
        messages.success(request, "Målet är tillagt.")
    else:
        messages.error(request, "Skriv målet innan du sparar.")
    return redirect(f"{obj_url(obj)}#mal")


@behorighet("insatser.redigera")
@require_POST
def mal_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mal = hamta(Mal.objects.select_related("insats"), kontext.forbund, pk=pk)
    try:
        services.mal_delete(mal=mal, aktor=request.user)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
    else:
        messages.success(request, "Målet är borttaget.")
    return redirect(f"{obj_url(mal.insats)}#mal")


@behorighet("insatser.redigera")
def malbedomning(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    """Assess every goal of an intervention for one year on one form."""
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    ar = _ar(request)
    mal = list(Mal.objects.filter(forbund=kontext.forbund, insats=obj).order_by("ordning", "id"))
    befintliga = {b.mal_id: b for b in Malbedomning.objects.filter(mal__in=mal, ar=ar)}
    fel: dict[int, str] = {}
    if request.method == "POST":
        sparade = 0
        for m in mal:
            bedomning = request.POST.get(f"bedomning_{m.pk}", "")
            kommentar = request.POST.get(f"kommentar_{m.pk}", "")
            if not bedomning:
                continue
            try:
                services.malbedomning_spara(mal=m, aktor=request.user, ar=ar, bedomning=bedomning, kommentar=kommentar)
                sparade += 1
            except ValidationError as exc:
                fel[m.pk] = fel_text(exc)
        if not fel:
            messages.success(request, f"Bedömningen för {ar} är sparad ({sparade} mål).")
            return redirect(f"{obj_url(obj)}#mal")
        messages.error(request, "Några bedömningar sparades inte; se markerade mål.")
        befintliga = {b.mal_id: b for b in Malbedomning.objects.filter(mal__in=mal, ar=ar)}
    rader = [{"mal": m, "bedomning": befintliga.get(m.pk), "fel": fel.get(m.pk, ""),
              "vald": request.POST.get(f"bedomning_{m.pk}") if request.method == "POST" else getattr(befintliga.get(m.pk), "bedomning", ""),
              "kommentar": request.POST.get(f"kommentar_{m.pk}") if request.method == "POST" else getattr(befintliga.get(m.pk), "kommentar", "")}
             for m in mal]
    slut = obj.slutdatum.year if obj.slutdatum else timezone.localdate().year
    return render(request, "insatser/malbedomning.html", {
        "insats": obj, "ar": ar, "rader": rader, "val": Malbedomning.Bedomning.choices,
        "ar_val": range(min(slut, dt.date.today().year + 1), obj.startdatum.year - 1, -1),
    })

