"""In the real browser: the keyboard-only exit entry, and screenshots of the main pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import Forbund, RollTyp
from tests.uppfoljning import factories as f
from uppfoljning.models import Inskrivning

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _logga_in_med_tangentbord(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/logga-in/")
    expect(page.get_by_label("Användarnamn")).to_be_focused()  # autofocus
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type("losenord-for-test")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{url}/")


def test_avslut_helt_med_tangentbordet(
    page: Page, live_server: Any, forbund: Forbund, anvandare: Callable[..., Any], skarmbild: Callable[[Any, str], str]
) -> None:
    amt = f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    mysam = f.insats(forbund, "MYSAM", namn="MySam")
    f.inskrivning(forbund, amt, "K-101", inskriven=dt.date(2019, 1, 15))
    f.inskrivning(forbund, amt, "K-102", inskriven=dt.date(2019, 2, 1), kon="man")
    f.inskrivning(forbund, mysam, "K-102", inskriven=dt.date(2019, 3, 1), kon="man")
    user = anvandare(RollTyp.ADMINISTRATOR)
    _logga_in_med_tangentbord(page, live_server.url, user.username)
    page.goto(f"{live_server.url}/uppfoljning/avslut/")

    # First participant: code, Enter, date, Tab, destination, Tab, Enter.
    expect(page.locator("#kod")).to_be_focused()
    page.keyboard.type("K-101")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Avslutad")).to_be_focused()
    page.keyboard.type("2019-06-30")
    page.keyboard.press("Tab")
    page.keyboard.type("Arbete")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Registrera avslut och gå till nästa")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Avslut registrerat: K-101 i AMT 2019-06-30")
    expect(page.locator("#kod")).to_be_focused()

    # Next: a participant in two interventions; the first (AMT) is preselected, the choice is reachable by keyboard.
    page.keyboard.type("K-102")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Avslutad")).to_be_focused()
    skarmbild(page, "uppfoljning-avslut")
    page.keyboard.type("2019-09-01")
    page.keyboard.press("Tab")
    page.keyboard.type("Studier")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")  # radio group: move from AMT to MYSAM
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Avslut registrerat: K-102 i MYSAM 2019-09-01")
    tabell = page.get_by_role("table", name="Dina registrerade avslut i dag")
    expect(tabell.locator("tbody tr")).to_have_count(2)
    expect(tabell.locator("tbody tr").first).to_contain_text("K-102")
    expect(tabell.locator("tbody tr").first).to_contain_text("Studier")

    # An unknown code is announced and refocused; nothing changes.
    page.keyboard.type("FINNS-EJ")
    page.keyboard.press("Enter")
    expect(page.locator("#kod-fel")).to_have_text("Ingen pågående inskrivning för den koden eller det personnumret.")
    expect(page.locator("#kod")).to_be_focused()

    k101 = Inskrivning.objects.get(deltagare__kod="K-101")
    assert (k101.avslutad, k101.forsorjning_ut) == (dt.date(2019, 6, 30), "arbete")
    k102 = {i.insats.kortnamn: i for i in Inskrivning.objects.filter(deltagare__kod="K-102").select_related("insats")}
    assert (k102["MYSAM"].avslutad, k102["MYSAM"].forsorjning_ut) == (dt.date(2019, 9, 1), "studier")
    assert k102["AMT"].avslutad is None


def test_skarmbilder_utfall_och_register(
    page: Page, live_server: Any, forbund: Forbund, anvandare: Callable[..., Any], logga_in: Callable[..., None], skarmbild: Callable[[Any, str], str]
) -> None:
    from uppfoljning.demo import seed

    f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    f.insats(forbund, "MYSAM", namn="MySam")
    f.insats(forbund, "PROAKTIV", namn="ProAktiv", start=dt.date(2019, 9, 1))
    seed(forbund, "test")
    admin = anvandare(RollTyp.ADMINISTRATOR)
    logga_in(page, admin.username)
    page.goto(f"{live_server.url}/uppfoljning/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Deltagare")
    skarmbild(page, "uppfoljning-deltagare")
    page.get_by_role("link", name="AMT-2017-005").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deltagare AMT-2017-005")
    skarmbild(page, "uppfoljning-deltagare-detalj")
    page.get_by_role("link", name="Ändra inskrivningen i AMT").first.click()
    expect(page.get_by_label("Födelseår")).to_be_visible()
    skarmbild(page, "uppfoljning-inskrivning-andra")
    page.goto(f"{live_server.url}/uppfoljning/inskrivning/ny/")
    page.get_by_role("button", name="Skriv in").click()
    expect(page.get_by_role("alert")).to_contain_text("Formuläret innehåller fel")
    skarmbild(page, "uppfoljning-inskrivning-ny-fel")
    page.goto(f"{live_server.url}/uppfoljning/import/")
    skarmbild(page, "uppfoljning-import")
    rubrik = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"
    fil = (
        rubrik + "\nAMT;NY-1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\nAMT;NY-2;kvinnlig;1990;af;gymnasium;arbete;2019-01-01;;;ja"
        "\nAMT;NY-3;man;2012;af;gymnasium;arbete;2019-01-01;;;ja\n"
    ).encode("cp1252")
    page.get_by_label("Fil (CSV eller XLSX)").set_input_files(files=[{"name": "deltagare.csv", "mimeType": "text/csv", "buffer": fil}])
    page.get_by_role("button", name="Läs in filen").click()
    expect(page.get_by_role("alert")).to_contain_text("Rad 3, kolumn kon: värdet ”kvinnlig” är inte tillåtet")
    skarmbild(page, "uppfoljning-importfel")
    ledamot = anvandare(RollTyp.STYRELSELEDAMOT, username="ledamot-x")
    page.context.clear_cookies()
    logga_in(page, ledamot.username)
    page.goto(f"{live_server.url}/uppfoljning/utfall/?ar=2019")
    expect(page.get_by_role("heading", level=1)).to_have_text("Utfall 2019")
    expect(page.get_by_role("link", name="Deltagare", exact=True)).to_have_count(0)
    skarmbild(page, "uppfoljning-utfall")
