"""In Chromium, with the keyboard only and at 320 px: the förbundschef starts the year's plan from the standard
template, moves a section up with the Upp button (focus + Enter, no drag) and removes one; no horizontal scroll."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import RollTyp
from rapporter.models import Planavsnitt

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_avsnitt_flyttas_med_tangentbordet_utan_horisontell_rullning(
    page: Page, live_server: Any, anvandare: Callable[..., Any], logga_in: Callable[..., None], skarmbild: Callable[[Any, str], str], forbund: Any
) -> None:
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/rapporter/verksamhetsplan/2023/")
    page.get_by_role("button", name="Skapa från standardmallen").click()
    expect(page.get_by_text("Verksamhetsplanen för 2023 är skapad från standardmallen.")).to_be_visible()
    upp = page.get_by_role("button", name="Upp Vision", exact=True)
    upp.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Avsnittet ”Vision” är flyttat upp.")).to_be_visible()
    page.get_by_role("button", name="Ta bort Arbetssätt", exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Avsnittet ”Arbetssätt” är borttaget ur planen.")).to_be_visible()
    ordning = list(Planavsnitt.objects.filter(forbund=forbund, ar=2023).order_by("ordning").values_list("nyckel", flat=True))
    assert ordning[4:6] == ["vision", "prioriteringar"] and "arbetssatt" not in ordning
    breda = page.evaluate(  # the innermost elements reaching past the viewport, named in the failure message
        """() => { const w = document.documentElement.clientWidth + 1;
        const ut = e => e.getBoundingClientRect().right > w;
        return [...document.querySelectorAll('body *')].filter(e => ut(e) && ![...e.children].some(ut))
            .map(e => `${e.tagName}.${e.className}#${e.id}`).slice(0, 15); }"""
    )
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), breda
    skarmbild(page, "rapporter-verksamhetsplan-avsnitt-320")
