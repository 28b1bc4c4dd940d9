"""Grants from board decisions and traceability from a decision paragraph."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Min, Sum
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling
from styrelse.models import Paragraf

from .. import services, sparbarhet
from ..forms import BeviljandeForm
from ..models import Beviljande, Insats
from ..selectors import beviljat_per_insats_och_ar


@behorighet("insatser.visa")
def beslut(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    """Every board paragraph that granted money, with the total and the interventions."""
    rader = list(
        Beviljande.objects.filter(forbund=kontext.forbund)
        .values("paragraf_id", "paragraf__ar", "paragraf__nummer", "paragraf__rubrik", "paragraf__sammantrade__datum")
        .annotate(summa=Sum("belopp"), antal_insatser=Count("insats", distinct=True), forsta_ar=Min("ar"))
        .order_by("-paragraf__ar", "-paragraf__nummer")
    )
    # Granted per intervention and year (one aggregate query), the most recent six years with grants.
    summor = beviljat_per_insats_och_ar(kontext.forbund)
    ar_lista = sorted({ar for _, ar in summor})[-6:]
    insatser = Insats.objects.filter(forbund=kontext.forbund, pk__in={i for i, _ in summor}).order_by(svensk("kortnamn"))
    oversikt = [{"insats": i, "per_ar": [summor.get((i.pk, ar)) for ar in ar_lista]} for i in insatser]
    totalt = [sum((summor.get((i.pk, ar)) or 0 for i in insatser), Decimal(0)) for ar in ar_lista]
    return render(request, "insatser/beslut.html", {"rader": rader, "ar_lista": ar_lista, "oversikt": oversikt, "totalt": totalt})


@behorighet("insatser.visa")
def paragraf(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Paragraf.objects.select_related("sammantrade"), kontext.forbund, pk=pk)
    return render(request, "insatser/paragraf.html", sparbarhet.for_paragraf(kontext.forbund, obj, kontext))


@behorighet("insatser.besluta")
def beviljande_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """A grant not from an application (e.g. the yearly grant to an ordinary co-operation such as MISAM)."""
    initial = {}
    if request.GET.get("insats"):
        initial["insats"] = request.GET["insats"]
    form = BeviljandeForm(request.POST or None, forbund=kontext.forbund, initial=initial)
    return formular_handling(
        request,
        form,
        lambda d: services.beviljande_create(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda g: f"Beviljat {g.insats.kortnamn} {g.ar} är registrerat.",
        till=lambda g: reverse("insatser:insats", args=[g.insats_id]),
        mall="insatser/beviljande_form.html",
    )
