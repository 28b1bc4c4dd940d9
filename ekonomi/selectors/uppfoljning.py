"""The quarterly follow-up: outcome to date per budget line (from the vouchers), the forecast and the deviation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import CharField, IntegerField

from finsam.models import Forbund

from ..bokforing.kontoplan import standard_intervall
from ..models import Kontointervall, Kontokoppling, Kvartalsuppfoljning, Redovisningsimport, Transaktion
from ..rakenskaper.data import NOLL, Saldon, _case, fran_ore, summa_exakt
from ..rakenskaper.jamforelse import jamfor, utfall_per_nyckel
from .budget import budget_tabell

KVARTALSSLUT = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}


def kvartalsslut(ar: int, kvartal: int) -> dt.date:
    m, d = KVARTALSSLUT[kvartal]
    return dt.date(ar, m, d)


def utfall_till_datum(forbund: Forbund, ar: int, tom: dt.date) -> tuple[Saldon, Redovisningsimport | None]:
    """Sums of the year's transactions up to `tom`, per statement line and account mapping, aggregated in the database."""
    imp = Redovisningsimport.objects.filter(forbund=forbund, ar=ar).first()
    s = Saldon()
    if imp is None:
        return s, None
    intervall = list(Kontointervall.objects.filter(forbund=forbund)) or standard_intervall(forbund, imp.kontoplanstyp)
    kopplingar = list(Kontokoppling.objects.filter(forbund=forbund))
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
    }
