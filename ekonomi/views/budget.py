"""Budget pages: list, the three-year table with editing of a draft, fill, set by a board decision, new version."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import selectors, services
from ..forms import BudgetradForm, BudgetSkapaForm, FaststallForm
from ..models import Budget, Budgetrad
from ..selectors.budget import tabell_for


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


def _detalj(kontext: Kontext, budget: Budget, **bundna: Any) -> dict[str, Any]:
    """The budget page's context; `bundna` are the refused form (kept with the user's input) and where it belongs."""
    rader = list(budget.rader.select_related("medlem", "insats").order_by("ordning", "id"))
    redigerbar = not budget.last and kontext.kan("ekonomi.redigera")
    return {
        "budget": budget,
        "t": tabell_for(budget, rader),
        "rader": rader,
        "redigerbar": redigerbar,
        "ny_rad": BudgetradForm(initial={"grupp": "administration", "belopp": 0}) if redigerbar else None,
        "faststall": FaststallForm(forbund=kontext.forbund) if redigerbar else None,
        "versioner": Budget.objects.filter(forbund=kontext.forbund, ar=budget.ar).order_by("version"),
        "form": None,
        **bundna,
    }


@behorighet("ekonomi.visa")
def budget_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = hamta(Budget.objects.select_related("paragraf", "paragraf__sammantrade"), kontext.forbund, pk=pk)
    return render(request, "ekonomi/budget.html", _detalj(kontext, budget))


def _budget(kontext: Kontext, pk: int) -> Budget:
    return hamta(Budget.objects.select_related("paragraf", "paragraf__sammantrade"), kontext.forbund, pk=pk)


@behorighet("ekonomi.redigera")
@require_POST
def budgetrad(request: HttpRequest, kontext: Kontext, pk: int, rad_pk: int | None = None) -> HttpResponseBase:
    budget = _budget(kontext, pk)
    rad = hamta(Budgetrad.objects.all(), kontext.forbund, pk=rad_pk, budget=budget) if rad_pk else None
    form = BudgetradForm(request.POST)
    # A refused line stays next to its form with the input kept: a new line in "Ny rad", a changed line in its row.
    bunden = {"ny_rad": form} if rad is None else {"rad_form": form, "fel_rad": rad.pk}
    return formular_handling(
        request,
        form,
        lambda d: services.budgetrad_spara(budget=budget, aktor=request.user, rad=rad, **d),
        ok=lambda r: f"Raden ”{r.text}” är sparad.",
        till=reverse("ekonomi:budget", args=[budget.pk]),
        mall="ekonomi/budget.html",
        sammanhang=_detalj(kontext, budget, fel_form=form, fel_rubrik="Raden sparades inte.", **bunden),
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
    return formular_handling(
        request,
        form,
        lambda d: services.budget_faststall(budget=budget, aktor=request.user, paragraf=d["paragraf"]),
        ok=f"Budget {budget.ar} är fastställd och låst.",
        till=reverse("ekonomi:budget", args=[budget.pk]),
        mall="ekonomi/budget.html",
        sammanhang=_detalj(kontext, budget, faststall=form, fel_form=form, fel_rubrik="Budgeten är inte fastställd."),
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
