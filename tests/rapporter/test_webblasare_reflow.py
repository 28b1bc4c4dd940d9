"""In Chromium at 320 px (WCAG 2.1 AA 1.4.10 Reflow): the annual report's page, with a "Skriv" button beside every
section heading (one of them the long single word "Finansiering/Medlemsavgifter"), never scrolls sideways.

The page-wide reflow test (tests/browser/test_reflow_axe.py) follows the menu and the start page's tiles; the
report's own page is reached through a form, so it is checked here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import RollTyp

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_arsredovisningens_sida_utan_horisontell_rullning_vid_320_px(
    page: Page, live_server: Any, anvandare: Callable[..., Any], logga_in: Callable[..., None], forbund: Any
) -> None:
    f.styrelse(forbund, 2019)
    f.kant_utfall(forbund)
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/rapporter/arsredovisning/2019/")
    expect(page.get_by_role("link", name="Skriv Finansiering/Medlemsavgifter")).to_be_visible()
    breda = page.evaluate(  # the innermost elements reaching past the viewport, named in the failure message
        """() => { const w = document.documentElement.clientWidth + 1;
        const ut = e => e.getBoundingClientRect().right > w;
        return [...document.querySelectorAll('body *')].filter(e => ut(e) && ![...e.children].some(ut))
            .map(e => `${e.tagName}.${e.className}#${e.id}`).slice(0, 15); }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), breda
