"""Pages: a fixed number of queries whatever the number of items; Swedish, accessible markup; isolation."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLResolver, resolve

from styrelse.models import Bilaga, Paragraf, Rost, Sammantrade, Uppdrag
from tests import filer

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


def _mote(forbund: Any, s: dict[str, Any], antal: int) -> Sammantrade:
    mote = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 11, 28))
    for m in s["ledamot"].values():
        narvaro(mote, m)
    narvaro(mote, s["ersattare"]["fk"], kategori="ersattare")
    start = max(Paragraf.objects.filter(forbund=forbund, ar=2019).values_list("nummer", flat=True), default=0)
    for i in range(antal):
        a = ArendeFactory(sammantrade=mote, ordning=i + 1, rubrik=f"Ärende {i}", forslag="att godkänna\natt uppdra till förbundschefen att utreda")
        b = Bilaga(forbund=forbund, sammantrade=mote, arende=a, nummer=i + 1, titel=f"Bilaga {i}", storlek=10)
        b.fil.save(f"b{i}.pdf", ContentFile(b"%PDF-1.7"), save=False)
        b.save()
        if i % 2 == 0:
            p = Paragraf.objects.create(forbund=forbund, sammantrade=mote, ar=2019, nummer=start + i + 1, rubrik=a.rubrik, beslut="godkänna")
            a.paragraf = p
            a.save()
            Rost.objects.create(forbund=forbund, paragraf=p, person=s["ledamot"]["fk"].person, val="ja", reservation="Reservation")
            Uppdrag.objects.create(forbund=forbund, paragraf=p, text="uppdra till förbundschefen att utreda")
    mote.justerare.set([s["ledamot"]["af"].person])
    return mote


@pytest.mark.parametrize("roll", ["forbundschef", "styrelseledamot"])
def test_motessidan_har_fast_antal_fragor(roll: str, forbund: Any, klient: Any, django_assert_max_num_queries: Any) -> None:
    s = styrelse(forbund)
    liten, stor = _mote(forbund, s, 3), _mote(forbund, s, 40)
    c: Client = klient(roll)
    c.get(f"/styrelse/moten/{liten.pk}/")
    with django_assert_max_num_queries(40) as liten_fragor:
        assert c.get(f"/styrelse/moten/{liten.pk}/").status_code == 200
    with django_assert_max_num_queries(40) as stor_fragor:
        svar = c.get(f"/styrelse/moten/{stor.pk}/")
    assert svar.status_code == 200
    assert len(stor_fragor.captured_queries) == len(liten_fragor.captured_queries)
    html = svar.content.decode()
    assert "Ärende 39" in html and "Bilaga 40" in html and 'scope="col"' in html
    assert ("Protokollför" in html) is (roll == "forbundschef")


def test_listsidor_har_fast_antal_fragor(forbund: Any, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    s = styrelse(forbund)
    for n in (3, 30):
        _mote(forbund, s, n)
        for url in ["/styrelse/", "/styrelse/uppdrag/?visa=alla", "/styrelse/sok/?q=Ärende", "/styrelse/diarium/", "/styrelse/delegationsbeslut/"]:
            with django_assert_max_num_queries(30):
                assert chef_klient.get(url).status_code == 200


def test_annat_forbunds_mote_ar_404(forbund: Any, annat_forbund: Any, chef_klient: Client) -> None:
    annat = SammantradeFactory(forbund=annat_forbund)
    assert chef_klient.get(f"/styrelse/moten/{annat.pk}/").status_code == 404


def test_nekad_atgard_visar_svenskt_fel_och_andrar_inget(forbund: Any, chef_klient: Client) -> None:
    s = styrelse(forbund)
    mote = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 11, 28))
    narvaro(mote, s["ledamot"]["fk"])
    a = ArendeFactory(sammantrade=mote)
    svar = chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/beslut/", {"text": "", "beslut": "att godkänna"})
    assert svar.status_code == 400
    assert "Inte beslutsför: 1 röstberättigade närvarande, minst 3 av 5 krävs" in svar.content.decode()
    assert not Paragraf.objects.exists()


def test_bilaga_med_fel_filtyp_nekas(forbund: Any, chef_klient: Client) -> None:
    mote = SammantradeFactory(forbund=forbund)
    a = ArendeFactory(sammantrade=mote)
    fil = ContentFile(b"MZ\x90\x00 not a pdf", name="virus.pdf")
    svar = chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/bilagor/", {"fil": fil}, follow=True)
    assert "Filens innehåll stämmer inte med filtypen .pdf." in svar.content.decode()
    exe = ContentFile(b"MZ", name="program.exe")
    svar = chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/bilagor/", {"fil": exe}, follow=True)
    assert "Filtypen är inte tillåten" in svar.content.decode()
    assert not Bilaga.objects.exists()
    riktig = filer.pdf("Årsredovisning 2019")
    ok = ContentFile(riktig, name="Årsredovisning 2019.pdf")
    chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/bilagor/", {"fil": ok, "titel": "Årsredovisning 2019"})
    b = Bilaga.objects.get()
    assert (b.nummer, b.titel, b.storlek) == (1, "Årsredovisning 2019", len(riktig))


def test_startsidan_visar_vad_som_vantar(forbund: Any, chef_klient: Client) -> None:
    from styrelse.services import sammantrade_planera

    styrelse(forbund)
    sammantrade_planera(forbund=forbund, aktor=None, datum=dt.date.today() + dt.timedelta(days=20))
    html = chef_klient.get("/").content.decode()
    assert f"Kallelse ej skickad till styrelsemöte {dt.date.today() + dt.timedelta(days=20):%Y-%m-%d}." in html
    assert "Styrelsemöten" in html


def test_motessidans_rader_bygger_url_en_gang_och_delar_ett_formular(forbund: Any, chef_klient: Client) -> None:
    """Issue 16: the agenda rows cost no reverse() and no form of their own per row (one shared form, one CSRF field)."""
    s = styrelse(forbund)
    liten, stor = _mote(forbund, s, 3), _mote(forbund, s, 40)
    original = URLResolver._reverse_with_prefix
    antal: list[int] = []

    def raknad(self: URLResolver, *args: Any, **kwargs: Any) -> str:
        antal[-1] += 1
        return original(self, *args, **kwargs)

    sidor = {}
    with mock.patch.object(URLResolver, "_reverse_with_prefix", raknad):
        for m in (liten, stor):
            antal.append(0)
            sidor[m.pk] = chef_klient.get(f"/styrelse/moten/{m.pk}/").content.decode()
    assert antal[0] == antal[1]
    html = sidor[stor.pk]
    # 40 rows against 3, 20 against 1 without a paragraph: one upload form each (a file needs its own multipart body), nothing else per row.
    assert html.count("<form") - sidor[liten.pk].count("<form") == 20 - 1
    assert html.count('id="rad-atgard"') == 1
    knappar = re.findall(r'<button form="rad-atgard" formaction="([^"]+)"(?: name="riktning" value="(upp|ned)")?', html)
    vyer = Counter(resolve(url).url_name for url, _ in knappar)
    assert vyer == {"arende_flytta": 40, "arende_ta_bort": 20, "omedelbar_justering": 20, "utdrag_bestall": 20}
    a = stor.arenden.get(ordning=2)  # no paragraph yet
    assert f'formaction="/styrelse/moten/{stor.pk}/arenden/{a.pk}/flytta/" name="riktning" value="upp"' in html
    assert f'href="/styrelse/moten/{stor.pk}/arenden/{a.pk}/beslut/"' in html
    b = Bilaga.objects.get(arende=a)
    assert f'href="/styrelse/moten/{stor.pk}/bilagor/{b.pk}/"' in html
    p = stor.arenden.get(ordning=1).paragraf
    assert f'formaction="/styrelse/paragrafer/{p.pk}/omedelbar-justering/"' in html
    # The shared form's button moves the row as the per-row form did.
    svar = chef_klient.post(f"/styrelse/moten/{stor.pk}/arenden/{a.pk}/flytta/", {"riktning": "upp"})
    assert svar.status_code == 302
    a.refresh_from_db()
    assert a.ordning == 1


def test_motesforteckningen_ar_sidindelad_med_fast_antal_fragor(forbund: Any, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    """Issue 16: the meeting list and its "Kopiera från" select stay bounded however many meetings the förbund has."""
    for i in range(3):
        SammantradeFactory(forbund=forbund, datum=dt.date(2000 + i, 3, 1))
    with django_assert_max_num_queries(30) as fa:
        liten = chef_klient.get("/styrelse/").content.decode()
    for i in range(3, 60):
        SammantradeFactory(forbund=forbund, datum=dt.date(2000 + i // 4, 1 + i % 4 * 3, 1))
    with django_assert_max_num_queries(30) as manga:
        forsta = chef_klient.get("/styrelse/").content.decode()
    assert len(manga.captured_queries) == len(fa.captured_queries)
    assert liten.count('href="/styrelse/moten/') == 3
    assert forsta.count('href="/styrelse/moten/') == 25 and "Sida 1 av 3" in forsta and 'href="?sida=2"' in forsta
    assert chef_klient.get("/styrelse/?sida=3").content.decode().count('href="/styrelse/moten/') == 10
    valet = re.search(r'<select name="kopiera_fran".*?</select>', forsta, re.S)
    assert valet is not None and valet.group(0).count("<option") == 30 + 1  # the latest 30 and "---------"
    nyast = Sammantrade.objects.order_by("-datum", "-id").first()
    assert nyast is not None and f'value="{nyast.pk}"' in valet.group(0)
