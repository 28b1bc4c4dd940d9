"""Budget pages: list, the three-year table with editing of a draft, fill, set by a board decision, new version."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet

from .. import selectors, services
from ..forms import BudgetradForm, BudgetSkapaForm, FaststallForm
from ..models import Budget, Budgetrad
from ..selectors.budget import tabell_for
from .hjalp import fel, formfel


@behorighet("ekonomi.visa")
def budget_lista(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = BudgetSkapaForm(request.POST or None)
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
        if form.is_valid():
            try:
                budget = services.budget_skapa(forbund=kontext.forbund, aktor=request.user, ar=form.cleaned_data["ar"])
            except ValidationError as exc:
                fel(request, exc)
            else:
                messages.success(request, f"Ett utkast till budget {budget.ar} är skapat med medlemsbidrag och beviljade insatser.")
                return redirect("ekonomi:budget", pk=budget.pk)
    return render(request, "ekonomi/budget_lista.html", {
        "budgetar": selectors.budgetar(kontext.forbund), "form": form, "varning": selectors.budget_varning(kontext.forbund),
    })


@behorighet("ekonomi.visa")
def budget_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = hamta(Budget.objects.select_related("paragraf", "paragraf__sammantrade"), kontext.forbund, pk=pk)
    rader = list(budget.rader.select_related("medlem", "insats").order_by("ordning", "id"))
    tabell = tabell_for(budget, rader)
    redigerbar = not budget.last and kontext.kan("ekonomi.redigera")
    return render(request, "ekonomi/budget.html", {
        "budget": budget, "t": tabell, "rader": rader, "redigerbar": redigerbar,
        "ny_rad": BudgetradForm(initial={"grupp": "administration", "belopp": 0}) if redigerbar else None,
        "faststall": FaststallForm(forbund=kontext.forbund) if redigerbar else None,
        "versioner": Budget.objects.filter(forbund=kontext.forbund, ar=budget.ar).order_by("version"),
    })


def _budget(kontext: Kontext, pk: int) -> Budget:
    return hamta(Budget.objects.all(), kontext.forbund, pk=pk)


@behorighet("ekonomi.redigera")
@require_POST
def budgetrad(request: HttpRequest, kontext: Kontext, pk: int, rad_pk: int | None = None) -> HttpResponse:
    budget = _budget(kontext, pk)
    rad = hamta(Budgetrad.objects.all(), kontext.forbund, pk=rad_pk, budget=budget) if rad_pk else None
    form = BudgetradForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Raden sparades inte: " + formfel(form))
        return redirect("ekonomi:budget", pk=budget.pk)
    varden = dict(form.cleaned_data)
    if rad is None:
        bas = slugify(f"{varden['grupp'][:3]}-{varden['text']}")[:50] or "rad"
        nyckel, i = bas, 2
        while budget.rader.filter(nyckel=nyckel).exists():
            nyckel, i = f"{bas}-{i}", i + 1
        varden["nyckel"] = nyckel
        varden["ordning"] = 800 if varden["grupp"] in ("insatser", "nya") else 300
    try:
        services.budgetrad_spara(budget=budget, aktor=request.user, rad=rad, **varden)
    except ValidationError as exc:
        fel(request, exc)
    else:
        messages.success(request, f"Raden ”{varden['text']}” är sparad.")
    return redirect("ekonomi:budget", pk=budget.pk)


@behorighet("ekonomi.redigera")
@require_POST
def budgetrad_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, rad_pk: int) -> HttpResponse:
    budget = _budget(kontext, pk)
    rad = hamta(Budgetrad.objects.all(), kontext.forbund, pk=rad_pk, budget=budget)
    try:
        services.budgetrad_ta_bort(rad=rad, aktor=request.user)
    except ValidationError as exc:
        fel(request, exc)
    else:
        messages.success(request, f"Raden ”{rad.text}” är borttagen.")
    return redirect("ekonomi:budget", pk=budget.pk)


@behorighet("ekonomi.redigera")
@require_POST
def budget_fyll(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = _budget(kontext, pk)
    try:
        services.budget_fyll(budget=budget, aktor=request.user)
    except ValidationError as exc:
        fel(request, exc)
    else:
        messages.success(request, "Intäkterna per medlem och insatsraderna är uppdaterade från medlemsbidrag och beviljade medel.")
    return redirect("ekonomi:budget", pk=budget.pk)


@behorighet("ekonomi.redigera")
@require_POST
def budget_faststall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = _budget(kontext, pk)
    form = FaststallForm(request.POST, forbund=kontext.forbund)
    if not form.is_valid():
        messages.error(request, "Välj styrelsens beslut (paragraf) som fastställer budgeten.")
        return redirect("ekonomi:budget", pk=budget.pk)
    try:
        services.budget_faststall(budget=budget, aktor=request.user, paragraf=form.cleaned_data["paragraf"])
    except ValidationError as exc:
        fel(request, exc)
    else:
        messages.success(request, f"Budget {budget.ar} är fastställd och låst.")
    return redirect("ekonomi:budget", pk=budget.pk)


@behorighet("ekonomi.redigera")
@require_POST
def budget_ny_version(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    budget = _budget(kontext, pk)
    try:
        ny = services.budget_ny_version(budget=budget, aktor=request.user)
    except ValidationError as exc:
        fel(request, exc)
        return redirect("ekonomi:budget", pk=budget.pk)
    messages.success(request, f"Version {ny.version} är skapad som utkast. Den gäller när styrelsen har fastställt den.")
    return redirect("ekonomi:budget", pk=ny.pk)
