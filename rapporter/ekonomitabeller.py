"""The financial chapters of the reports, laid out from ekonomi's contract.

Nothing is computed here except layout: the statements come from `ekonomi.selectors.rakenskaper`
(which derives and reconciles them) and the budget from `ekonomi.selectors.budget_tabell`. This
module only chooses the rows, headings and columns the seed documents use.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .kallor import saknas

# (text, statement key, row type, note number). Row types: rad, delsumma, summa, rubrik.
Layout = list[tuple[str, str, str, int | None]]

RESULTATRAKNING: Layout = [
    ("Verksamhetens intäkter", "verksamhetens_intakter", "rad", 1),
    ("Övriga intäkter", "ovriga_intakter", "rad", None),
    ("Verksamhetens kostnader", "verksamhetens_kostnader", "rad", None),
    ("Avskrivningar", "avskrivningar", "rad", None),
    ("Verksamhetens nettokostnad", "verksamhetens_nettokostnad", "delsumma", None),
    ("Finansiella poster", "finansiella_poster", "rad", None),
    ("Årets resultat", "arets_resultat", "summa", None),
]
BALANSRAKNING: Layout = [
    ("TILLGÅNGAR", "", "rubrik", None),
    ("Anläggningstillgångar", "anlaggningstillgangar", "rad", None),
    ("Fordringar", "fordringar", "rad", 2),
    ("Kassa och bank", "kassa_och_bank", "rad", None),
    ("Summa omsättningstillgångar", "summa_omsattningstillgangar", "delsumma", None),
    ("SUMMA TILLGÅNGAR", "summa_tillgangar", "summa", None),
    ("EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", "", "rubrik", None),
    ("Eget kapital vid årets ingång", "eget_kapital_vid_arets_borjan", "rad", None),
    ("Årets resultat", "arets_resultat", "rad", None),
    ("Summa eget kapital", "eget_kapital_vid_arets_slut", "delsumma", None),
    ("Avsättningar och långfristiga skulder", "avsattningar_och_langfristiga_skulder", "rad", None),
    ("Kortfristiga skulder", "kortfristiga_skulder", "rad", 3),
    ("Summa skulder", "summa_skulder", "delsumma", None),
    ("SUMMA EGET KAPITAL, AVSÄTTNINGAR OCH SKULDER", "summa_eget_kapital_och_skulder", "summa", None),
]
KASSAFLODESANALYS: Layout = [
    ("DEN LÖPANDE VERKSAMHETEN", "", "rubrik", None),
    ("Årets resultat", "arets_resultat", "rad", None),
    ("Justering för av- och nedskrivningar", "justering_avskrivningar", "rad", None),
    ("Justering för övriga ej likviditetspåverkande poster", "justering_ovriga", "rad", None),
    ("Medel från verksamheten före förändring av rörelsekapital", "medel_fore_rorelsekapital", "delsumma", None),
    ("Ökning (−)/minskning (+) av kortfristiga fordringar", "forandring_fordringar", "rad", None),
    ("Ökning (+)/minskning (−) av kortfristiga skulder", "forandring_kortfristiga_skulder", "rad", None),
    ("Kassaflöde från den löpande verksamheten", "kassaflode_lopande_verksamhet", "delsumma", None),
    ("INVESTERINGSVERKSAMHETEN", "", "rubrik", None),
    ("Kassaflöde från investeringsverksamheten", "kassaflode_investeringsverksamhet", "delsumma", None),
    ("FINANSIERINGSVERKSAMHETEN", "", "rubrik", None),
    ("Kassaflöde från finansieringsverksamheten", "kassaflode_finansieringsverksamhet", "delsumma", None),
    ("Årets kassaflöde", "arets_kassaflode", "delsumma", None),
    ("Likvida medel vid årets början", "likvida_medel_vid_arets_borjan", "rad", None),
    ("Likvida medel vid årets slut", "likvida_medel_vid_arets_slut", "summa", None),
]


def _tabell(kolumner: list[str], rader: list[dict[str, Any]], *, rubrik: str = "", forsta: str = "Belopp i kr", tkr: bool = False) -> dict[str, Any]:
    har_not = any(r.get("not") for r in rader)
    return {
        "rubrik": rubrik,
        "kolumner": kolumner,
        "rader": rader,
        "har_not": har_not,
        "tkr": tkr,
        "forsta_kolumn": forsta,
        "spalter": 1 + len(kolumner) + (1 if har_not else 0),
    }


def _uppstallning(layout: Layout, nu: dict[str, Any], fore: dict[str, Any] | None) -> list[dict[str, Any]]:
    rader: list[dict[str, Any]] = []
    for text, nyckel, typ, not_ in layout:
        if typ == "rubrik":
            rader.append({"text": text, "typ": typ, "varden": [], "not": ""})
            continue
        rader.append({"text": text, "typ": typ, "not": not_ or "", "varden": [nu.get(nyckel), fore.get(nyckel) if fore else None]})
    return rader


def _noter(noter: list[dict[str, Any]], kolumner: list[str]) -> list[dict[str, Any]]:
    tabeller = []
    for n in noter:
        rader = [{"text": r["text"], "typ": "rad", "not": "", "varden": [r["belopp"], r.get("foregaende")]} for r in n["rader"]]
        if n.get("ej_specificerat"):
            rader.append({"text": "Ej specificerat", "typ": "rad", "not": "", "varden": [n["ej_specificerat"], None]})
        fg = sum((r.get("foregaende") or Decimal(0) for r in n["rader"]), Decimal(0))
        rader.append(
            {"text": "Summa", "typ": "summa", "not": "", "varden": [n["summa"] + (n.get("ej_specificerat") or 0), fg if n["rader"] else None]}
        )
        tabeller.append(_tabell(kolumner, rader, rubrik=f"Not {n['nummer']}. {n['rubrik']}", forsta=""))
    return tabeller


def _budget_utfall(bu: dict[str, Any], ar: int) -> dict[str, Any]:
    rader: list[dict[str, Any]] = []
    for g in bu.get("grupper", []):
        rader.append({"text": g["rubrik"], "typ": "rubrik", "varden": [], "not": ""})
        for r in g["rader"]:
            rader.append({"text": r["text"], "typ": "rad", "not": "", "varden": [r["budget"], r["utfall"], r["differens"]]})
        rader.append({"text": f"Summa {g['rubrik'].lower()}", "typ": "delsumma", "not": "", "varden": [g["budget"], g["utfall"], g["differens"]]})
    k = bu.get("kostnader")
    if k:
        rader.append({"text": "Summa kostnader", "typ": "delsumma", "not": "", "varden": [k["budget"], k["utfall"], k["differens"]]})
    if bu.get("intakter"):
        rader.append({"text": "Intäkter", "typ": "rubrik", "varden": [], "not": ""})
        for r in bu["intakter"]:
            rader.append({"text": r["text"], "typ": "rad", "not": "", "varden": [r["budget"], r["utfall"], r["differens"]]})
        i = bu["summa_intakter"]
        rader.append({"text": "Summa intäkter", "typ": "delsumma", "not": "", "varden": [i["budget"], i["utfall"], i["differens"]]})
    res = bu.get("resultat")
    if res:
        rader.append({"text": "Resultat", "typ": "summa", "not": "", "varden": [res["budget"], res["utfall"], res["utfall"] - res["budget"]]})
    return _tabell([f"Budget {ar}", f"Utfall {ar}", "Differens"], rader, rubrik=f"Sammanställning av budget och utfall {ar}")


def budget_utfall_par(rak: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """(cost group, budget, outcome) for the chart."""
    bu = rak.get("budget_utfall") if isinstance(rak, dict) else None
    return [(g["rubrik"], g["budget"], g["utfall"]) for g in (bu or {}).get("grupper", [])]


def kapitel(rak: dict[str, Any], ar: int) -> list[dict[str, Any]]:
    """Chapters 2–8 of the annual report."""
    rubriker = [
        ("driftsredovisning", "Driftsredovisning"),
        ("resultatrakning", "Resultaträkning"),
        ("balansrakning", "Balansräkning"),
        ("kassaflodesanalys", "Kassaflödesanalys"),
        ("redovisningsprinciper", "Redovisningsprinciper"),
        ("noter", "Noter"),
        ("tillagg", "Eventuella tilläggsupplysningar"),
    ]
    if rak.get("saknas") or not rak.get("finns", True):
        tom = rak if rak.get("saknas") else saknas(f"bokföringen för {ar} är inte importerad (ekonomi)")
        return [
            {"id": i, "nummer": n, "rubrik": r, "tabeller": [] if i == "redovisningsprinciper" else [tom]}
            for n, (i, r) in enumerate(rubriker, start=2)
        ]
    fore = rak.get("foregaende") or {}
    ar_kol = [f"{ar}-01-01 – {ar}-12-31", f"{ar - 1}-01-01 – {ar - 1}-12-31"]
    bal_kol = [f"{ar}-12-31", f"{ar - 1}-12-31"]
    drift = [
        {
            "text": r["text"],
            "typ": "summa" if r["text"] == "Resultat" else "rad",
            "not": "",
            "varden": [r["utfall"], r["budget"], r["avvikelse"], r["foregaende"]],
        }
        for r in rak.get("driftsredovisning", [])
    ]
    tabeller = {
        "driftsredovisning": [_tabell([f"Utfall jan–dec {ar}", f"Budget jan–dec {ar}", "Avvikelse utfall − budget", f"Bokslut {ar - 1}"], drift)],
        "resultatrakning": [_tabell(ar_kol, _uppstallning(RESULTATRAKNING, rak["resultatrakning"], fore.get("resultatrakning")))],
        "balansrakning": [_tabell(bal_kol, _uppstallning(BALANSRAKNING, rak["balansrakning"], fore.get("balansrakning")))],
        "kassaflodesanalys": [_tabell(ar_kol, _uppstallning(KASSAFLODESANALYS, rak["kassaflodesanalys"], fore.get("kassaflodesanalys")))],
        "redovisningsprinciper": [],
        "noter": _noter(rak.get("noter", []), bal_kol),
        "tillagg": [_budget_utfall(rak.get("budget_utfall") or {}, ar)],
    }
    return [{"id": i, "nummer": n, "rubrik": r, "tabeller": tabeller[i]} for n, (i, r) in enumerate(rubriker, start=2)]


def budget(data: dict[str, Any], ar: int) -> dict[str, Any]:
    """The three-year budget table of the verksamhetsplan, in tkr as in the seed (income, costs per group, result)."""
    if data.get("saknas"):
        return data
    ar_lista = data.get("ar_lista") or [ar, ar + 1, ar + 2]
    kolumner = [f"Budget {ar_lista[0]}", f"Plan {ar_lista[1]}", f"Plan {ar_lista[2]}"]
    rader: list[dict[str, Any]] = [{"text": "Intäkter", "typ": "rubrik", "varden": [], "not": ""}]
    for r in data["intakter"]:
        rader.append({"text": r["text"], "typ": "rad", "not": "", "varden": list(r["belopp"])})
    rader.append({"text": "Summa intäkter", "typ": "delsumma", "not": "", "varden": list(data["summa_intakter"])})
    for g in data["grupper"]:
        if not g["rader"]:
            continue
        rader.append({"text": g["rubrik"], "typ": "rubrik", "varden": [], "not": ""})
        for r in g["rader"]:
            rader.append({"text": r["text"], "typ": "rad", "not": "", "varden": list(r["belopp"])})
        rader.append({"text": f"Summa {g['rubrik'].lower()}", "typ": "delsumma", "not": "", "varden": list(g["summa"])})
    rader.append({"text": "Summa kostnader", "typ": "delsumma", "not": "", "varden": list(data["summa_kostnader"])})
    rader.append({"text": "Resultat", "typ": "summa", "not": "", "varden": list(data["resultat"])})
    if any(data.get("eget_kapital_anspraktaget") or []):
        rader.append({"text": "Varav ur eget kapital", "typ": "rad", "not": "", "varden": list(data["eget_kapital_anspraktaget"])})
    t = _tabell(kolumner, rader, forsta="Tkr", tkr=True)
    t["status_text"] = data.get("status_text", "")
    t["paragraf"] = data.get("paragraf", "")
    t["underfinansiering_text"] = data.get("underfinansiering_text", "")
    return t
