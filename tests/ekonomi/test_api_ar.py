"""A year in an API address is 404 (in the API's error shape) when it is outside the bounds or the förbund has no data for it
(`/api/ekonomi/rakenskaper/1900/` answered 200 with zeros)."""

from __future__ import annotations

import pytest
from django.test import Client

from finsam.models import Forbund

from .factories import importera_csv

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "fel"),
    [
        ("/api/ekonomi/rakenskaper/1900/", {"falt": "ar", "meddelande": "Det finns ingen bokföring för 1900 i förbundet.", "kod": "not_found"}),
        ("/api/ekonomi/rakenskaper/2018/", {"falt": "ar", "meddelande": "Det finns ingen bokföring för 2018 i förbundet.", "kod": "not_found"}),
        (
            "/api/ekonomi/uppfoljning/1900/1/",
            {"falt": "ar", "meddelande": "Det finns varken budget eller bokföring för 1900 i förbundet.", "kod": "not_found"},
        ),
        ("/api/ekonomi/uppfoljning/2019/5/", {"falt": "kvartal", "meddelande": "Kvartalet ska vara 1–4.", "kod": "not_found"}),
        (
            "/api/ekonomi/rakenskaper/2201/",
            {"falt": "ar", "meddelande": "Året 2201 är inte giltigt: ange ett år mellan 1900 och 2200.", "kod": "not_found"},
        ),
    ],
)
def test_ar_utan_data_eller_utanfor_granserna_ar_404(forbund: Forbund, chef_klient: Client, url: str, fel: dict[str, str]) -> None:
    importera_csv(forbund)  # 2019 has accounts
    svar = chef_klient.get(url)
    assert svar.status_code == 404 and svar["Content-Type"] == "application/json"
    assert svar.json() == {"fel": [fel]}


def test_ar_med_data_svarar_200(forbund: Forbund, chef_klient: Client) -> None:
    importera_csv(forbund)
    assert chef_klient.get("/api/ekonomi/rakenskaper/2019/").json()["finns"] is True
    assert chef_klient.get("/api/ekonomi/uppfoljning/2019/4/").status_code == 200
