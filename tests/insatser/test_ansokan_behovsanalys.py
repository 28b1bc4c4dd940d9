"""Issue 18: an application refers to the förbund's adopted behovsanalys (one service for page and API)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from finsam.models import Forbund
from insatser.models import Ansokan
from styrelse.models import Sammantrade
from tests.rapporter import factories as rf
from uppfoljning.models import Behovsanalys

pytestmark = pytest.mark.django_db

DATA: dict[str, Any] = {
    "titel": "SIKT 2.0",
    "insats_typ": "esf_projekt",
    "startdatum": "2020-08-31",
    "slutdatum": "2023-02-28",
    "inkom": "2020-01-20",
    "sokande": ["af", "region", "norsjo"],
    "ansvarig_medlem": "region",
    "belopp": [{"ar": 2020, "belopp": 30000}],
}


def _analys(forbund: Forbund, ar: int, *, faststalld: bool) -> Behovsanalys:
    if not faststalld:
        return Behovsanalys.objects.create(forbund=forbund, ar=ar)
    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(ar, 11, 28), plats="Skellefteå")
    return Behovsanalys.objects.create(forbund=forbund, ar=ar, beslut=rf.paragraf(forbund, mote, 7, "Behovsanalys"), faststalld=timezone.now())


def test_ansokan_hanvisar_till_faststalld_behovsanalys(forbund: Forbund, annat_forbund: Forbund, chef_klient: Client) -> None:
    utkast = _analys(forbund, 2018, faststalld=False)
    antagen = _analys(forbund, 2019, faststalld=True)
    annan = _analys(annat_forbund, 2019, faststalld=True)
    svar = chef_klient.post("/api/insatser/ansokningar/", {**DATA, "behovsanalys": utkast.pk}, content_type="application/json")
    assert svar.status_code == 400
    assert svar.json()["fel"] == [
        {
            "falt": "behovsanalys",
            "meddelande": "Behovsanalysen 2018 är inte fastställd av styrelsen; en ansökan hänvisar till en fastställd behovsanalys.",
            "kod": "ogiltig",
        }
    ]
    assert chef_klient.post("/api/insatser/ansokningar/", {**DATA, "behovsanalys": annan.pk}, content_type="application/json").status_code == 400
    assert not Ansokan.objects.exists()
    svar = chef_klient.post("/api/insatser/ansokningar/", {**DATA, "behovsanalys": antagen.pk}, content_type="application/json")
    assert svar.status_code == 201 and svar.json()["behovsanalys"] == antagen.pk
    ansokan = Ansokan.objects.get()
    assert ansokan.behovsanalys == antagen
    sida = chef_klient.get(f"/insatser/ansokningar/{ansokan.pk}/").content.decode()
    assert "Behovsanalys 2019, fastställd" in sida
    formular = chef_klient.get(f"/insatser/ansokningar/{ansokan.pk}/andra/").content.decode()
    assert f'<option value="{antagen.pk}" selected>' in formular and f'value="{utkast.pk}"' not in formular and f'value="{annan.pk}"' not in formular
