"""The figures of the reports, read from the apps that own them (styrelse, insatser, uppföljning, ekonomi).

Each function returns plain data for the templates, read through the other apps' selectors
(imported at the top: none of those apps imports rapporter, so there is no circle). When the data
is missing, the section gets {"saknas": "..."} and the report says so: a missing figure is shown
as missing, never invented. Every query here is scoped to the förbund and the
number of queries does not grow with the data (prefetching, aggregates in the database).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q

from ekonomi import selectors as ekonomi_selectors
from finsam.models import Forbund, Medlem, Person
from finsam.sortering import personordning, svensk
from insatser import selectors as insatser_selectors
from insatser.models import Insats
from styrelse.models import Mandat, Sammantrade
from styrelse.selectors import mandat_for_ar
from uppfoljning import selectors as uppfoljning_selectors
from uppfoljning import vokabular

KON = ["kvinna", "man", "annat"]


def saknas(vad: str) -> dict[str, Any]:
    return {"saknas": f"Uppgift saknas: {vad}."}


def _period(ar: int) -> tuple[dt.date, dt.date]:
    return dt.date(ar, 1, 1), dt.date(ar, 12, 31)


# --- Styrelse -------------------------------------------------------------------------------------
def styrelse(forbund: Forbund, ar: int) -> dict[str, Any]:
    start, slut = _period(ar)
    mandat = mandat_for_ar(forbund, ar)
    ledamoter = [m for m in mandat if m.typ == Mandat.Typ.LEDAMOT]
    for m in ledamoter:  # the chair first, then the vice chair, then the members' order
        m.sortering = {"ordforande": 0, "vice_ordforande": 1}.get(m.uppdrag, 2)  # type: ignore[attr-defined]
    ledamoter.sort(key=lambda m: m.sortering)  # type: ignore[attr-defined]
    moten = list(Sammantrade.objects.filter(forbund=forbund, datum__range=(start, slut)).order_by("datum"))
    personal = list(Person.objects.filter(forbund=forbund, ar_personal=True).order_by(*personordning()))
    return {
        "ledamoter": ledamoter,
        "ersattare": [m for m in mandat if m.typ == Mandat.Typ.ERSATTARE],
        "presidium": [m for m in ledamoter if m.uppdrag],
        "sammantraden": [s for s in moten if s.typ == Sammantrade.Typ.STYRELSEMOTE],
        "planeringsdagar": [s for s in moten if s.typ == Sammantrade.Typ.PLANERINGSDAG],
        "personal": personal,
        "period_start": start,
        "period_slut": slut,
    }


# --- Insatser -------------------------------------------------------------------------------------
def insatser(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The interventions active during the year, with partners, grant of the year and goal assessments."""
    start, slut = _period(ar)
    lista = list(
        Insats.objects.filter(forbund=forbund, startdatum__lte=slut)
        .filter(Q(slutdatum__isnull=True) | Q(slutdatum__gte=start))
        .select_related("agare_medlem")
        .prefetch_related(Prefetch("parter", queryset=Medlem.objects.order_by("ordning", svensk("namn"))))
        .order_by(svensk("kortnamn"))
    )
    beviljat: dict[int, Decimal] = insatser_selectors.beviljat_per_ar(forbund, ar)
    mal_per_insats: dict[int, list[Any]] = defaultdict(list)
    for b in insatser_selectors.malbedomningar_for(forbund, ar):
        mal_per_insats[b.mal.insats_id].append(b)
    for i in lista:
        i.beviljat = beviljat.get(i.pk, Decimal(0))  # type: ignore[attr-defined]
        i.malbedomningar = mal_per_insats.get(i.pk, [])  # type: ignore[attr-defined]
    return {
        "lista": lista,
        "individ": [i for i in lista if i.inriktning == Insats.Inriktning.INDIVID],
        "struktur": [i for i in lista if i.inriktning == Insats.Inriktning.STRUKTUR],
        "beviljat_saknas": None,
        "mal_saknas": None,
        "beviljat_summa": sum(beviljat.values(), Decimal(0)),
    }


# --- Uppföljning ----------------------------------------------------------------------------------
FORSORJNING_NAMN = {
    "arbete": "Arbete",
    "studier": "Studier",
    "a_kassa": "A-kassa",
    "aktivitetsstod": "Aktivitetsstöd/utvecklingsersättning",
    "sjukpenning": "Sjuk-/rehabpenning",
    "sjukersattning": "Sjukersättning",
    "aktivitetsersattning": "Aktivitetsersättning",
    "forsorjningsstod": "Försörjningsstöd",
    "etableringsersattning": "Etableringsersättning",
    "annan_offentlig": "Annan offentlig försörjning",
    "ingen_offentlig": "Ingen offentlig försörjning",
    "okand": "Okänd",
}


def _n(varde: Any) -> int | str:
    """A count, or the masked text ("<5") uppföljning publishes instead of a small count."""
    return varde if isinstance(varde, str) else int(varde or 0)


def _g(varde: Any) -> dict[str, int | str]:
    """A gender split {totalt, kvinna, man, annat}; tolerant of missing keys."""
    if isinstance(varde, dict):
        return {k: _n(varde.get(k)) for k in ["totalt", *KON]}
    return {"totalt": _n(varde), "kvinna": 0, "man": 0, "annat": 0}


def _etikett(kod: str, etiketter: dict[str, str]) -> str:
    return etiketter.get(kod) or FORSORJNING_NAMN.get(kod) or kod.replace("_", " ").capitalize()


def _fordelning(data: dict[str, Any] | None, etiketter: dict[str, str]) -> list[dict[str, Any]]:
    return [{"kod": k, "namn": _etikett(k, etiketter), **_g(v)} for k, v in (data or {}).items()]


def _etiketter() -> dict[str, str]:
    """Swedish labels of the follow-up vocabulary (uppföljning's TextChoices)."""
    etiketter: dict[str, str] = {}
    for choices in (vokabular.Remittent, vokabular.Utbildning, vokabular.Forsorjning):
        etiketter.update({str(c.value): str(c.label) for c in choices})
    return etiketter


def _insats_utfall(rad: dict[str, Any], etiketter: dict[str, str]) -> dict[str, Any]:
    return {
        "kortnamn": rad.get("kortnamn", ""),
        "namn": rad.get("namn", ""),
        "deltagare": _g(rad.get("deltagare")),
        "nya": _g(rad.get("nya")),
        "avslutade": _g(rad.get("avslutade")),
        "aldersgrupp": _fordelning(rad.get("aldersgrupp"), {k: f"{k.replace('-', '–')} år" for k in rad.get("aldersgrupp") or {}}),
        "remittent": _fordelning(rad.get("remittent"), etiketter),
        "utbildning": _fordelning(rad.get("utbildning"), etiketter),
        "forsorjning_in": _fordelning(rad.get("forsorjning_in"), etiketter),
        "forsorjning_ut": _fordelning(rad.get("forsorjning_ut"), etiketter),
        "genomstromning": rad.get("genomstromning"),
        "median_dagar": rad.get("median_dagar"),
        "andel_arbete_studier": rad.get("andel_arbete_studier"),
    }


def utfall(forbund: Forbund, ar: int, *, maskera: bool = False) -> dict[str, Any]:
    """Participants and exits per intervention and in total (uppföljning's `utfall` contract)."""
    data = uppfoljning_selectors.utfall(forbund, ar)
    if maskera:  # the annual report is published: small counts show as "<N"
        data = uppfoljning_selectors.maskera_utfall(data, forbund)
    etiketter = _etiketter()
    per_insats = {r.get("kortnamn"): _insats_utfall(r, etiketter) for r in data.get("insatser", [])}
    totalt = _insats_utfall(data.get("totalt") or {}, etiketter)
    return {"per_insats": per_insats, "totalt": totalt}


# --- Ekonomi --------------------------------------------------------------------------------------
def rakenskaper(forbund: Forbund, ar: int) -> dict[str, Any]:
    data = ekonomi_selectors.rakenskaper(forbund, ar)
    if not isinstance(data, dict):
        return saknas("räkenskaper (ekonomi)")
    if data.get("finns") is False:
        return saknas(f"bokföringen för {ar} är inte importerad (ekonomi)")
    return data


def budget_tabell(forbund: Forbund, ar: int) -> dict[str, Any]:
    data = ekonomi_selectors.budget_tabell(forbund, ar)
    if data is None:
        return saknas(f"budget för {ar}")
    return data if isinstance(data, dict) else {"rader": data}


def medlemsbidrag(forbund: Forbund, ar: int) -> dict[str, Any]:
    data = ekonomi_selectors.medlemsbidrag(forbund, ar)
    if not isinstance(data, dict) or data.get("tilldelning") is None:
        return saknas(f"årets tilldelning från medlemmarna {ar} (ekonomi)")
    return data


def avstamning(forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """(every check passes, the checks), from ekonomi's reconciliation."""
    ok, kontroller = ekonomi_selectors.avstamning_ok(forbund, ar)
    return bool(ok), [dict(k) for k in kontroller]


def avstamning_for(rak: dict[str, Any], forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """The reconciliation carried by already-derived statements (no second derivation), else asked for."""
    if "avstamning" in rak:
        return bool(rak.get("avstamning_ok")), [dict(k) for k in rak["avstamning"]]
    return avstamning(forbund, ar)
