"""The whole meeting of test_webblasare.py once more with a real Celery worker on Redis (jobs and e-mail in another
process). In its own module so that `--dist loadfile` runs it beside the thread-mode run, not after it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.styrelse.test_webblasare import test_ett_helt_mote_med_avslag_bordlaggning_och_sen_andring as helt_mote

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_ett_helt_mote_med_en_riktig_worker_pa_redis(
    page: Page,
    browser: Browser,
    live_server: Any,
    forbund: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    settings: Any,
) -> None:
    helt_mote("redis", page, browser, live_server, forbund, anvandare, logga_in, skarmbild, settings)
