"""Shared fixtures: a förbund with members, another förbund, one user and client per role."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from finsam.models import Forbund, RollTyp
from finsam.services import roll_tilldela
from tests.finsam.factories import ForbundFactory, UserFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

ROLLER = [RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR, RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR]


@pytest.fixture
def forbund(db: Any) -> Forbund:
    return ForbundFactory(slug="skelleftea-norsjo", namn="Samordningsförbundet Skellefteå-Norsjö", diarieprefix="SFSN")


@pytest.fixture
def annat_forbund(db: Any) -> Forbund:
    return ForbundFactory(slug="annat", namn="Samordningsförbundet Annat", region="Region Annat", kommuner=["Annanstad"], diarieprefix="SF")


@pytest.fixture
def anvandare(forbund: Forbund) -> Callable[..., Any]:
    """anvandare(roll, forbund=None, username=None) → a user with that role."""

    def make(roll: str, forbund_: Forbund | None = None, username: str | None = None) -> Any:
        f = forbund_ or forbund
        user = UserFactory(username=username or f"{roll}-{f.slug}")  # the existing user when the name is taken
        roll_tilldela(forbund=f, aktor=None, user=user, roll=roll)
        return user

    return make


@pytest.fixture
def klient(anvandare: Callable[..., Any]) -> Callable[..., Client]:
    """klient(roll) → a logged-in Django test client for a user with that role."""

    def make(roll: str, forbund_: Forbund | None = None) -> Client:
        c = Client()
        c.force_login(anvandare(roll, forbund_))
        return c

    return make


@pytest.fixture
def chef(anvandare: Callable[..., Any]) -> Any:
    return anvandare(RollTyp.FORBUNDSCHEF)


@pytest.fixture
def chef_klient(klient: Callable[..., Client]) -> Client:
    return klient(RollTyp.FORBUNDSCHEF)


# --- Browser tests (pytest-playwright driving Debian's Chromium, never a downloaded browser) ---
CHROMIUM = "/usr/bin/chromium"
SKARMBILDER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test-artifacts", "screenshots")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "sv-SE", "timezone_id": "Europe/Stockholm", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def skarmbild() -> Callable[[Any, str], str]:
    """skarmbild(page, "namn") saves a full-page screenshot under test-artifacts/screenshots/ (git-ignored)."""

    def take(page: Any, namn: str) -> str:
        os.makedirs(SKARMBILDER, exist_ok=True)
        path = os.path.join(SKARMBILDER, f"{namn}.png")
        page.screenshot(path=path, full_page=True)
        return path

    return take


@pytest.fixture
def logga_in(live_server: Any) -> Callable[[Any, str, str], None]:
    """logga_in(page, username, password) logs in through the real login form."""

    def do(page: Any, username: str, password: str = "losenord-for-test") -> None:
        page.goto(f"{live_server.url}/logga-in/")
        page.get_by_label("Användarnamn").fill(username)
        page.get_by_label("Lösenord").fill(password)
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_load_state()

    return do


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    if not os.path.exists(CHROMIUM):
        skip = pytest.mark.skip(reason=f"Chromium saknas ({CHROMIUM}); kör `make setup` som installerar det.")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


@pytest.fixture
def bygg_varje_sida(settings: Any) -> None:
    """Build every page (no keeping): for tests that count what building a page costs. Keeping built pages is
    tested in tests/finsam/test_sidcache.py."""
    settings.FINSAM_SIDCACHE = False


# --- A real Celery worker against Redis (skipped locally without Redis, failing in CI) ---
@pytest.fixture
def celery_worker_process(settings: Any, transactional_db: Any) -> Any:
    """A started worker process on its own Redis queue; the test process sends tasks to it."""
    from finsam.celery import app
    from tests.worker_harness import TEST_REDIS_URL, WorkerProcess, redis_svarar

    if not redis_svarar():
        if os.environ.get("CI"):
            pytest.fail(f"Redis svarar inte på {TEST_REDIS_URL}; CI kräver en riktig worker mot Redis.")
        pytest.skip(f"Redis svarar inte på {TEST_REDIS_URL}: testet med en riktig Celery-worker hoppas över lokalt.")
    old = (app.conf.broker_url, app.conf.task_default_queue, app.conf.broker_transport_options, app.conf.task_always_eager)
    worker = WorkerProcess()
    worker.configure_sender(settings)
    worker.start()
    yield worker
    worker.stop()
    app.conf.broker_url, app.conf.task_default_queue, app.conf.broker_transport_options, app.conf.task_always_eager = old
    app._pool = None
    app.amqp._producer_pool = None
