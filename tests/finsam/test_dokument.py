"""The PDF pipeline end to end with the organisation sheet (tasks run inline in tests)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from pypdf import PdfReader

from finsam.audit import Vagrad
from finsam.documents.registry import DOKUMENTTYPER, Dokumenttyp
from finsam.documents.render import BASE_URL, SafeUrlFetcher, UnsafeUrlError, html_to_pdf
from finsam.documents.services import dokument_bestall, dokument_las
from finsam.models import Dokument, Forbund, Handelse, Medlem, Person
from finsam.services import person_create
from styrelse.models import Mandat

pytestmark = pytest.mark.django_db


def _styrelse(forbund: Forbund) -> None:
    sk = Medlem.objects.get(forbund=forbund, kod="skelleftea")
    fk = Medlem.objects.get(forbund=forbund, kod="fk")
    bertil = person_create(forbund=forbund, aktor=None, namn="Bertil Almgren", parti="s")
    anna = person_create(forbund=forbund, aktor=None, namn="Anna From-Lindqvist", parti="c")
    hans = person_create(forbund=forbund, aktor=None, namn="Hans Bergman", parti="c")
    catarina = person_create(forbund=forbund, aktor=None, namn="Catarina Forsberg", parti="tjm")
    person_create(forbund=forbund, aktor=None, namn="Britt Inger Stoltz", befattning="Informatör/administratör", ar_personal=True)
    Mandat.objects.create(forbund=forbund, person=bertil, medlem=sk, typ="ledamot", uppdrag="ordforande", fran=dt.date(2019, 1, 1))
    Mandat.objects.create(forbund=forbund, person=anna, medlem=sk, typ="ersattare", fran=dt.date(2019, 10, 1))
    Mandat.objects.create(forbund=forbund, person=hans, medlem=sk, typ="ersattare", fran=dt.date(2015, 1, 1), till=dt.date(2018, 12, 31))
    Mandat.objects.create(forbund=forbund, person=catarina, medlem=fk, typ="ersattare", fran=dt.date(2019, 1, 1))


def _text(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace("\xa0", " ")


def test_organisationsblad_skapas_som_pdfa_med_ratt_innehall(forbund: Forbund, chef: Any) -> None:
    _styrelse(forbund)
    d = dokument_bestall(
        forbund=forbund, aktor=chef, typ="organisationsblad", titel="Organisationsblad 2019", nyckel="organisationsblad:2019", parametrar={"ar": 2019}
    )
    d.refresh_from_db()
    assert d.status == Dokument.Status.KLAR, d.fel
    pdf = d.fil.read()
    assert d.sha256 == hashlib.sha256(pdf).hexdigest() and d.storlek == len(pdf) and d.sidor >= 1 and d.pdfa
    katalog = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    xmp = katalog["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and "/OutputIntents" in katalog  # PDF/A identification and colour profile
    text = _text(pdf)
    assert "Organisation 2019" in text and "Samordningsförbundet Skellefteå-Norsjö" in text
    assert "Bertil Almgren (s)" in text and "Ordförande" in text and "2019-01-01" in text
    assert "Anna From-Lindqvist (c)" in text and "Catarina Forsberg" in text
    assert "Hans Bergman" not in text  # his period ended before 2019
    assert "Britt Inger Stoltz" in text and "Informatör/administratör" in text
    assert "Sida 1 av" in text
    assert Handelse.objects.filter(handling="dokument_bestall", objekt_id=str(d.pk)).count() == 1


def test_omkorning_ersatter_utkastet_utan_dubblett(forbund: Forbund, chef: Any) -> None:
    kw = {
        "forbund": forbund,
        "aktor": chef,
        "typ": "organisationsblad",
        "titel": "Org",
        "nyckel": "organisationsblad:2020",
        "parametrar": {"ar": 2020},
    }
    d1 = dokument_bestall(**kw)
    d1.refresh_from_db()
    forsta = d1.fil.name
    Person.objects.create(forbund=forbund, namn="Ny Administratör", befattning="Administratör", ar_personal=True)
    d2 = dokument_bestall(**kw)
    d2.refresh_from_db()
    assert d2.pk == d1.pk and Dokument.objects.filter(forbund=forbund).count() == 1
    assert "Ny Administratör" in _text(d2.fil.read())
    assert d2.forsok == 2 and d2.fil.name == forsta and d2.fil.storage.exists(forsta)


def test_last_dokument_skapas_aldrig_om(forbund: Forbund, chef: Any) -> None:
    d = dokument_bestall(forbund=forbund, aktor=chef, typ="organisationsblad", titel="Org", nyckel="organisationsblad:2019", parametrar={"ar": 2019})
    d.refresh_from_db()
    dokument_las(dokument=d, aktor=chef)
    summa = d.sha256
    with pytest.raises(Vagrad, match="låst"):  # a refusal on a locked record: the door audits it
        dokument_bestall(forbund=forbund, aktor=chef, typ="organisationsblad", titel="Org", nyckel="organisationsblad:2019", parametrar={"ar": 2019})
    d.refresh_from_db()
    assert d.sha256 == summa == hashlib.sha256(d.fil.read()).hexdigest()


def test_misslyckad_rendering_ger_lasbar_orsak(forbund: Forbund, chef: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def bygg(dokument: Dokument, progress: Any) -> bytes:
        raise ValidationError("Räkenskaperna för 2019 saknas.")

    # registered for this test only: the registry is process-wide and other tests list every type
    monkeypatch.setitem(DOKUMENTTYPER, "test_fel", Dokumenttyp(typ="test_fel", namn="Test", bygg=bygg, behorighet="dokument.visa"))
    d = dokument_bestall(forbund=forbund, aktor=chef, typ="test_fel", titel="Test", nyckel="test:1")
    d.refresh_from_db()
    assert d.status == Dokument.Status.MISSLYCKAD
    assert d.fel == "Räkenskaperna för 2019 saknas."


def test_url_hamtaren_vagrar_filer_och_fjarradresser() -> None:
    f = SafeUrlFetcher()
    for url in (
        "file:///etc/passwd",
        "http://example.com/x.css",
        "https://169.254.169.254/latest",
        f"{BASE_URL}../../etc/passwd",
        f"{BASE_URL}media/../../../etc/passwd",
    ):
        with pytest.raises(UnsafeUrlError):
            f.fetch(url)
    assert f.fetch(f"{BASE_URL}static/finsam/css/print.css").status == 200


def test_pdf_med_otillaten_resurs_renderas_utan_den() -> None:
    pdf = html_to_pdf(
        '<html><body><p>Hej å ä ö</p><img src="file:///etc/passwd"><link rel="stylesheet" href="http://example.com/a.css"></body></html>'
    )
    assert "Hej å ä ö" in _text(pdf)


def test_nedladdning_kontrolleras_mot_roll_och_forbund(forbund: Forbund, annat_forbund: Forbund, chef: Any, klient: Any) -> None:
    d = dokument_bestall(forbund=forbund, aktor=chef, typ="organisationsblad", titel="Org", nyckel="organisationsblad:2019", parametrar={"ar": 2019})
    r = klient("revisor").get(f"/dokument/{d.pk}/fil/")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert b"".join(r.streaming_content).startswith(b"%PDF")
    assert klient("revisor", annat_forbund).get(f"/dokument/{d.pk}/fil/").status_code == 404
    assert Client().get(f"/dokument/{d.pk}/fil/").status_code == 302


def test_sidan_visar_framsteg_och_lank(forbund: Forbund, chef: Any, chef_klient: Client) -> None:
    r = chef_klient.post("/organisation/organisationsblad/", {"ar": 2019}, follow=True)
    html = r.content.decode()
    assert "<progress" in html and "data-status-url" in html and "Öppna PDF" in html
    d = Dokument.objects.get(forbund=forbund)
    status = chef_klient.get(f"/dokument/{d.pk}/status/").json()
    assert status["status"] == "klar" and status["framsteg"] == 100 and status["url"] == f"/dokument/{d.pk}/fil/"
