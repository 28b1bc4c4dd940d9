"""The demo shows the real papers: the meeting of 2019-11-28 (§ 69 – § 81) and the notice of 2020-02-13."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from finsam.models import Dokument, Forbund
from styrelse.models import Anslag, Narvaro, Paragraf, Sammantrade

pytestmark = pytest.mark.django_db


def test_demo_mote_2019_och_kallelse_2020() -> None:
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    f = Forbund.objects.get(slug="skelleftea-norsjo")
    mote = Sammantrade.objects.get(forbund=f, datum=dt.date(2019, 11, 28))
    nummer = list(Paragraf.objects.filter(sammantrade=mote).order_by("nummer").values_list("nummer", flat=True))
    assert nummer == list(range(69, 82))
    assert Paragraf.objects.get(forbund=f, ar=2019, nummer=70).beslut == "utse Mattias Lindh att justera protokollet"
    kenneth = Narvaro.objects.get(sammantrade=mote, person__namn="Kenneth Andersson")
    assert (kenneth.fran_nummer, kenneth.till_nummer) == (75, 81)
    assert Narvaro.objects.get(sammantrade=mote, person__namn="Mattias Lindh").ersatter.person.namn == "Anders Eriksson"  # type: ignore[union-attr]
    assert mote.status == "justerat" and mote.justerat is not None and mote.justerat.date() == dt.date(2019, 12, 19)
    a = Anslag.objects.get(sammantrade=mote)
    assert (a.uppsatt, a.nedtas) == (dt.date(2019, 12, 20), dt.date(2020, 1, 13))
    assert Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}").last
    feb = Sammantrade.objects.get(forbund=f, datum=dt.date(2020, 2, 13))
    rubriker = list(feb.arenden.order_by("ordning").values_list("rubrik", flat=True))
    assert rubriker[0] == "Mötets öppnande" and "Projektansökan SIKT 2.0" in rubriker and "Återrapportering av uppdrag" in rubriker
    assert feb.datumbeslut is not None and feb.datumbeslut.nummer == 78
    assert Dokument.objects.get(nyckel=f"styrelse:kallelse:{feb.pk}").status == "klar"
    c = Client()
    c.force_login(get_user_model().objects.get(username="chef"))
    html = c.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert "§ 69" in html and "§ 81" in html and "Kenneth Andersson" in html
