"""Log in as each role in the real browser and see that role's start page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import RollTyp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORVANTAT = {
    RollTyp.FORBUNDSCHEF: ("Start – Förbundschef", "Händelselogg"),
    RollTyp.ADMINISTRATOR: ("Start – Administratör", "Dokument"),
    RollTyp.STYRELSELEDAMOT: ("Mina möten", "Organisation"),  # the board member starts in Mina möten (issue 19)
    RollTyp.REVISOR: ("Start – Revisor", "Organisation"),
}


@pytest.mark.parametrize("roll", list(FORVANTAT))
def test_varje_roll_ser_sin_startsida(
    roll: str,
    page: Page,
    live_server: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    user = anvandare(roll)
    logga_in(page, user.username)
    rubrik, ruta = FORVANTAT[roll]
    expect(page.get_by_role("heading", level=1)).to_have_text(rubrik)
    expect(page.locator(".ruta", has_text=ruta).first).to_be_visible()
    if roll != RollTyp.FORBUNDSCHEF:
        expect(page.locator(".ruta", has_text="Händelselogg")).to_have_count(0)
    skarmbild(page, f"start-{roll}")


def test_fel_losenord_ger_svenskt_meddelande(page: Page, live_server: Any, anvandare: Callable[..., Any], logga_in: Callable[..., None]) -> None:
    user = anvandare(RollTyp.REVISOR)
    logga_in(page, user.username, "fel-losenord")
    expect(page.get_by_role("alert")).to_contain_text("Fel användarnamn eller lösenord")
