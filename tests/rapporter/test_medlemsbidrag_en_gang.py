"""The report data reads the year's member shares once: the invoicing part reuses the shares already computed."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ekonomi.services import tilldelning_spara
from finsam.models import Forbund, Medlem
from rapporter import kallor
from rapporter.underlag.verksamhetsplan import verksamhetsplan

pytestmark = pytest.mark.django_db


def _tilldelning(forbund: Forbund, ar: int) -> None:
    kommuner = {m.kod: m.pk for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)}
    tilldelning_spara(forbund=forbund, aktor=None, ar=ar, belopp=Decimal(4000), invanare={kommuner["skelleftea"]: 3, kommuner["norsjo"]: 1})


def _tilldelningsfragor(gor: Callable[[], Any]) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as fragor:
        data = gor()
    return sum('FROM "ekonomi_tilldelning"' in q["sql"] for q in fragor.captured_queries), data


def test_bidragsfaktureringen_anvander_givna_medlemsbidrag(forbund: Forbund) -> None:
    _tilldelning(forbund, 2019)
    bidrag = kallor.medlemsbidrag(forbund, 2019)
    antal, data = _tilldelningsfragor(lambda: kallor.bidragsfakturering(forbund, 2019, bidrag=bidrag))
    assert antal == 0
    assert data == kallor.bidragsfakturering(forbund, 2019)
    assert [(r["medlem"], r["exakt"]) for r in data["rader"]][:2] == [("Försäkringskassan", Decimal(2000)), ("Region Västerbotten", Decimal(1000))]


def test_verksamhetsplanen_laser_medlemsbidragen_en_gang(forbund: Forbund) -> None:
    _tilldelning(forbund, 2020)
    antal, data = _tilldelningsfragor(lambda: verksamhetsplan(forbund, 2020))
    assert antal == 1
    assert data["bidragsfakturering"]["rader"][0]["exakt"] == Decimal(2000)  # the state's half of 4 000
