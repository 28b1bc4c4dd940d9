"""Members and people written through the API with the same services (and audit) as the pages (issue 17)."""

from __future__ import annotations

import pytest
from django.test import Client

from finsam.models import Forbund, Handelse, Medlem, Person, RollTyp
from finsam.services import person_create
from tests.api_fel import api_fel

pytestmark = pytest.mark.django_db


def test_ny_medlem_via_api_loggas(forbund: Forbund, chef_klient: Client) -> None:
    svar = chef_klient.post("/api/medlemmar/", {"namn": "Malå kommun", "typ": "kommun", "kod": "mala", "ordning": 6}, content_type="application/json")
    assert svar.status_code == 201 and svar.json()["kod"] == "mala"
    h = Handelse.objects.get(handling="medlem_skapa", objekt_id=str(svar.json()["id"]))
    assert h.andringar["namn"] == [None, "Malå kommun"]


def test_medlem_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    medlem = Medlem.objects.get(forbund=forbund, kod="fk")
    antal = Handelse.objects.count()
    sida = chef_klient.post(
        f"/forvaltning/medlemmar/{medlem.pk}/andra/", {"namn": medlem.namn, "kod": "fk", "ordning": 1, "organisationsnummer": "202100-5522"}
    )
    api = chef_klient.patch(f"/api/medlemmar/{medlem.pk}/", {"organisationsnummer": "202100-5522"}, content_type="application/json")
    assert sida.status_code == 400 and api.status_code == 400
    (falt, (meddelande,)), *_ = api_fel(api).items()
    assert falt == "organisationsnummer" and meddelande in sida.content.decode()
    medlem.refresh_from_db()
    assert medlem.organisationsnummer == "" and Handelse.objects.count() == antal
    ok = chef_klient.patch(f"/api/medlemmar/{medlem.pk}/", {"organisationsnummer": "202100-5521"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["organisationsnummer"] == "202100-5521"
    assert Handelse.objects.get(handling="medlem_andra").andringar == {"organisationsnummer": ["", "202100-5521"]}


def test_person_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    person_create(forbund=forbund, aktor=None, namn="Kerstin Holm")
    sida = chef_klient.post("/forvaltning/personer/ny/", {"namn": "Kerstin Holm"})
    api = chef_klient.post("/api/personer/", {"namn": "Kerstin Holm"}, content_type="application/json")
    assert sida.status_code == 400 and api.status_code == 400
    meddelanden = [m for lista in api_fel(api).values() for m in lista]
    assert meddelanden and all(m in sida.content.decode() for m in meddelanden)
    assert Person.objects.filter(forbund=forbund).count() == 1


def test_person_andras_via_api_med_handelse(forbund: Forbund, chef_klient: Client, klient) -> None:  # type: ignore[no-untyped-def]
    p = person_create(forbund=forbund, aktor=None, namn="Kerstin Holm")
    svar = chef_klient.patch(f"/api/personer/{p.pk}/", {"befattning": "Förbundschef"}, content_type="application/json")
    assert svar.status_code == 200 and svar.json()["befattning"] == "Förbundschef"
    assert Handelse.objects.get(handling="person_andra").andringar == {"befattning": ["", "Förbundschef"]}
    assert klient(RollTyp.STYRELSELEDAMOT).patch(f"/api/personer/{p.pk}/", {"befattning": "X"}, content_type="application/json").status_code == 403
