"""Justered minutes become final with a real worker, in the embedded default (filesystem broker, as
`make run`) and on Redis: the ledamot, the revisor and a logged-out visitor of /anslagstavla/ open
the same locked PDF (PDF/A, SHA-256)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from finsam.models import Dokument, Forbund, RollTyp
from finsam.permissions import Kontext
from styrelse.models import Justering, Narvaro, Sammantrade
from styrelse.services import (
    anslag_registrera,
    beslut_fatta,
    justering_bekrafta,
    mote_avsluta,
    sammantrade_andra,
    sammantrade_planera,
)
from tests.styrelse.factories import narvaro, styrelse
from tests.worker_harness import redis_svarar, worker_igang

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _justera_och_anslå(forbund: Forbund, chef: Any) -> Sammantrade:
    """A held meeting, justered by chair, secretary and justerare, posted today (through the services)."""
    s = styrelse(forbund)
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=timezone.localdate(), mall="standard")
    for m in s["ledamot"].values():
        narvaro(mote, m)
    Narvaro.objects.create(forbund=forbund, sammantrade=mote, person=s["chef"], kategori="tjansteperson", funktion="Förbundschef")
    ordf, just = s["ledamot"]["skelleftea"].person, s["ledamot"]["af"].person
    for a in mote.arenden.order_by("ordning"):  # the justerare are elected at "Val av justerare"
        val = [just] if a.rubrik.lower().startswith("val av justerare") else None
        beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text=a.text, beslut="\n".join(a.forslag_satser), justerare=val)
    sammantrade_andra(sammantrade=mote, aktor=chef, ordforande=ordf, sekreterare=s["chef"])
    mote_avsluta(sammantrade=mote, aktor=chef)
    ck = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in [(Justering.Roll.ORDFORANDE, ordf), (Justering.Roll.SEKRETERARE, s["chef"]), (Justering.Roll.JUSTERARE, just)]:
        justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=person, roll=roll)
    mote.refresh_from_db()
    idag = timezone.localdate()
    anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=idag, nedtas=idag + dt.timedelta(days=21), forvaringsplats="Förbundets kansli")
    return mote


@pytest.mark.parametrize("lage", ["inbyggt", "redis"])
def test_slutligt_protokoll_oppnas_av_ledamot_revisor_och_allmanheten(
    lage: str,
    page: Page,
    browser: Browser,
    live_server: Any,
    settings: Any,
    forbund: Forbund,
    chef: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    tmp_path: Path,
) -> None:
    if lage == "redis" and not redis_svarar():
        if os.environ.get("CI"):
            pytest.fail("Redis svarar inte; CI kräver en riktig worker mot Redis.")
        pytest.skip("Redis svarar inte: läget med en riktig worker på Redis hoppas över lokalt.")
    kw: dict[str, Any] = {"broker_dir": tmp_path / "broker", "beat": True} if lage == "inbyggt" else {}
    with worker_igang(settings, **kw) as worker:
        mote = _justera_och_anslå(forbund, chef)
        d = Dokument.objects.get(forbund=forbund, nyckel=f"styrelse:protokoll:{mote.pk}")
        assert worker.vanta_pa(lambda: Dokument.objects.get(pk=d.pk).last, timeout=120), worker.logg()[-3000:]
        d.refresh_from_db()
        assert d.status == Dokument.Status.KLAR and d.pdfa and d.titel == f"Protokoll {mote.datum:%Y-%m-%d}"
        sha = d.sha256

        for roll in (RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR):
            ctx = browser.new_context()
            sida = ctx.new_page()
            logga_in(sida, anvandare(roll).username)
            sida.goto(f"{live_server.url}/dokument/{d.pk}/")
            expect(sida.get_by_role("heading", level=1)).to_have_text(d.titel)
            expect(sida.locator("dl.fakta")).to_contain_text("Ja – fastställt, skapas aldrig om")
            skarmbild(sida, f"slutligt-protokoll-{lage}-{roll}")
            lank = sida.get_by_role("link", name="Öppna PDF")
            expect(lank).to_be_visible()
            svar = sida.request.get(f"{live_server.url}{lank.get_attribute('href')}")
            assert svar.status == 200 and svar.headers["content-type"] == "application/pdf", roll
            assert svar.headers["x-content-sha256"] == sha and hashlib.sha256(svar.body()).hexdigest() == sha, roll
            ctx.close()

        # Logged out: the public notice board links the same final minutes.
        page.goto(f"{live_server.url}/anslagstavla/")
        lank = page.get_by_role("link", name=f"Protokoll {mote.datum:%Y-%m-%d} (PDF)")
        expect(lank).to_be_visible()
        skarmbild(page, f"anslagstavla-{lage}")
        svar = page.request.get(f"{live_server.url}{lank.get_attribute('href')}")
        assert svar.status == 200 and svar.headers["content-type"] == "application/pdf"
        assert hashlib.sha256(svar.body()).hexdigest() == sha
