"""Pages kept until their förbund's data changes (finsam/sidcache.py, issue 16): the data version moves with every
kind of write, and a kept page is never served after a change, to another user, or past a waiting message."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from finsam import sidcache
from finsam.models import Forbund, Medlem
from styrelse.models import Sammantrade

pytestmark = pytest.mark.django_db


def test_varje_tabell_har_utlosare() -> None:
    assert sidcache.tabeller_utan_utlosare() == []
    alla = sidcache.tabeller()
    assert alla["styrelse_sammantrade"] is True and alla["uppfoljning_inskrivning"] is True
    assert alla["auth_user"] is False and alla["finsam_forbund"] is False  # data every förbund shows
    assert "django_session" not in alla and sidcache.TABELL not in alla


def test_versionen_flyttas_av_varje_slags_skrivning(forbund: Forbund, annat_forbund: Forbund) -> None:
    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2026, 3, 5), plats="Kansliet")
    versioner = [sidcache.dataversion(forbund.pk)]
    annan = sidcache.dataversion(annat_forbund.pk)

    def flyttad() -> None:
        ny = sidcache.dataversion(forbund.pk)
        assert ny not in versioner
        versioner.append(ny)

    mote.plats = "Stadshuset"
    mote.save()  # the ORM
    flyttad()
    Sammantrade.objects.filter(pk=mote.pk).update(plats="Rådhuset")  # a bulk update: no signal
    flyttad()
    with connection.cursor() as c:  # raw SQL
        c.execute("UPDATE styrelse_sammantrade SET plats = %s WHERE id = %s", ["Biblioteket", mote.pk])
    flyttad()
    if connection.vendor == "postgresql":
        kolumner = "forbund_id, namn, typ, kod, organisationsnummer, ordning, epost"
        with connection.cursor() as c, c.connection.cursor().copy(f"COPY finsam_medlem ({kolumner}) FROM STDIN") as kopia:
            kopia.write_row((forbund.pk, "Kopierad medlem", Medlem.Typ.KOMMUN, "kop", "", 9, ""))  # COPY, as the imports write
    else:
        Medlem.objects.bulk_create([Medlem(forbund=forbund, namn="Kopierad medlem", typ=Medlem.Typ.KOMMUN, kod="kop", ordning=9)])
    flyttad()
    Medlem.objects.filter(forbund=forbund, kod="kop").delete()
    flyttad()
    assert sidcache.dataversion(annat_forbund.pk) == annan  # another förbund's pages stay

    Sammantrade.objects.filter(pk=-1).update(plats="Ingenstans")  # changes no row
    assert sidcache.dataversion(forbund.pk) == versioner[-1]

    get_user_model().objects.create_user("ny-person")  # data every förbund shows (names)
    flyttad()
    assert sidcache.dataversion(annat_forbund.pk) != annan


def test_sqlite_utlosarna_flyttar_versionen() -> None:
    """The embedded default's triggers (row triggers, one row per förbund with a rising id), on a bare SQLite file."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE finsam_dataandring (id INTEGER PRIMARY KEY AUTOINCREMENT, forbund_id INTEGER NOT NULL,"
        " xid BIGINT NOT NULL, UNIQUE (forbund_id, xid))"
    )
    db.execute("CREATE TABLE egen (id INTEGER PRIMARY KEY, forbund_id INTEGER, namn TEXT)")
    db.execute("CREATE TABLE gemensam (id INTEGER PRIMARY KEY, namn TEXT)")
    for sats in sidcache._sqlite("egen", True) + sidcache._sqlite("gemensam", False):
        db.execute(sats)

    def version(f: int) -> tuple[int, int]:
        return db.execute("SELECT COUNT(*), MAX(id) FROM finsam_dataandring WHERE forbund_id IN (?, 0)", [f]).fetchone()

    sett = {version(1)}
    for sats in (
        "INSERT INTO egen (forbund_id, namn) VALUES (1, 'a')",
        "UPDATE egen SET namn = 'b' WHERE forbund_id = 1",
        "DELETE FROM egen WHERE forbund_id = 1",
        "INSERT INTO gemensam (namn) VALUES ('c')",
    ):
        fore2 = version(2)
        db.execute(sats)
        assert version(1) not in sett, sats
        sett.add(version(1))
        assert (version(2) == fore2) == ("gemensam" not in sats), sats
    assert db.execute("SELECT COUNT(*) FROM finsam_dataandring").fetchone()[0] == 2  # one row per förbund, not per write


def test_komprimera_flyttar_versionen_och_haller_tabellen_liten(forbund: Forbund) -> None:
    for i in range(4):
        Medlem.objects.create(forbund=forbund, namn=f"M {i}", kod=f"m{i}", ordning=i)
    fore = sidcache.dataversion(forbund.pk)
    assert sidcache.komprimera(over=0) >= 1
    assert sidcache.dataversion(forbund.pk) != fore
    assert sidcache.Dataandring.objects.filter(forbund_id=forbund.pk).count() == 1


def _mote(forbund: Forbund) -> Sammantrade:
    return Sammantrade.objects.create(forbund=forbund, datum=dt.date(2026, 3, 5), plats="Kansliet")


def _las(klient: Client, url: str) -> str:
    svar = klient.get(url)
    assert svar.status_code == 200
    return svar.content.decode()


def test_sidan_halls_tills_data_andras(forbund: Forbund, klient: Any, django_assert_max_num_queries: Any) -> None:
    mote = _mote(forbund)
    url = f"/styrelse/moten/{mote.pk}/"
    chef = klient("forbundschef")
    _las(chef, url)  # sets the CSRF cookie
    _las(chef, url)  # kept
    with django_assert_max_num_queries(4):  # session, user, role, data version: the page is not built again
        assert "Kansliet" in _las(chef, url)
    Sammantrade.objects.filter(pk=mote.pk).update(plats="Stadshusets sessionssal")  # no signal, no audit: the trigger
    assert "Stadshusets sessionssal" in _las(chef, url)


def test_sidan_delas_inte_mellan_anvandare_eller_roller(forbund: Forbund, klient: Any) -> None:
    mote = _mote(forbund)
    url = f"/styrelse/moten/{mote.pk}/"
    chef, ledamot = klient("forbundschef"), klient("styrelseledamot")
    for _ in range(2):
        sida_chef, sida_ledamot = _las(chef, url), _las(ledamot, url)
    assert sida_chef != sida_ledamot
    assert chef.cookies["csrftoken"].value != ledamot.cookies["csrftoken"].value


def test_vantande_meddelande_visas_aldrig_fran_cachen(forbund: Forbund, klient: Any) -> None:
    chef = klient("forbundschef")
    _las(chef, "/")
    _las(chef, "/")  # kept
    svar = chef.post("/byt-forbund/", {"forbund": forbund.pk}, follow=True)  # leaves "Du arbetar nu i …"
    assert "Du arbetar nu i" in svar.content.decode()
    assert "Du arbetar nu i" not in _las(chef, "/")  # shown once, then gone


def test_avstangd_cache_bygger_varje_gang(forbund: Forbund, klient: Any, settings: Any) -> None:
    settings.FINSAM_SIDCACHE = False
    mote = _mote(forbund)
    chef = klient("forbundschef")
    url = f"/styrelse/moten/{mote.pk}/"
    _las(chef, url)
    with CaptureQueriesContext(connection) as forsta:
        _las(chef, url)
    with CaptureQueriesContext(connection) as andra:
        _las(chef, url)
    assert len(andra) == len(forsta) > 4
