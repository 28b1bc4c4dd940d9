"""How the member shares are invoiced: the year's rounding rule and explained adjustments adopted by a § (förbundschef).

Everyone who reads ekonomi sees the rule on the contributions page; the same services serve the API."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse

from finsam.permissions import Kontext
from finsam.web import behorighet, formular_handling

from ..forms import BidragsavrundningForm, BidragsjusteringForm
from ..models import Bidragsavrundning
from ..services import bidragsavrundning_spara, bidragsjustering_spara
from .hjalp import bidragssammanhang


@behorighet("ekonomi.redigera")
def bidragsavrundning(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    befintlig = Bidragsavrundning.objects.filter(forbund=kontext.forbund, ar=ar).first()
    initial = {"regel": befintlig.regel, "paragraf": befintlig.paragraf_id, "forklaring": befintlig.forklaring} if befintlig else {}
    form = BidragsavrundningForm(request.POST or None, forbund=kontext.forbund, initial=initial)
    return formular_handling(
        request,
        form,
        lambda d: bidragsavrundning_spara(
            forbund=kontext.forbund, aktor=request.user, ar=ar, regel=d["regel"], paragraf=d["paragraf"], forklaring=d["forklaring"]
        ),
        ok=lambda r: f"Avrundningen av medlemsbidragen {ar} är sparad: {r.get_regel_display().lower()}.",
        till=reverse("ekonomi:bidrag", args=[ar]) + "#avrundning",
        mall="ekonomi/bidragsavrundning.html",
        sammanhang={**bidragssammanhang(kontext, ar), "rubrik": f"Avrundning av medlemsbidragen {ar}", "knapp": "Spara avrundning"},
    )


@behorighet("ekonomi.redigera")
def bidragsjustering(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    form = BidragsjusteringForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: bidragsjustering_spara(
            forbund=kontext.forbund,
            aktor=request.user,
            ar=ar,
            medlem=d["medlem"],
            belopp=d["belopp"],
            forklaring=d["forklaring"],
            paragraf=d["paragraf"],
        ),
        ok=lambda j: f"Justeringen för {j.medlem.namn} {ar} är sparad.",
        till=reverse("ekonomi:bidrag", args=[ar]) + "#avrundning",
        mall="ekonomi/bidragsavrundning.html",
        sammanhang={**bidragssammanhang(kontext, ar), "rubrik": f"Justering av medlemsbidrag {ar}", "knapp": "Spara justering"},
    )
