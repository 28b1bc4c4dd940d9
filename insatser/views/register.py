"""The intervention register: list, create, edit, status, staffing, goals and their assessment, one page per intervention."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.db.models import Count, DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.sidcache import sidcache
from finsam.sortering import svensk
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import services, sparbarhet
from ..forms import BemanningForm, InsatsForm, MalbedomningForm, MalForm, StatusForm
from ..models import Bemanning, Beviljande, Insats, Mal, Malbedomning


@behorighet("insatser.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    status = request.GET.get("status", "")
    beviljat = Beviljande.objects.filter(insats=OuterRef("pk"), ar=ar).values("insats").annotate(s=Sum("belopp")).values("s")
    qs = (
        Insats.objects.filter(forbund=kontext.forbund)
        .select_related("agare_medlem")
        .annotate(
            beviljat_ar=Coalesce(
                Subquery(beviljat, output_field=DecimalField(max_digits=14, decimal_places=0)),
                Value(0),
                output_field=DecimalField(max_digits=14, decimal_places=0),
            ),
            antal_parter=Count("parter", distinct=True),
        )
        .prefetch_related("parter")
        .order_by(svensk("kortnamn"))
    )
    if status in Insats.Status.values:
        qs = qs.filter(status=status)
    insatser = list(qs)
    return render(
        request,
        "insatser/index.html",
        {
            "insatser": insatser,
            "ar": ar,
            "status": status,
            "statusval": Insats.Status.choices,
            "summa": sum(i.beviljat_ar for i in insatser),
            "ar_val": range(timezone.localdate().year + 2, 2015, -1),
        },
    )


def _insats_url(obj: Insats, ankare: str = "") -> str:
    return reverse("insatser:insats", args=[obj.pk]) + (f"#{ankare}" if ankare else "")


def _insats_data(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "parter"}


@behorighet("insatser.redigera")
def insats_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = InsatsForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.insats_create(forbund=kontext.forbund, aktor=request.user, parter=d["parter"], **_insats_data(d)),
        ok=lambda insats: f"Insatsen {insats.kortnamn} är registrerad.",
        till=_insats_url,
        mall="insatser/insats_form.html",
        sammanhang={"rubrik": "Ny insats"},
    )


@behorighet("insatser.redigera")
def insats_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    insats = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = InsatsForm(request.POST or None, instance=Insats.objects.get(pk=insats.pk), forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.insats_update(insats=insats, aktor=request.user, parter=d["parter"], **_insats_data(d)),
        ok="Ändringarna är sparade.",
        till=_insats_url,
        mall="insatser/insats_form.html",
        sammanhang={"rubrik": f"Ändra {insats.kortnamn}", "insats": insats},
    )


@behorighet("insatser.visa")
@sidcache
def insats(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.select_related("agare_medlem"), kontext.forbund, pk=pk)
    data = sparbarhet.for_insats(kontext.forbund, obj, kontext)
    data["statusval"] = [(s.value, s.label) for s in obj.nasta_statusar]
    data["bemanning_form"] = BemanningForm(forbund=kontext.forbund, prefix="bemanning")
    data["mal_form"] = MalForm(prefix="mal")
    data["idag"] = timezone.localdate()
    data["innevarande_ar"] = timezone.localdate().year
    data["arsarbetare"] = sum((b.arsarbetare for b in data["bemanning"]), start=0)
    return render(request, "insatser/insats.html", data)


def _tolkningsfel(form: Any) -> str:
    """A parse error of an inline form (no page of its own to re-render) as one message."""
    return " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(m) for m in e)}".lstrip(": ") for f, e in form.errors.items())


@behorighet("insatser.redigera")
@require_POST
def insats_status(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Välj en giltig status.")
        return HttpResponseRedirect(_insats_url(obj))
    return knapp_handling(
        request,
        lambda: services.insats_status_andra(insats=obj, aktor=request.user, status=form.cleaned_data["status"]),
        ok=lambda i: f"{i.kortnamn} har nu status {i.get_status_display().lower()}.",
        till=_insats_url(obj),
    )


@behorighet("insatser.redigera")
@require_POST
def bemanning_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = BemanningForm(request.POST, forbund=kontext.forbund, prefix="bemanning")
    if not form.is_valid():
        messages.error(request, "Bemanningen sparades inte: " + _tolkningsfel(form))
        return HttpResponseRedirect(_insats_url(obj, "bemanning"))
    return knapp_handling(
        request,
        lambda: services.bemanning_create(insats=obj, aktor=request.user, **form.cleaned_data),
        ok="Bemanningen är sparad.",
        till=_insats_url(obj, "bemanning"),
    )


@behorighet("insatser.redigera")
@require_POST
def bemanning_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    rad = hamta(Bemanning.objects.select_related("insats", "medlem"), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: services.bemanning_delete(bemanning=rad, aktor=request.user),
        ok="Raden är borttagen.",
        till=_insats_url(rad.insats, "bemanning"),
    )


@behorighet("insatser.redigera")
@require_POST
def mal_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = MalForm(request.POST, prefix="mal")
    if not form.is_valid():
        messages.error(request, "Skriv målet innan du sparar.")
        return HttpResponseRedirect(_insats_url(obj, "mal"))
    return knapp_handling(
        request,
        lambda: services.mal_create(insats=obj, aktor=request.user, **form.cleaned_data),
        ok="Målet är tillagt.",
        till=_insats_url(obj, "mal"),
    )


@behorighet("insatser.redigera")
@require_POST
def mal_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mal = hamta(Mal.objects.select_related("insats"), kontext.forbund, pk=pk)
    return knapp_handling(
        request, lambda: services.mal_delete(mal=mal, aktor=request.user), ok="Målet är borttaget.", till=_insats_url(mal.insats, "mal")
    )


@behorighet("insatser.redigera")
def malbedomning(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    """Assess every goal of an intervention for one year on one form (all or nothing)."""
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    ar = ar_fran(request)
    mal = list(Mal.objects.filter(forbund=kontext.forbund, insats=obj).order_by("ordning", "id"))
    befintliga = {b.mal_id: b for b in Malbedomning.objects.filter(mal__in=mal, ar=ar)}
    form = MalbedomningForm(request.POST or None, mal=mal, befintliga=befintliga)
    slut = obj.slutdatum.year if obj.slutdatum else timezone.localdate().year
    return formular_handling(
        request,
        form,
        lambda d: services.malbedomningar_spara(insats=obj, aktor=request.user, ar=ar, bedomningar=form.bedomningar()),
        ok=lambda sparade: f"Bedömningen för {ar} är sparad ({len(sparade)} mål).",
        till=_insats_url(obj, "mal"),
        mall="insatser/malbedomning.html",
        sammanhang={
            "insats": obj,
            "ar": ar,
            "rader": form.rader(),
            "val": Malbedomning.Bedomning.choices,
            "ar_val": range(min(slut, dt.date.today().year + 1), obj.startdatum.year - 1, -1),
        },
    )
