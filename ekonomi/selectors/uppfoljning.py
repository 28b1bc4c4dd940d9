"""The quarterly follow-up: outcome to date per budget line (from the vouchers), the forecast and the deviation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import CharField, IntegerField

from finsam.models import Forbund

from ..bokforing.kontoplan import standard_intervall
from ..bokforing.sie import kontonyckel
from ..models import Kontointervall, Kontokoppling, Kvartalsuppfoljning, Periodsaldo, Redovisningsimport, Transaktion
from ..rakenskaper.data import NOLL, Saldon, _case, fran_ore, summa_exakt
from ..rakenskaper.jamforelse import jamfor, utfall_per_nyckel
from .budget import budget_tabell

KVARTALSSLUT = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def kvartalsslut(ar: int, kvartal: int) -> dt.date:
    m, d = KVARTALSSLUT[kvartal]
    return dt.date(ar, m, d)


def _forsta(intervall: list[Any], nyckel: int, varde: str) -> Any:
    """What `_case` gives in SQL: the first range (in list order) holding the account."""
    return next((getattr(i, varde) for i in intervall if i.fran <= nyckel <= i.till), None)


def _utfall_periodsaldon(forbund: Forbund, imp: Redovisningsimport, tom: dt.date, intervall: list[Any], kopplingar: list[Any]) -> Saldon:
    """The outcome to `tom` from the file's period balances (#PSALDO, SIE 2–3): the sum of each account's movement in the
    year's periods up to the month of `tom`, aggregated per account in the database (a year has hundreds of accounts).
    #PSALDO holds the period's movement: over the year it sums to #RES for result accounts and to #UB − #IB for balance
    accounts, as in every example file that has both."""
    s = Saldon()
    qs = (
        Periodsaldo.objects.filter(forbund=forbund, redovisningsimport=imp, typ=Periodsaldo.Typ.PSALDO, rar=0, dimension__isnull=True, objekt="")
        .filter(period__lte=tom.year * 100 + tom.month)
        .values("konto")
        .annotate(ore=summa_exakt("belopp"))
        .order_by()
    )
    for r in qs:
        nyckel = kontonyckel(r["konto"])
        rad = _forsta(intervall, nyckel, "rad")
        if rad is None:
            continue
        belopp = fran_ore(r["ore"])
        s.spec[(rad, _forsta(kopplingar, nyckel, "pk"))]["res"] += belopp
        s.rad[rad]["res"] += belopp
        s.finns = True
    return s


def utfall_kalla(imp: Redovisningsimport | None, s: Saldon) -> str:
    """Where the outcome comes from: "verifikationer", "periodsaldon" (SIE 2–3) or "saknas" (no import, or SIE 1 and
    trial balances: balances for the whole year only)."""
    if imp is None:
        return "saknas"
    if imp.har_verifikationer:
        return "verifikationer"
    return "periodsaldon" if s.finns else "saknas"


def utfall_till_datum(forbund: Forbund, ar: int, tom: dt.date) -> tuple[Saldon, Redovisningsimport | None]:
    """Sums of the year's transactions up to `tom`, per statement line and account mapping, aggregated in the database.
    A year imported without vouchers (SIE 1–3) uses its period balances (#PSALDO) instead."""
    imp = Redovisningsimport.objects.filter(forbund=forbund, ar=ar).first()
    s = Saldon()
    if imp is None:
        return s, None
    intervall = list(Kontointervall.objects.filter(forbund=forbund)) or standard_intervall(forbund, imp.kontoplanstyp)
    kopplingar = list(Kontokoppling.objects.filter(forbund=forbund))
    if not imp.har_verifikationer:
        return _utfall_periodsaldon(forbund, imp, tom, intervall, kopplingar), imp
    qs = (
        Transaktion.objects.filter(forbund=forbund, redovisningsimport=imp, datum__lte=tom)
        .annotate(_rad=_case(intervall, "rad", CharField()), _spec=_case(kopplingar, "pk", IntegerField()))
        .values("_rad", "_spec")
        .annotate(ore=summa_exakt("belopp"))
        .order_by()
    )
    for r in qs:
        if r["_rad"] is None:
            continue
        spec = r["_spec"]
        s.spec[(r["_rad"], spec)]["res"] += fran_ore(r["ore"])
        s.rad[r["_rad"]]["res"] += fran_ore(r["ore"])
        s.finns = True
    return s, imp


def kvartalsuppfoljning(forbund: Forbund, ar: int, kvartal: int) -> dict[str, Any]:
    """Per budget line: the year's budget, outcome to the end of the quarter, the förbundschef's full-year forecast
    (the budget until one is entered), deviation forecast − budget, and the comment. A fixed number of queries."""
    tom = kvartalsslut(ar, kvartal)
    budget = budget_tabell(forbund, ar)
    s, imp = utfall_till_datum(forbund, ar, tom)
    kopplingar = {k.pk: k for k in Kontokoppling.objects.filter(forbund=forbund)}
    jmf = jamfor(utfall_per_nyckel(s, kopplingar), budget)
    uppf = Kvartalsuppfoljning.objects.filter(forbund=forbund, ar=ar, kvartal=kvartal).first()
    prognoser = {p.nyckel: p for p in uppf.rader.all()} if uppf else {}

    def rad(r: dict[str, Any], intakt: bool) -> dict[str, Any]:
        p = prognoser.get(r["nyckel"])
        prognos = p.prognos if p and p.prognos is not None else None
        # without a budget line the outcome so far is the least the year will show
        helar = prognos if prognos is not None else (r["budget"] if r["nyckel"] else r["utfall"])
        avvikelse = (helar - r["budget"]) if intakt else (r["budget"] - helar)
        andel = (r["utfall"] / r["budget"]) if r["budget"] else None
        return {
            **r,
            "prognos": prognos,
            "helarsprognos": helar,
            "avvikelse": avvikelse,
            "kommentar": p.kommentar if p else "",
            "andel_av_budget": andel,
            "intakt": intakt,
        }

    grupper = [{**g, "rader": [rad(r, False) for r in g["rader"]]} for g in jmf["grupper"]]
    intakter = [rad(r, True) for r in jmf["intakter"]]
    for g in grupper:
        g["helarsprognos"] = sum((r["helarsprognos"] for r in g["rader"]), NOLL)
        g["avvikelse"] = sum((r["avvikelse"] for r in g["rader"]), NOLL)
    prognos_kostnad = sum((g["helarsprognos"] for g in grupper), NOLL)
    prognos_intakt = sum((r["helarsprognos"] for r in intakter), NOLL)
    return {
        "ar": ar,
        "kvartal": kvartal,
        "tom": tom,
        "budget": budget,
        "import": imp,
        "uppfoljning": uppf,
        "sammanfattning": uppf.sammanfattning if uppf else "",
        "grupper": grupper,
        "intakter": intakter,
        "kostnader": {**jmf["kostnader"], "helarsprognos": prognos_kostnad},
        "summa_intakter": {**jmf["summa_intakter"], "helarsprognos": prognos_intakt},
        "resultat": {**jmf["resultat"], "helarsprognos": prognos_intakt - prognos_kostnad},
        "bokfort_tom": min(imp.tom, tom) if imp else None,
        "utfall_kalla": utfall_kalla(imp, s),
    }
