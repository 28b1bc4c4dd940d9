"""Reads of the reports app: the report records, texts and goals, and the full data of each document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet

from finsam.models import Dokument, Forbund, Medlem
from finsam.permissions import Kontext
from finsam.sortering import svensk

from . import diagram, ekonomitabeller
from .models import Forbundsmal, Planavsnitt, Rapport, Rapporttext, RapportTyp, Rapportunderlag
from .sektioner import SEKTIONER
from .underlag import rendera
from .underlag.delar import texter as texter  # re-exported: the pages read the texts through the selectors
from .underlag.verksamhetsplan import sektioner_v1
from .underlag.verksamhetsplan import verksamhetsplan as verksamhetsplan_data

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


def planavsnitt(forbund: Forbund, ar: int) -> list[Planavsnitt]:
    return list(Planavsnitt.objects.filter(forbund=forbund, ar=ar).select_related("insats").order_by("ordning", "id"))


def plan_finns(forbund: Forbund, ar: int) -> bool:
    return Planavsnitt.objects.filter(forbund=forbund, ar=ar).exists()


def mal_for(forbund: Forbund, ar: int) -> list[Forbundsmal]:
    return list(Forbundsmal.objects.filter(forbund=forbund, ar=ar).order_by("ordning", "id"))


def _medlemmar(forbund: Forbund) -> list[Medlem]:
    return list(Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn")))


def _sektioner(typ: str, txt: dict[tuple[str, int | None], Rapporttext]) -> list[dict[str, Any]]:
    return [{"nyckel": s.nyckel, "rubrik": s.rubrik, "text": txt[(s.nyckel, None)].text if (s.nyckel, None) in txt else ""} for s in SEKTIONER[typ]]


def _beslut(rapport: Rapport | None) -> dict[str, Any]:
    if rapport is None or rapport.status == Rapport.Status.UTKAST:
        return {"utkast": True}
    datum = rapport.sammantrade.datum if rapport.sammantrade else None
    return {"utkast": False, "datum": datum, "paragraf": rapport.beslut}


def budget_diagram(rak: dict[str, Any]) -> Any:
    par = ekonomitabeller.budget_utfall_par(rak)
    return diagram.budget_mot_utfall(par, "Budget och utfall per kostnadsgrupp") if par else None


def arsredovisning(forbund: Forbund, ar: int, progress: Progress = _ingen_progress) -> dict[str, Any]:
    """The annual report's template context from a fresh snapshot built in memory (not stored)."""
    rapport = Rapport.objects.filter(forbund=forbund, typ=RapportTyp.ARSREDOVISNING, ar=ar).select_related("sammantrade", "beslut").first()
    progress(10, "Bygger underlaget: texter, deltagare, insatser, räkenskaper")
    data = rendera.komplett(forbund, ar, rapport)
    progress(60, "Avstämning av hela rapporten")
    return rendera.kontext(data, forbund)


def arsredovisning_fran_underlag(underlag: Rapportunderlag) -> dict[str, Any]:
    """The template context from a stored snapshot: what the PDF shows is exactly what the snapshot holds."""
    return rendera.kontext(underlag.data, underlag.forbund)


def underlag_for(kontext: Kontext, rapport: Rapport) -> Rapportunderlag | None:
    if rapport.underlag_id is None or rapport.forbund_id != kontext.forbund.pk:
        return None
    return Rapportunderlag.objects.filter(pk=rapport.underlag_id, forbund=kontext.forbund).first()


def verksamhetsplan(forbund: Forbund, ar: int, progress: Progress = _ingen_progress) -> dict[str, Any]:
    """The business plan's template context from a fresh snapshot built in memory (not stored)."""
    rapport = Rapport.objects.filter(forbund=forbund, typ=RapportTyp.VERKSAMHETSPLAN, ar=ar).select_related("sammantrade", "beslut").first()
    progress(10, "Bygger underlaget: texter, målträd, insatser, budget och medlemsbidrag")
    return vp_kontext(verksamhetsplan_data(forbund, ar, rapport))


def verksamhetsplan_fran_underlag(underlag: Rapportunderlag) -> dict[str, Any]:
    """The business plan's template context from a stored snapshot."""
    return vp_kontext(underlag.data)


def vp_kontext(data: dict[str, Any]) -> dict[str, Any]:
    return {**sektioner_v1(data), "skapad": data["byggt"]}


def senaste_dokument(rapport: Rapport | None) -> Dokument | None:
    return rapport.dokument if rapport else None
