"""Swedish order in ekonomi: the auditors' reports on the audit page and in the API."""

from __future__ import annotations

import datetime as dt

from django.test import Client

from ekonomi.models import Revisionsberattelse
from finsam.models import Forbund
from tests.finsam.test_sortering import INDATA, SVENSK


def test_revisionsberattelser_i_svensk_ordning(forbund: Forbund, chef_klient: Client) -> None:
    for namn in INDATA:
        Revisionsberattelse.objects.create(forbund=forbund, ar=2019, revisor_namn=namn, avser="FK", datum=dt.date(2020, 3, 20), text="Rättvisande.")
    sida = chef_klient.get("/ekonomi/revision/2019/")
    assert [b.revisor_namn for b in sida.context["berattelser"]] == SVENSK
    api = chef_klient.get("/api/ekonomi/revisionsberattelser/", {"limit": 100}).json()
    assert [b["revisor_namn"] for b in api["results"]] == SVENSK
