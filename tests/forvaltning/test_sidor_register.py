"""The pages of the delegation order, the records plan and gallring: what they show, in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from forvaltning.services.arkiv import dokumenthanteringsplan_skapa, gallring_foresla, gallringsstopp_registrera
from tests.forvaltning.factories import delegation, delegationsordning, handlingstyp

pytestmark = pytest.mark.django_db


def test_delegationsordningen_visas_med_grans_och_versioner(forbund: Any, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    gammal = delegationsordning(forbund, dt.date(2019, 1, 1))
    ny = delegationsordning(forbund, dt.date(2020, 2, 13))
    for ordning in (gammal, ny):
        for i in range(12):
            grans = {"grans_typ": "pbb", "grans_varde": Decimal(2)}
            delegation(forbund, f"Ärende {i}", "ordforande", ordning=ordning, ersattare_roll="vice_ordforande", **grans)
    with django_assert_max_num_queries(16):
        svar = chef_klient.get("/forvaltning/delegationsordning/")
    text = svar.content.decode()
    assert svar.status_code == 200
    assert "Gäller i dag: Delegationsordning från 2020-02-13" in text and "högst 2 prisbasbelopp" in text
    assert "59\u00a0200\u00a0kr" in text  # the prisbasbelopp of 2026
    with django_assert_max_num_queries(14):
        assert chef_klient.get(f"/forvaltning/delegationsordning/{gammal.pk}/").status_code == 200
    xlsx = chef_klient.get(f"/forvaltning/delegationsordning/{ny.pk}/export.csv").content.decode("utf-8-sig").splitlines()
    assert xlsx[0].startswith("Nr;Avsnitt;Ärende;Delegat;Ersättare;Beloppsgräns") and len(xlsx) == 13
    assert xlsx[1].split(";")[3:6] == ["Förbundsordförande", "Vice ordförande", "högst 2 prisbasbelopp"]


def test_planen_och_gallringen_visas(forbund: Any, chef: Any, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    dokumenthanteringsplan_skapa(forbund=forbund, aktor="test")
    handlingstyp(forbund, "Skrivelse", "gallras", 1)
    gallringsstopp_registrera(forbund=forbund, aktor=chef, arende="Tvist", orsak="Skiljeförfarande")
    gallring_foresla(forbund=forbund, aktor="test")
    with django_assert_max_num_queries(16):
        svar = chef_klient.get("/forvaltning/dokumenthanteringsplan/")
    text = svar.content.decode()
    assert svar.status_code == 200 and text.count(">Bevaras 5 år<") == 6 and "10 år i lönesystemet" in text
    assert "PDF: Gallringsprotokoll" in text
    with django_assert_max_num_queries(14):
        svar = chef_klient.get("/forvaltning/gallring/")
    assert svar.status_code == 200 and "Skiljeförfarande" in svar.content.decode()
    rader = chef_klient.get("/forvaltning/dokumenthanteringsplan/export.csv").content.decode("utf-8-sig").splitlines()
    assert rader[0].startswith("Nr;Process;Handling;Medium") and len(rader) == 30
