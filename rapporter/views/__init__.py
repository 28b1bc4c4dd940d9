"""Pages of the reports app: the list of reports, the report workspace, texts with preview, goals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling
from insatser.models import Insats
from uppfoljning.selectors import maskera, maskeringsgrans

from .. import kallor, selectors, services
from ..forms import FaststallForm, MalForm, SlutligForm, TextForm
from ..models import Forbundsmal, Rapport, RapportTyp
from ..sektioner import ARSREDOVISNING_INSATS, SEKTIONER, sektion
from ..templatetags.rapporter import stycken
from ..underlag import rendera
from ..underlag.skillnader import skillnader
from ..underlag.verksamhetsplan import verksamhetsplan as verksamhetsplan_data


def _typ(typ: str) -> str:
    if typ not in RapportTyp.values:
        raise Http404("Okänd rapporttyp.")
    return typ


def _ar(ar: int) -> int:
    if not 2000 <= ar <= 2100:
        raise Http404("Okänt år.")
    return ar


def _ar_val() -> range:
    return range(dt.date.today().year + 1, 2015, -1)


@behorighet("rapporter.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    typ, ar = request.GET.get("typ", ""), request.GET.get("ar", "")
    if typ in RapportTyp.values and ar.isdigit() and kontext.kan("rapporter.utkast"):
        return redirect("rapporter:rapport", typ=typ, ar=_ar(int(ar)))
    rapporter = list(selectors.rapporter_for(kontext))
    idag = dt.date.today()
    return render(
        request,
        "rapporter/index.html",
        {
            "rapporter": rapporter,
            "ar_val": _ar_val(),
            "forslag_ars": idag.year - 1,
            "forslag_vp": idag.year + 1 if idag.month >= 9 else idag.year,
        },
    )


def _insatstexter(kontext: Kontext, ar: int, texter: dict[tuple[str, int | None], Any]) -> list[dict[str, Any]]:
    ins = kallor.insatser(kontext.forbund, ar)
    return [
        {
            "insats": i,
            "sektioner": [{"sektion": s, "text": texter[(s.nyckel, i.pk)].text if (s.nyckel, i.pk) in texter else ""} for s in ARSREDOVISNING_INSATS],
        }
        for i in ins["lista"]
    ]


@behorighet("rapporter.utkast")
def rapport(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    obj = selectors.rapport_for(kontext, typ, ar) or Rapport(forbund=kontext.forbund, typ=typ, ar=ar)
    texter = selectors.texter(kontext.forbund, typ, ar) if typ == RapportTyp.ARSREDOVISNING else {}
    sektioner = [
        {"sektion": s, "text": texter[(s.nyckel, None)].text if (s.nyckel, None) in texter else "", "andrad": texter.get((s.nyckel, None))}
        for s in SEKTIONER.get(typ, [])
    ]
    ctx: dict[str, Any] = {
        "rapport": obj,
        "typ": typ,
        "ar": ar,
        "sektioner": sektioner,
        "ar_val": _ar_val(),
        "typ_namn": RapportTyp(typ).label,
        "mal": selectors.mal_for(kontext.forbund, ar),
        "dokument": obj.dokument if obj.pk else None,
    }
    if typ == RapportTyp.ARSREDOVISNING:
        ctx.update(_arsredovisning_sammanhang(kontext, obj, ar))
        ctx["insatstexter"] = _insatstexter(kontext, ar, texter)
        ctx["forra_aret"] = {k for (k, i) in selectors.texter(kontext.forbund, typ, ar - 1) if i is None}
    else:
        ctx.update(_vp_sammanhang(kontext, obj, ar))
    if kontext.kan("rapporter.redigera"):
        if obj.status == Rapport.Status.UTKAST:
            ctx["slutlig_form"] = SlutligForm(forbund=kontext.forbund, ar=ar)
        elif obj.status == Rapport.Status.SLUTLIG:
            ctx["faststall_form"] = FaststallForm(forbund=kontext.forbund, sammantrade=obj.sammantrade)
    return render(request, "rapporter/rapport.html", ctx)


def _arsredovisning_sammanhang(kontext: Kontext, obj: Rapport, ar: int) -> dict[str, Any]:
    """The reconciliation on the page: for a draft a fresh build (not stored); for a final or adopted report the stored
    snapshot, and what has changed in the data since (a fresh build compared with it)."""
    maskerad = not kontext.kan("utfall.omaskerat")
    underlag = selectors.underlag_for(kontext, obj) if obj.pk and obj.status != Rapport.Status.UTKAST else None
    farsk = rendera.komplett(kontext.forbund, ar, obj if obj.pk else None)
    data = underlag.data if underlag is not None else farsk
    ctx = rendera.kontext(data, kontext.forbund, maskerad=maskerad)
    ut = ctx["utfall"]
    sammanhang: dict[str, Any] = {
        "underlag": underlag,
        "avstamning_ok": data["avstamning_ok"],
        "avstamning": data["avstamning"],
        "avstamning_grupper": ctx["avstamning_grupper"],
        "saknade_avsnitt": data["saknade_avsnitt"],
        "utfall": ut,
        "utanfor_malgrupp": ctx["utanfor_malgrupp"],
        "maltrad": data.get("maltrad") or [],
        "diagram_budget": ctx["diagram"].get("budget_utfall"),
        "skillnader": skillnader(underlag.data, farsk, maskera=_maskerare(kontext) if maskerad else None) if underlag is not None else None,
    }
    if not ut.get("saknas"):
        sammanhang["diagram_deltagare"] = ctx["diagram"].get("deltagare_kon")
        sammanhang["diagram_avslut"] = ctx["diagram"].get("avslut_destination")
    return sammanhang


def _vp_sammanhang(kontext: Kontext, obj: Rapport, ar: int) -> dict[str, Any]:
    """The business plan on the page: the goal tree and budget of a fresh build; for a final or adopted plan the stored
    snapshot and what has changed in the data since ("ändrat efter fastställelse")."""
    underlag = selectors.underlag_for(kontext, obj) if obj.pk and obj.status != Rapport.Status.UTKAST else None
    farsk = verksamhetsplan_data(kontext.forbund, ar, obj if obj.pk else None)
    data = underlag.data if underlag is not None else farsk
    return {
        "planavsnitt": selectors.planavsnitt(kontext.forbund, ar),
        "redigerbar": kontext.kan("rapporter.redigera") and obj.status == Rapport.Status.UTKAST,
        "forra_planen": selectors.plan_finns(kontext.forbund, ar - 1),
        "nasta_planen": selectors.plan_finns(kontext.forbund, ar + 1),
        "underlag": underlag,
        "maltrad": data["maltrad"],
        "vp_budget": data["budget"],
        "planar": data["planar"],
        "skillnader": skillnader(underlag.data, farsk) if underlag is not None else None,
    }


def _maskerare(kontext: Kontext) -> Any:
    grans = maskeringsgrans(kontext.forbund)
    return lambda v: maskera(v, grans=grans)


@behorighet("rapporter.visa")
def avstamning(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    """The adopted report's reconciliation (the annual report) and the changes in the data since adoption (both reports),
    for revisorer and the board."""
    typ, ar = _typ(typ), _ar(ar)
    obj = selectors.rapport_for(kontext, typ, ar)
    if obj is None or obj.status == Rapport.Status.UTKAST:
        raise Http404("Rapporten har inget fastställt eller slutligt underlag.")
    ctx = _arsredovisning_sammanhang(kontext, obj, ar) if typ == RapportTyp.ARSREDOVISNING else _vp_sammanhang(kontext, obj, ar)
    if ctx["underlag"] is None:
        raise Http404("Rapporten saknar underlag.")
    return render(request, "rapporter/avstamning.html", {"rapport": obj, "typ": typ, "ar": ar, **ctx})


@behorighet("rapporter.redigera")
def text(request: HttpRequest, kontext: Kontext, typ: str, ar: int, nyckel: str, insats_id: int | None = None) -> HttpResponseBase:
    typ, ar = _typ(typ), _ar(ar)
    insats = None
    if insats_id is not None:
        if typ != RapportTyp.ARSREDOVISNING:
            raise Http404
        insats = hamta(Insats.objects.all(), kontext.forbund, pk=insats_id)
    try:
        s = sektion(typ, nyckel, insats=insats is not None)
    except KeyError as exc:
        raise Http404("Okänt avsnitt.") from exc
    befintlig = selectors.texter(kontext.forbund, typ, ar).get((nyckel, insats.pk if insats else None))
    forra = None if befintlig and befintlig.text else selectors.texter(kontext.forbund, typ, ar - 1).get((nyckel, insats.pk if insats else None))
    sammanhang = {
        "sektion": s,
        "typ": typ,
        "ar": ar,
        "typ_namn": RapportTyp(typ).label,
        "insats": insats,
        "befintlig": befintlig,
        "forra": forra if forra and forra.text else None,
        "forhandsvisning": None,
    }
    if request.method == "POST" and request.POST.get("atgard") == "forhandsgranska":
        form = TextForm(request.POST)
        sammanhang["forhandsvisning"] = stycken(form.cleaned_data["text"]) if form.is_valid() else None
        return render(request, "rapporter/text.html", {"form": form, **sammanhang})
    if request.method == "POST":
        form = TextForm(request.POST)
    elif befintlig and befintlig.text:
        form = TextForm(initial={"text": befintlig.text})
    else:  # last year's text offered as the start
        form = TextForm(initial={"text": forra.text if forra else ""})
    return formular_handling(
        request,
        form,
        lambda d: services.rapporttext_spara(
            forbund=kontext.forbund, aktor=request.user, typ=typ, ar=ar, sektion_nyckel=nyckel, text=d["text"], insats=insats
        ),
        ok=f"Texten ”{s.rubrik}” är sparad.",
        till=reverse("rapporter:rapport", args=[typ, ar]) + (f"#insats-{insats.pk}" if insats else f"#sektion-{nyckel}"),
        mall="rapporter/text.html",
        sammanhang=sammanhang,
    )


def _knapp(request: HttpRequest, typ: str, ar: int, utfor: Any, ok: str) -> HttpResponseBase:
    return knapp_handling(request, utfor, ok=ok, till=reverse("rapporter:rapport", args=[typ, ar]) + "#dokument")


@behorighet("rapporter.redigera")
@require_POST
def generera(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponseBase:
    typ, ar = _typ(typ), _ar(ar)
    return _knapp(
        request,
        typ,
        ar,
        lambda: services.rapport_generera(forbund=kontext.forbund, aktor=request.user, typ=typ, ar=ar),
        "Underlaget är byggt och rapporten skapas i bakgrunden. Sidan visar hur långt den har kommit.",
    )


@behorighet("rapporter.redigera")
@require_POST
def slutlig(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponseBase:
    typ, ar = _typ(typ), _ar(ar)
    form = SlutligForm(request.POST, forbund=kontext.forbund, ar=ar)
    sammantrade = form.cleaned_data["sammantrade"] if form.is_valid() else None  # none chosen: the service refuses
    return _knapp(
        request,
        typ,
        ar,
        lambda: services.rapport_markera_slutlig(forbund=kontext.forbund, aktor=request.user, typ=typ, ar=ar, sammantrade=sammantrade),
        "Rapporten är markerad som slutlig. Den slutliga PDF:en skapas nu från underlaget.",
    )


def _rapport_obj(kontext: Kontext, typ: str, ar: int) -> Rapport:
    obj = Rapport.objects.filter(forbund=kontext.forbund, typ=typ, ar=ar).select_related("sammantrade", "dokument").first()
    if obj is None:
        raise Http404("Rapporten finns inte.")
    return obj


@behorighet("rapporter.redigera")
@require_POST
def ateroppna(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponseBase:
    typ, ar = _typ(typ), _ar(ar)
    obj = _rapport_obj(kontext, typ, ar)
    return _knapp(
        request,
        typ,
        ar,
        lambda: services.rapport_ateroppna(forbund=kontext.forbund, aktor=request.user, rapport=obj),
        "Rapporten är återöppnad som utkast.",
    )


@behorighet("rapporter.redigera")
@require_POST
def faststall(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponseBase:
    typ, ar = _typ(typ), _ar(ar)
    obj = _rapport_obj(kontext, typ, ar)
    form = FaststallForm(request.POST, forbund=kontext.forbund, sammantrade=obj.sammantrade)
    paragraf = form.cleaned_data["paragraf"] if form.is_valid() else None  # none chosen: the service refuses
    return _knapp(
        request,
        typ,
        ar,
        lambda: services.rapport_faststall(forbund=kontext.forbund, aktor=request.user, rapport=obj, paragraf=paragraf),
        "Rapporten är fastställd. PDF:en och underlaget är låsta och PDF:ens kontrollsumma (SHA-256) sparad.",
    )


# --- The goal table -------------------------------------------------------------------------------
@behorighet("rapporter.utkast")
def mal(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    ar = _ar(ar)
    return render(
        request,
        "rapporter/mal.html",
        {
            "ar": ar,
            "mal": selectors.mal_for(kontext.forbund, ar),
            "form": MalForm(initial={"period": str(ar)}),
            "ar_val": _ar_val(),
        },
    )


@behorighet("rapporter.redigera")
@require_POST
def mal_ny(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    ar = _ar(ar)
    return formular_handling(
        request,
        MalForm(request.POST),
        lambda d: services.forbundsmal_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, **d),
        ok="Målet är tillagt.",
        till=reverse("rapporter:mal", args=[ar]),
        mall="rapporter/mal.html",
        sammanhang={"ar": ar, "mal": selectors.mal_for(kontext.forbund, ar), "ar_val": _ar_val()},
    )


@behorighet("rapporter.redigera")
def mal_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Forbundsmal = hamta(Forbundsmal.objects.all(), kontext.forbund, pk=pk)
    form = MalForm(request.POST, instance=Forbundsmal.objects.get(pk=obj.pk)) if request.method == "POST" else MalForm(instance=obj)
    return formular_handling(
        request,
        form,
        lambda d: services.forbundsmal_spara(forbund=kontext.forbund, aktor=request.user, objekt=obj, **d),
        ok="Målet är sparat.",
        till=lambda m: reverse("rapporter:mal", args=[m.ar]),
        mall="rapporter/mal_andra.html",
        sammanhang={"obj": obj},
    )


@behorighet("rapporter.redigera")
@require_POST
def mal_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj: Forbundsmal = hamta(Forbundsmal.objects.all(), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: services.forbundsmal_ta_bort(forbund=kontext.forbund, aktor=request.user, mal=obj),
        ok="Målet är borttaget.",
        till=reverse("rapporter:mal", args=[obj.ar]),
    )


@behorighet("rapporter.redigera")
@require_POST
def mal_kopiera(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    ar = _ar(ar)
    return knapp_handling(
        request,
        lambda: services.forbundsmal_kopiera(forbund=kontext.forbund, aktor=request.user, fran_ar=ar - 1, till_ar=ar),
        ok=lambda antal: f"{antal} mål kopierade från {ar - 1}. Bedömningarna börjar om.",
        till=reverse("rapporter:mal", args=[ar]),
    )
