"""Budget pages: list, the three-year table with editing of a draft, fill, set by a board decision, new version."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import selectors, services
from ..forms import BudgetradForm, BudgetSkapaForm, FaststallForm
from ..models import Budget, Budgetrad
from ..selectors.budget import tabell_for
from .hjalp import formfel


@behorighet("ekonomi.visa")
def budget_lista(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
    form = BudgetSkapaForm(request.POST or None)
    return formular_handling(
        request,
        form,
        lambda d: services.budget_skapa(forbund=kontext.forbund, aktor=request.user, ar=d["ar"]),
        ok=lambda b: f"Ett utkast till budget {b.ar} är skapat med medlemsbidrag och beviljade insatser.",
        till=lambda b: reverse("ekonomi:budget", args=[b.pk]),
        mall="ekonomi/budget_lista.html",
        sammanhang={"budgetar": selectors.budgetar(kontext.forbund), "varning": selectors.budget_varning(kontext.forbund)},
    )


@behorighet("ekonomi.visa")
def budget_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = hamta(Budget.objects.select_related("paragraf", "paragraf__sammantrade"), kontext.forbund, pk=pk)
    rader = list(budget.rader.select_related("medlem", "insats").order_by("ordning", "id"))
    tabell = tabell_for(budget, rader)
    redigerbar = not budget.last and kontext.kan("ekonomi.redigera")
    return render(
        request,
        "ekonomi/budget.html",
        {
            "budget": budget,
            "t": tabell,
            "rader": rader,
            "redigerbar": redigerbar,
            "ny_rad": BudgetradForm(initial={"grupp": "administration", "belopp": 0}) if redigerbar else None,
            "faststall": FaststallForm(forbund=kontext.forbund) if redigerbar else None,
            "versioner": Budget.objects.filter(forbund=kontext.forbund, ar=budget.ar).order_by("version"),
        },
    )


def _budget(kontext: Kontext, pk: int) -> Budget:
    return hamta(Budget.objects.all(), kontext.forbund, pk=pk)


@behorighet("ekonomi.redigera")
@require_POST
def budgetrad(request: HttpRequest, kontext: Kontext, pk: int, rad_pk: int | None = None) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    rad = hamta(Budgetrad.objects.all(), kontext.forbund, pk=rad_pk, budget=budget) if rad_pk else None
    form = BudgetradForm(request.POST)
    till = reverse("ekonomi:budget", args=[budget.pk])
    if not form.is_valid():
        messages.error(request, "Raden sparades inte: " + formfel(form))
        return redirect(till)
    return knapp_handling(
        request,
        lambda: services.budgetrad_spara(budget=budget, aktor=request.user, rad=rad, **form.cleaned_data),
        ok=lambda r: f"Raden ”{r.text}” är sparad.",
        till=till,
    )


@behorighet("ekonomi.redigera")
@require_POST
def budgetrad_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, rad_pk: int) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    rad = hamta(Budgetrad.objects.all(), kontext.forbund, pk=rad_pk, budget=budget)
    return knapp_handling(
        request,
        lambda: services.budgetrad_ta_bort(rad=rad, aktor=request.user),
        ok=f"Raden ”{rad.text}” är borttagen.",
        till=reverse("ekonomi:budget", args=[budget.pk]),
    )


@behorighet("ekonomi.redigera")
@require_POST
def budget_fyll(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.budget_fyll(budget=budget, aktor=request.user),
        ok="Intäkterna per medlem och insatsraderna är uppdaterade från medlemsbidrag och beviljade medel.",
        till=reverse("ekonomi:budget", args=[budget.pk]),
    )


@behorighet("ekonomi.redigera")
@require_POST
def budget_faststall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    form = FaststallForm(request.POST, forbund=kontext.forbund)
    if not form.is_valid():
        messages.error(request, "Välj styrelsens beslut (paragraf) som fastställer budgeten.")
        return redirect("ekonomi:budget", pk=budget.pk)
    return knapp_handling(
        request,
        lambda: services.budget_faststall(budget=budget, aktor=request.user, paragraf=form.cleaned_data["paragraf"]),
        ok=f"Budget {budget.ar} är fastställd och låst.",
        till=reverse("ekonomi:budget", args=[budget.pk]),
    )


@behorighet("ekonomi.redigera")
@require_POST
def budget_ny_version(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.budget_ny_version(budget=budget, aktor=request.user),
        ok=lambda ny: f"Version {ny.version} är skapad som utkast. Den gäller när styrelsen har fastställt den.",
        till=lambda ny: reverse("ekonomi:budget", args=[ny.pk if ny else budget.pk]),
    )
