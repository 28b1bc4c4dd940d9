"""Swedish number and date formatting: "5 776 tkr", "1 258,5 tkr", "85 279 kr", "2019-11-28"."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\xa0"
MINUS = "−"


def _group(heltal: int) -> str:
    return f"{abs(heltal):,}".replace(",", NBSP)


def tal(value: int | float | Decimal | None, decimaler: int = 0) -> str:
    """A number with space as thousands separator and comma as decimal separator."""
    if value is None or value == "":
        return ""
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    sign = MINUS if d < 0 else ""
    heltal = int(abs(d))
    text = _group(heltal)
    if decimaler:
        frac = str(abs(d)).split(".")[1] if "." in str(abs(d)) else "0" * decimaler
        text += "," + frac
    return sign + text


def kr(value: int | Decimal | None) -> str:
    return "" if value is None else f"{tal(value)}{NBSP}kr"


def tkr_tal(value: int | Decimal | None) -> str:
    """Thousands of kronor, one decimal only where needed: 5 034 000 → "5 034", 1 258 500 → "1 258,5"."""
    if value is None:
        return ""
    t = (Decimal(str(value)) / 1000).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return tal(t, 0) if t == t.to_integral_value() else tal(t, 1)


def tkr(value: int | Decimal | None) -> str:
    return "" if value is None else f"{tkr_tal(value)}{NBSP}tkr"


def procent(value: float | Decimal | None, decimaler: int = 0) -> str:
    return "" if value is None else f"{tal(Decimal(str(value)) * 100, decimaler)}{NBSP}%"


def datum(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        from django.utils import timezone

        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"]
VECKODAGAR = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def datum_lang(value: dt.date | None) -> str:
    """"torsdag den 13 februari 2020", as in the seed notice."""
    if value is None:
        return ""
    return f"{VECKODAGAR[value.weekday()]} den {value.day} {MANADER[value.month - 1]} {value.year}"
