"""Parity: the same refused text through the page and the API gives the same Swedish message, and nothing is saved."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from finsam.audit import Handling
from finsam.models import Forbund, Handelse
from rapporter.models import Rapport, Rapporttext

pytestmark = pytest.mark.django_db

MEDDELANDE = "Årsredovisning 2019 är fastställd av styrelsen och kan inte ändras."


def test_text_i_faststalld_rapport_vagras_lika_pa_sidan_och_i_api(forbund: Forbund, chef_klient: Client) -> None:
    Rapport.objects.create(forbund=forbund, typ="arsredovisning", ar=2019, status=Rapport.Status.FASTSTALLD)
    sida = chef_klient.post("/rapporter/arsredovisning/2019/text/personal/", {"text": "Ny text", "atgard": "spara"})
    assert sida.status_code == 400
    innehall = html.unescape(sida.content.decode())
    assert MEDDELANDE in innehall and "Ny text" in innehall  # the error next to the form, the input kept
    api = chef_klient.post(
        "/api/rapporter/texter/", {"typ": "arsredovisning", "ar": 2019, "sektion": "personal", "text": "Ny text"}, content_type="application/json"
    )
    assert api.status_code == 400
    assert MEDDELANDE in api.content.decode()
    assert not Rapporttext.objects.filter(forbund=forbund).exists()
    assert Handelse.objects.filter(handling=Handling.SKRIVNING_VAGRA).count() == 2  # a refusal on a locked record is audited


def test_forra_arets_text_erbjuds_som_utgangspunkt(forbund: Forbund, chef_klient: Client) -> None:
    Rapporttext.objects.create(forbund=forbund, typ="arsredovisning", ar=2018, sektion="personal", text="Kansliet 2018: två personer.")
    sida = html.unescape(chef_klient.get("/rapporter/arsredovisning/2019/text/personal/").content.decode())
    assert "Kansliet 2018: två personer." in sida and "förra årets (2018)" in sida
    assert not Rapporttext.objects.filter(forbund=forbund, ar=2019).exists()  # offered, not saved
