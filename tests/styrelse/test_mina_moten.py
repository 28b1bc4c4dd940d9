"""Mina möten: the ledamot's start page with the next meeting's papers, unread marks, earlier minutes, own justering, jäv."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import Page, expect

from finsam.models import Dokument, Handelse, RollTyp
from finsam.permissions import Kontext
from styrelse.models import Arende, Bilaga, Javsanmalan, Rost, Sammantrade
from styrelse.selectors import ledamot as sel
from styrelse.services import arende_andra, beslut_fatta, sammantrade_andra
from styrelse.services.bradskande import extra_sammantrade_kalla, ordforandebeslut_fatta
from tests.forvaltning.factories import delegation as delegationsrad

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse
from .ledamot_hjalp import genomfort_mote, inloggad, koppla

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _bilaga(arende: Arende, nummer: int, titel: str) -> Bilaga:
    b = Bilaga(forbund=arende.forbund, sammantrade=arende.sammantrade, arende=arende, nummer=nummer, titel=titel, storlek=12)
    b.fil.save(f"bilaga{nummer}.pdf", ContentFile(b"%PDF-1.7 " + str(nummer).encode()), save=False)
    b.save()
    return b


def _nasta(forbund: Any, arenden: int = 2, bilagor_per_arende: int = 1) -> Sammantrade:
    mote = SammantradeFactory(
        forbund=forbund,
        datum=timezone.localdate() + dt.timedelta(days=9),
        status="kallat",
        kallelse_skickad=timezone.now() - dt.timedelta(days=1),
        plats="Hörnellgatan 17, vån 3",
    )
    nr = 0
    for i in range(1, arenden + 1):
        a = ArendeFactory(
            sammantrade=mote,
            ordning=i,
            rubrik=f"Ärende {i}",
            text=f"Text {i}",
            forslag=f"att godkänna förslag {i}\natt uppdra till förbundschefen att återkomma",
        )
        for _ in range(bilagor_per_arende):
            nr += 1
            _bilaga(a, nr, f"Underlag {nr}")
    return mote


def test_mina_moten_visar_nasta_mote_tidigare_protokoll_justering_och_bradskande(
    forbund: Any,
    chef: Any,
    s: dict[str, Any],
    anvandare: Any,
) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    tidigare = genomfort_mote(forbund, chef, s, datum=timezone.localdate() - dt.timedelta(days=1))  # af is justerare
    nasta = _nasta(forbund)
    extra_sammantrade_kalla(
        forbund=forbund,
        aktor=chef,
        datum=timezone.localdate() + dt.timedelta(days=20),
        skal="ESF-ansökan",
        begart_av="Ordföranden",
        kallelsetid_dagar=3,
        arenden=["Medfinansiering"],
    )
    delegation = delegationsrad(forbund, "Brådskande ärenden", "ordforande", avsnitt="Allmänt", ordforandebeslut=True)
    o = ordforandebeslut_fatta(
        forbund=forbund,
        aktor=chef,
        ordforande=s["ledamot"]["skelleftea"].person,
        delegation=delegation,
        arende="Yttrande över remiss",
        beslut="Tillstyrks",
        bradska="Remisstiden går ut",
    )
    c = inloggad(user)
    html = c.get("/styrelse/mina-moten/").content.decode()
    assert f'<a href="/styrelse/ordforandebeslut/{o.pk}/">Yttrande över remiss</a> <span>Anmäls vid nästa sammanträde</span>' in html
    assert f"Styrelsemöte {nasta.datum:%Y-%m-%d}" in html
    assert "1. Ärende 1" in html and "Text 2" in html
    assert "<li>att godkänna förslag 1</li>" in html and "<li>att uppdra till förbundschefen att återkomma</li>" in html
    b1 = Bilaga.objects.get(sammantrade=nasta, nummer=1)
    assert f'href="/styrelse/mina-moten/{nasta.pk}/bilagor/{b1.pk}/">Bilaga 1: Underlag 1</a> <span class="ny">Oläst</span>' in html
    assert f'href="/styrelse/mina-moten/{tidigare.pk}/"' in html
    assert f'href="/styrelse/mina-moten/{tidigare.pk}/justera/">Justera protokollet från {tidigare.datum:%Y-%m-%d}</a>' in html
    assert "som justerare" in html
    assert "Extra sammanträde" in html and "Kallelsetid 3 dagar. ESF-ansökan" in html
    # The start page and the navigation lead here.
    start = c.get("/").content.decode()
    assert '<li><a href="/styrelse/mina-moten/">Mina möten</a></li>' in start  # the main navigation
    assert '<a class="ruta" href="/styrelse/mina-moten/"><strong>Mina möten</strong>' in start
    # The minutes of the earlier meeting once justered and locked.
    Dokument.objects.filter(nyckel=f"styrelse:protokoll:{tidigare.pk}").update(last=True)
    Sammantrade.objects.filter(pk=tidigare.pk).update(justerat=timezone.now())
    d = Dokument.objects.get(nyckel=f"styrelse:protokoll:{tidigare.pk}")
    assert f'<a href="/dokument/{d.pk}/fil/">Protokoll (PDF, signerat)</a>' in c.get("/styrelse/mina-moten/").content.decode()


def test_olasta_markeringar_per_dokument_sedan_senaste_besoket(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = _nasta(forbund)
    kontext = Kontext(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT)
    person = s["ledamot"]["af"].person

    def vy() -> sel.MotesVy:
        return sel.motesvy(kontext, user, Sammantrade.objects.get(pk=mote.pk), person)

    forsta = vy()
    assert ([a.ny for a in forsta.arenden], [b.olast for a in forsta.arenden for b in a.bilagor], forsta.kallelse_ny) == (
        [True, True],
        [True, True],
        True,
    )
    assert forsta.antal_nya == 5
    c = inloggad(user)
    assert "5 nya sedan ditt senaste besök" in c.get("/styrelse/mina-moten/").content.decode()
    andra = vy()  # the visit marked the items and the notice as read; attachments only when opened
    assert ([a.ny for a in andra.arenden], [b.olast for a in andra.arenden for b in a.bilagor], andra.kallelse_ny) == (
        [False, False],
        [True, True],
        False,
    )
    b2 = Bilaga.objects.get(sammantrade=mote, nummer=2)
    assert c.get(f"/styrelse/mina-moten/{mote.pk}/bilagor/{b2.pk}/").status_code == 200
    a2 = Arende.objects.get(sammantrade=mote, ordning=2)
    arende_andra(arende=a2, aktor=chef, rubrik=a2.rubrik, text="Ny text efter utskicket", foredragande="", forslag=a2.forslag)
    tredje = vy()
    assert ([a.ny for a in tredje.arenden], [b.olast for a in tredje.arenden for b in a.bilagor]) == ([False, True], [True, False])
    assert tredje.antal_nya == 2


def test_jav_i_forvag_visas_for_forbundschefen_och_fors_in_vid_paragrafen(
    forbund: Any,
    chef: Any,
    s: dict[str, Any],
    anvandare: Any,
    chef_klient: Any,
) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = SammantradeFactory(forbund=forbund, datum=timezone.localdate())
    a = ArendeFactory(sammantrade=mote, rubrik="Ansökan från Folkhögskolan")
    c = inloggad(user)
    svar = c.post(f"/styrelse/mina-moten/{mote.pk}/jav/", {"arende": a.pk, "skal": "Styrelseledamot i folkhögskolan"})
    assert svar.status_code == 302
    assert "<strong>Ledamot af</strong> har anmält jäv i ärende" in chef_klient.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    for m in s["ledamot"].values():
        narvaro(mote, m)
    p = beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text="", beslut="att bevilja ansökan")
    assert list(Rost.objects.filter(paragraf=p).values_list("person__namn", "val")) == [("Ledamot af", "jav")]
    assert Handelse.objects.get(handling="beslut_fatta").detaljer["beslutsforhet"] == (
        "Beslutsför: 4 av 5 röstberättigade närvarande (1 jäviga deltar inte)."
    )
    # After the decision the declaration cannot be withdrawn: it stands in the minutes.
    j = Javsanmalan.objects.get()
    assert c.post(f"/styrelse/jav/{j.pk}/aterkalla/").status_code == 302
    assert Javsanmalan.objects.filter(pk=j.pk).exists()


def test_jav_sida_och_api_nekar_lika(forbund: Any, s: dict[str, Any], anvandare: Any) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = SammantradeFactory(forbund=forbund, datum=timezone.localdate() + dt.timedelta(days=5))
    a = ArendeFactory(sammantrade=mote)
    c = inloggad(user)
    assert c.post("/api/styrelse/javsanmalningar/", {"arende": a.pk}, content_type="application/json").status_code == 201
    meddelande = "Du har redan anmält jäv i ärendet."
    sida = c.post(f"/styrelse/mina-moten/{mote.pk}/jav/", {"arende": a.pk})
    assert sida.status_code == 400 and meddelande in sida.content.decode()
    api = c.post("/api/styrelse/javsanmalningar/", {"arende": a.pk}, content_type="application/json")
    assert api.status_code == 400 and meddelande in str(api.json())
    assert Javsanmalan.objects.count() == 1
    # A user without a board seat (no person) is refused with a Swedish message.
    utan = inloggad(anvandare(RollTyp.STYRELSELEDAMOT, username="utan-person"))
    api = utan.post("/api/styrelse/javsanmalningar/", {"arende": a.pk}, content_type="application/json")
    assert api.status_code == 400 and "inte kopplat till en person" in str(api.json())


def test_api_mina_moten(forbund: Any, s: dict[str, Any], anvandare: Any) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = _nasta(forbund, arenden=1)
    data = inloggad(user).get("/api/styrelse/mina-moten/").json()
    assert data["nasta"]["id"] == mote.pk and data["nasta"]["nya"] == 3
    assert data["nasta"]["arenden"][0]["forslag"] == ["godkänna förslag 1", "uppdra till förbundschefen att återkomma"]
    assert data["nasta"]["arenden"][0]["bilagor"][0]["olast"] is True
    assert data["justeringar"] == [] and data["tidigare"] == []


def test_mina_moten_fast_antal_fragor(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    """The page costs the same number of queries for 2 items with 1 attachment and for 12 items with 4 each."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    genomfort_mote(forbund, chef, s, datum=timezone.localdate() - dt.timedelta(days=2))
    c = inloggad(user)
    antal = []
    for arenden, bilagor in [(2, 1), (12, 4)]:
        Sammantrade.objects.filter(datum__gt=timezone.localdate()).delete()
        _nasta(forbund, arenden=arenden, bilagor_per_arende=bilagor)
        c.get("/styrelse/mina-moten/")  # the first visit writes the read marks
        with CaptureQueriesContext(connection) as q:
            assert c.get("/styrelse/mina-moten/").status_code == 200
        antal.append(len(q.captured_queries))
    assert antal[0] == antal[1] and antal[1] <= 25, antal  # 23 measured


# --- In the browser: a phone (390 px) and a desktop -------------------------------------------------


def _bygg_for_webblasare(forbund: Any, anvandare: Any) -> Any:
    s = styrelse(forbund)
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-webb")
    mote = _nasta(forbund, arenden=3, bilagor_per_arende=2)
    a = Arende.objects.get(sammantrade=mote, ordning=2)
    Arende.objects.filter(pk=a.pk).update(
        rubrik="Ansökan om medfinansiering av ESF-projektet Arbetsmarknadstorget–Samverkansplattformen 2027–2029",
        text="Förslagetinnehållerettmycketlångtordutanmellanslagsomannarskulleskjutautsidan" * 2,
    )
    sammantrade_andra(sammantrade=mote, aktor="test", ordforande=s["ledamot"]["skelleftea"].person)
    return user


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("bredd", "namn"), [(390, "mobil"), (1280, "dator")])
def test_mina_moten_i_webblasaren(
    bredd: int,
    namn: str,
    page: Page,
    live_server: Any,
    forbund: Any,
    anvandare: Any,
    logga_in: Callable[..., None],
    skarmbild: Callable[[Any, str], str],
) -> None:
    user = _bygg_for_webblasare(forbund, anvandare)
    page.set_viewport_size({"width": bredd, "height": 900})
    logga_in(page, user.username)
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Mina möten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mina möten")
    expect(page.get_by_text("1. Ärende 1")).to_be_visible()
    expect(page.locator(".ny", has_text="Oläst")).to_have_count(6)
    bredder = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert bredder[0] <= bredder[1], f"Sidan rullar i sidled vid {bredd} px: {bredder}"
    # A private note on item 2, saved and shown again.
    punkt = page.locator(".punkt").nth(1)
    punkt.get_by_text("Anteckna", exact=True).click()
    punkt.get_by_label("Min anteckning om ärende 2").fill("Fråga om medfinansieringen 2029")
    punkt.get_by_role("button", name="Spara anteckning").click()
    expect(page.get_by_text("Anteckningen är sparad.")).to_be_visible()
    expect(page.locator(".anteckning", has_text="Fråga om medfinansieringen 2029")).to_be_visible()
    bredder = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert bredder[0] <= bredder[1], f"Sidan rullar i sidled vid {bredd} px: {bredder}"
    skarmbild(page, f"mina-moten-{namn}")
    # Printing: the papers and the notes, not the forms.
    page.emulate_media(media="print")
    expect(page.locator(".mm form").first).to_be_hidden()
    expect(page.get_by_text("att godkänna förslag 2")).to_be_visible()
    expect(page.locator(".anteckning", has_text="Fråga om medfinansieringen 2029")).to_be_visible()


def test_startsidan_visar_nasta_mote_med_nya_handlingar(forbund: Any, s: dict[str, Any], anvandare: Any) -> None:
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = _nasta(forbund, arenden=1)
    c = inloggad(user)
    assert f"Nästa möte {mote.datum:%Y-%m-%d} – 3 nya handlingar sedan ditt senaste besök." in c.get("/").content.decode()
    c.get("/styrelse/mina-moten/")
    assert f"Nästa möte {mote.datum:%Y-%m-%d} – 1 ny handling sedan ditt senaste besök." in c.get("/").content.decode()


def test_startsidans_rakning_av_nya_handlingar_ar_motesvyns(
    forbund: Any, s: dict[str, Any], anvandare: Any, django_assert_max_num_queries: Any
) -> None:
    """Issue 16: the start page counts new papers in four narrow queries, never building the whole meeting view; the
    count is the meeting view's at every step (nothing read, all read, one item changed, a new attachment)."""
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = _nasta(forbund, arenden=3, bilagor_per_arende=2)
    kontext = Kontext(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT)

    def lika() -> int:
        with django_assert_max_num_queries(4):
            antal, extra = sel.nya_handlingar(user, mote)
        vy = sel.motesvy(kontext, user, mote, sel.person_for(kontext, user))
        assert (antal, extra) == (vy.antal_nya, vy.extra is not None)
        return antal

    assert lika() == 3 + 6 + 1
    inloggad(user).get("/styrelse/mina-moten/")  # the agenda and the notice are read, the six attachments not yet
    assert lika() == 6
    a = mote.arenden.get(ordning=2)
    arende_andra(arende=a, aktor=None, rubrik="Ärende 2 ändrat", text="Ny text", foredragande=a.foredragande, forslag=a.forslag)
    _bilaga(mote.arenden.get(ordning=3), 7, "Nytt underlag")
    assert lika() == 8


def test_ledamotens_startsida_ar_mina_moten(forbund: Any, s: dict[str, Any], anvandare: Any) -> None:
    """Issue 19: Mina möten is the start page of a ledamot or ersättare, with the start page's notices and tiles."""
    user = koppla(anvandare, s["ledamot"]["af"], "ledamot-af")
    mote = _nasta(forbund, arenden=1)
    sida = inloggad(user).get("/").content.decode()
    assert "<title>Start – Mina möten" in sida and "<h1>Mina möten</h1>" in sida
    assert "Nästa möte" in sida and mote.arenden.first().rubrik in sida  # the next meeting's agenda
    assert "Att göra nu" in sida and "Det här kan du göra" in sida  # notices and tiles of the start page
