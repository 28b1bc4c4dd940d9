"""The new pages ask a fixed number of queries whatever the number of paragraphs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from styrelse.models import Sammantrade
from styrelse.services import beslut_fatta

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


def _mote(forbund: Any, s: dict[str, Any], chef: Any, datum: dt.date, antal: int) -> Sammantrade:
    mote = SammantradeFactory(forbund=forbund, datum=datum, ordforande=s["ledamot"]["skelleftea"].person)
    for m in s["ledamot"].values():
        narvaro(mote, m)
    ids = [m.person.pk for m in s["ledamot"].values()]
    for i in range(antal):
        a = ArendeFactory(sammantrade=mote, ordning=i + 1)
        beslut_fatta(
            sammantrade=mote,
            arende=a,
            aktor=chef,
            text="Text",
            beslut="att godkänna",
            roster={ids[0]: "ja", ids[1]: "ja", ids[2]: "ja", ids[3]: "ja", ids[4]: "nej"},
            reservationer={ids[4]: "Nej."},
            yrkanden=[{"person": ids[4], "typ": "avslag"}],
        )
    return mote


def _fragor(c: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert c.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_utkast_och_beslutssida_har_fast_antal_fragor(forbund: Any, chef: Any, chef_klient: Client) -> None:
    s = styrelse(forbund)
    litet = _mote(forbund, s, chef, dt.date(2019, 3, 1), 2)
    stort = _mote(forbund, s, chef, dt.date(2019, 6, 1), 12)
    for sida in ["/styrelse/moten/{pk}/protokoll/utkast/", "/styrelse/moten/{pk}/"]:
        a, b = _fragor(chef_klient, sida.format(pk=litet.pk)), _fragor(chef_klient, sida.format(pk=stort.pk))
        assert a == b and b <= 40, (sida, a, b)
    for mote in (litet, stort):
        ArendeFactory(sammantrade=mote, rubrik="Nytt ärende", ordning=99)
    url = "/styrelse/moten/{pk}/arenden/{a}/beslut/"
    a = _fragor(chef_klient, url.format(pk=litet.pk, a=litet.arenden.get(rubrik="Nytt ärende").pk))
    b = _fragor(chef_klient, url.format(pk=stort.pk, a=stort.arenden.get(rubrik="Nytt ärende").pk))
    assert a == b and b <= 40, (a, b)
