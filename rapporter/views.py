"""Pages of the reports app: the list of reports, the report workspace, texts with preview, goals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text

from . import diagram, kallor, selectors, services
from .forms import FaststallForm, MalForm, SlutligForm, TextForm
from .models import Forbundsmal, Rapport, RapportTyp
from .sektioner import ARSREDOVISNING_INSATS, SEKTIONER, sektion
from .templatetags.rapporter import stycken


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
    return render(request, "rapporter/index.html", {
        "rapporter": rapporter,
        "ar_val": _ar_val(),
        "forslag_ars": idag.year - 1,
        "forslag_vp": idag.year + 1 if idag.month >= 9 else idag.year,
    })


def _insatstexter(kontext: Kontext, ar: int, texter: dict[tuple[str, int | None], Any]) -> list[dict[str, Any]]:
    ins = kallor.insatser(kontext.forbund, ar)
    return [
        {"insats": i, "sektioner": [
            {"sektion": s, "text": texter[(s.nyckel, i.pk)].text if (s.nyckel, i.pk) in texter else ""} for s in ARSREDOVISNING_INSATS
        ]}
        for i in ins["lista"]
    ]


@behorighet("rapporter.utkast")
def rapport(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    obj = selectors.rapport_for(kontext, typ, ar) or Rapport(forbund=kontext.forbund, typ=typ, ar=ar)
    texter = selectors.texter(kontext.forbund, typ, ar)
    sektioner = [
        {"sektion": s, "text": texter[(s.nyckel, None)].text if (s.nyckel, None) in texter else "",
         "andrad": texter.get((s.nyckel, None))}
        for s in SEKTIONER[typ]
    ]
    ctx: dict[str, Any] = {
        "rapport": obj, "typ": typ, "ar": ar, "sektioner": sektioner, "ar_val": _ar_val(),
        "typ_namn": RapportTyp(typ).label, "mal": selectors.mal_for(kontext.forbund, ar),
        "dokument": obj.dokument if obj.pk else None,
    }
    if typ == RapportTyp.ARSREDOVISNING:
        rak = kallor.rakenskaper(kontext.forbund, ar)
        ok, kontroller = kallor.avstamning_for(rak, kontext.forbund, ar)
        ut = kallor.utfall(kontext.forbund, ar, maskera=not kontext.kan("utfall.omaskerat"))
        ctx.update({"avstamning_ok": ok, "avstamning": kontroller, "utfall": ut,
                    "insatstexter": _insatstexter(kontext, ar, texter)})
        if not ut.get("saknas"):
            ctx["diagram_deltagare"] = diagram.staplar_kon(
                [(r["kortnamn"] or r["namn"], r["deltagare"]) for r in ut["per_insats"].values()], f"Deltagare {ar} per insats och kön")
            ctx["diagram_avslut"] = diagram.staplar_kon(
                [(f["namn"], f) for f in ut["totalt"]["forsorjning_ut"]], f"Avslutade deltagare {ar} per försörjning vid avslut och kön")
        ctx["diagram_budget"] = selectors.budget_diagram(rak)
    if kontext.kan("rapporter.redigera"):
        if obj.status == Rapport.Status.UTKAST:
            ctx["slutlig_form"] = SlutligForm(forbund=kontext.forbund, ar=ar)
        elif obj.status == Rapport.Status.SLUTLIG:
            ctx["faststall_form"] = FaststallForm(forbund=kontext.forbund, sammantrade=obj.sammantrade)
    return render(request, "rapporter/rapport.html", ctx)


def _till_rapport(typ: str, ar: int, ankare: str = "") -> HttpResponse:
    return redirect(reverse("rapporter:rapport", args=[typ, ar]) + (f"#{ankare}" if ankare else ""))


@behorighet("rapporter.redigera")
def text(request: HttpRequest, kontext: Kontext, typ: str, ar: int, nyckel: str, insats_id: int | None = None) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    insats = None
    if insats_id is not None:
        from insatser.models import Insats

        if typ != RapportTyp.ARSREDOVISNING:
            raise Http404
        insats = hamta(Insats.objects.all(), kontext.forbund, pk=insats_id)
    try:
        s = sektion(typ, nyckel, insats=insats is not None)
    except KeyError as exc:
        raise Http404("Okänt avsnitt.") from exc
    befintlig = selectors.texter(kontext.forbund, typ, ar).get((nyckel, insats.pk if insats else None))
    forhandsvisning = None
    if request.method == "POST":
        form = TextForm(request.POST)
        if form.is_valid():
            if request.POST.get("atgard") == "forhandsgranska":
                forhandsvisning = stycken(form.cleaned_data["text"])
            else:
                try:
                    services.rapporttext_spara(forbund=kontext.forbund, aktor=request.user, typ=typ, ar=ar, sektion_nyckel=nyckel,
                                               text=form.cleaned_data["text"], insats=insats)
                except ValidationError as exc:
                    messages.error(request, fel_text(exc))
                else:
                    messages.success(request, f"Texten ”{s.rubrik}” är sparad.")
                    return _till_rapport(typ, ar, f"insats-{insats.pk}" if insats else f"sektion-{nyckel}")
    else:
        form = TextForm(initial={"text": befintlig.text if befintlig else ""})
    return render(request, "rapporter/text.html", {
        "form": form, "sektion": s, "typ": typ, "ar": ar, "typ_namn": RapportTyp(typ).label, "insats": insats,
        "befintlig": befintlig, "forhandsvisning": forhandsvisning,
    })


def _utfor(request: HttpRequest, typ: str, ar: int, fn: Any, ok: str, /, **kw: Any) -> HttpResponse:
    try:
        fn(aktor=request.user, **kw)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
    else:
        messages.success(request, ok)
    return _till_rapport(typ, ar, "dokument")


@behorighet("rapporter.redigera")
@require_POST
def generera(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    return _utfor(request, typ, ar, services.rapport_generera, "Rapporten skapas i bakgrunden. Sidan visar hur långt den har kommit.",
                  forbund=kontext.forbund, typ=typ, ar=ar)


@behorighet("rapporter.redigera")
@require_POST
def slutlig(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    form = SlutligForm(request.POST, forbund=kontext.forbund, ar=ar)
    if not form.is_valid():
        messages.error(request, "Välj det sammanträde där styrelsen ska besluta om rapporten.")
        return _till_rapport(typ, ar, "status")
    return _utfor(request, typ, ar, services.rapport_markera_slutlig,
                  "Rapporten är markerad som slutlig. Den slutliga PDF:en skapas nu.",
                  forbund=kontext.forbund, typ=typ, ar=ar, sammantrade=form.cleaned_data["sammantrade"])


def _rapport_obj(kontext: Kontext, typ: str, ar: int) -> Rapport:
    obj = Rapport.objects.filter(forbund=kontext.forbund, typ=typ, ar=ar).select_related("sammantrade", "dokument").first()
    if obj is None:
        raise Http404("Rapporten finns inte.")
    return obj


@behorighet("rapporter.redigera")
@require_POST
def ateroppna(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    obj = _rapport_obj(kontext, typ, ar)
    return _utfor(request, typ, ar, services.rapport_ateroppna, "Rapporten är återöppnad som utkast.", forbund=kontext.forbund, rapport=obj)


@behorighet("rapporter.redigera")
@require_POST
def faststall(request: HttpRequest, kontext: Kontext, typ: str, ar: int) -> HttpResponse:
    typ, ar = _typ(typ), _ar(ar)
    obj = _rapport_obj(kontext, typ, ar)
    form = FaststallForm(request.POST, forbund=kontext.forbund, sammantrade=obj.sammantrade)
    if not form.is_valid():
        messages.error(request, "Välj styrelsens beslutsparagraf från sammanträdet.")
        return _till_rapport(typ, ar, "status")
    return _utfor(request, typ, ar, services.rapport_faststall,
                  "Rapporten är fastställd. PDF:en är låst och dess kontrollsumma (SHA-256) sparad.",
                  forbund=kontext.forbund, rapport=obj, paragraf=form.cleaned_data["paragraf"])


# --- The goal table -------------------------------------------------------------------------------
@behorighet("rapporter.utkast")
def mal(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    ar = _ar(ar)
    return render(request, "rapporter/mal.html", {
        "ar": ar, "mal": selectors.mal_for(kontext.forbund, ar), "form": MalForm(initial={"period": str(ar)}), "ar_val": _ar_val(),
    })


@behorighet("rapporter.redigera")
@require_POST
def mal_ny(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    ar = _ar(ar)
    form = MalForm(request.POST)
    if form.is_valid():
        try:
            services.forbundsmal_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Målet är tillagt.")
            return redirect("rapporter:mal", ar=ar)
    return render(request, "rapporter/mal.html", {"ar": ar, "mal": selectors.mal_for(kontext.forbund, ar), "form": form,
                                                   "ar_val": _ar_val()}, status=400)


@behorighet("rapporter.redigera")
def mal_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj: Forbundsmal = hamta(Forbundsmal.objects.all(), kontext.forbund, pk=pk)
    if request.method == "POST":
        form = MalForm(request.POST, instance=Forbundsmal.objects.get(pk=obj.pk))
        if form.is_valid():
            try:
                services.forbundsmal_spara(forbund=kontext.forbund, aktor=request.user, objekt=obj, **form.cleaned_data)
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
            else:
                messages.success(request, "Målet är sparat.")
                return redirect("rapporter:mal", ar=obj.ar)
    else:
        form = MalForm(instance=obj)
    return render(request, "rapporter/mal_andra.html", {"form": form, "obj": obj})


@behorighet("rapporter.redigera")
@require_POST
def mal_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj: Forbundsmal = hamta(Forbundsmal.objects.all(), kontext.forbund, pk=pk)
    try:
        services.forbundsmal_ta_bort(forbund=kontext.forbund, aktor=request.user, mal=obj)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
    else:
        messages.success(request, "Målet är borttaget.")
    return redirect("rapporter:mal", ar=obj.ar)


@behorighet("rapporter.redigera")
@require_POST
def mal_kopiera(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    ar = _ar(ar)
    try:
        antal = services.forbundsmal_kopiera(forbund=kontext.forbund, aktor=request.user, fran_ar=ar - 1, till_ar=ar)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
    else:
        messages.success(request, f"{antal} mål kopierade från {ar - 1}. Bedömningarna börjar om.")
    return redirect("rapporter:mal", ar=ar)
