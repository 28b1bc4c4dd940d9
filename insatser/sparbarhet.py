"""Traceability: from a board decision to what it bought, and everything about one intervention on one page.

Participant figures come from uppföljning (`uppfoljning.selectors.utfall`), budget lines from ekonomi
(`ekonomi.Budgetrad`); both are looked up lazily so this module works whether or not those apps have
data. Every query here is fixed in number: one per kind of record plus one `utfall` call per year shown.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models import Prefetch, Q
from django.utils import timezone

from finsam.models import Forbund
from finsam.permissions import Kontext
from styrelse.models import Paragraf

from .models import Ansokan, Beviljande, Insats, Mal, Malbedomning, Rapport, Rapportversion
from .selectors import beviljat_per_insats_och_ar

ARBETE_STUDIER = ("arbete", "studier")


@dataclass
class Utfallsrad:
    """Participants and outcomes of one intervention in one year, with the cost per participant and per exit."""

    ar: int
    beviljat: Decimal
    # Counts are ints, or "<N" when the role sees masked figures (uppföljning's masking threshold).
    deltagare: int | str | None = None
    kvinnor: int | str | None = None
    man: int | str | None = None
    avslutade: int | str | None = None
    arbete_studier: int | str | None = None

    @staticmethod
    def _per(belopp: Decimal, antal: int | str | None) -> Decimal | None:
        if not isinstance(antal, int) or antal <= 0:
            return None
        return (belopp / antal).quantize(Decimal(1))

    @property
    def kostnad_per_deltagare(self) -> Decimal | None:
        return self._per(self.beviljat, self.deltagare)

    @property
    def kostnad_per_arbete_studier(self) -> Decimal | None:
        return self._per(self.beviljat, self.arbete_studier)


@dataclass
class Insatsspar:
    insats: Insats
    beviljanden: list[Beviljande] = field(default_factory=list)
    utfall: list[Utfallsrad] = field(default_factory=list)
    budgetrader: list[Any] = field(default_factory=list)

    @property
    def summa(self) -> Decimal:
        return sum((b.belopp for b in self.beviljanden), Decimal(0))


def _utfall_funktion(kontext: Kontext | None) -> Callable[[Forbund, int], dict[str, Any]] | None:
    """uppföljning's report as this role may see it (masked below the threshold for roles without `utfall.omaskerat`)."""
    try:
        modul = importlib.import_module("uppfoljning.selectors")
    except ImportError:
        return None
    if kontext is not None and hasattr(modul, "utfall_for"):
        return lambda _forbund, ar: modul.utfall_for(kontext, ar)  # type: ignore[no-any-return]
    return getattr(modul, "utfall", None)


def _g(varde: Any, nyckel: str = "totalt") -> int | str:
    if isinstance(varde, dict):
        varde = varde.get(nyckel)
    if isinstance(varde, str):
        return varde  # masked, e.g. "<5"
    return int(varde or 0)


def _summa(*varden: int | str) -> int | str:
    """The sum of counts; "–" when any part is masked (a masked part has no known value to add)."""
    if all(isinstance(v, int) for v in varden):
        return sum(v for v in varden if isinstance(v, int))
    return "–"


def utfall_per_kortnamn(forbund: Forbund, ar_lista: list[int], kontext: Kontext | None = None
                        ) -> tuple[bool, dict[tuple[str, int], dict[str, int | str]]]:
    """{(kortnamn, ar): {deltagare, kvinnor, man, avslutade, arbete_studier}}; False when uppföljning is not available."""
    fn = _utfall_funktion(kontext)
    if fn is None:
        return False, {}
    resultat: dict[tuple[str, int], dict[str, int | str]] = {}
    for ar in sorted(set(ar_lista)):
        data = fn(forbund, ar)
        for rad in data.get("insatser", []):
            ut = rad.get("forsorjning_ut") or {}
            resultat[(rad["kortnamn"], ar)] = {
                "deltagare": _g(rad.get("deltagare")),
                "kvinnor": _g(rad.get("deltagare"), "kvinna"),
                "man": _g(rad.get("deltagare"), "man"),
                "avslutade": _g(rad.get("avslutade")),
                "arbete_studier": _summa(*(_g(ut.get(k)) for k in ARBETE_STUDIER)),
            }
    return True, resultat


def _budgetrader(forbund: Forbund, insats_ids: list[int], ar_lista: list[int]) -> dict[int, list[Any]]:
    """The current budget lines (not replaced versions) for these interventions and years, from ekonomi."""
    try:
        Budgetrad = apps.get_model("ekonomi", "Budgetrad")
    except LookupError:
        return {}
    per_insats: dict[int, list[Any]] = defaultdict(list)
    rader = (
        Budgetrad.objects.filter(forbund=forbund, insats_id__in=insats_ids, budget__ar__in=ar_lista)
        .exclude(budget__status="ersatt")
        .select_related("budget", "budget__paragraf")
        .order_by("budget__ar", "-budget__version")
    )
    sett: set[tuple[int, int]] = set()
    for rad in rader:
        nyckel = (int(rad.insats_id or 0), int(rad.budget.ar))
        if nyckel in sett:  # keep the newest version per year
            continue
        sett.add(nyckel)
        per_insats[nyckel[0]].append(rad)
    return per_insats


def _utfallsrader(insats: Insats, ar_lista: list[int], totalt: dict[tuple[int, int], Decimal],
                  utfall: dict[tuple[str, int], dict[str, int | str]], har_utfall: bool) -> list[Utfallsrad]:
    rader: list[Utfallsrad] = []
    for ar in sorted(set(ar_lista)):
        rad = Utfallsrad(ar=ar, beviljat=totalt.get((insats.pk, ar), Decimal(0)))
        if har_utfall:
            u = utfall.get((insats.kortnamn, ar), {})
            rad.deltagare = u.get("deltagare", 0)
            rad.kvinnor = u.get("kvinnor", 0)
            rad.man = u.get("man", 0)
            rad.avslutade = u.get("avslutade", 0)
            rad.arbete_studier = u.get("arbete_studier", 0)
        rader.append(rad)
    return rader


def for_paragraf(forbund: Forbund, paragraf: Paragraf, kontext: Kontext | None = None) -> dict[str, Any]:
    """What a decision paragraph bought: interventions, granted amounts, budget lines, participants and outcomes."""
    beviljanden = list(
        Beviljande.objects.filter(forbund=forbund, paragraf=paragraf).select_related("insats", "ansokan").order_by("insats__kortnamn", "ar")
    )
    ansokningar = list(Ansokan.objects.filter(forbund=forbund, paragraf=paragraf).select_related("insats").order_by("titel"))
    per_insats: dict[int, Insatsspar] = {}
    for b in beviljanden:
        per_insats.setdefault(b.insats_id, Insatsspar(insats=b.insats)).beviljanden.append(b)
    ar_lista = sorted({b.ar for b in beviljanden})
    insats_ids = list(per_insats)
    totalt = beviljat_per_insats_och_ar(forbund, insats_ids) if insats_ids else {}
    har_utfall, utfall = utfall_per_kortnamn(forbund, ar_lista, kontext) if ar_lista else (_utfall_funktion(kontext) is not None, {})
    budget = _budgetrader(forbund, insats_ids, ar_lista) if insats_ids else {}
    for spar in per_insats.values():
        spar.utfall = _utfallsrader(spar.insats, [b.ar for b in spar.beviljanden], totalt, utfall, har_utfall)
        spar.budgetrader = budget.get(spar.insats.pk, [])
    return {
        "paragraf": paragraf,
        "insatser": sorted(per_insats.values(), key=lambda s: s.insats.kortnamn),
        "ansokningar": ansokningar,
        "summa": sum((b.belopp for b in beviljanden), Decimal(0)),
        "har_utfall": har_utfall,
        "har_ekonomi": apps.is_installed("ekonomi"),
    }


def for_insats(forbund: Forbund, insats: Insats, kontext: Kontext | None = None) -> dict[str, Any]:
    """Everything about one intervention: decisions, grants, applications, reports, goals with assessments, staffing, outcomes."""
    beviljanden = list(
        Beviljande.objects.filter(forbund=forbund, insats=insats).select_related("paragraf", "paragraf__sammantrade", "ansokan")
        .order_by("ar", "paragraf__ar", "paragraf__nummer")
    )
    ansokningar = list(
        Ansokan.objects.filter(forbund=forbund).filter(Q(insats=insats) | Q(beviljanden__insats=insats)).distinct()
        .select_related("paragraf", "paragraf__sammantrade").prefetch_related("belopp").order_by("inkom")
    )
    beslut: dict[int, Paragraf] = {}
    for b in beviljanden:
        beslut[b.paragraf_id] = b.paragraf
    for a in ansokningar:
        if a.paragraf_id and a.paragraf is not None:
            beslut[a.paragraf_id] = a.paragraf
    mal = list(
        Mal.objects.filter(forbund=forbund, insats=insats)
        .prefetch_related(Prefetch("bedomningar", queryset=Malbedomning.objects.order_by("-ar")))
        .order_by("ordning", "id")
    )
    rapporter = list(
        Rapport.objects.filter(forbund=forbund, insats=insats)
        .prefetch_related(Prefetch("versioner", queryset=Rapportversion.objects.select_related("uppladdad_av").order_by("-version")))
        .order_by("-ar", "forfallodatum")
    )
    idag = timezone.localdate()
    slut = min(insats.slutdatum.year if insats.slutdatum else idag.year, idag.year)
    ar_lista = sorted({b.ar for b in beviljanden if b.ar <= idag.year} | set(range(insats.startdatum.year, slut + 1)))
    totalt = beviljat_per_insats_och_ar(forbund, [insats.pk])
    har_utfall, utfall = utfall_per_kortnamn(forbund, ar_lista, kontext)
    bedomda_ar = sorted({bd.ar for m in mal for bd in m.bedomningar.all()}, reverse=True)
    return {
        "insats": insats,
        "parter": list(insats.parter.all()),
        "bemanning": list(insats.bemanning.select_related("medlem").all()),
        "beviljanden": beviljanden,
        "beviljat_summa": sum((b.belopp for b in beviljanden), Decimal(0)),
        "beslut": sorted(beslut.values(), key=lambda p: (p.ar, p.nummer)),
        "ansokningar": ansokningar,
        "mal": mal,
        "bedomda_ar": bedomda_ar,
        "rapporter": rapporter,
        "utfall": _utfallsrader(insats, ar_lista, totalt, utfall, har_utfall),
        "har_utfall": har_utfall,
        "budgetrader": _budgetrader(forbund, [insats.pk], ar_lista).get(insats.pk, []),
    }
