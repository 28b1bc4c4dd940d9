"""Comparisons: the operating statement (driftsredovisning), budget vs outcome per line and group, and equity."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.formatting import kr, procent

from ..models import Kontokoppling
from .data import NOLL, Saldon

RESULTATRADER = ("intakter", "ovriga_intakter", "kostnader", "avskrivningar", "finansiella")
INTAKTSRADER = ("intakter", "ovriga_intakter")


def driftsredovisning(nu: dict[str, Any], fore: dict[str, Any] | None, budget: dict[str, Any] | None) -> list[dict[str, Any]]:
    def delar(d: dict[str, Any]) -> tuple[Decimal, Decimal, Decimal]:
        rs = d["resultatrakning"]
        intakt = rs["verksamhetens_intakter"] + rs["ovriga_intakter"]
        netto = rs["verksamhetens_kostnader"] + rs["avskrivningar"] + rs["finansiella_poster"]
        return netto, intakt, rs["arets_resultat"]

    u = delar(nu)
    f = delar(fore) if fore else (None, None, None)
    b = (budget["summa_kostnader"][0], budget["summa_intakter"][0], budget["resultat"][0]) if budget else None
    rader: list[dict[str, Any]] = []
    for i, text in enumerate(("Nettokostnad", "Bidrag/intäkt", "Resultat")):
        rader.append({"text": text, "utfall": u[i], "budget": b[i] if b else None, "avvikelse": u[i] - b[i] if b else None, "foregaende": f[i]})
    rader.append(
        {
            "text": "Utgående eget kapital",
            "utfall": nu["balansrakning"]["eget_kapital_vid_arets_slut"],
            "budget": None,
            "avvikelse": None,
            "foregaende": fore["balansrakning"]["eget_kapital_vid_arets_slut"] if fore else None,
        }
    )
    rader.append(
        {
            "text": "Likvida medel",
            "utfall": nu["balansrakning"]["kassa_och_bank"],
            "budget": None,
            "avvikelse": None,
            "foregaende": fore["balansrakning"]["kassa_och_bank"] if fore else None,
        }
    )
    return rader


def utfall_per_nyckel(s: Saldon, kopplingar: dict[int, Kontokoppling]) -> dict[str, Any]:
    """Outcome per budget-line key (costs and income both positive), the keys booked as income, and the costs and
    income linked to no key."""
    per: dict[str, Decimal] = {}
    intaktsnycklar: set[str] = set()
    ej_kostnad, ej_intakt = NOLL, NOLL
    for (rad, spec), v in s.spec.items():
        if rad not in RESULTATRADER:
            continue
        intakt = rad in INTAKTSRADER or (rad == "finansiella" and v["res"] < 0)  # net financial income counts as income
        belopp = -v["res"] if intakt else v["res"]
        nyckel = kopplingar[spec].nyckel if spec is not None else ""
        if nyckel:
            per[nyckel] = per.get(nyckel, NOLL) + belopp
            if intakt:
                intaktsnycklar.add(nyckel)
        elif intakt:
            ej_intakt += belopp
        else:
            ej_kostnad += belopp
    return {"per": per, "intaktsnycklar": intaktsnycklar, "ej_kostnad": ej_kostnad, "ej_intakt": ej_intakt}


def jamfor(utfall: dict[str, Any], budget: dict[str, Any] | None) -> dict[str, Any]:
    """Budget vs outcome per line and group. Costs are positive here; `differens` is budget − outcome for costs and
    outcome − budget for income (positive = better than budget). Outcome on keys the budget lacks is 'Ej budgeterat'."""
    per: dict[str, Decimal] = utfall["per"]
    kanda: set[str] = set()
    grupper = []
    intakter = []
    if budget:
        for g in budget["grupper"]:
            rader = []
            for r in g["rader"]:
                kanda.add(r["nyckel"])
                b = -(r["belopp"][0] or NOLL)
                u = per.get(r["nyckel"], NOLL)
                rader.append({"nyckel": r["nyckel"], "text": r["text"], "budget": b, "utfall": u, "differens": b - u})
            grupper.append(_grupp(g["rubrik"], rader))
        for r in budget["intakter"]:
            kanda.add(r["nyckel"])
            b = r["belopp"][0] or NOLL
            u = per.get(r["nyckel"], NOLL)
            intakter.append({"nyckel": r["nyckel"], "text": r["text"], "budget": b, "utfall": u, "differens": u - b})
    ovrig_kostnad = utfall["ej_kostnad"] + sum((v for k, v in per.items() if k not in kanda and k not in utfall["intaktsnycklar"]), NOLL)
    ovrig_intakt = utfall["ej_intakt"] + sum((v for k, v in per.items() if k not in kanda and k in utfall["intaktsnycklar"]), NOLL)
    if ovrig_kostnad:
        grupper.append(
            _grupp(
                "Ej budgeterat",
                [{"nyckel": "", "text": "Kostnader utan budgetrad", "budget": NOLL, "utfall": ovrig_kostnad, "differens": -ovrig_kostnad}],
            )
        )
    if ovrig_intakt:
        intakter.append({"nyckel": "", "text": "Intäkter utan budgetrad", "budget": NOLL, "utfall": ovrig_intakt, "differens": ovrig_intakt})
    summa_kostnad = {k: sum((g[k] for g in grupper), NOLL) for k in ("budget", "utfall")}
    summa_intakt = {k: sum((r[k] for r in intakter), NOLL) for k in ("budget", "utfall")}
    return {
        "grupper": grupper,
        "intakter": intakter,
        "kostnader": {**summa_kostnad, "differens": summa_kostnad["budget"] - summa_kostnad["utfall"]},
        "summa_intakter": {**summa_intakt, "differens": summa_intakt["utfall"] - summa_intakt["budget"]},
        "resultat": {k: summa_intakt[k] - summa_kostnad[k] for k in ("budget", "utfall")},
    }


def _grupp(rubrik: str, rader: list[dict[str, Any]]) -> dict[str, Any]:
    summa = {k: sum((r[k] for r in rader), NOLL) for k in ("budget", "utfall", "differens")}
    return {"rubrik": rubrik, "rader": rader, **summa}


def budget_utfall(s: Saldon, kopplingar: dict[int, Kontokoppling], budget: dict[str, Any] | None) -> dict[str, Any]:
    return jamfor(utfall_per_nyckel(s, kopplingar), budget)


def eget_kapital_bedomning(nu: dict[str, Any], bidrag: dict[str, Any], andel: Decimal, budget: dict[str, Any] | None) -> dict[str, Any]:
    """Equity against the national council's recommended ceiling (a share of the year's allocation)."""
    slut = nu["balansrakning"]["eget_kapital_vid_arets_slut"]
    tilldelning = bidrag["tilldelning"]
    tak = (tilldelning * andel).quantize(Decimal(1)) if tilldelning is not None else None
    over = tak is not None and slut > tak
    varning = ""
    if over:
        varning = (
            f"Eget kapital ({kr(slut.quantize(Decimal(1)))}) överstiger Nationella rådets rekommendation om högst "
            f"{procent(andel)} av tilldelningen ({kr(tak)}) med {kr((slut - tak).quantize(Decimal(1)))}."
        )
    return {
        "vid_arets_borjan": nu["balansrakning"]["eget_kapital_vid_arets_borjan"],
        "vid_arets_slut": slut,
        "andel": andel,
        "tilldelning": tilldelning,
        "rekommenderat_hogst": tak,
        "over_rekommendation": over,
        "varning": varning,
        "andel_av_tilldelning": (slut / tilldelning) if tilldelning else None,
    }
