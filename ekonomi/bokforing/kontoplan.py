"""The default account mapping: which statement line each account belongs to, for BAS and Kommun-Bas.

Pure. Ranges are on the four-digit mapping key (`kontonyckel`: 5- and 6-digit accounts by their first four
digits, Kommun-Bas' three-digit accounts padded). The defaults cover every account of classes 1–8, so a
consistent ledger reconciles with no manual mapping; classes 9 (internal accounts) and 0 (Kommun-Bas'
investment ledger) are outside the statements and listed apart. A förbund's own ranges override them.
"""

from __future__ import annotations

from typing import Any

from ..models import Kontointervall

BAS: list[tuple[int, int, str]] = [
    (1000, 1399, "anlaggningstillgangar"),  # 10 intangible, 11 buildings and land, 12 equipment, 13 financial assets
    (1400, 1799, "fordringar"),  # 14 stock, 15 receivables, 16 other receivables, 17 prepaid costs and accrued income
    (1800, 1999, "kassa_bank"),  # 18 short-term investments (liquid funds), 19 cash and bank
    (2000, 2099, "eget_kapital"),
    (2100, 2399, "langfristiga"),  # 21 untaxed reserves, 22 provisions, 23 long-term liabilities
    (2400, 2999, "kortfristiga"),  # 24–28 short-term liabilities, 29 accrued costs and prepaid income
    (3000, 3999, "intakter"),
    (4000, 7799, "kostnader"),
    (7800, 7899, "avskrivningar"),
    (7900, 7999, "kostnader"),
    (8000, 8989, "finansiella"),  # 80–84 financial items, 88 appropriations, 89 tax
    (8990, 8999, "resultatdisposition"),  # the year's result booked to equity
]
KOMMUNBAS: list[tuple[int, int, str]] = [
    (1000, 1399, "anlaggningstillgangar"),
    (1400, 1799, "fordringar"),  # 14 stores and development property, 15–17 receivables
    (1800, 1999, "kassa_bank"),
    (2000, 2099, "eget_kapital"),
    (2100, 2399, "langfristiga"),  # 22 provisions (pensions), 23 long-term liabilities
    (2400, 2999, "kortfristiga"),
    (3000, 3999, "intakter"),
    (4000, 6799, "kostnader"),  # 4 purchases and services, 5 staff, 6 premises
    (6800, 6899, "avskrivningar"),
    (6900, 7999, "kostnader"),
    (8000, 8399, "ovriga_intakter"),  # 80 taxes, 82 general state grants and equalisation, 83 equalisation fees
    (8400, 8899, "finansiella"),  # 84 financial income, 85 financial costs, 88 appropriations
    (8900, 8999, "resultatdisposition"),
]
UTANFOR_KLASSER = ("0", "9")  # internal and investment ledgers: never in the statements


def ar_kommunbas(kontoplanstyp: str) -> bool:
    t = kontoplanstyp.upper().replace("-", "").replace(" ", "")
    return "KOMMUN" in t or t.startswith("KBAS")


def standard_rader(kontoplanstyp: str = "") -> list[tuple[int, int, str]]:
    return KOMMUNBAS if ar_kommunbas(kontoplanstyp) else BAS


def standard_intervall(forbund: Any, kontoplanstyp: str = "") -> list[Any]:
    """The default ranges as unsaved objects: used until the förbund saves its own."""

    return [Kontointervall(forbund=forbund, fran=f, till=t, rad=r) for f, t, r in standard_rader(kontoplanstyp)]


def utanfor_rakenskaperna(kontonyckel: int) -> bool:
    return str(kontonyckel)[0] in UTANFOR_KLASSER or kontonyckel < 1000
