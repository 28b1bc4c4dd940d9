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
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Kräver PostgreSQL (radlås med SELECT … FOR UPDATE); SQLite låser hela databasen. CI kör på PostgreSQL.",
    ),
]


def _mote_med_arenden(forbund: Forbund, s: dict[str, Any], datum: dt.date, antal: int) -> tuple[Sammantrade, list[Any]]:
    mote = SammantradeFactory(forbund=forbund, datum=datum)
    for m in s["ledamot"].values():
        narvaro(mote, m)
    return mote, [ArendeFactory(sammantrade=mote, ordning=i + 1) for i in range(antal)]


def _samtidigt(jobb: list[tuple[Sammantrade, list[Any]]], chef: Any) -> list[BaseException]:
    """Run each (meeting, items) in its own thread and connection, started together; return the errors."""
    start = threading.Barrier(len(jobb))
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

    trad = [threading.Thread(target=spara, args=j) for j in jobb]
    for t in trad:
        t.start()
    for t in trad:
        t.join(timeout=120)
    return fel


def test_tva_som_sparar_samtidigt_far_olika_nummer_utan_lucka(forbund: Forbund, chef: Any) -> None:
    s = styrelse(forbund)
    nummerserie_satt_start(forbund=forbund, aktor=chef, serie="paragraf", ar=2019, senaste=68)
    # Two people record the items of the same meeting at the same time.
    mote, arenden = _mote_med_arenden(forbund, s, dt.date(2019, 11, 28), 30)
    assert not _samtidigt([(mote, arenden[::2]), (mote, arenden[1::2])], chef)
    nummer = sorted(Paragraf.objects.filter(forbund=forbund, ar=2019).values_list("nummer", flat=True))
    assert nummer == list(range(69, 99))  # 30 paragraphs, § 69 – § 98: no duplicate, no gap


def test_numreringen_foljer_motesdatum_aven_vid_samtidiga_beslut(forbund: Forbund, chef: Any) -> None:
    """An earlier and a later meeting of the year recorded at once: the earlier one never gets a number after the later one's."""
    s = styrelse(forbund)
    nummerserie_satt_start(forbund=forbund, aktor=chef, serie="paragraf", ar=2019, senaste=68)
    tidigt = _mote_med_arenden(forbund, s, dt.date(2019, 11, 28), 15)
    sent = _mote_med_arenden(forbund, s, dt.date(2019, 12, 12), 15)
    fel = _samtidigt([tidigt, sent], chef)
    tidiga = sorted(Paragraf.objects.filter(sammantrade=tidigt[0]).values_list("nummer", flat=True))
    sena = sorted(Paragraf.objects.filter(sammantrade=sent[0]).values_list("nummer", flat=True))
    assert len(sena) == 15  # the later meeting is never refused
    assert sorted(tidiga + sena) == list(range(69, 69 + len(tidiga) + 15))  # no duplicate, no gap
    assert not tidiga or max(tidiga) < min(sena)  # numbers follow the meeting dates
    if len(tidiga) < 15:
        # Refused once the later meeting held a paragraph, with a message naming that meeting; nothing else saved.
        assert len(fel) == 1 and "Styrelsemöte 2019-12-12 har redan paragrafer" in str(fel[0])
    else:
        assert not fel


def test_forsta_numret_for_ett_nytt_ar_skapas_bara_en_gang(forbund: Forbund, chef: Any) -> None:
    s = styrelse(forbund)
    # Two meetings on the same day (e.g. a board meeting and an extra one): neither is dated after the other.
    motena = [_mote_med_arenden(forbund, s, dt.date(2021, 2, 1), 1), _mote_med_arenden(forbund, s, dt.date(2021, 2, 1), 1)]
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
