"""In Chromium: the förbundschef writes the foreword (with a preview), generates the annual report, watches the
progress update itself and opens the PDF."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from finsam.models import RollTyp

from . import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_forord_forhandsgranskning_pdf_och_framsteg(
    page: Page,
    live_server: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    forbund: Any,
    settings: Any,
) -> None:
    settings.FINSAM_TASK_MODE = "thread"  # the job runs beside the web process; the page polls its status
    f.styrelse(forbund, 2019)
    f.kant_utfall(forbund)
    f.mal(forbund, 2019, "Genomföra medlemssamråd", bedomning="ej_uppfyllt")
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)

    page.get_by_role("link", name="Rapporter").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rapporter")
    page.get_by_role("combobox", name="Rapport").select_option("arsredovisning")
    page.get_by_label("År", exact=True).select_option("2019")
    page.get_by_role("button", name="Öppna").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Årsredovisning 2019")

    page.get_by_role("link", name="Skriv Ordförande har ordet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ordförande har ordet")
    falt = page.get_by_label("Text")
    falt.fill("Under 2019 har samverkan mellan myndigheterna fördjupats.\n\n- Ny gemensam plattform\n- **Fler** hälsocentraler")
    page.get_by_role("button", name="Förhandsgranska").click()
    forhand = page.locator(".forhandsvisning")
    expect(forhand.locator("li")).to_have_count(2)
    expect(forhand.locator("strong")).to_have_text("Fler")
    skarmbild(page, "rapporter-text-forhandsgranskning")
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("Texten ”Ordförande har ordet” är sparad.")).to_be_visible()
    expect(page.locator("#sektion-ordforande")).to_contain_text("samverkan mellan myndigheterna fördjupats")

    page.get_by_role("button", name="Skapa PDF").click()
    status = page.locator("#dokument [data-status-text]")
    expect(status).to_be_visible()
    sett: set[str] = set()
    lank = page.locator("#dokument [data-status-link]")
    for _ in range(600):  # up to 60 s: record what the page shows while it updates itself
        sett.add(status.inner_text())
        if lank.is_visible():
            break
        page.wait_for_timeout(100)
    expect(lank).to_be_visible()
    expect(status).to_have_text(re.compile(r"^Klar"))
    assert any(t.startswith(("I kö", "Skapas")) for t in sett), sett  # the progress was shown before it was done
    skarmbild(page, "rapporter-arsredovisning")

    svar = page.request.get(live_server.url + (lank.get_attribute("href") or ""))
    assert svar.status == 200 and svar.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(svar.body())).pages)
    assert "Under 2019 har samverkan mellan myndigheterna fördjupats." in text
    assert "Årsredovisning 2019" in text


def test_maltabellen_med_tangentbordet(
    page: Page,
    live_server: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    forbund: Any,
) -> None:
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, chef.username)
    page.goto(f"{live_server.url}/rapporter/mal/2020/")
    page.get_by_label("Mål (obligatoriskt)").focus()
    page.keyboard.type("Effektivt och hållbart styrelsearbete")
    page.keyboard.press("Tab")
    page.keyboard.type("Planeringsdag under hösten")
    page.get_by_label("Ansvarig").fill("Styrelsen")
    page.get_by_role("button", name="Lägg till mål").press("Enter")
    expect(page.get_by_text("Målet är tillagt.")).to_be_visible()
    expect(page.locator("table")).to_contain_text("Effektivt och hållbart styrelsearbete")
    expect(page.locator("table")).to_contain_text("Planeringsdag under hösten")
    skarmbild(page, "rapporter-maltabell")
