"""Traceability: from a board decision to what it bought, and everything about one intervention on one page.

Participant figures are counted from uppföljning's enrolments with the same definitions as its outcome report
(`uppfoljning.selectors.utfall`: a participant is active in a year between start and end year; an exit counts in its
year) and masked the same way; budget lines come from ekonomi. Every query here is fixed in number whatever the
number of years or interventions: the outcomes of all years are one grouped query (`utfall_per_insats_och_ar`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Prefetch, Q
from django.utils import timezone

from ekonomi.models import Budget, Budgetrad
from finsam.models import Forbund
from finsam.permissions import Kontext
from finsam.sortering import svensk
from styrelse.models import Paragraf
from uppfoljning.models import Inskrivning
from uppfoljning.selectors import maskera, maskeringsgrans

from .models import Ansokan, Beviljande, Insats, Mal, Malbedomning, Rapport, Rapportversion
from .selectors import beviljat_per_insats_och_ar

ARBETE, STUDIER = "arbete", "studier"  # uppfoljning.vokabular.ARBETE_STUDIER: exits to own support


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


_UTFALL_SQL = """
WITH aren(ar) AS (VALUES {aren})
SELECT i.insats_id, aren.ar, i.kon, COUNT(DISTINCT i.deltagare_id),
       SUM(CASE WHEN i.slutar = aren.ar AND i.forsorjning_ut <> '' THEN 1 ELSE 0 END),
       SUM(CASE WHEN i.slutar = aren.ar AND i.forsorjning_ut = %s THEN 1 ELSE 0 END),
       SUM(CASE WHEN i.slutar = aren.ar AND i.forsorjning_ut = %s THEN 1 ELSE 0 END)
FROM {tabell} i JOIN aren ON i.startar <= aren.ar AND (i.slutar IS NULL OR i.slutar >= aren.ar)
WHERE i.forbund_id = %s AND i.insats_id IN ({insatser})
GROUP BY i.insats_id, aren.ar, i.kon
"""


def utfall_per_insats_och_ar(
    forbund: Forbund, insats_ids: list[int], ar_lista: list[int], kontext: Kontext | None = None
) -> dict[tuple[int, int], dict[str, int | str]]:
    """{(insats_id, ar): {deltagare, kvinnor, man, avslutade, arbete_studier}} for every year in one grouped query.

    The definitions are those of `uppfoljning.selectors.utfall` (participants active in the year counted once per
    gender, exits with a recorded destination in their year); roles without `utfall.omaskerat` get the same masking.
    """
    if kontext is not None:
        kontext.kraver("utfall.visa")
    ar_lista, insats_ids = sorted(set(ar_lista)), sorted(set(insats_ids))
    if not ar_lista or not insats_ids:
        return {}
    sql = _UTFALL_SQL.format(
        aren=", ".join(["(%s)"] * len(ar_lista)), tabell=Inskrivning._meta.db_table, insatser=", ".join(["%s"] * len(insats_ids))
    )
    rakning: dict[tuple[int, int], dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(("deltagare", "kvinnor", "man", ARBETE, STUDIER, "avslutade"), 0)
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ar_lista, ARBETE, STUDIER, forbund.pk, *insats_ids])
        for insats_id, ar, kon, deltagare, avslutade, arbete, studier in cursor.fetchall():
            r = rakning[(insats_id, int(ar))]
            r["deltagare"] += deltagare
            if kon == "kvinna":
                r["kvinnor"] += deltagare
            elif kon == "man":
                r["man"] += deltagare
            r["avslutade"] += int(avslutade or 0)
            r[ARBETE] += int(arbete or 0)
            r[STUDIER] += int(studier or 0)
    grans = 0 if kontext is None or kontext.kan("utfall.omaskerat") else maskeringsgrans(forbund)
    resultat: dict[tuple[int, int], dict[str, int | str]] = {}
    for nyckel, r in rakning.items():
        delar = [maskera(r[ARBETE], grans=grans), maskera(r[STUDIER], grans=grans)]
        resultat[nyckel] = {
            **{k: maskera(r[k], grans=grans) for k in ("deltagare", "kvinnor", "man", "avslutade")},
            # the sum of a masked part is unknown, as in the outcome report
            "arbete_studier": sum(d for d in delar if isinstance(d, int)) if all(isinstance(d, int) for d in delar) else "–",
        }
    return resultat


def _budgetrader(forbund: Forbund, insats_ids: list[int], ar_lista: list[int]) -> dict[int, list[Any]]:
    """The current budget lines (not replaced versions) for these interventions and years, from ekonomi."""
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


def _utfallsrader(
    insats: Insats, ar_lista: list[int], totalt: dict[tuple[int, int], Decimal], utfall: dict[tuple[int, int], dict[str, int | str]], har_utfall: bool
) -> list[Utfallsrad]:
    rader: list[Utfallsrad] = []
    for ar in sorted(set(ar_lista)):
        rad = Utfallsrad(ar=ar, beviljat=totalt.get((insats.pk, ar), Decimal(0)))
        if har_utfall:
            u = utfall.get((insats.pk, ar), {})
            rad.deltagare = u.get("deltagare", 0)
            rad.kvinnor = u.get("kvinnor", 0)
            rad.man = u.get("man", 0)
            rad.avslutade = u.get("avslutade", 0)
            rad.arbete_studier = u.get("arbete_studier", 0)
        rader.append(rad)
    return rader


def markera_efter_budget(forbund: Forbund, beviljanden: list[Beviljande]) -> None:
    """Set `efter_budget` on each grant decided after the set budget of its year ("beslutat efter budget"): a locked
    budget cannot contain it. One query (the set budgets of those years); the grants come with paragraf__sammantrade."""
    faststallda = (
        dict(
            Budget.objects.filter(forbund=forbund, ar__in={b.ar for b in beviljanden}, status=Budget.Status.FASTSTALLD)
            .exclude(faststalld_datum=None)
            .values_list("ar", "faststalld_datum")
        )
        if beviljanden
        else {}
    )
    for b in beviljanden:
        datum = faststallda.get(b.ar)
        b.efter_budget = datum is not None and b.paragraf.sammantrade.datum > datum  # type: ignore[attr-defined]


def for_paragraf(forbund: Forbund, paragraf: Paragraf, kontext: Kontext | None = None) -> dict[str, Any]:
    """What a decision paragraph bought: interventions, granted amounts, budget lines, participants and outcomes."""
    beviljanden = list(
        Beviljande.objects.filter(forbund=forbund, paragraf=paragraf).select_related("insats", "ansokan").order_by(svensk("insats__kortnamn"), "ar")
    )
    ansokningar = list(Ansokan.objects.filter(forbund=forbund, paragraf=paragraf).select_related("insats").order_by(svensk("titel")))
    per_insats: dict[int, Insatsspar] = {}
    for b in beviljanden:
        per_insats.setdefault(b.insats_id, Insatsspar(insats=b.insats)).beviljanden.append(b)
    ar_lista = sorted({b.ar for b in beviljanden})
    insats_ids = list(per_insats)
    totalt = beviljat_per_insats_och_ar(forbund, insats_ids) if insats_ids else {}
    utfall = utfall_per_insats_och_ar(forbund, insats_ids, ar_lista, kontext)
    budget = _budgetrader(forbund, insats_ids, ar_lista) if insats_ids else {}
    for spar in per_insats.values():
        spar.utfall = _utfallsrader(spar.insats, [b.ar for b in spar.beviljanden], totalt, utfall, True)
        spar.budgetrader = budget.get(spar.insats.pk, [])
    return {
        "paragraf": paragraf,
        "insatser": sorted(per_insats.values(), key=lambda s: s.insats.kortnamn),
        "ansokningar": ansokningar,
        "summa": sum((b.belopp for b in beviljanden), Decimal(0)),
        "har_utfall": True,
        "har_ekonomi": True,
    }


def for_insats(forbund: Forbund, insats: Insats, kontext: Kontext | None = None) -> dict[str, Any]:
    """Everything about one intervention: decisions, grants, applications, reports, goals with assessments, staffing, outcomes."""
    beviljanden = list(
        Beviljande.objects.filter(forbund=forbund, insats=insats)
        .select_related("paragraf", "paragraf__sammantrade", "ansokan")
        .order_by("ar", "paragraf__ar", "paragraf__nummer")
    )
    ansokningar = list(
        Ansokan.objects.filter(forbund=forbund)
        .filter(Q(insats=insats) | Q(beviljanden__insats=insats))
        .distinct()
        .select_related("paragraf", "paragraf__sammantrade")
        .prefetch_related("belopp")
        .order_by("inkom")
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
    utfall = utfall_per_insats_och_ar(forbund, [insats.pk], ar_lista, kontext)
    bedomda_ar = sorted({bd.ar for m in mal for bd in m.bedomningar.all()}, reverse=True)
    markera_efter_budget(forbund, beviljanden)
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
        "utfall": _utfallsrader(insats, ar_lista, totalt, utfall, True),
        "har_utfall": True,
        "budgetrader": _budgetrader(forbund, [insats.pk], ar_lista).get(insats.pk, []),
    }
