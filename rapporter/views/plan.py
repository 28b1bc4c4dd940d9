"""Pages of the verksamhetsplan's sections: start a year from the template or copy last year's plan, add, change,
move (up/down buttons, keyboard accessible), and remove a section. Every write goes through rapporter.plan."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import plan
from ..forms import PlanavsnittForm
from ..models import Planavsnitt, RapportTyp
from ..sektioner import PLANMALL
from . import _ar

VP = RapportTyp.VERKSAMHETSPLAN


def _sidan(ar: int, nyckel: str = "") -> str:
    return reverse("rapporter:rapport", args=[VP, ar]) + (f"#avsnitt-{nyckel}" if nyckel else "#avsnitt")


def _indata(d: dict[str, Any]) -> dict[str, Any]:
    """The form's cleaned data as the service's arguments (table rows parsed from lines)."""
    ut = {k: v for k, v in d.items() if k != "rader"}
    if "rader" in d:
        ut["rader"] = plan.rader_fran_text(d["rader"])
    return ut


@behorighet("rapporter.redigera")
@require_POST
def plan_starta(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    ar = _ar(ar)
    return knapp_handling(
        request,
        lambda: plan.plan_starta(forbund=kontext.forbund, aktor=request.user, ar=ar),
        ok=f"Verksamhetsplanen för {ar} är skapad från standardmallen.",
        till=_sidan(ar),
    )


@behorighet("rapporter.redigera")
@require_POST
def plan_kopiera(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    """ "Ny plan för <ar + 1> från <ar>"."""
    ar = _ar(ar)
    return knapp_handling(
        request,
        lambda: plan.plan_kopiera(forbund=kontext.forbund, aktor=request.user, fran_ar=ar, till_ar=ar + 1),
        ok=lambda nya: f"Verksamhetsplanen för {ar + 1} är skapad från {ar}: {len(nya)} avsnitt att revidera.",
        till=lambda nya: _sidan(ar + 1) if nya else _sidan(ar),
    )


@behorighet("rapporter.redigera")
def avsnitt_nytt(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    ar = _ar(ar)
    form = PlanavsnittForm(request.POST or None, forbund=kontext.forbund, initial={"slag": Planavsnitt.Slag.TEXT})
    return formular_handling(
        request,
        form,
        lambda d: plan.planavsnitt_skapa(forbund=kontext.forbund, aktor=request.user, ar=ar, **{**_indata(d), "slag": d["slag"] or "text"}),
        ok=lambda a: f"Avsnittet ”{a.rubrik}” är tillagt sist i planen.",
        till=lambda a: _sidan(ar, a.nyckel),
        mall="rapporter/planavsnitt.html",
        sammanhang={"ar": ar, "avsnitt": None, "rubrik": f"Nytt avsnitt i verksamhetsplanen {ar}"},
    )


@behorighet("rapporter.redigera")
def avsnitt_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Planavsnitt = hamta(Planavsnitt.objects.select_related("insats"), kontext.forbund, pk=pk)
    if request.method == "POST":
        form = PlanavsnittForm(request.POST, forbund=kontext.forbund, avsnitt=obj)
    else:
        initial = {f: getattr(obj, f) for f in plan.TEXTFALT} | {"insats": obj.insats_id, "rader": plan.rader_som_text(obj.rader)}
        form = PlanavsnittForm(initial=initial, forbund=kontext.forbund, avsnitt=obj)
    mall = PLANMALL.get(obj.nyckel)
    return formular_handling(
        request,
        form,
        lambda d: plan.planavsnitt_andra(forbund=kontext.forbund, aktor=request.user, avsnitt=obj, **_indata(d)),
        ok=lambda a: f"Avsnittet ”{a.rubrik}” är sparat.",
        till=lambda a: _sidan(a.ar, a.nyckel),
        mall="rapporter/planavsnitt.html",
        sammanhang={"ar": obj.ar, "avsnitt": obj, "hjalp": mall.hjalp if mall else "", "rubrik": f"{obj.rubrik} – verksamhetsplan {obj.ar}"},
    )


@behorighet("rapporter.redigera")
@require_POST
def avsnitt_flytta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Planavsnitt = hamta(Planavsnitt.objects.all(), kontext.forbund, pk=pk)
    riktning = request.POST.get("riktning", "")
    return knapp_handling(
        request,
        lambda: plan.planavsnitt_flytta(forbund=kontext.forbund, aktor=request.user, avsnitt=obj, riktning=riktning),
        ok=f"Avsnittet ”{obj.rubrik}” är flyttat {'upp' if riktning == 'upp' else 'ned'}.",
        till=_sidan(obj.ar, obj.nyckel),
    )


@behorighet("rapporter.redigera")
@require_POST
def avsnitt_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Planavsnitt = hamta(Planavsnitt.objects.all(), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: plan.planavsnitt_ta_bort(forbund=kontext.forbund, aktor=request.user, avsnitt=obj),
        ok=f"Avsnittet ”{obj.rubrik}” är borttaget ur planen.",
        till=_sidan(obj.ar),
    )
