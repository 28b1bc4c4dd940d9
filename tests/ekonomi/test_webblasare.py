"""In Chromium: the förbundschef follows up a quarter (forecast and comment) and sees the accounts; the auditor reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from ekonomi import demo
from ekonomi.models import Prognosrad
from finsam.models import RollTyp
from tests.forvaltning.test_revision import region_revisor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_kvartalsuppfoljning_i_webblasaren(
    page: Page,
    live_server: Any,
    forbund: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    demo.seed(forbund, "test")
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)
    page.get_by_role("link", name="Ekonomi", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ekonomi")
    skarmbild(page, "ekonomi-oversikt")
    page.get_by_role("link", name="Kvartal 3 2019").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kvartalsuppföljning kvartal 3 2019")
    rad = page.get_by_role("row", name="Uppdragsersättning förbundschef")
    expect(rad).to_contain_text("940 000")  # the budget
    expect(rad).to_contain_text("706 500")  # nine months of 78 500 kr
    page.get_by_label("Helårsprognos Uppdragsersättning förbundschef").fill("945 000")
    page.get_by_label("Kommentar Uppdragsersättning förbundschef").fill("Lönerevision från oktober")
    page.get_by_label("Sammanfattning till styrelsen").fill("Prognosen för helåret ligger nära budget.")
    page.get_by_role("button", name="Spara prognos och kommentarer").click()
    expect(page.get_by_role("status")).to_contain_text("Prognosen för kvartal 3 2019 är sparad.")
    rad = page.get_by_role("row", name="Uppdragsersättning förbundschef")
    expect(rad).to_contain_text("−5 000")  # forecast 945 000 against the budget 940 000
    expect(page.get_by_label("Kommentar Uppdragsersättning förbundschef")).to_have_value("Lönerevision från oktober")
    assert Prognosrad.objects.get(nyckel="adm-forbundschef").prognos == 945000
    skarmbild(page, "ekonomi-kvartalsuppfoljning")
    # a wrong amount is refused with the row marked, and what was typed is kept
    page.get_by_label("Helårsprognos Rese- och logikostnader").fill("sextiotusen")
    page.get_by_role("button", name="Spara prognos och kommentarer").click()
    expect(page.get_by_text("”sextiotusen” är inte ett belopp.")).to_be_visible()
    expect(page.get_by_label("Helårsprognos Rese- och logikostnader")).to_have_attribute("aria-invalid", "true")

    page.goto(f"{live_server.url}/ekonomi/rakenskaper/?ar=2019")
    expect(page.get_by_text("Alla kontroller stämmer.")).to_be_visible()
    skarmbild(page, "ekonomi-rakenskaper")
    page.get_by_role("link", name="Budget och plan").click()
    page.get_by_role("link", name="Budget 2020, plan 2021–2022").click()
    expect(page.get_by_role("note")).to_contain_text("underfinansierad med 142 000 kr")
    skarmbild(page, "ekonomi-budget-2020")


def test_revisor_laser_men_kan_inte_andra(
    page: Page,
    live_server: Any,
    forbund: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    demo.seed(forbund, "test")
    revisor = anvandare(RollTyp.REVISOR)
    region_revisor(forbund, user=revisor)  # the user is the region council's appointed auditor (statutes § 14)
    logga_in(page, revisor.username)
    page.goto(f"{live_server.url}/ekonomi/uppfoljning/2019/3/")
    expect(page.get_by_role("row", name="Uppdragsersättning förbundschef")).to_contain_text("706 500")
    expect(page.get_by_role("button", name="Spara prognos och kommentarer")).to_have_count(0)
    page.goto(f"{live_server.url}/ekonomi/revision/2019/")
    page.get_by_role("textbox", name="Revisionsberättelse").fill("Räkenskaperna ger en rättvisande bild.")
    page.get_by_role("button", name="Spara revisionsberättelse").click()
    expect(page.get_by_role("status")).to_contain_text("Revisionsberättelsen för 2019 är sparad.")
    skarmbild(page, "ekonomi-revision")
