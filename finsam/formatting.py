"""Swedish number and date formatting: "5 776 tkr", "1 258,5 tkr", "85 279 kr", "2019-11-28".

One library does it everywhere: Babel with the CLDR data for sv_SE (thousands separator a no-break
space, decimal comma, month and weekday names). Rounding is commercial (half up), as in the accounts.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal, get_minus_sign_symbol

LOCALE = "sv_SE"
NBSP = "\xa0"
MINUS = get_minus_sign_symbol(LOCALE)  # "−" (U+2212), the typographic minus


def tal(value: int | float | Decimal | None, decimaler: int = 0) -> str:
    """A number with a no-break space as thousands separator and a decimal comma."""
    if value is None or value == "":
        return ""
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimaler), rounding=ROUND_HALF_UP)
    monster = "#,##0" + ("." + "0" * decimaler if decimaler else "")
    text = format_decimal(abs(d), format=monster, locale=LOCALE, decimal_quantization=True)
    return (MINUS if d < 0 else "") + text


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
        return format_datetime(value, "yyyy-MM-dd HH:mm", locale=LOCALE)
    return format_date(value, "yyyy-MM-dd", locale=LOCALE)


def datum_lang(value: dt.date | None) -> str:
    """ "torsdag den 13 februari 2020", as in the seed notice."""
    if value is None:
        return ""
    return format_date(value, "EEEE 'den' d MMMM y", locale=LOCALE)
