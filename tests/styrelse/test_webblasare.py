"""One whole meeting in Chromium as the förbundschef: plan, agenda, notice, attendance, decisions, justering, anslag."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from finsam.models import Dokument, RollTyp
from styrelse.models import Paragraf, Sammantrade
from tests.conftest import SKARMBILDER

from .factories import styrelse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _spara_pdf(data: bytes, namn: str) -> str:
    os.makedirs(SKARMBILDER, exist_ok=True)
    sokvag = os.path.join(SKARMBILDER, f"{namn}.pdf")
    with open(sokvag, "wb") as f:
        f.write(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", sokvag, sokvag[:-4]], check=True)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(sokvag).pages).split())


def test_ett_helt_mote_som_forbundschef(
    page: Page, live_server: Any, forbund: Any, anvandare: Callable[..., Any], logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    s = styrelse(forbund)
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    s["chef"].user = chef
    s["chef"].save()
    page.set_default_timeout(10_000)
    logga_in(page, chef.username)
    url = live_server.url

    # The notice period is data: this meeting is held today, so set it to 0 days.
    page.goto(f"{url}/styrelse/regler/")
    page.get_by_label("Kallelsetid (dagar)").fill("0")
    page.get_by_role("button", name="Spara beslutsreglerna").click()
    expect(page.get_by_text("Beslutsreglerna är sparade.")).to_be_visible()

    # 1. Plan from the template.
    page.goto(f"{url}/styrelse/")
    from django.utils import timezone

    idag = timezone.localdate()
    page.get_by_label("Datum").fill(idag.isoformat())
    page.get_by_label("Plats").fill("Hörnellgatan 17, vån 3")
    page.get_by_role("button", name="Planera sammanträde").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Styrelsemöte {idag:%Y-%m-%d}")
    mote = Sammantrade.objects.get()

    # 2. Agenda: add an item with its proposal and attach Bilaga 1.
    page.locator("#nytt-arende summary").click()
    page.locator("#nytt-arende").get_by_label("Rubrik").fill("Projektansökan SIKT 2.0")
    page.locator("#nytt-arende").get_by_label("Föredragande").fill("Beatriz Axelsson, Norsjö kommun")
    page.locator("#nytt-arende").get_by_label("Förslag till beslut").fill("att bevilja medfinansiering enligt ansökan, se bilaga 1")
    page.get_by_role("button", name="Lägg till ärendet").click()
    expect(page.get_by_text("Ärendet ”Projektansökan SIKT 2.0” är tillagt.")).to_be_visible()
    page.get_by_label("Bilaga till Projektansökan SIKT 2.0").set_input_files(
        files=[{"name": "ansokan-sikt.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n% ansokan\n"}])
    page.locator("form", has=page.get_by_label("Bilaga till Projektansökan SIKT 2.0")).get_by_role("button", name="Ladda upp bilaga").click()
    expect(page.get_by_role("link", name=re.compile("Bilaga 1: ansokan-sikt.pdf"))).to_be_visible()

    # Chair, secretary and justerare.
    page.locator("#uppgifter summary").click()
    page.get_by_label("Mötesordförande").select_option(label="Ledamot skelleftea")
    page.get_by_label("Sekreterare").select_option(label="Förbundschefen")
    page.get_by_role("checkbox", name="Ledamot af").check()
    page.get_by_role("button", name="Spara uppgifterna").click()
    expect(page.get_by_text("Sammanträdet är uppdaterat.")).to_be_visible()

    # 3. Notice by e-mail with the PDF and the calendar invitation.
    page.get_by_role("button", name="Skicka kallelse med e-post").click()
    expect(page.get_by_text("Kallelsen skickas med PDF och kalenderinbjudan")).to_be_visible()
    assert len(mail.outbox) == 11
    assert [a[0] for a in mail.outbox[0].attachments] == [f"kallelse-{idag:%Y-%m-%d}.pdf", f"styrelsemote-{idag:%Y-%m-%d}.ics"]
    kallelse = _spara_pdf(mail.outbox[0].attachments[0][1], "styrelse-kallelse")
    assert "Projektansökan SIKT 2.0" in kallelse and "Bilaga 1" in kallelse and "Ledamot skelleftea, ordförande" in kallelse

    # 4. Attendance: three ledamöter, a serving ersättare for FK, the förbundschef.
    def narvaro(person: str, kategori: str, ersatter: str = "") -> None:
        if page.locator("#ny-narvaro").get_attribute("open") is None:
            page.locator("#ny-narvaro summary").click()
        page.get_by_label(re.compile("^Person")).select_option(label=person)
        page.get_by_label("Närvarande som").select_option(label=kategori)
        if ersatter:
            page.get_by_label("Tjänstgör för ledamot").select_option(label=ersatter)
        page.get_by_role("button", name="Registrera närvaro").click()
        expect(page.get_by_text(f"Närvaron för {person} är registrerad.")).to_be_visible()

    narvaro("Ledamot skelleftea", "Beslutande ledamot")
    expect(page.get_by_role("status").filter(has_text="Inte beslutsför")).to_be_visible()
    narvaro("Ledamot af", "Beslutande ledamot")
    narvaro("Ledamot region", "Beslutande ledamot")
    # An ersättare cannot serve for another member's ledamot.
    narvaro_fel = page.locator("#ny-narvaro")
    if narvaro_fel.get_attribute("open") is None:
        page.locator("#ny-narvaro summary").click()
    page.get_by_label(re.compile("^Person")).select_option(label="Ersättare fk")
    page.get_by_label("Närvarande som").select_option(label="Tjänstgörande ersättare")
    page.get_by_label("Tjänstgör för ledamot").select_option(label="Ledamot norsjo (Norsjö kommun)")
    page.get_by_role("button", name="Registrera närvaro").click()
    expect(page.get_by_text("En ersättare tjänstgör bara för en frånvarande ledamot från samma medlem.")).to_be_visible()
    narvaro("Ersättare fk", "Tjänstgörande ersättare", "Ledamot fk (Försäkringskassan)")
    narvaro("Förbundschefen", "Tjänsteperson")
    expect(page.get_by_role("status").filter(has_text="Beslutsför: 4 av 5")).to_be_visible()

    # 5. Decisions with continuous numbering; a vote with a reservation on SIKT 2.0.
    while page.get_by_role("link", name=re.compile("^Protokollför")).count():
        page.get_by_role("link", name=re.compile("^Protokollför")).first.click()
        rubrik = page.get_by_role("heading", level=1).inner_text()
        if "SIKT" in rubrik:
            for namn, val in [("Ledamot skelleftea", "Ja"), ("Ledamot af", "Ja"), ("Ledamot region", "Ja"), ("Ersättare fk", "Nej")]:
                page.get_by_label(f"Ställningstagande för {namn}").select_option(label=val)
            page.get_by_label("Reservation från Ersättare fk").fill("Medlen behövs till befintliga insatser.")
            skarmbild(page, "styrelse-beslut")
        page.get_by_role("button", name=re.compile("^Protokollför §")).click()
        expect(page.get_by_text(re.compile(r"§ \d+ .* är protokollförd\."))).to_be_visible()
    assert list(Paragraf.objects.order_by("nummer").values_list("nummer", flat=True)) == list(range(1, 10))
    sikt = Paragraf.objects.get(rubrik="Projektansökan SIKT 2.0")
    assert sikt.roster.get(person=s["ersattare"]["fk"].person).reservation == "Medlen behövs till befintliga insatser."
    skarmbild(page, "styrelse-mote-beslut")

    # 6. Close, justering (own as secretary; paper signatures of the chair and the justerare), locked minutes.
    page.get_by_role("button", name="Avsluta mötet och skapa protokoll").click()
    expect(page.get_by_text("Mötet är avslutat.")).to_be_visible()
    page.get_by_role("button", name="Jag justerar protokollet").click()
    page.get_by_role("button", name="Registrera justering för Ledamot skelleftea").click()
    page.get_by_role("button", name="Registrera justering för Ledamot af").click()
    expect(page.get_by_text(re.compile("Protokollet justerades .* och är låst."))).to_be_visible()
    mote.refresh_from_db()
    assert mote.status == "justerat"
    protokoll = Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}")
    assert protokoll.last
    text = _spara_pdf(protokoll.fil.read(), "styrelse-protokoll")
    assert "Beslutande" in text and "Tjänstgörande ersättare" in text and "§ 9" in text
    assert "Ersättare fk reserverar sig mot beslutet" in text and "Justerat i Finsam" in text

    # A locked paragraph cannot be edited.
    page.goto(f"{url}/styrelse/paragrafer/{sikt.pk}/")
    page.get_by_label("Rubrik").fill("Ändrad i efterhand")
    page.get_by_role("button", name="Spara paragrafen").click()
    expect(page.get_by_text(f"§ {sikt.nummer} är justerad och låst.")).to_be_visible()

    # 7. Anslag and the public notice board.
    page.goto(f"{url}/styrelse/moten/{mote.pk}/")
    page.get_by_role("button", name="Anslå protokollet").click()
    expect(page.get_by_text("Protokollet är anslaget på den digitala anslagstavlan.")).to_be_visible()
    skarmbild(page, "styrelse-mote-justerat")
    page.get_by_role("button", name="Logga ut").click()
    page.goto(f"{url}/anslagstavla/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Digital anslagstavla")
    lank = page.get_by_role("link", name=f"Protokoll {idag:%Y-%m-%d} (PDF)")
    expect(lank).to_be_visible()
    skarmbild(page, "styrelse-anslagstavla")
    svar = page.request.get(url + (lank.get_attribute("href") or ""))
    assert svar.ok and svar.headers["content-type"] == "application/pdf"
    bevis = page.request.get(url + (page.get_by_role("link", name="Bevis om anslag (PDF)").get_attribute("href") or ""))
    assert "Anslaget har satts upp" in _spara_pdf(bevis.body(), "styrelse-anslagsbevis")
