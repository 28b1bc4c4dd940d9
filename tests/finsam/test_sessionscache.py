"""Issue 16: with REDIS_URL the sessions are read from the Redis cache (one query less per page) and written through to
the database. A session is never served stale from the cache: not after logout, not after the förbund is switched,
and one user's cached session never answers for another user or another förbund. Against a real Redis
(FINSAM_TEST_REDIS_URL), with its own key prefix so that nothing else in that database is touched."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from finsam.models import Forbund, RollTyp
from tests.worker_harness import TEST_REDIS_URL, redis_svarar

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_sessioner(settings: Any) -> Iterator[str]:
    """The production configuration with REDIS_URL: the Redis cache and cached_db sessions (finsam/settings/base.py)."""
    if not redis_svarar():
        if os.environ.get("CI"):
            pytest.fail(f"Redis svarar inte på {TEST_REDIS_URL}.")
        pytest.skip(f"Redis svarar inte på {TEST_REDIS_URL}.")
    prefix = f"finsam-test-{secrets.token_hex(6)}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": TEST_REDIS_URL, "KEY_PREFIX": prefix}}
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield prefix
    import redis

    r = redis.Redis.from_url(TEST_REDIS_URL)
    for nyckel in r.scan_iter(f"{prefix}:*"):  # only this test's keys, never FLUSHDB
        r.delete(nyckel)


def _session_fragor(klient: Client, url: str = "/") -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        svar = klient.get(url)
    return svar.status_code, sum(1 for q in ctx.captured_queries if "django_session" in q["sql"])


def test_sessionen_lases_ur_redis_och_finns_i_databasen(redis_sessioner: str, klient: Callable[..., Client]) -> None:
    from django.contrib.sessions.models import Session

    c = klient(RollTyp.FORBUNDSCHEF)
    nyckel = c.cookies["sessionid"].value
    assert cache.get(f"django.contrib.sessions.cached_db{nyckel}") is not None  # written to Redis at login
    assert Session.objects.filter(session_key=nyckel).exists()  # and through to the database
    assert _session_fragor(c) == (200, 0)


def test_utloggad_session_galler_inte_langre(redis_sessioner: str, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.FORBUNDSCHEF)
    kaka = c.cookies["sessionid"].value
    assert c.get("/").status_code == 200
    assert c.post("/logga-ut/").status_code in (200, 302)
    # The same cookie in another client: neither Redis nor the database answers for it any more.
    annan = Client()
    annan.cookies["sessionid"] = kaka
    svar = annan.get("/")
    assert svar.status_code == 302 and "/logga-in/" in svar["Location"]


def test_bytt_forbund_syns_direkt_och_inget_lacker_mellan_anvandare(
    redis_sessioner: str, forbund: Forbund, annat_forbund: Forbund, anvandare: Callable[..., Any]
) -> None:
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    anvandare(RollTyp.FORBUNDSCHEF, annat_forbund, username=chef.username)  # the same user, a role in both
    c = Client()
    c.force_login(chef)
    forsta = c.get("/").content.decode()
    assert "Samordningsförbundet Annat" in forsta or "Skellefteå-Norsjö" in forsta
    # A write to the session (switch förbund): the next request reads the new value, not a stale cached copy.
    for f in (annat_forbund, forbund, annat_forbund):
        assert c.post("/byt-forbund/", {"forbund": f.pk}).status_code == 302
        status, fragor = _session_fragor(c)
        assert (status, fragor) == (200, 0)
        assert c.session["finsam_forbund_id"] == f.pk
        html = c.get("/").content.decode()
        assert f'<option value="{f.pk}" selected' in html
    # Another user (a role in the other förbund only) has a session of its own: never the first user's förbund.
    ledamot = get_user_model().objects.create_user(username="ledamot-annat", password="losenord-for-test")
    from finsam.services import roll_tilldela

    roll_tilldela(forbund=forbund, aktor=None, user=ledamot, roll=RollTyp.STYRELSELEDAMOT)
    d = Client()
    d.force_login(ledamot)
    assert d.cookies["sessionid"].value != c.cookies["sessionid"].value
    assert d.session.get("finsam_forbund_id") is None
    assert d.get("/").context["aktuellt_forbund"] == forbund


@pytest.mark.parametrize("redis_url", ["", "redis://127.0.0.1:6379/9"])
def test_installningarna_cachar_sessioner_bara_med_en_delad_cache(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With REDIS_URL: the Redis cache and cached_db sessions. Without it (the embedded default): database sessions,
    since each process's memory cache would keep a session that another process has ended."""
    import runpy
    from pathlib import Path

    import finsam.settings

    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("FINSAM_CACHE_URL", "")  # as .env.example leaves it: the broker's Redis
    monkeypatch.setenv("FINSAM_CACHE_PREFIX", "")
    varden = runpy.run_path(str(Path(finsam.settings.__file__).parent / "base.py"))
    if redis_url:
        assert varden["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
        assert varden["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert (varden["CACHES"]["default"]["LOCATION"], varden["CACHES"]["default"]["KEY_PREFIX"]) == (redis_url, "finsam")
    else:
        assert varden.get("SESSION_ENGINE", "django.contrib.sessions.backends.db") == "django.contrib.sessions.backends.db"
        assert "CACHES" not in varden
