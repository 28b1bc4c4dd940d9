"""The computed parts of the annual report: figures in the förvaltningsberättelse, the driftsredovisning's intervention
lines, the balanskravsutredning, the five-year overview and the accounting principles derived from the accounts."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.formatting import kr
from finsam.models import Forbund

from .. import kallor
from ..models import Rapporttext, RapportTyp, Rapportunderlag

NOLL = Decimal(0)
ATERSTALL_AR = 3  # a deficit against the balance requirement is to be restored within three years (KL 11 kap. 12 §)


def _ok(rak: dict[str, Any]) -> bool:
    return not rak.get("saknas") and rak.get("finns", True) is not False


def forvaltningsberattelse(rak: dict[str, Any]) -> dict[str, Any]:
    """The figures the förvaltningsberättelse states in prose (kept apart so the reconciliation can compare them)."""
    if not _ok(rak):
        return {}
    return {
        "arets_resultat": rak["resultatrakning"]["arets_resultat"],
        "eget_kapital": rak["balansrakning"]["eget_kapital_vid_arets_slut"],
        "likvida_medel": rak["balansrakning"]["kassa_och_bank"],
    }


def driftsredovisning_insatser(ins: dict[str, Any], rak: dict[str, Any]) -> list[dict[str, Any]]:
    """Per intervention: granted for the year (board decisions), the budget line and the outcome in the accounts."""
    if not _ok(rak):
        return []
    budgetrader: dict[str, dict[str, Any]] = {}
    for g in (rak.get("budget_utfall") or {}).get("grupper", []):
        for r in g["rader"]:
            if r.get("nyckel"):
                budgetrader[r["nyckel"]] = r
    rader = []
    for i in ins["lista"]:
        b = budgetrader.get(f"insats-{i['pk']}")
        beviljat = i["beviljat"]
        efter = sum((e["belopp"] for e in i.get("efter_budget") or []), NOLL)
        budget = b["budget"] if b else NOLL
        utfall = b["utfall"] if b else NOLL
        if not (beviljat or budget or utfall):
            continue
        rader.append(
            {
                "pk": i["pk"],
                "kortnamn": i["kortnamn"],
                "namn": i["namn"],
                "beviljat": beviljat,
                "efter_budget": efter,
                "efter_budget_beslut": i.get("efter_budget") or [],
                "budget": budget,
                "utfall": utfall,
                "avvikelse": budget - utfall,
                "budgetrad": bool(b),
            }
        )
    return rader


def balanskravsutredning(rak: dict[str, Any], ar: int) -> dict[str, Any]:
    """The table of the balance requirement (lag 2018:597 11 kap. 8 §; KL 11 kap. 12 §). A planned use of equity decided
    in the year's budget counts against the deficit (the board's decision is the synnerliga skäl)."""
    if not _ok(rak):
        return {}
    resultat = rak["resultatrakning"]["arets_resultat"]
    realisationsvinster = NOLL  # the förbund owns no fixed assets to sell; the accounts carry no gains
    justeringar = NOLL
    efter_justering = resultat - realisationsvinster + justeringar
    planerat = Decimal((rak.get("balanskrav") or {}).get("planerat_underskott") or 0)
    eget_kapital = rak["balansrakning"]["eget_kapital_vid_arets_borjan"]
    anvandning = min(max(-efter_justering, NOLL), max(planerat, NOLL), max(eget_kapital, NOLL))
    balanskravsresultat = efter_justering + anvandning
    underskott = -balanskravsresultat if balanskravsresultat < 0 else NOLL
    rader = [
        ("Årets resultat enligt resultaträkningen", resultat, "rad"),
        ("Avgår: samtliga realisationsvinster", -realisationsvinster, "rad"),
        ("Justeringar (realisationsförluster enligt undantag, orealiserade vinster och förluster i värdepapper)", justeringar, "rad"),
        ("Årets resultat efter balanskravsjusteringar", efter_justering, "delsumma"),
        ("Användning av eget kapital enligt styrelsens budgetbeslut", anvandning, "rad"),
        ("Balanskravsresultat", balanskravsresultat, "summa"),
        ("Underskott att återställa", underskott, "rad"),
    ]
    return {
        "arets_resultat": resultat,
        "realisationsvinster": realisationsvinster,
        "justeringar": justeringar,
        "efter_justering": efter_justering,
        "planerat_underskott": planerat,
        "anvandning_eget_kapital": anvandning,
        "balanskravsresultat": balanskravsresultat,
        "underskott": underskott,
        "aterstalls_senast": ar + ATERSTALL_AR if underskott else None,
        "uppfyllt": balanskravsresultat >= 0,
        "rader": [{"text": t, "belopp": b, "typ": typ} for t, b, typ in rader],
    }


def texter(forbund: Forbund, typ: str, ar: int) -> dict[tuple[str, int | None], Rapporttext]:
    """The report's texts by (section, intervention), read by the builders and the pages alike."""
    return {(t.sektion, t.insats_id): t for t in Rapporttext.objects.filter(forbund=forbund, typ=typ, ar=ar).select_related("andrad_av")}


def _nyckeltal(rs: dict[str, Any], br: dict[str, Any], kalla: str) -> dict[str, Any]:
    intakter = rs["verksamhetens_intakter"] + rs["ovriga_intakter"] + max(rs["finansiella_poster"], NOLL)
    kostnader = rs["verksamhetens_kostnader"] + rs["avskrivningar"] + min(rs["finansiella_poster"], NOLL)
    tillgangar = br["summa_tillgangar"]
    ek = br["eget_kapital_vid_arets_slut"]
    return {
        "intakter": intakter,
        "kostnader": kostnader,
        "arets_resultat": rs["arets_resultat"],
        "eget_kapital": ek,
        "soliditet": (ek / tillgangar).quantize(Decimal("0.001")) if tillgangar else None,
        "kalla": kalla,
    }


def _tidigare_underlag(forbund: Forbund, ar: int) -> dict[int, dict[str, Any]]:
    """Key figures of earlier years from their adopted (frozen) annual reports (one query)."""

    ut: dict[int, dict[str, Any]] = {}
    for u in Rapportunderlag.objects.filter(
        forbund=forbund, rapport__typ=RapportTyp.ARSREDOVISNING, rapport__ar__gte=ar - 4, rapport__ar__lt=ar, fryst__isnull=False
    ).select_related("rapport"):
        for rad in u.data.get("flerarsoversikt", {}).get("ar", []):
            if rad["ar"] == u.rapport.ar and rad.get("kalla"):
                ut[u.rapport.ar] = {**rad, "kalla": f"Fastställd årsredovisning {u.rapport.ar}"}
    return ut


def flerarsoversikt(forbund: Forbund, ar: int, rak: dict[str, Any], utfall: dict[str, Any]) -> dict[str, Any]:
    """Five years: intäkter, kostnader, årets resultat, eget kapital, soliditet and participants. Each figure from the
    year's accounts, the comparison column, or an adopted earlier report; otherwise "uppgift saknas" (never invented)."""

    per_ar: dict[int, dict[str, Any]] = _tidigare_underlag(forbund, ar)
    if _ok(rak):
        per_ar[ar] = _nyckeltal(rak["resultatrakning"], rak["balansrakning"], f"Bokföringen {ar}")
        fg = rak.get("foregaende")
        if fg:
            per_ar[ar - 1] = _nyckeltal(fg["resultatrakning"], fg["balansrakning"], f"Jämförelseåret i bokföringen {ar}")
    rader = []
    for a in range(ar - 4, ar + 1):
        rad: dict[str, Any] = {"ar": a, **per_ar.get(a, {"kalla": ""})}
        if a == ar:
            rad["deltagare"] = None if utfall.get("saknas") else utfall["totalt"]["deltagare"]["totalt"]
        elif a in per_ar and "deltagare" in per_ar[a]:
            rad["deltagare"] = per_ar[a]["deltagare"]
        else:
            u = kallor.utfall(forbund, a)
            rad["deltagare"] = None if u.get("saknas") else (u["totalt"]["deltagare"]["totalt"] or None)
        rader.append(rad)
    return {"ar": rader}


def redovisningsprinciper(rak: dict[str, Any]) -> dict[str, Any]:
    """The principles as the accounts are actually kept: accruals (receivables, accrued costs and prepaid income at
    the balance sheet date) mean the accounts are kept on an accrual basis, never 'kontantmetoden'."""
    if not _ok(rak):
        return {"metod": "", "stycken": []}
    br = rak["balansrakning"]
    fg = (rak.get("foregaende") or {}).get("balansrakning") or {}
    periodiserat = any(v for v in (br["fordringar"], br["kortfristiga_skulder"], fg.get("fordringar"), fg.get("kortfristiga_skulder")))
    stycken = [
        "Årsredovisningen är upprättad enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och "
        "lagen (2018:597) om kommunal bokföring och redovisning i tillämpliga delar, med rekommendationer från Rådet för "
        "kommunal redovisning."
    ]
    if periodiserat:
        stycken.append(
            "Räkenskaperna förs enligt bokföringsmässiga grunder: intäkter och kostnader redovisas det år de avser. "
            "Fordringar, upplupna kostnader och förutbetalda intäkter tas upp på balansdagen "
            f"(fordringar {_kr(br['fordringar'])}, kortfristiga skulder {_kr(br['kortfristiga_skulder'])})."
        )
        metod = "bokforingsmassiga_grunder"
    else:
        stycken.append("Förbundet har inga fordringar eller skulder på balansdagen: in- och utbetalningar redovisas det år de sker (kontantmetoden).")
        metod = "kontantmetoden"
    if rak["balansrakning"].get("anlaggningstillgangar"):
        stycken.append("Anläggningstillgångar tas upp till anskaffningsvärde med avdrag för planenliga avskrivningar.")
    stycken.append("Förbundets räkenskaper och verksamhet granskas av revisorer som utses av medlemmarna.")
    return {"metod": metod, "stycken": stycken}


def _kr(v: Decimal) -> str:
    return str(kr(v.quantize(Decimal(1))))
