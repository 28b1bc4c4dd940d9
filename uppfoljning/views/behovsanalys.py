"""Pages of the needs analysis: the analysis of a year (all roles: aggregates only), import and entry of the statistics
and the analysis text (kansli), the PDF order and the board's adoption (förbundschef)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.web import behorighet, formular_handling, knapp_handling

from ..forms.behovsanalys import AnalysForm, FaststallForm, StatistikImportForm, StatistikvardeForm
from ..selectors import behovsanalys as selectors
from ..services import behovsanalys as services
from ..services.statistikimport import statistik_importera


def _sida(ar: int) -> str:
    return f"{reverse('uppfoljning:behovsanalys')}?ar={ar}"


def _standardar(request: HttpRequest, kontext: Kontext) -> int:
    if "ar" in request.GET:
        return ar_fran(request)
    ar = selectors.ar_med_statistik(kontext.forbund)
    return ar[0] if ar else dt.date.today().year - 1


@behorighet("utfall.visa")
def behovsanalys(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = _standardar(request, kontext)
    data = selectors.behovsanalys(kontext, ar)
    analys = data["analys"]
    sammanhang: dict[str, Any] = {
        **data,
        "ar_val": selectors.ar_med_statistik(kontext.forbund),
        "analysform": AnalysForm(initial={"analys": analys.analys if analys else ""}) if kontext.kan("deltagare.redigera") else None,
        "faststallform": FaststallForm(forbund=kontext.forbund) if kontext.kan("styrelse.redigera") else None,
        "dokument": analys.dokument if analys and (kontext.kan("dokument.skapa") or analys.ar_faststalld) else None,
    }
    return render(request, "uppfoljning/behovsanalys.html", sammanhang)


@behorighet("deltagare.redigera")
def statistik_import(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = StatistikImportForm(request.POST or None, request.FILES or None)

    def utfor(d: dict[str, Any]) -> Any:
        fil = d["fil"]
        return statistik_importera(forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, torrkorning=d["provkorning"])

    def ok(r: Any) -> str:
        return ("Provkörning: inget har sparats. " if d_prov(request) else "") + r.sammanfattning()

    return formular_handling(
        request,
        form,
        utfor,
        ok=ok,
        till=lambda r: reverse("uppfoljning:statistik_import") if d_prov(request) else _sida(r.ar[-1]),
        mall="uppfoljning/statistik_import.html",
    )


def d_prov(request: HttpRequest) -> bool:
    return bool(request.POST.get("provkorning"))


@behorighet("deltagare.redigera")
def statistik_varde(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = StatistikvardeForm(request.POST or None, initial={"ar": request.GET.get("ar", "")})
    return formular_handling(
        request,
        form,
        lambda d: services.statistikvarde_spara(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda v: "Värdet är sparat." if v is not None else "Värdet är borttaget.",
        till=lambda v: reverse("uppfoljning:statistik_varde"),
        mall="uppfoljning/statistik_varde.html",
    )


@behorighet("deltagare.redigera")
def behovsanalys_analys(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    form = AnalysForm(request.POST or None)
    return formular_handling(
        request,
        form,
        lambda d: services.behovsanalys_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, analys=d["analys"]),
        ok=f"Analysen för {ar} är sparad.",
        till=_sida(ar),
        mall="uppfoljning/behovsanalys_analys.html",
        sammanhang={"ar": ar},
    )


@behorighet("dokument.skapa")
@require_POST
def behovsanalys_pdf(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    return knapp_handling(
        request,
        lambda: services.behovsanalys_bestall(forbund=kontext.forbund, aktor=request.user, ar=ar),
        ok=f"PDF:en av behovsanalysen {ar} skapas.",
        till=_sida(ar),
    )


@behorighet("styrelse.redigera")
@require_POST
def behovsanalys_faststall(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    form = FaststallForm(request.POST or None, forbund=kontext.forbund)
    paragraf = form.cleaned_data["paragraf"] if form.is_valid() else None  # none chosen: the service refuses
    return knapp_handling(
        request,
        lambda: services.behovsanalys_faststall(forbund=kontext.forbund, aktor=request.user, ar=ar, paragraf=paragraf),
        ok=lambda a: f"Behovsanalysen för {ar} är fastställd genom {a.beslut}.",
        till=_sida(ar),
    )
