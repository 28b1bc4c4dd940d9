"""The figures of the reports, read from the apps that own them (styrelse, insatser, uppföljning, ekonomi).

Each function returns plain data for the templates. When an upstream selector does not exist
(yet), the section gets {"saknas": "..."} and the report says so instead of failing: a missing
figure is shown as missing, never invented. Every query here is scoped to the förbund and the
number of queries does not grow with the data (prefetching, aggregates in the database).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q

from ekonomi.models import Budget
from finsam.models import Forbund, Medlem, Person
from insatser.models import Beviljande

KON = ["kvinna", "man", "annat"]


def saknas(vad: str) -> dict[str, Any]:
    return {"saknas": f"Uppgift saknas: {vad}."}


def _selector(modul: str, namn: str) -> Any:
    """The upstream function, or None when the app has not published it (yet)."""
    try:
        return getattr(importlib.import_module(modul), namn)
    except (ImportError, AttributeError):
        return None


def _period(ar: int) -> tuple[dt.date, dt.date]:
    return dt.date(ar, 1, 1), dt.date(ar, 12, 31)


# --- Styrelse -------------------------------------------------------------------------------------
def styrelse(forbund: Forbund, ar: int) -> dict[str, Any]:
    from styrelse.models import Mandat, Sammantrade

    start, slut = _period(ar)
    mandat = list(
        Mandat.objects.filter(forbund=forbund, fran__lte=slut)
        .filter(Q(till__isnull=True) | Q(till__gte=start))
        .select_related("person", "medlem")
        .order_by("medlem__ordning", "medlem__namn", "fran", "person__namn")
    )
    ledamoter = [m for m in mandat if m.typ == Mandat.Typ.LEDAMOT]
    for m in ledamoter:  # the chair first, then the vice chair, then the members' order
        m.sortering = {"ordforande": 0, "vice_ordforande": 1}.get(m.uppdrag, 2)  # type: ignore[attr-defined]
    ledamoter.sort(key=lambda m: m.sortering)  # type: ignore[attr-defined]
    moten = list(Sammantrade.objects.filter(forbund=forbund, datum__range=(start, slut)).order_by("datum"))
    personal = list(Person.objects.filter(forbund=forbund, ar_personal=True).order_by("namn"))
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
    from insatser.models import Insats

    start, slut = _period(ar)
    lista = list(
        Insats.objects.filter(forbund=forbund, startdatum__lte=slut)
        .filter(Q(slutdatum__isnull=True) | Q(slutdatum__gte=start))
        .select_related("agare_medlem")
        .prefetch_related(Prefetch("parter", queryset=Medlem.objects.order_by("ordning", "namn")))
        .order_by("kortnamn")
    )
    beviljat_fn = _selector("insatser.selectors", "beviljat_per_ar")
    beviljat: dict[int, Decimal] | None = beviljat_fn(forbund, ar) if beviljat_fn else None
    bedomningar_fn = _selector("insatser.selectors", "malbedomningar_for")
    mal_per_insats: dict[int, list[Any]] = defaultdict(list)
    if bedomningar_fn:
        for b in bedomningar_fn(forbund, ar):
            mal_per_insats[b.mal.insats_id].append(b)
    efter = efter_budget(forbund, ar)
    for i in lista:
        i.beviljat = beviljat.get(i.pk, Decimal(0)) if beviljat is not None else None  # type: ignore[attr-defined]
        i.efter_budget = efter["per_insats"].get(i.pk, [])  # type: ignore[attr-defined]
        i.malbedomningar = mal_per_insats.get(i.pk, [])  # type: ignore[attr-defined]
    return {
        "lista": lista,
        "individ": [i for i in lista if i.inriktning == Insats.Inriktning.INDIVID],
        "struktur": [i for i in lista if i.inriktning == Insats.Inriktning.STRUKTUR],
        "beviljat_saknas": None if beviljat is not None else saknas("beviljade medel (insatser)")["saknas"],
        "mal_saknas": None if bedomningar_fn else saknas("målbedömningar (insatser)")["saknas"],
        "beviljat_summa": sum(beviljat.values(), Decimal(0)) if beviljat is not None else None,
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
    for namn in ("Remittent", "Utbildning", "Forsorjning"):
        choices = _selector("uppfoljning.vokabular", namn)
        if choices is not None:
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
    fn = _selector("uppfoljning.selectors", "utfall")
    if fn is None:
        return saknas("deltagare och avslut (uppföljning)")
    data = fn(forbund, ar)
    if maskera:
        maskfn = _selector("uppfoljning.selectors", "maskera_utfall")
        if maskfn is not None:  # the annual report is published: small counts show as "<N"
            data = maskfn(data, forbund)
    etiketter = _etiketter()
    per_insats = {r.get("kortnamn"): _insats_utfall(r, etiketter) for r in data.get("insatser", [])}
    totalt = _insats_utfall(data.get("totalt") or {}, etiketter)
    return {"per_insats": per_insats, "totalt": totalt}


def utanfor_malgrupp(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Enrolments of the year whose age at start is outside their intervention's target group, per intervention, with
    the recorded reasons (uppföljning's data rule); [] when uppföljning does not publish it."""
    fn = _selector("uppfoljning.selectors", "utanfor_malgrupp")
    return (
        [{"kortnamn": r["kortnamn"], "malgrupp": r["malgrupp"], "antal": int(r["antal"]), "skal": list(r["skal"])} for r in fn(forbund, ar)]
        if fn
        else []
    )


# --- Ekonomi --------------------------------------------------------------------------------------
def rakenskaper(forbund: Forbund, ar: int) -> dict[str, Any]:
    fn = _selector("ekonomi.selectors", "rakenskaper")
    if fn is None:
        return saknas("räkenskaper (ekonomi)")
    data = fn(forbund, ar)
    if not isinstance(data, dict):
        return saknas("räkenskaper (ekonomi)")
    if data.get("finns") is False:
        return saknas(f"bokföringen för {ar} är inte importerad (ekonomi)")
    return data


def budget_tabell(forbund: Forbund, ar: int) -> dict[str, Any]:
    fn = _selector("ekonomi.selectors", "budget_tabell")
    if fn is None:
        return saknas("budget (ekonomi)")
    data = fn(forbund, ar)
    if data is None:
        return saknas(f"budget för {ar}")
    return data if isinstance(data, dict) else {"rader": data}


def medlemsbidrag(forbund: Forbund, ar: int) -> dict[str, Any]:
    fn = _selector("ekonomi.selectors", "medlemsbidrag")
    if fn is None:
        return saknas("medlemsbidrag (ekonomi)")
    data = fn(forbund, ar)
    if not isinstance(data, dict) or data.get("tilldelning") is None:
        return saknas(f"årets tilldelning från medlemmarna {ar} (ekonomi)")
    return data


def _paragraf(p: Any) -> str:
    return f"§ {p.nummer}/{p.ar} ({p.sammantrade.datum.isoformat()})" if p is not None else ""


def bidragsfakturering(forbund: Forbund, ar: int) -> dict[str, Any]:
    """How the member shares of `ar` are invoiced: the förbund's rounding rule and adopted adjustments, and per member
    the statutes' exact share, the rounded share and what is to be invoiced (ekonomi's `bidragsregler_for`)."""
    fn = _selector("ekonomi.selectors", "bidragsregler_for")
    if fn is None:
        return saknas("avrundning av medlemsbidrag (ekonomi)")
    r = fn(forbund, ar)
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
    """(every check passes, the checks). Without ekonomi's selector nothing can be verified: not ok."""
    fn = _selector("ekonomi.selectors", "avstamning_ok")
    if fn is None:
        return False, [{"kontroll": "Räkenskaperna för året saknas i ekonomin", "ok": False, "differens": None}]
    ok, kontroller = fn(forbund, ar)
    return bool(ok), [dict(k) for k in kontroller]


def avstamning_for(rak: dict[str, Any], forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """The reconciliation carried by already-derived statements (no second derivation), else asked for."""
    if "avstamning" in rak:
        return bool(rak.get("avstamning_ok")), [dict(k) for k in rak["avstamning"]]
    return avstamning(forbund, ar)
