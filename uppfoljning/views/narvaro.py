"""Pages of attendance per period (kansli only): a period entered or removed on the participant page, and the import."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from ..forms.narvaro import NarvaroImportForm, NarvaroperiodForm
from ..models import Inskrivning, Narvaroperiod
from ..services import narvaro as services


@behorighet("deltagare.redigera")
def narvaro_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    inskrivning: Inskrivning = hamta(Inskrivning.objects.select_related("insats", "deltagare"), kontext.forbund, pk=pk)

    def utfor(d: dict[str, Any]) -> Narvaroperiod:
        typ, start = d["period"]
        return services.narvaroperiod_spara(
            forbund=kontext.forbund,
            aktor=request.user,
            inskrivning=inskrivning,
            periodtyp=typ,
            period=start,
            planerade=d["planerade"],
            narvarade=d["narvarade"],
        )

    return formular_handling(
        request,
        NarvaroperiodForm(request.POST or None),
        utfor,
        ok=lambda p: f"Närvaron {p.text} i {inskrivning.insats.kortnamn} är sparad: {p.narvarade} av {p.planerade} tillfällen.",
        till=reverse("uppfoljning:deltagare_detalj", args=[inskrivning.deltagare_id]) + f"#narvaro-{inskrivning.pk}",
        mall="uppfoljning/narvaro_ny.html",
        sammanhang={"inskrivning": inskrivning},
    )


@behorighet("deltagare.redigera")
@require_POST
def narvaro_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Narvaroperiod = hamta(Narvaroperiod.objects.select_related("inskrivning"), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: services.narvaroperiod_ta_bort(forbund=kontext.forbund, aktor=request.user, narvaroperiod=obj),
        ok=f"Närvaron {obj.text} är borttagen.",
        till=reverse("uppfoljning:deltagare_detalj", args=[obj.inskrivning.deltagare_id]) + f"#narvaro-{obj.inskrivning_id}",
    )


@behorighet("deltagare.redigera")
def narvaro_import(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    def utfor(d: dict[str, Any]) -> int:
        fil = d["fil"]
        return services.narvaroperioder_importera(forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name)

    return formular_handling(
        request,
        NarvaroImportForm(request.POST or None, request.FILES or None),
        utfor,
        ok=lambda n: f"Närvaron är importerad: {n} perioder.",
        till=reverse("uppfoljning:narvaro_import"),
        mall="uppfoljning/narvaro_import.html",
    )
