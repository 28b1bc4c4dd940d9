"""The demo's real papers in Chromium: the 2019-11-28 minutes, the 2020-02-13 notice, registers, a board member's view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from styrelse.models import Sammantrade

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_demomoten_som_forbundschef_och_ledamot(
    page: Page, live_server: Any, logga_in: Callable[..., None], skarmbild: Callable[[Any, str], str]
) -> None:
    call_command("seed_demo")
    page.set_default_timeout(10_000)
    url = live_server.url
    logga_in(page, "chef", "finsam-demo")
    page.goto(f"{url}/styrelse/")
    expect(page.get_by_role("link", name="2019-11-28")).to_be_visible()
    skarmbild(page, "styrelse-index")
    page.get_by_role("link", name="2019-11-28").click()
    expect(page.get_by_text("§ 81", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="§ 75 – § 81")).to_be_visible()  # Kenneth Andersson arrived at § 75
    skarmbild(page, "styrelse-demo-2019-11-28")
    feb = Sammantrade.objects.get(datum="2020-02-13")
    page.goto(f"{url}/styrelse/moten/{feb.pk}/")
    expect(page.locator("strong", has_text="Återrapportering av uppdrag")).to_be_visible()
    skarmbild(page, "styrelse-demo-2020-02-13")
    for sida, namn in [
        ("uppdrag/?visa=alla", "uppdrag"),
        ("delegationsbeslut/", "delegationsbeslut"),
        ("diarium/", "diarium"),
        ("sok/?q=Sobona", "sok"),
        ("mandat/", "mandat"),
        ("regler/", "regler"),
    ]:
        page.goto(f"{url}/styrelse/{sida}")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        skarmbild(page, f"styrelse-{namn}")
    expect(page.get_by_label("Kvalificerad majoritet")).to_be_visible()

    # A board member reads the papers and cannot edit.
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, "ledamot", "finsam-demo")
    page.goto(f"{url}/styrelse/moten/{feb.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Styrelsemöte 2020-02-13")
    expect(page.locator("strong", has_text="Projektansökan SIKT 2.0")).to_be_visible()
    expect(page.get_by_role("link", name="Protokollför")).to_have_count(0)
    skarmbild(page, "styrelse-ledamot-2020-02-13")
