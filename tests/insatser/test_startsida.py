"""Issue 16 on the start page: the notices from the accounts read small precomputed values, never the whole annual
accounts per visit; the roles are looked up once per request; the query count is small and the same for every role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from finsam.models import Forbund, RollTyp
from tests.ekonomi.factories import importera_csv, tilldelning
from tests.insatser import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("bygg_varje_sida")]


@pytest.fixture(autouse=True)
def _tom_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


def _fragor(klient: Client, url: str = "/") -> tuple[list[str], str]:
    with CaptureQueriesContext(connection) as ctx:
        svar = klient.get(url)
    assert svar.status_code == 200
    return [q["sql"] for q in ctx.captured_queries], svar.content.decode()


def _med_rakenskaper(forbund: Forbund) -> None:
    tilldelning(forbund, belopp=4008)  # the books show 4 000: income per member does not reconcile
    importera_csv(forbund)
    insats = f.insats(forbund, "MISAM")
    from insatser.models import Rapport

    Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2019, forfallodatum=dt.date(2020, 1, 31))


@pytest.mark.parametrize("roll", [RollTyp.FORBUNDSCHEF, RollTyp.STYRELSELEDAMOT])
def test_startsidan_bygger_inte_rakenskaperna_vid_varje_besok(
    roll: str, forbund: Forbund, klient: Callable[..., Client], monkeypatch: pytest.MonkeyPatch, django_assert_max_num_queries: Any
) -> None:
    _med_rakenskaper(forbund)
    c = klient(roll)
    forsta, html = _fragor(c)
    assert "Räkenskaperna 2019:" in html and "avstämningskontroll(er) stämmer inte" in html
    # Later visits: the accounts are not built again (building them would raise here), and the query count is small.
    import ekonomi.selectors

    def forbjuden(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("rakenskaper() anropades från startsidan")

    monkeypatch.setattr(ekonomi.selectors, "rakenskaper", forbjuden)
    # 14: the governance registers' reminders (discharge not decided, agreements, gallring) have their own queries.
    with django_assert_max_num_queries(14):
        andra, html = _fragor(c)
    assert "Räkenskaperna 2019:" in html
    assert len(andra) < len(forsta)
    # The same count again: nothing grows per visit.
    assert len(_fragor(c)[0]) == len(andra)


def test_startsidans_antal_fragor_ar_detsamma_med_och_utan_rakenskaper(forbund: Forbund, chef_klient: Client) -> None:
    utan = len(_fragor(chef_klient)[0])
    _med_rakenskaper(forbund)
    _fragor(chef_klient)  # the first visit after a change builds the notices once
    assert len(_fragor(chef_klient)[0]) == utan


def test_notisen_foljer_en_ny_andring_direkt(forbund: Forbund, chef_klient: Client) -> None:
    """The cached notice is keyed by the latest audit event: a new write is seen on the next visit."""
    importera_csv(forbund)
    _, html = _fragor(chef_klient)
    assert "Räkenskaperna 2019:" in html
    tilldelning(forbund)  # an audited write: with the member contributions recorded every check holds
    _, html = _fragor(chef_klient)
    assert "Räkenskaperna 2019:" not in html


def test_rollerna_hamtas_en_gang_per_sida(forbund: Forbund, chef_klient: Client) -> None:
    for url in ("/", "/insatser/"):
        fragor, _ = _fragor(chef_klient, url)
        roller = [q for q in fragor if 'FROM "finsam_roll"' in q]
        assert len(roller) == 1, roller
