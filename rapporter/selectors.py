"""Reads of the reports app: the report records, texts and goals, and the full data of each document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from finsam.models import Dokument, Forbund, Medlem
from finsam.permissions import Kontext

from . import diagram, ekonomitabeller, kallor
from .models import Forbundsmal, Rapport, Rapporttext, RapportTyp
from .sektioner import ARSREDOVISNING_INSATS, SEKTIONER

Progress = Callable[[int, str], None]


def _ingen_progress(procent: int, text: str) -> None:
    return None


def rapporter_for(kontext: Kontext) -> QuerySet[Rapport]:
    """The förbund's reports; roles without access to drafts see only the adopted ones."""
    kontext.kraver("rapporter.visa")
    qs = Rapport.objects.filter(forbund=kontext.forbund).select_related("dokument", "beslut", "beslut__sammantrade", "sammantrade")
    if not kontext.kan("rapporter.utkast"):
        qs = qs.filter(status=Rapport.Status.FASTSTALLD)
    return qs.order_by("-ar", "typ")


def rapport_for(kontext: Kontext, typ: str, ar: int) -> Rapport | None:
    return rapporter_for(kontext).filter(typ=typ, ar=ar).first()


def texter(forbund: Forbund, typ: str, ar: int) -> dict[tuple[str, int | None], Rapporttext]:
    return {
        (t.sektion, t.insats_id): t
        for t in Rapporttext.objects.filter(forbund=forbund, typ=typ, ar=ar).select_related("andrad_av")
    }


def mal_for(forbund: Forbund, ar: int) -> list[Forbundsmal]:
    return list(Forbundsmal.objects.filter(forbund=forbund, ar=ar).order_by("ordning", "id"))


def _medlemmar(forbund: Forbund) -> list[Medlem]:
    return list(Medlem.objects.filter(forbund=forbund).order_by("ordning", "namn"))


def _sektioner(typ: str, txt: dict[tuple[str, int | None], Rapporttext]) -> list[dict[str, Any]]:
    return [{"nyckel": s.nyckel, "rubrik": s.rubrik, "text": txt[(s.nyckel, None)].text if (s.nyckel, None) in txt else ""}
            for s in SEKTIONER[typ]]


def _beslut(rapport: Rapport | None) -> dict[str, Any]:
    if rapport is None or rapport.status == Rapport.Status.UTKAST:
        return {"utkast": True}
    datum = rapport.sammantrade.datum if rapport.sammantrade else None
    return {"utkast": False, "datum": datum, "paragraf": rapport.beslut}


def _signaturer(forbund: Forbund, ar: int, rapport: Rapport | None) -> list[Any]:
    """Every ledamot of the board on the decision day (or, for a draft, at the end of the year)."""
    from styrelse.models import Mandat

    dag = rapport.sammantrade.datum if rapport and rapport.sammantrade else dt.date(ar, 12, 31)
    ledamoter = list(
        Mandat.objects.filter(forbund=forbund, typ=Mandat.Typ.LEDAMOT, fran__lte=dag)
        .filter(Q(till__isnull=True) | Q(till__gte=dag))
        .select_related("person", "medlem")
        .order_by("medlem__ordning", "person__namn")
    )
    ledamoter.sort(key=lambda m: {"ordforande": 0, "vice_ordforande": 1}.get(m.uppdrag, 2))
    return ledamoter


def _utfall_diagram(ut: dict[str, Any]) -> dict[str, Any]:
    if ut.get("saknas"):
        return {}
    per = ut["per_insats"]
    deltagare = [(r["kortnamn"] or r["namn"], r["deltagare"]) for r in per.values()]
    avslut = [(f["namn"], f) for f in ut["totalt"]["forsorjning_ut"] if f["totalt"]]
    return {
        "deltagare_kon": diagram.staplar_kon(deltagare, "Deltagare per insats och kön") if _nagon(deltagare) else None,
        "avslut_destination": diagram.staplar_kon(avslut, "Avslutade deltagare per försörjning vid avslut och kön") if _nagon(avslut) else None,
    }


def _nagon(rader: list[tuple[str, dict[str, Any]]]) -> bool:
    return any(isinstance(g.get("totalt"), str) or g.get("totalt") for _, g in rader)


def budget_diagram(rak: dict[str, Any]) -> Any:
    par = ekonomitabeller.budget_utfall_par(rak)
    return diagram.budget_mot_utfall(par, "Budget och utfall per kostnadsgrupp") if par else None


def arsredovisning(forbund: Forbund, ar: int, progress: Progress = _ingen_progress) -> dict[str, Any]:
    """Everything the annual report shows, section by section (progress reported per section)."""
    rapport = Rapport.objects.filter(forbund=forbund, typ=RapportTyp.ARSREDOVISNING, ar=ar).select_related(
        "sammantrade", "beslut").first()
    progress(5, "Ordförande har ordet och texter")
    txt = texter(forbund, RapportTyp.ARSREDOVISNING, ar)
    progress(15, "Förvaltningsberättelse: deltagare och avslut")
    ut = kallor.utfall(forbund, ar, maskera=True)
    progress(25, "Insatser")
    ins = kallor.insatser(forbund, ar)
    per_insats = ut.get("per_insats", {}) if not ut.get("saknas") else {}
    for i in ins["lista"]:
        i.utfall = per_insats.get(i.kortnamn)  # type: ignore[attr-defined]
        i.texter = [  # type: ignore[attr-defined]
            {"rubrik": s.rubrik, "nyckel": s.nyckel, "text": txt[(s.nyckel, i.pk)].text if (s.nyckel, i.pk) in txt else ""}
            for s in ARSREDOVISNING_INSATS
        ]
    progress(35, "Måluppfyllelse")
    mal = mal_for(forbund, ar)
    progress(45, "Styrelsens arbete")
    sty = kallor.styrelse(forbund, ar)
    progress(55, "Räkenskaper och noter")
    rak = kallor.rakenskaper(forbund, ar)
    bidrag = kallor.medlemsbidrag(forbund, ar)
    ok, kontroller = kallor.avstamning_for(rak, forbund, ar)
    progress(62, "Diagram")
    return {
        "forbund": forbund,
        "ar": ar,
        "rapport": rapport,
        "beslut": _beslut(rapport),
        "titel": f"Årsredovisning {ar}",
        "medlemmar": _medlemmar(forbund),
        "sektioner": {s["nyckel"]: s for s in _sektioner(RapportTyp.ARSREDOVISNING, txt)},
        "utfall": ut,
        "insatser": ins,
        "mal": mal,
        "styrelse": sty,
        "rakenskaper": rak,
        "rakenskaper_kapitel": ekonomitabeller.kapitel(rak, ar),
        "medlemsbidrag": bidrag,
        "avstamning_ok": ok,
        "avstamning": kontroller,
        "diagram": {**_utfall_diagram(ut), "budget_utfall": budget_diagram(rak)},
        "signaturer": _signaturer(forbund, ar, rapport),
        "skapad": timezone.now(),
    }


def verksamhetsplan(forbund: Forbund, ar: int, progress: Progress = _ingen_progress) -> dict[str, Any]:
    """Everything the business plan shows: texts, the goal table, interventions with grants, budget."""
    rapport = Rapport.objects.filter(forbund=forbund, typ=RapportTyp.VERKSAMHETSPLAN, ar=ar).select_related(
        "sammantrade", "beslut").first()
    progress(10, "Inledning och texter")
    txt = texter(forbund, RapportTyp.VERKSAMHETSPLAN, ar)
    progress(25, "Måltabell")
    mal = mal_for(forbund, ar)
    progress(40, "Insatser och beviljade medel")
    ins = kallor.insatser(forbund, ar)
    progress(55, "Budget och medlemsbidrag")
    budget = kallor.budget_tabell(forbund, ar)
    bidrag = kallor.medlemsbidrag(forbund, ar)
    return {
        "forbund": forbund,
        "ar": ar,
        "rapport": rapport,
        "beslut": _beslut(rapport),
        "titel": f"Verksamhetsplan {ar}",
        "medlemmar": _medlemmar(forbund),
        "sektioner": {s["nyckel"]: s for s in _sektioner(RapportTyp.VERKSAMHETSPLAN, txt)},
        "mal": mal,
        "insatser": ins,
        "budget": ekonomitabeller.budget(budget, ar),
        "medlemsbidrag": bidrag,
        "skapad": timezone.now(),
    }


def senaste_dokument(rapport: Rapport | None) -> Dokument | None:
    return rapport.dokument if rapport else None
