"""Continuous numbering under concurrent saves: two connections decide at once on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection, connections

from finsam.models import Forbund
from styrelse.models import Paragraf, Sammantrade
from styrelse.services import beslut_fatta, nummerserie_satt_start

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="Kräver PostgreSQL (radlås med SELECT … FOR UPDATE); SQLite låser hela databasen. CI kör på PostgreSQL."),
]


def _mote_med_arenden(forbund: Forbund, s: dict[str, Any], datum: dt.date, antal: int) -> tuple[Sammantrade, list[Any]]:
    mote = SammantradeFactory(forbund=forbund, datum=datum)
    for m in s["ledamot"].values():
        narvaro(mote, m)
    return mote, [ArendeFactory(sammantrade=mote, ordning=i + 1) for i in range(antal)]


def test_tva_som_sparar_samtidigt_far_olika_nummer_utan_lucka(forbund: Forbund, chef: Any) -> None:
    s = styrelse(forbund)
    nummerserie_satt_start(forbund=forbund, aktor=chef, serie="paragraf", ar=2019, senaste=68)
    # Two meetings of the same year are recorded at the same time by two people.
    motena = [_mote_med_arenden(forbund, s, dt.date(2019, 11, 28), 15), _mote_med_arenden(forbund, s, dt.date(2019, 12, 12), 15)]
    start = threading.Barrier(2)
    fel: list[BaseException] = []

    def spara(mote: Sammantrade, arenden: list[Any]) -> None:
        try:
            start.wait(timeout=10)
            for a in arenden:
                beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text="", beslut="att godkänna")
        except BaseException as exc:
            fel.append(exc)
        finally:
            connections.close_all()

    trad = [threading.Thread(target=spara, args=m) for m in motena]
    for t in trad:
        t.start()
    for t in trad:
        t.join(timeout=120)
    assert not fel, fel
    nummer = sorted(Paragraf.objects.filter(forbund=forbund, ar=2019).values_list("nummer", flat=True))
    assert nummer == list(range(69, 99))  # 30 paragraphs, § 69 – § 98: no duplicate, no gap
    # Both meetings got numbers while the other was saving (interleaved, not one after the other).
    per_mote = [sorted(Paragraf.objects.filter(sammantrade=m).values_list("nummer", flat=True)) for m, _ in motena]
    assert all(len(p) == 15 for p in per_mote)


def test_forsta_numret_for_ett_nytt_ar_skapas_bara_en_gang(forbund: Forbund, chef: Any) -> None:
    s = styrelse(forbund)
    motena = [_mote_med_arenden(forbund, s, dt.date(2021, 2, 1), 1), _mote_med_arenden(forbund, s, dt.date(2021, 2, 2), 1)]
    start = threading.Barrier(2)
    fel: list[BaseException] = []

    def spara(mote: Sammantrade, arenden: list[Any]) -> None:
        try:
            start.wait(timeout=10)
            beslut_fatta(sammantrade=mote, arende=arenden[0], aktor=chef, text="", beslut="")
        except BaseException as exc:
            fel.append(exc)
        finally:
            connections.close_all()

    trad = [threading.Thread(target=spara, args=m) for m in motena]
    for t in trad:
        t.start()
    for t in trad:
        t.join(timeout=60)
    assert not fel, fel
    assert sorted(Paragraf.objects.filter(forbund=forbund, ar=2021).values_list("nummer", flat=True)) == [1, 2]
