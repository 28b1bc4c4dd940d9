"""Factories for the governance registers: agreements, the delegation order, the records plan."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from finsam.models import Forbund, Medlem
from forvaltning.models import Avtal, Delegationsordning, Delegationsrad, DelegatRoll, Planrad
from styrelse.models import Handlingstyp


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


def delegationsordning(forbund: Forbund, giltig_fran: dt.date = dt.date(2000, 1, 1)) -> Delegationsordning:
    """An adopted version of the delegation order (made directly: the tests of adoption use the service)."""
    return Delegationsordning.objects.get_or_create(forbund=forbund, giltig_fran=giltig_fran, defaults={"status": Delegationsordning.Status.ANTAGEN})[
        0
    ]


def delegation(
    forbund: Forbund,
    arende: str = "Teckna administrativa avtal",
    roll: str = DelegatRoll.FORBUNDSCHEF,
    *,
    ordning: Delegationsordning | None = None,
    avsnitt: str = "Avtal",
    **kw: Any,
) -> Delegationsrad:
    """A row of the delegation order in force from 2000 (or of `ordning`)."""
    ordning = ordning or delegationsordning(forbund)
    nummer = ordning.rader.count() + 1
    return Delegationsrad.objects.create(forbund=forbund, ordning=ordning, nummer=nummer, avsnitt=avsnitt, arende=arende, delegat_roll=roll, **kw)


def planrad(forbund: Forbund, handling: str, bevarande: str = "bevaras", ar: int | None = None, **kw: Any) -> Planrad:
    return Planrad.objects.create(forbund=forbund, avsnitt=kw.pop("avsnitt", "Diarium"), handling=handling, bevarande=bevarande, ar=ar, **kw)


def handlingstyp(forbund: Forbund, namn: str, bevarande: str = "bevaras", ar: int | None = None) -> Handlingstyp:
    """A diarium document type under a row of the records plan with the same name."""
    return Handlingstyp.objects.create(forbund=forbund, namn=namn, planrad=planrad(forbund, namn, bevarande, ar))
