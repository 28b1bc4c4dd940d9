"""A whole meeting in Chromium, once with jobs in the embedded (thread) mode and once with a real Celery worker on
Redis: the förbundschef plans and holds it, a proposal is voted down and minuted as avslag, an item is tabled and
appears on the next meeting's agenda, the justerare (a ledamot) reads the draft and justers with the password, a late
edit resets the justering, the minutes are justered and posted, and the final minutes are opened by the ledamot, the
revisor and a logged-out visitor of the notice board."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from finsam.models import Dokument, RollTyp
from styrelse.models import Justering, Paragraf, Sammantrade
from styrelse.services import sammantrade_planera
from tests.worker_harness import redis_svarar, worker_igang

from .factories import styrelse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _vanta(villkor: Callable[[], bool], sekunder: float = 60) -> None:
    """Jobs run in background threads of the live server: wait for their result."""
    slut = time.monotonic() + sekunder
    while not villkor():
        if time.monotonic() > slut:
            raise AssertionError("Bakgrundsjobbet blev inte klart i tid.")
        time.sleep(0.2)


@pytest.mark.parametrize("lage", ["trad"])  # "redis": test_webblasare_redis.py (its own file, so the two runs go to both test processes)
def test_ett_helt_mote_med_avslag_bordlaggning_och_sen_andring(
    lage: str,
    page: Page,
    browser: Browser,
    live_server: Any,
    forbund: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    settings: Any,
) -> None:
    """Once in the embedded thread mode, once with a real Celery worker on Redis (jobs and e-mail in another process)."""
    if lage == "trad":
        settings.FINSAM_TASK_MODE = "thread"
        _helt_mote(page, browser, live_server.url, forbund, anvandare, logga_in, skarmbild, lambda: [a for m in mail.outbox for a in m.to], _vanta)
        return
    if not redis_svarar():
        if os.environ.get("CI"):
            pytest.fail("Redis svarar inte; CI kräver en riktig worker mot Redis.")
        pytest.skip("Redis svarar inte: läget med en riktig worker på Redis hoppas över lokalt.")
    with worker_igang(settings) as worker:

        def mottagare() -> list[str]:
            # The worker's console e-mail backend writes every message to its log.
            return re.findall(r"^To: (.+?)\r?$", worker.logg(), re.MULTILINE)

        def vanta(villkor: Callable[[], bool], sekunder: float = 60) -> None:
            assert worker.vanta_pa(villkor, timeout=sekunder * 2), worker.logg()[-3000:]

        _helt_mote(page, browser, live_server.url, forbund, anvandare, logga_in, skarmbild, mottagare, vanta)


def _helt_mote(
    page: Page,
    browser: Browser,
    url: str,
    forbund: Any,
    anvandare: Callable[..., Any],
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
    mottagare: Callable[[], list[str]],
    _vanta: Callable[..., None],
) -> None:
    s = styrelse(forbund)
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    s["chef"].user = chef
    s["chef"].save()
    justeraren = anvandare(RollTyp.STYRELSELEDAMOT, username="ledamot-af")
    s["ledamot"]["af"].person.user = justeraren
    s["ledamot"]["af"].person.save()
    idag = timezone.localdate()
    nasta = sammantrade_planera(forbund=forbund, aktor=chef, datum=idag + dt.timedelta(days=35), plats="Hörnellgatan 17")
    page.set_default_timeout(15_000)
    logga_in(page, chef.username)

    # The notice period is data: this meeting is held today, so set it to 0 days.
    page.goto(f"{url}/styrelse/regler/")
    page.get_by_label("Kallelsetid (dagar)").fill("0")
    page.get_by_role("button", name="Spara beslutsreglerna").click()
    expect(page.get_by_text("Beslutsreglerna är sparade.")).to_be_visible()

    # Plan today's meeting from the template and add two items.
    page.goto(f"{url}/styrelse/")
    page.get_by_label("Datum").fill(idag.isoformat())
    page.get_by_label("Plats").fill("Hörnellgatan 17, vån 3")
    page.get_by_role("button", name="Planera sammanträde").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Styrelsemöte {idag:%Y-%m-%d}")
    mote = Sammantrade.objects.exclude(pk=nasta.pk).get()
    for rubrik, forslag in [
        ("Projektansökan SIKT 2.0", "att bevilja medfinansiering enligt ansökan"),
        ("Avtal med European Minds", "att teckna nytt avtal för ett år"),
    ]:
        if page.locator("#nytt-arende").get_attribute("open") is None:
            page.locator("#nytt-arende summary").click()
        page.locator("#nytt-arende").get_by_label("Rubrik").fill(rubrik)
        page.locator("#nytt-arende").get_by_label("Förslag till beslut").fill(forslag)
        page.get_by_role("button", name="Lägg till ärendet").click()
        expect(page.get_by_text(f"Ärendet ”{rubrik}” är tillagt.")).to_be_visible()

    # The recipients are listed before sending; then the notice goes out.
    expect(page.get_by_role("heading", name="Kallelsen går till (11)")).to_be_visible()
    page.get_by_role("button", name="Skicka kallelse med e-post").click()
    expect(page.get_by_text("Kallelsen skickas med PDF och kalenderinbjudan till 11 mottagare.")).to_be_visible()
    _vanta(lambda: len(mottagare()) >= 11)

    # Attendance: five ledamöter and the förbundschef; then chair and secretary from the attendance.
    for person, kategori in [
        ("Ledamot skelleftea", "Beslutande ledamot"),
        ("Ledamot af", "Beslutande ledamot"),
        ("Ledamot region", "Beslutande ledamot"),
        ("Ledamot fk", "Beslutande ledamot"),
        ("Ledamot norsjo", "Beslutande ledamot"),
        ("Förbundschefen", "Tjänsteperson"),
    ]:
        if page.locator("#ny-narvaro").get_attribute("open") is None:
            page.locator("#ny-narvaro summary").click()
        page.get_by_label(re.compile("^Person")).select_option(label=person)
        page.get_by_label("Närvarande som").select_option(label=kategori)
        page.get_by_role("button", name="Registrera närvaro").click()
        expect(page.get_by_text(f"Närvaron för {person} är registrerad.")).to_be_visible()
    page.locator("#uppgifter summary").click()
    page.get_by_label("Mötesordförande").select_option(label="Ledamot skelleftea")
    page.get_by_label("Sekreterare").select_option(label="Förbundschefen")
    page.get_by_role("button", name="Spara uppgifterna").click()
    expect(page.get_by_text("Sammanträdet är uppdaterat.")).to_be_visible()

    # Decisions: justerare elected at "Val av justerare"; SIKT 2.0 voted down; European Minds tabled.
    while page.get_by_role("link", name=re.compile("^Protokollför")).count():
        page.get_by_role("link", name=re.compile("^Protokollför")).first.click()
        rubrik = page.get_by_role("heading", level=1).inner_text()
        if "Val av justerare" in rubrik:
            page.get_by_role("checkbox", name="Ledamot af").check()
        elif "SIKT" in rubrik:
            page.get_by_label("Yrkande 1: av").select_option(label="Ledamot region")
            page.get_by_label("Yrkande 1: yrkar").select_option(label="Avslag")
            page.get_by_label("Yrkande 1: lydelse eller motivering").fill("medlen behövs till befintliga insatser")
            for namn, val in [
                ("Ledamot skelleftea", "Ja"),
                ("Ledamot af", "Ja"),
                ("Ledamot region", "Nej"),
                ("Ledamot fk", "Nej"),
                ("Ledamot norsjo", "Nej"),
            ]:
                page.get_by_label(f"Röst: {namn}").select_option(label=val)
            page.get_by_label("Reservation: Ledamot skelleftea").fill("Projektet når deltagare som andra insatser inte når.")
            skarmbild(page, "styrelse-beslut-votering")
        elif "European Minds" in rubrik:
            page.get_by_label("Yrkande 1: av").select_option(label="Ledamot fk")
            page.get_by_label("Yrkande 1: yrkar").select_option(label="Bordläggning")
            page.get_by_label("Ordföranden finner att styrelsen").select_option(label="bordlägger ärendet till nästa möte")
            page.get_by_label("Motivering (återremiss/bordläggning)").fill("offerten ska jämföras med en till")
        page.get_by_role("button", name=re.compile("^Protokollför §")).click()
        expect(page.get_by_text(re.compile(r"§ \d+ .* är protokollförd"))).to_be_visible()
    sikt = Paragraf.objects.get(rubrik="Projektansökan SIKT 2.0")
    assert (sikt.utfall, sikt.beslutsform) == ("avslag", "votering")
    assert sikt.beslut == "avslå förslaget att bevilja medfinansiering enligt ansökan"
    minds = Paragraf.objects.get(rubrik="Avtal med European Minds")
    assert minds.utfall == "bordlagt"
    expect(page.locator("tr", has_text="Projektansökan SIKT 2.0").get_by_text("Avslag", exact=True)).to_be_visible()
    skarmbild(page, "styrelse-mote-beslut")

    # The tabled item is on the next meeting's agenda by itself.
    page.goto(f"{url}/styrelse/moten/{nasta.pk}/")
    rad = page.locator("tr", has_text="Avtal med European Minds")
    expect(rad.get_by_text("Återkommer")).to_be_visible()
    expect(rad.get_by_text(f"Bordlagt vid sammanträdet {idag:%Y-%m-%d}, § {minds.nummer}.")).to_be_visible()

    # Close the meeting.
    page.goto(f"{url}/styrelse/moten/{mote.pk}/")
    page.get_by_role("button", name="Avsluta mötet och skapa protokoll").click()
    expect(page.get_by_text("Mötet är avslutat.")).to_be_visible()

    # The justerare (a ledamot) reads the whole draft and justers, recording the place.
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, justeraren.username)
    page.goto(f"{url}/styrelse/moten/{mote.pk}/")
    page.get_by_role("link", name="Protokollsutkast", exact=True).click()
    expect(page.get_by_text("avslå förslaget att bevilja medfinansiering enligt ansökan")).to_be_visible()
    expect(page.get_by_text("Ledamot skelleftea reserverar sig mot beslutet")).to_be_visible()
    skarmbild(page, "styrelse-protokollsutkast-justerare")
    pdf = page.request.get(f"{url}/styrelse/moten/{mote.pk}/protokoll/utkast.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    page.goto(f"{url}/styrelse/moten/{mote.pk}/#justering")
    # One's own justering: the password again (re-authentication, on the minutes' signature page).
    page.get_by_role("link", name="Justera med lösenord").click()
    page.get_by_label("Plats för justeringen").fill("Digitalt i Finsam")
    skarmbild(page, "styrelse-justera-med-losenord")
    page.get_by_label("Ditt lösenord").fill("losenord-for-test")
    page.get_by_role("button", name="Justera och signera").click()
    expect(page.get_by_text("Din justering är bekräftad och signerad.")).to_be_visible()
    assert Justering.objects.get(sammantrade=mote).plats == "Digitalt i Finsam"

    # A late edit by the förbundschef resets the justering and tells the justerare.
    page.get_by_role("button", name="Logga ut").click()
    logga_in(page, chef.username)
    fore = len(mottagare())
    oppning = Paragraf.objects.get(sammantrade=mote, rubrik="Mötets öppnande")
    page.goto(f"{url}/styrelse/paragrafer/{oppning.pk}/")
    page.get_by_label("Text").fill("Ordföranden hälsar välkommen och förklarar mötet öppnat kl. 09.05.")
    page.get_by_role("button", name="Spara paragrafen").click()
    expect(page.get_by_text(f"§ {oppning.nummer} är sparad.")).to_be_visible()
    assert not Justering.objects.filter(sammantrade=mote).exists()
    _vanta(lambda: "ledamot.af@example.se" in mottagare()[fore:])
    page.goto(f"{url}/styrelse/moten/{mote.pk}/#justering")
    expect(page.get_by_role("button", name="Registrera justering för Ledamot af")).to_be_visible()

    # All justeringar (the chair's and the justerare's signed on paper), then the posting.
    page.get_by_role("link", name="Justera med lösenord").click()
    page.get_by_label("Ditt lösenord").fill("losenord-for-test")
    page.get_by_role("button", name="Justera och signera").click()
    expect(page.get_by_text("Din justering är bekräftad och signerad.")).to_be_visible()
    page.get_by_role("button", name="Registrera justering för Ledamot skelleftea").click()
    page.get_by_role("button", name="Registrera justering för Ledamot af").click()
    expect(page.get_by_text(re.compile("Protokollet justerades .* och är låst."))).to_be_visible()
    mote.refresh_from_db()
    assert mote.status == "justerat"
    page.get_by_role("button", name="Anslå protokollet").click()
    expect(page.get_by_text("Protokollet är anslaget på den digitala anslagstavlan.")).to_be_visible()
    skarmbild(page, "styrelse-mote-justerat")

    # The final minutes: rendered, signed and locked by the job; opened by the ledamot, the revisor and the public.
    d = Dokument.objects.get(forbund=forbund, nyckel=f"styrelse:protokoll:{mote.pk}")
    _vanta(lambda: Dokument.objects.get(pk=d.pk).last, 120)
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR and d.pdfa
    for user in (justeraren, anvandare(RollTyp.REVISOR)):
        ctx = browser.new_context()
        sida = ctx.new_page()
        logga_in(sida, user.username)
        sida.goto(f"{url}/dokument/{d.pk}/")
        expect(sida.locator("dl.fakta")).to_contain_text("Ja – fastställt, skapas aldrig om")
        svar = sida.request.get(f"{url}/dokument/{d.pk}/fil/")
        assert svar.status == 200 and hashlib.sha256(svar.body()).hexdigest() == d.sha256, user.username
        ctx.close()
    ctx = browser.new_context()
    publik = ctx.new_page()
    publik.goto(f"{url}/anslagstavla/")
    lank = publik.get_by_role("link", name=f"Protokoll {mote.datum:%Y-%m-%d} (PDF)")
    expect(lank).to_be_visible()
    svar = publik.request.get(f"{url}{lank.get_attribute('href')}")
    assert svar.status == 200 and hashlib.sha256(svar.body()).hexdigest() == d.sha256
    ctx.close()
    # Let the background jobs of this meeting finish before the database is emptied.
    _vanta(lambda: not Dokument.objects.filter(status__in=["koad", "pagar"]).exists(), 120)
