"""The förbundschef orders the organisation sheet, watches the job and opens the PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import Dokument, RollTyp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_bestall_organisationsblad_och_oppna_pdf(
    page: Page,
    live_server: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    settings: Any,
) -> None:
    settings.FINSAM_TASK_MODE = "thread"  # as in `make run`: the job runs beside the web request
    user = anvandare(RollTyp.FORBUNDSCHEF)
    logga_in(page, user.username)
    page.get_by_role("link", name="Organisation").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Organisation")
    skarmbild(page, "organisation")
    page.get_by_role("button", name="Skapa organisationsblad (PDF)").click()
    expect(page.get_by_role("status").last).to_contain_text("Klar", timeout=30_000)
    lank = page.get_by_role("link", name="Öppna PDF")
    expect(lank).to_be_visible()
    skarmbild(page, "organisationsblad-klart")
    svar = page.request.get(f"{live_server.url}{lank.get_attribute('href')}")
    assert svar.status == 200 and svar.headers["content-type"] == "application/pdf"
    assert svar.body().startswith(b"%PDF")
    d = Dokument.objects.get()
    assert d.status == Dokument.Status.KLAR and d.sha256 == svar.headers["x-content-sha256"]
