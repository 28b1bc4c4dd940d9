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

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bygg_varje_sida")]


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


def test_motessidan_samma_fragor_med_och_utan_paragrafer_och_raderna_ar_escapade(forbund: Any, chef: Any, chef_klient: Client, klient: Any) -> None:
    """Issue 16: the agenda rows are written in Python (styrelse.views.dagordning); a meeting with no decided item asks
    as many queries as one with decisions, votes and attachments (prefetch_related skipped its query), and every value
    of a row is escaped as the template escaped it."""
    from django.core.files.base import ContentFile

    from finsam.models import RollTyp
    from styrelse.models import Bilaga

    s = styrelse(forbund)
    planerat = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 2, 1))
    ArendeFactory(sammantrade=planerat, ordning=1, rubrik="<script>alert(1)</script>", text="rad 1\nrad <b>2</b>", forslag="att <i>godkänna</i>")
    hallet = _mote(forbund, s, chef, dt.date(2019, 3, 1), 3)
    for a in hallet.arenden.all():
        b = Bilaga(forbund=forbund, sammantrade=hallet, arende=a, nummer=a.ordning, titel="Underlag & <bilaga>", storlek=1536)
        b.fil.save(f"u{a.pk}.pdf", ContentFile(b"%PDF-1.7"), save=False)
        b.save()
    ledamot = klient(RollTyp.STYRELSELEDAMOT)
    for c in (chef_klient, ledamot):
        assert _fragor(c, f"/styrelse/moten/{planerat.pk}/") == _fragor(c, f"/styrelse/moten/{hallet.pk}/")
    html = chef_klient.get(f"/styrelse/moten/{planerat.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "rad 1<br>rad &lt;b&gt;2&lt;/b&gt;" in html and "<li>att &lt;i&gt;godkänna&lt;/i&gt;</li>" in html
    assert 'aria-label="Flytta upp &lt;script&gt;alert(1)&lt;/script&gt;"' in html
    html = chef_klient.get(f"/styrelse/moten/{hallet.pk}/").content.decode()
    assert 'Underlag &amp; &lt;bilaga&gt;</a> <span class="liten-text">(1,5\xa0kB)</span>' in html
    assert "reserverar sig." in html and "Protokollsutdrag § " in html
