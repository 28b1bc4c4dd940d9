"""Page and API refuse alike: a delegation decision beyond its row's limit, a row of an adopted delegation
order, a records plan row without its time. A refusal changes nothing."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from finsam.audit import Handling
from finsam.models import Handelse, Person
from forvaltning.models import Delegationsrad, Planrad
from styrelse.models import Delegationsbeslut
from tests.api_fel import api_fel
from tests.forvaltning.factories import delegation
from tests.styrelse.factories import styrelse

pytestmark = pytest.mark.django_db

GRANS = (
    "Beslutet på 5\u00a0000\u00a0000\u00a0kr överstiger delegationens gräns på 94\u00a0600\u00a0kr "
    "(högst 2 prisbasbelopp à 47\u00a0300\u00a0kr år 2020); beslutet ska fattas av styrelsen."
)


def test_delegationsbeslut_over_gransen_vagras_lika_pa_sida_och_api(forbund: Any, chef_klient: Client) -> None:
    s = styrelse(forbund)
    rad = delegation(forbund, "Avrop av varor och tjänster inom medlemmarnas ramavtal", "ordforande", grans_typ="pbb", grans_varde=Decimal(2))
    ordf: Person = s["ledamot"]["skelleftea"].person
    data = {"delegation": rad.pk, "delegat": ordf.pk, "datum": "2020-03-02", "arende": "Avrop", "beslut": "Beställt", "belopp": "5000000"}
    sida = chef_klient.post("/styrelse/delegationsbeslut/", data)
    api = chef_klient.post("/api/styrelse/delegationsbeslut/", data, content_type="application/json")
    assert sida.status_code == 400 and GRANS in html.unescape(sida.content.decode())
    assert api.status_code == 400 and api_fel(api) == {"belopp": [GRANS]}
    assert not Delegationsbeslut.objects.exists()
    # within the limit both doors accept
    ok = {**data, "belopp": "94600"}
    assert chef_klient.post("/styrelse/delegationsbeslut/", ok).status_code == 302
    assert chef_klient.post("/api/styrelse/delegationsbeslut/", ok, content_type="application/json").status_code == 201
    assert list(Delegationsbeslut.objects.values_list("belopp", flat=True)) == [Decimal(94600)] * 2
    assert Delegationsbeslut.objects.first().delegation == rad  # type: ignore[union-attr]
    assert dt.date(2020, 3, 2) == Delegationsbeslut.objects.first().datum  # type: ignore[union-attr]


def test_rad_i_antagen_ordning_vagras_lika_pa_sida_och_api(forbund: Any, chef_klient: Client) -> None:
    rad = delegation(forbund)
    meddelande = "Delegationsordning från 2000-01-01 är antagen och låst. Ändringar görs i ett nytt utkast som styrelsen antar."
    data = {"nummer": 1, "avsnitt": "Avtal", "arende": "Teckna administrativa avtal", "delegat_roll": "ordforande", "anmals": True}
    sida = chef_klient.post(f"/forvaltning/delegationsordning/rad/{rad.pk}/", data)
    api = chef_klient.patch(f"/api/forvaltning/delegationsrader/{rad.pk}/", data, content_type="application/json")
    assert sida.status_code == 400 and meddelande in html.unescape(sida.content.decode())
    assert api.status_code == 400 and api_fel(api) == {"fel": [meddelande]}
    rad.refresh_from_db()
    assert rad.delegat_roll == "forbundschef" and Delegationsrad.objects.count() == 1
    assert Handelse.objects.filter(handling=Handling.SKRIVNING_VAGRA).count() == 2  # a refusal on a locked record is audited


def test_planrad_utan_tid_vagras_lika_pa_sida_och_api(forbund: Any, chef_klient: Client) -> None:
    data = {"nummer": 1, "avsnitt": "Ekonomi", "handling": "Kvitton", "bevarande": "gallras"}
    sida = chef_klient.post("/forvaltning/dokumenthanteringsplan/ny/", data)
    api = chef_klient.post("/api/forvaltning/dokumenthanteringsplan/", data, content_type="application/json")
    assert sida.status_code == 400 and "Ange efter hur många år handlingen gallras." in sida.content.decode()
    assert api.status_code == 400 and api_fel(api) == {"ar": ["Ange efter hur många år handlingen gallras."]}
    assert not Planrad.objects.exists()
