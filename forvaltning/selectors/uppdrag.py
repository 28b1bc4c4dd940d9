"""Reads of the board register: mandates with their appointing decisions, current and earlier."""

from __future__ import annotations

import datetime as dt

from finsam.models import Forbund
from styrelse.models import Mandat


def mandat_med_utnamning(forbund: Forbund) -> list[Mandat]:
    return list(
        Mandat.objects.filter(forbund=forbund).select_related("person", "medlem", "utnamning").order_by("medlem__ordning", "typ", "-fran", "pk")
    )


def styrelsen(forbund: Forbund, idag: dt.date) -> tuple[list[Mandat], list[Mandat]]:
    """(mandates running on `idag`, earlier and later mandates), each in member order, ledamot before ersättare."""
    alla = mandat_med_utnamning(forbund)
    nu = [m for m in alla if m.fran <= idag and (m.till is None or m.till >= idag)]
    return nu, [m for m in alla if m not in nu]
