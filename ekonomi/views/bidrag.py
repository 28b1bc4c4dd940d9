"""Overview and contributions."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.web import behorighet, formular_handling

from .. import selectors
from ..forms import TilldelningForm
from ..models import Redovisningsimport, Tilldelning
from ..services import tilldelning_spara
from .hjalp import ar_val, bidragssammanhang


@behorighet("ekonomi.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    senaste = Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()
    ar = ar_fran(request, senaste)
    data = selectors.rakenskaper(kontext.forbund, ar)
    budgetar = list(selectors.budgetar(kontext.forbund)[:6])
    return render(
        request,
        "ekonomi/index.html",
        {
            "ar": ar,
            "ar_val": ar_val(ar),
            "data": data,
            "budgetar": budgetar,
            "bidrag": selectors.medlemsbidrag(kontext.forbund, ar),
            "nasta_bidrag": selectors.medlemsbidrag(kontext.forbund, ar + 1),
            "varning": selectors.budget_varning(kontext.forbund),
            "antal_ok": sum(1 for k in data["avstamning"] if k["ok"]),
            "kvartal": [1, 2, 3, 4],
            "importer": list(Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar")[:5]),
        },
    )


@behorighet("ekonomi.visa")
def bidrag(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    sammanhang = bidragssammanhang(kontext, ar)
    if not kontext.kan("ekonomi.redigera"):
        if request.method == "POST":
            kontext.kraver("ekonomi.redigera")
        return render(request, "ekonomi/bidrag.html", {**sammanhang, "form": None})
    tilldelning = Tilldelning.objects.filter(forbund=kontext.forbund, ar=ar).prefetch_related("kommunandelar").first()
    initial = {}
    if tilldelning is not None:
        initial = {
            "belopp": tilldelning.belopp,
            "kommentar": tilldelning.kommentar,
            **{f"invanare_{k.medlem_id}": k.invanare for k in tilldelning.kommunandelar.all()},
        }
    form = TilldelningForm(request.POST or None, forbund=kontext.forbund, initial=initial)
    return formular_handling(
        request,
        form,
        lambda d: tilldelning_spara(
            forbund=kontext.forbund, aktor=request.user, ar=ar, belopp=d["belopp"], invanare=form.invanare(), kommentar=d["kommentar"]
        ),
        ok=f"Tilldelningen för {ar} är sparad.",
        till=reverse("ekonomi:bidrag", args=[ar]),
        mall="ekonomi/bidrag.html",
        sammanhang=sammanhang,
    )
