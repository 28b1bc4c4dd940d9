"""The admin writes through the services or not at all; a locked document can never be deleted."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client

from finsam.documents.services import dokument_bestall, dokument_las, dokument_ta_bort
from finsam.models import Dokument, Forbund, Handelse, Person, Roll

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_klient(db: Any) -> Client:
    su = get_user_model().objects.create_superuser("root", "root@example.se", "losenord-for-test")
    c = Client()
    c.force_login(su)
    return c


def _dokument(forbund: Forbund, chef: Any, ar: int = 2019) -> Dokument:
    d = dokument_bestall(
        forbund=forbund, aktor=chef, typ="organisationsblad", titel=f"Org {ar}", nyckel=f"organisationsblad:{ar}", parametrar={"ar": ar}
    )
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR
    return d


def test_forbund_och_person_ar_skrivskyddade(forbund: Forbund, admin_klient: Client) -> None:
    person = Person.objects.create(forbund=forbund, namn="Anna Andersson")
    assert admin_klient.get("/admin/finsam/forbund/add/").status_code == 403
    assert admin_klient.get("/admin/finsam/person/add/").status_code == 403
    svar = admin_klient.post(f"/admin/finsam/forbund/{forbund.pk}/change/", {"namn": "Kapat", "slug": "kapat"})
    assert svar.status_code == 403
    forbund.refresh_from_db()
    assert forbund.namn == "Samordningsförbundet Skellefteå-Norsjö"
    assert admin_klient.post(f"/admin/finsam/person/{person.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Person.objects.filter(pk=person.pk).exists()
    # viewing still works
    assert admin_klient.get(f"/admin/finsam/forbund/{forbund.pk}/change/").status_code == 200


def test_roll_ges_genom_tjansten_och_loggas(forbund: Forbund, admin_klient: Client) -> None:
    user = get_user_model().objects.create_user("ny", "ny@example.se", "losenord-for-test")
    svar = admin_klient.post("/admin/finsam/roll/add/", {"user": user.pk, "forbund": forbund.pk, "roll": "revisor"})
    assert svar.status_code == 302
    roll = Roll.objects.get(user=user, forbund=forbund)
    assert roll.roll == "revisor"
    h = Handelse.objects.get(handling="roll_tilldela", objekt_id=str(roll.pk))
    assert h.aktor is not None and h.aktor.get_username() == "root"
    assert admin_klient.post(f"/admin/finsam/roll/{roll.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Roll.objects.filter(pk=roll.pk).exists()


def test_last_dokument_kan_aldrig_tas_bort_i_admin(forbund: Forbund, chef: Any, admin_klient: Client) -> None:
    d = dokument_las(dokument=_dokument(forbund, chef), aktor=chef)
    assert admin_klient.get(f"/admin/finsam/dokument/{d.pk}/delete/").status_code == 403
    assert admin_klient.post(f"/admin/finsam/dokument/{d.pk}/delete/", {"post": "yes"}).status_code == 403
    svar = admin_klient.post("/admin/finsam/dokument/", {"action": "delete_selected", "_selected_action": [d.pk], "post": "yes"})
    assert svar.status_code in (200, 302)
    assert Dokument.objects.filter(pk=d.pk, last=True).exists()


def test_utkast_tas_bort_genom_tjansten_och_loggas(forbund: Forbund, chef: Any, admin_klient: Client) -> None:
    d = _dokument(forbund, chef, 2020)
    svar = admin_klient.post(f"/admin/finsam/dokument/{d.pk}/delete/", {"post": "yes"})
    assert svar.status_code == 302
    assert not Dokument.objects.filter(pk=d.pk).exists()
    assert Handelse.objects.filter(handling="dokument_ta_bort", objekt_id=str(d.pk)).count() == 1


def test_tjansten_vagrar_last_dokument(forbund: Forbund, chef: Any) -> None:
    d = dokument_las(dokument=_dokument(forbund, chef), aktor=chef)
    with pytest.raises(ValidationError, match="låst"):
        dokument_ta_bort(dokument=d, aktor=chef)
    assert Dokument.objects.filter(pk=d.pk, last=True).exists()
    assert not Handelse.objects.filter(handling="dokument_ta_bort").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the delete trigger exists on PostgreSQL only (SQLite flushes with DELETE)")
def test_databasen_vagrar_att_ta_bort_last_dokument(forbund: Forbund, chef: Any) -> None:
    d = dokument_las(dokument=_dokument(forbund, chef), aktor=chef)
    with pytest.raises(IntegrityError, match="låst"), transaction.atomic():
        Dokument.objects.filter(pk=d.pk).delete()
    assert Dokument.objects.filter(pk=d.pk).exists()
    utkast = _dokument(forbund, chef, 2020)
    Dokument.objects.filter(pk=utkast.pk).delete()
    assert not Dokument.objects.filter(pk=utkast.pk).exists()
