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
from ekonomi.models import Budget
from finsam.models import Forbund, Medlem, Person
from finsam.sortering import personordning, svensk
from insatser import selectors as insatser_selectors
from insatser.models import Beviljande, Insats
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
    efter = efter_budget(forbund, ar)
    for i in lista:
        i.beviljat = beviljat.get(i.pk, Decimal(0))  # type: ignore[attr-defined]
        i.efter_budget = efter["per_insats"].get(i.pk, [])  # type: ignore[attr-defined]
        i.malbedomningar = mal_per_insats.get(i.pk, [])  # type: ignore[attr-defined]
    return {
        "lista": lista,
        "individ": [i for i in lista if i.inriktning == Insats.Inriktning.INDIVID],
        "struktur": [i for i in lista if i.inriktning == Insats.Inriktning.STRUKTUR],
        "beviljat_saknas": None,
        "mal_saknas": None,
        "beviljat_summa": sum(beviljat.values(), Decimal(0)),
        "budget_faststalld": efter["faststalld"],
        "budget_paragraf": efter["paragraf"],
    }


def efter_budget(forbund: Forbund, ar: int) -> dict[str, Any]:
    """Grants for `ar` decided after the year's budget was set ("beslutat efter budget"): a set budget cannot contain them.

    {"faststalld": date | None, "paragraf": str, "per_insats": {insats_id: [{"belopp", "paragraf", "datum"}]}}; two queries.
    """
    budget = (
        Budget.objects.filter(forbund=forbund, ar=ar, status=Budget.Status.FASTSTALLD)
        .exclude(faststalld_datum=None)
        .select_related("paragraf")
        .order_by("-version")
        .first()
    )
    ut: dict[str, Any] = {
        "faststalld": budget.faststalld_datum if budget else None,
        "paragraf": str(budget.paragraf or "") if budget else "",
        "per_insats": {},
    }
    if budget is None:
        return ut
    sena = (
        Beviljande.objects.filter(forbund=forbund, ar=ar, paragraf__sammantrade__datum__gt=budget.faststalld_datum)
        .select_related("paragraf", "paragraf__sammantrade")
        .order_by("paragraf__sammantrade__datum", "paragraf__nummer", "id")
    )
    for b in sena:
        ut["per_insats"].setdefault(b.insats_id, []).append(
            {"belopp": b.belopp, "paragraf": f"§ {b.paragraf.nummer}/{b.paragraf.ar}", "datum": b.paragraf.sammantrade.datum}
        )
    return ut


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


def utanfor_malgrupp(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Enrolments of the year whose age at start is outside their intervention's target group, per intervention, with
    the recorded reasons (uppföljning's data rule); [] when uppföljning does not publish it."""
    return [
        {"kortnamn": r["kortnamn"], "malgrupp": r["malgrupp"], "antal": int(r["antal"]), "skal": list(r["skal"])}
        for r in uppfoljning_selectors.utanfor_malgrupp(forbund, ar)
    ]


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


def _paragraf(p: Any) -> str:
    return f"§ {p.nummer}/{p.ar} ({p.sammantrade.datum.isoformat()})" if p is not None else ""


def bidragsfakturering(forbund: Forbund, ar: int, *, bidrag: dict[str, Any] | None = None) -> dict[str, Any]:
    """How the member shares of `ar` are invoiced: the förbund's rounding rule and adopted adjustments, and per member
    the statutes' exact share, the rounded share and what is to be invoiced (ekonomi's `bidragsregler_for`).

    `bidrag`: the year's member shares the caller already has (`medlemsbidrag`), so they are not computed twice."""
    r = ekonomi_selectors.bidragsregler_for(forbund, ar, mb=bidrag if bidrag and bidrag.get("tilldelning") is not None else None)
    regel = r["regel"]
    return {
        "regel": regel.regel if regel else "krona",
        "regel_namn": regel.get_regel_display() if regel else "Till kronan (stadgarnas exakta fördelning)",
        "paragraf": _paragraf(regel.paragraf) if regel else "",
        "forklaring": regel.forklaring if regel else "",
        "justeringar": [
            {"medlem": j.medlem.namn, "belopp": j.belopp, "paragraf": _paragraf(j.paragraf), "forklaring": j.forklaring} for j in r["justeringar"]
        ],
        "rader": [dict(x) for x in r["rader"]],
    }


def avstamning(forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """(every check passes, the checks), from ekonomi's reconciliation."""
    ok, kontroller = ekonomi_selectors.avstamning_ok(forbund, ar)
    return bool(ok), [dict(k) for k in kontroller]


def avstamning_for(rak: dict[str, Any], forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """The reconciliation carried by already-derived statements (no second derivation), else asked for."""
    if "avstamning" in rak:
        return bool(rak.get("avstamning_ok")), [dict(k) for k in rak["avstamning"]]
    return avstamning(forbund, ar)
