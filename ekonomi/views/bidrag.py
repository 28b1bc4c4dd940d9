"""Overview and contributions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from finsam.permissions import Kontext
from finsam.web import behorighet

from .. import selectors
from ..forms import TilldelningForm
from ..models import Redovisningsimport, Tilldelning
from ..services import tilldelning_spara
from .hjalp import ar_fran, ar_val, fel


@behorighet("ekonomi.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    senaste = Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()
    ar = ar_fran(request, senaste)
    data = selectors.rakenskaper(kontext.forbund, ar)
    budgetar = list(selectors.budgetar(kontext.forbund)[:6])
    return render(request, "ekonomi/index.html", {
        "ar": ar, "ar_val": ar_val(ar), "data": data, "budgetar": budgetar, "bidrag": selectors.medlemsbidrag(kontext.forbund, ar),
        "nasta_bidrag": selectors.medlemsbidrag(kontext.forbund, ar + 1), "varning": selectors.budget_varning(kontext.forbund),
        "antal_ok": sum(1 for k in data["avstamning"] if k["ok"]), "kvartal": [1, 2, 3, 4],
        "importer": list(Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar")[:5]),
    })


@behorighet("ekonomi.visa")
def bidrag(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    tilldelning = Tilldelning.objects.filter(forbund=kontext.forbund, ar=ar).prefetch_related("kommunandelar").first()
    form = None
    if kontext.kan("ekonomi.redigera"):
        initial = {}
        if tilldelning is not None:
            initial = {"belopp": tilldelning.belopp, "kommentar": tilldelning.kommentar,
                       **{f"invanare_{k.medlem_id}": k.invanare for k in tilldelning.kommunandelar.all()}}
        form = TilldelningForm(request.POST or None, forbund=kontext.forbund, initial=initial)
        if request.method == "POST" and form.is_valid():
            try:
                tilldelning_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, belopp=form.cleaned_data["belopp"],
                                  invanare=form.invanare(), kommentar=form.cleaned_data["kommentar"])
            except ValidationError as exc:
                fel(request, exc)
            else:
                messages.success(request, f"Tilldelningen för {ar} är sparad.")
                return redirect(reverse("ekonomi:bidrag", args=[ar]))
    elif request.method == "POST":
        kontext.kraver("ekonomi.redigera")
    return render(request, "ekonomi/bidrag.html", {
        "ar": ar, "ar_val": ar_val(ar), "mb": selectors.medlemsbidrag(kontext.forbund, ar), "form": form,
    })
