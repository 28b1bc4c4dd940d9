"""Members and people edited in the app through the core's services (issue 17), not in the Django admin."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from finsam.models import Forbund, Handelse, Medlem, Person, RollTyp
from finsam.services import person_create

pytestmark = pytest.mark.django_db


def test_person_andras_med_handelse_och_nytt_efternamn(forbund: Forbund, klient: Callable[..., Client]) -> None:
    p = person_create(forbund=forbund, aktor=None, namn="Kerstin Holm")
    c = klient(RollTyp.FORBUNDSCHEF)
    svar = c.post(f"/forvaltning/personer/{p.pk}/andra/", {"namn": "Kerstin  Holm Öberg", "befattning": "Förbundschef"})
    assert svar.status_code == 302
    p.refresh_from_db()
    assert (p.namn, p.efternamn, p.befattning) == ("Kerstin Holm Öberg", "Öberg", "Förbundschef")
    h = Handelse.objects.get(handling="person_andra")
    assert h.andringar["befattning"] == ["", "Förbundschef"] and h.andringar["efternamn"] == ["Holm", "Öberg"]


def test_vagrad_medlem_visas_vid_formularet_och_sparar_inget(forbund: Forbund, klient: Callable[..., Client]) -> None:
    medlem = Medlem.objects.get(forbund=forbund, kod="fk")
    c = klient(RollTyp.FORBUNDSCHEF)
    antal = Handelse.objects.count()
    svar = c.post(
        f"/forvaltning/medlemmar/{medlem.pk}/andra/", {"namn": medlem.namn, "kod": "fk", "ordning": 1, "organisationsnummer": "202100-5522"}
    )
    assert svar.status_code == 400
    text = svar.content.decode()
    assert "kontrollsiffran stämmer inte" in text and 'value="202100-5522"' in text
    medlem.refresh_from_db()
    assert medlem.organisationsnummer == "" and Handelse.objects.count() == antal


def test_personlistan_i_svensk_ordning_efter_efternamn(forbund: Forbund, klient: Callable[..., Client]) -> None:
    for namn in ["Örjan Berg", "Anna Åberg", "Bo Zetterlund"]:
        person_create(forbund=forbund, aktor=None, namn=namn)
    text = klient(RollTyp.STYRELSELEDAMOT).get("/forvaltning/personer/").content.decode()
    assert text.index("Örjan Berg") < text.index("Bo Zetterlund") < text.index("Anna Åberg")
    assert "Ändra" not in text  # read-only for a board member
    assert Person.objects.filter(forbund=forbund).count() == 3


def test_ny_medlem_via_sidan(forbund: Forbund, klient: Callable[..., Client]) -> None:
    svar = klient(RollTyp.FORBUNDSCHEF).post(
        "/forvaltning/medlemmar/ny/", {"namn": "Malå kommun", "typ": "kommun", "kod": "mala", "ordning": 9, "organisationsnummer": "212000-2502"}
    )
    assert svar.status_code == 302
    assert Medlem.objects.get(forbund=forbund, kod="mala").namn == "Malå kommun"
    assert Handelse.objects.filter(handling="medlem_skapa", objekt_text="Malå kommun").count() == 1
