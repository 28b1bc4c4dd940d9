"""Turn the `utfall` structure into labelled table rows and simple bar charts (pure: dict in, dicts out)."""

from __future__ import annotations

from typing import Any

import tablib

from .vokabular import ALDERSGRUPPER, Forsorjning, Remittent, Utbildning

KON_RUBRIKER = [("totalt", "Totalt"), ("kvinna", "Kvinnor"), ("man", "Män"), ("annat", "Icke binär/annat")]
DIMENSIONER: list[tuple[str, str, dict[str, str]]] = [
    ("aldersgrupp", "Deltagare per åldersgrupp (ålder vid start)", {n: f"{n.replace('-', '–')} år" for n, _, _ in ALDERSGRUPPER}),
    ("remittent", "Deltagare per remittent", {c.value: str(c.label) for c in Remittent}),
    ("utbildning", "Deltagare per högsta utbildningsnivå vid inskrivning", {c.value: str(c.label) for c in Utbildning}),
    ("forsorjning_in", "Deltagare per försörjning vid inskrivning", {c.value: str(c.label) for c in Forsorjning}),
    ("forsorjning_ut", "Avslutade per försörjning vid avslut", {c.value: str(c.label) for c in Forsorjning}),
]
HUVUDMATT = [("deltagare", "Deltagare under året"), ("nya", "Nya deltagare"), ("avslutade", "Avslutade")]


def _tal(v: Any) -> int:
    return v if isinstance(v, int) else 0


def tabeller(post: dict[str, Any]) -> dict[str, Any]:
    """Rows for one intervention (or the total): main measures and each dimension with labels."""
    huvud = [{"namn": namn, "g": post[nyckel]} for nyckel, namn in HUVUDMATT]
    dim = []
    for nyckel, rubrik, etiketter in DIMENSIONER:
        rader = [{"namn": etiketter[kod], "kod": kod, "g": g, "noll": _tal(g["totalt"]) == 0 and g["totalt"] == 0} for kod, g in post[nyckel].items()]
        dim.append({"nyckel": nyckel, "rubrik": rubrik, "rader": rader})
    return {"huvud": huvud, "dimensioner": dim}


def jamforelse(nu: dict[str, Any], fore: dict[str, Any]) -> list[dict[str, Any]]:
    """Year-on-year rows for the total."""
    rader = []
    for nyckel, namn in HUVUDMATT:
        a, b = nu[nyckel]["totalt"], fore[nyckel]["totalt"]
        rader.append({"namn": namn, "nu": a, "fore": b, "andring": a - b if isinstance(a, int) and isinstance(b, int) else None, "typ": "tal"})
    for nyckel, namn in (("genomstromning", "Genomströmning"), ("andel_arbete_studier", "Andel avslut till arbete eller studier")):
        a, b = nu[nyckel], fore[nyckel]
        rader.append(
            {"namn": namn, "nu": a, "fore": b, "andring": round((a - b) * 100, 1) if a is not None and b is not None else None, "typ": "procent"}
        )
    a, b = nu["median_dagar"], fore["median_dagar"]
    rader.append(
        {
            "namn": "Mediantid i insatsen för avslutade (dagar)",
            "nu": a,
            "fore": b,
            "andring": a - b if a is not None and b is not None else None,
            "typ": "dagar",
        }
    )
    return rader


def stapeldiagram(rader: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Stacked horizontal bars (kvinna/man/annat) as percentages of the largest total."""
    storst = max([_tal(g["totalt"]) for _, g in rader] or [0]) or 1
    staplar = []
    for namn, g in rader:
        delar = [{"kon": k, "namn": n, "antal": g[k], "bredd": round(100 * _tal(g[k]) / storst, 2)} for k, n in KON_RUBRIKER[1:]]
        dolt = _tal(g["totalt"]) - sum(_tal(g[k]) for k, _ in KON_RUBRIKER[1:])
        if dolt > 0:  # masked parts: the rest of a known total, without its split by gender
            delar.append({"kon": "dolt", "namn": "Maskerat", "antal": dolt, "bredd": round(100 * dolt / storst, 2)})
        staplar.append({"namn": namn, "totalt": g["totalt"], "delar": delar})
    return {"staplar": staplar, "maskerat": any(d["kon"] == "dolt" for s in staplar for d in s["delar"])}


def som_dataset(data: dict[str, Any]) -> tablib.Dataset:
    """The report flattened to rows (insats, mått, kategori, totalt, kvinnor, män, annat) for CSV/XLSX."""
    ds = tablib.Dataset(headers=["insats", "matt", "kategori", "totalt", "kvinna", "man", "annat"], title=f"Utfall {data['ar']}")
    for post, namn in [*[(p, p["kortnamn"]) for p in data["insatser"]], (data["totalt"], "Totalt")]:
        for nyckel, _ in HUVUDMATT:
            g = post[nyckel]
            ds.append([namn, nyckel, "", g["totalt"], g["kvinna"], g["man"], g["annat"]])
        for nyckel, _, _ in DIMENSIONER:
            for kod, g in post[nyckel].items():
                ds.append([namn, nyckel, kod, g["totalt"], g["kvinna"], g["man"], g["annat"]])
        for nyckel in ("genomstromning", "median_dagar", "andel_arbete_studier"):
            v = post[nyckel]
            ds.append([namn, nyckel, "", "" if v is None else v, "", "", ""])
    return ds
