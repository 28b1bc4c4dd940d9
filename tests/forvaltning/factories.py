"""Factories for the agreements register."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from finsam.models import Forbund, Medlem
from forvaltning.models import Avtal


def avtal(forbund: Forbund, rubrik: str = "Köp av administrativ service", **kw: Any) -> Avtal:
    data: dict[str, Any] = {
        "typ": Avtal.Typ.TJANSTEKOP,
        "belopp": Decimal("10650"),
        "enhet": Avtal.Enhet.PER_MANAD,
        "startdatum": dt.date(2020, 1, 1),
        "uppsagningstid_manader": 3,
    }
    data.update(kw)
    obj = Avtal.objects.create(forbund=forbund, rubrik=rubrik, **data)
    obj.medlemmar.set(Medlem.objects.filter(forbund=forbund, kod="skelleftea"))
    return obj
