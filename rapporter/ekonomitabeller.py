"""The financial chapters of the annual report, laid out from ekonomi's `rakenskaper(forbund, ar)`.

Nothing is computed here: the statements come from ekonomi (which reconciles them); this module
only turns each statement into rows and columns for the PDF.
"""

from __future__ import annotations

from typing import Any

from .kallor import saknas

TEXT_NYCKLAR = ("text", "rubrik", "namn", "post", "benamning")


def _text(rad: dict[str, Any]) -> str:
    for k in TEXT_NYCKLAR:
        if rad.get(k):
            return str(rad[k])
    return ""


def tabell(data: Any, *, vad: str, kolumner: list[str], varde_nycklar: list[str], rubrik: str = "",
           tkr: bool = False, forsta_kolumn: str = "Belopp i kr") -> dict[str, Any]:
    """A statement as {kolumner, rader: [{text, not, varden, typ}]}; {"saknas"} when ekonomi has none."""
    if data is None or data == [] or data == {}:
        return {**saknas(vad), "rubrik": rubrik}
    if isinstance(data, dict) and "rader" in data:
        kolumner = list(data.get("kolumner") or kolumner)
        data = data["rader"]
    rader = []
    har_not = False
    for r in data:
        if not isinstance(r, dict):
            continue
        typ = r.get("typ") or ("summa" if r.get("summa") else "rubrik" if r.get("rubrikrad") else "rad")
        varden = r.get("varden")
        if varden is None:
            varden = [r.get(k) for k in varde_nycklar]
        har_not = har_not or bool(r.get("not"))
        rader.append({"text": _text(r), "not": r.get("not") or "", "varden": list(varden), "typ": typ})
    return {
        "rubrik": rubrik, "kolumner": kolumner, "rader": rader, "har_not": har_not, "tkr": tkr,
        "forsta_kolumn": forsta_kolumn, "spalter": 1 + len(kolumner) + (1 if har_not else 0),
    }


def kapitel(rak: dict[str, Any], ar: int) -> list[dict[str, Any]]:
    """Chapters 2–8 of the annual report."""
    if rak.get("saknas"):
        tom = {"saknas": rak["saknas"]}
        return [
            {"id": "driftsredovisning", "nummer": 2, "rubrik": "Driftsredovisning", "tabeller": [tom]},
            {"id": "resultatrakning", "nummer": 3, "rubrik": "Resultaträkning", "tabeller": [tom]},
            {"id": "balansrakning", "nummer": 4, "rubrik": "Balansräkning", "tabeller": [tom]},
            {"id": "kassaflodesanalys", "nummer": 5, "rubrik": "Kassaflödesanalys", "tabeller": [tom]},
            {"id": "redovisningsprinciper", "nummer": 6, "rubrik": "Redovisningsprinciper", "tabeller": []},
            {"id": "noter", "nummer": 7, "rubrik": "Noter", "tabeller": [tom]},
            {"id": "tillagg", "nummer": 8, "rubrik": "Eventuella tilläggsupplysningar", "tabeller": [tom]},
        ]
    ar_kol = [f"{ar}-01-01 – {ar}-12-31", f"{ar - 1}-01-01 – {ar - 1}-12-31"]
    bal_kol = [f"{ar}-12-31", f"{ar - 1}-12-31"]
    noter = []
    for i, n in enumerate(rak.get("noter") or [], start=1):
        if isinstance(n, dict):
            noter.append(tabell(n.get("rader") or n.get("poster"), vad=f"not {i}", kolumner=bal_kol,
                                varde_nycklar=["belopp", "foregaende_ar"],
                                rubrik=f"Not {n.get('nummer') or i}. {n.get('rubrik') or n.get('namn') or ''}".strip(),
                                forsta_kolumn=""))
    return [
        {"id": "driftsredovisning", "nummer": 2, "rubrik": "Driftsredovisning", "tabeller": [
            tabell(rak.get("driftsredovisning"), vad="driftsredovisning (ekonomi)",
                   kolumner=[f"Utfall {ar}", f"Budget {ar}", "Avvikelse", f"Bokslut {ar - 1}"],
                   varde_nycklar=["utfall", "budget", "avvikelse", "foregaende_ar"])]},
        {"id": "resultatrakning", "nummer": 3, "rubrik": "Resultaträkning", "tabeller": [
            tabell(rak.get("resultatrakning"), vad="resultaträkning (ekonomi)", kolumner=ar_kol,
                   varde_nycklar=["belopp", "foregaende_ar"])]},
        {"id": "balansrakning", "nummer": 4, "rubrik": "Balansräkning", "tabeller": [
            tabell(rak.get("balansrakning"), vad="balansräkning (ekonomi)", kolumner=bal_kol,
                   varde_nycklar=["belopp", "foregaende_ar"])]},
        {"id": "kassaflodesanalys", "nummer": 5, "rubrik": "Kassaflödesanalys", "tabeller": [
            tabell(rak.get("kassaflodesanalys"), vad="kassaflödesanalys (ekonomi)", kolumner=bal_kol,
                   varde_nycklar=["belopp", "foregaende_ar"])]},
        {"id": "redovisningsprinciper", "nummer": 6, "rubrik": "Redovisningsprinciper", "tabeller": []},
        {"id": "noter", "nummer": 7, "rubrik": "Noter", "tabeller": noter or [saknas("noter (ekonomi)")]},
        {"id": "tillagg", "nummer": 8, "rubrik": "Eventuella tilläggsupplysningar", "tabeller": [
            tabell(rak.get("budget_mot_utfall"), vad="budget och utfall (ekonomi)", rubrik=f"Sammanställning av budget och utfall {ar}",
                   kolumner=[f"Budget {ar}", f"Utfall {ar}", "Differens"], varde_nycklar=["budget", "utfall", "differens"])]},
    ]


def budget(data: dict[str, Any], ar: int) -> dict[str, Any]:
    """The three-year budget table (budget year and two plan years) in tkr."""
    if data.get("saknas"):
        return data
    kolumner = [f"Budget {ar}", f"Plan {ar + 1}", f"Plan {ar + 2}"]
    return tabell(data, vad=f"budget för {ar}", kolumner=kolumner, varde_nycklar=["budget", "plan1", "plan2"], tkr=True,
                  forsta_kolumn="Tkr")
