"""The accounts as JSON-ready data, CSV and XLSX (for auditors)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from finsam import export

AVRUNDNING = Decimal("0.01")


def _tal(v: Decimal) -> int | float:
    v = v.quantize(AVRUNDNING)
    return int(v) if v == v.to_integral_value() else float(v)


def som_json(data: Any) -> Any:
    """Decimals become numbers (whole kronor as int), dates ISO strings."""
    if isinstance(data, Decimal):
        return _tal(data)
    if isinstance(data, dt.date | dt.datetime):
        return data.isoformat()
    if isinstance(data, dict):
        return {str(k): som_json(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [som_json(v) for v in data]
    return data


RS_RADER = [
    ("Verksamhetens intäkter", "verksamhetens_intakter"),
    ("Övriga intäkter", "ovriga_intakter"),
    ("Verksamhetens kostnader", "verksamhetens_kostnader"),
    ("Avskrivningar", "avskrivningar"),
    ("Verksamhetens nettokostnad", "verksamhetens_nettokostnad"),
    ("Finansiella poster", "finansiella_poster"),
    ("Årets resultat", "arets_resultat"),
]
BR_RADER = [
    ("Anläggningstillgångar", "anlaggningstillgangar"),
    ("Fordringar", "fordringar"),
    ("Kassa och bank", "kassa_och_bank"),
    ("Summa tillgångar", "summa_tillgangar"),
    ("Eget kapital vid årets ingång", "eget_kapital_vid_arets_borjan"),
    ("Årets resultat", "arets_resultat"),
    ("Summa eget kapital", "eget_kapital_vid_arets_slut"),
    ("Avsättningar och långfristiga skulder", "avsattningar_och_langfristiga_skulder"),
    ("Kortfristiga skulder", "kortfristiga_skulder"),
    ("Summa skulder", "summa_skulder"),
    ("Summa eget kapital, avsättningar och skulder", "summa_eget_kapital_och_skulder"),
]
KF_RADER = [
    ("Årets resultat", "arets_resultat"),
    ("Justering för av- och nedskrivningar", "justering_avskrivningar"),
    ("Justering för övriga ej likviditetspåverkande poster", "justering_ovriga"),
    ("Medel från verksamheten före förändring av rörelsekapital", "medel_fore_rorelsekapital"),
    ("Ökning(−)/minskning(+) av kortfristiga fordringar", "forandring_fordringar"),
    ("Ökning(+)/minskning(−) av kortfristiga skulder", "forandring_kortfristiga_skulder"),
    ("Kassaflöde från den löpande verksamheten", "kassaflode_lopande_verksamhet"),
    ("Kassaflöde från investeringsverksamheten", "kassaflode_investeringsverksamhet"),
    ("Kassaflöde från finansieringsverksamheten", "kassaflode_finansieringsverksamhet"),
    ("Årets kassaflöde", "arets_kassaflode"),
    ("Likvida medel vid årets början", "likvida_medel_vid_arets_borjan"),
    ("Likvida medel vid årets slut", "likvida_medel_vid_arets_slut"),
]


def tabellrader(data: dict[str, Any]) -> list[list[Any]]:
    """Rows (del, rad, år, föregående år) for CSV and XLSX."""
    fg = data.get("foregaende") or {}
    rader: list[list[Any]] = [["Del", "Rad", str(data["ar"]), str(data["ar"] - 1)]]
    for rubrik, nyckel_del, lista in (
        ("Resultaträkning", "resultatrakning", RS_RADER),
        ("Balansräkning", "balansrakning", BR_RADER),
        ("Kassaflödesanalys", "kassaflodesanalys", KF_RADER),
    ):
        for text, nyckel in lista:
            fore = fg.get(nyckel_del, {}).get(nyckel) if fg else None
            rader.append([rubrik, text, _tal(data[nyckel_del][nyckel]), _tal(fore) if fore is not None else ""])
    for n in data["noter"]:
        for r in n["rader"]:
            rader.append([f"Not {n['nummer']} {n['rubrik']}", r["text"], _tal(r["belopp"]), _tal(r["foregaende"]) if fg else ""])
        rader.append([f"Not {n['nummer']} {n['rubrik']}", "Summa", _tal(n["summa"]), ""])
    for k in data["avstamning"]:
        rader.append(["Avstämning", k["kontroll"], "OK" if k["ok"] else f"Differens {_tal(k['differens'])}", ""])
    return rader


def som_csv(data: dict[str, Any]) -> bytes:
    """Semicolon CSV with decimal commas and neutralised cells (finsam.export)."""
    return export.som_csv(tabellrader(data))


def som_xlsx(data: dict[str, Any]) -> bytes:
    """XLSX with amounts as numbers in a format that renders Swedish thousands separators (finsam.export)."""
    return export.som_xlsx(tabellrader(data), blad=f"Räkenskaper {data['ar']}")
