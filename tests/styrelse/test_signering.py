"""Signed minutes: re-authentication at justering, PAdES signature validated by pyHanko, one changed byte breaks it."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from typing import Any

import pytest
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import RequestFactory
from django.utils import timezone
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps import DummyTimeStamper, HTTPTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from finsam.documents.render import html_to_pdf
from finsam.models import Dokument, Handelse, RollTyp
from finsam.permissions import Kontext
from styrelse.models import Justering, Signatur
from styrelse.services import justering_bekrafta
from styrelse.signering import LosenordMetod, Signaturrad, signera_pdf
from styrelse.signering.certifikat import TESTLOSENORD, Signeringsnyckel, signeringsnyckel, skapa_test_ca_och_certifikat
from styrelse.signering.pades import utan_handelseloop
from styrelse.signering.tidsstampel import tidsstamplare

from .factories import styrelse
from .ledamot_hjalp import LOSENORD, genomfort_mote, inloggad, koppla

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _validera(pdf: bytes) -> Any:
    """pyHanko's validator against the local test CA (the trust root of the test certificate)."""
    ca = signeringsnyckel().ca_pem
    assert ca is not None
    _, _, der = pem.unarmor(ca)
    vc = ValidationContext(trust_roots=[asn1_x509.Certificate.load(der)])
    sigs = PdfFileReader(BytesIO(pdf), strict=False).embedded_signatures
    assert len(sigs) == 1
    return utan_handelseloop(lambda: validate_pdf_signature(sigs[0], vc))


def _rader() -> list[Signaturrad]:
    tid = timezone.localtime(timezone.make_aware(dt.datetime(2026, 3, 12, 14, 5, 9)))
    return [
        Signaturrad("Bertil Almgren", "Ordförande", tid, LosenordMetod.namn),
        Signaturrad("Monica Widman Lundmark", "Sekreterare", tid + dt.timedelta(minutes=3), LosenordMetod.namn),
        Signaturrad("Mattias Lindh", "Justerare", tid + dt.timedelta(minutes=9), "Underskrift på papper, registrerad i Finsam av chef"),
    ]


def test_signerad_pdf_valideras_och_en_andrad_byte_bryter_signaturen() -> None:
    original = html_to_pdf("<html><body><h1>Protokoll</h1><p>§ 69 Mötets öppnande. Styrelsen beslutar att godkänna.</p></body></html>")
    signerad = signera_pdf(original, _rader(), rubrik="Protokoll 2026-03-12", utfardare="Samordningsförbundet Test")
    assert signerad.startswith(original)  # an incremental update: the archived bytes are kept as rendered
    status = _validera(signerad)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.coverage.name == "ENTIRE_FILE"
    # PAdES B-T: an RFC 3161 time stamp on the signature, from a TSA that chains to the trusted CA.
    ts = status.timestamp_validity
    assert ts is not None and ts.intact and ts.valid and ts.trusted
    assert abs(ts.timestamp - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=2)
    assert ts.signing_cert.subject.human_friendly.startswith("Common Name: Finsam test-TSA")
    sidor = PdfReader(BytesIO(signerad)).pages
    assert len(sidor) == len(PdfReader(BytesIO(original)).pages) + 1
    sista = " ".join(sidor[-1].extract_text().split())
    assert "Elektroniska underskrifter" in sista
    assert "Bertil Almgren Ordförande 2026-03-12 14:05:09 Lösenord (förnyad inloggning)" in sista
    assert "Mattias Lindh Justerare 2026-03-12 14:14:09 Underskrift på papper" in sista
    # One byte changed inside the signed range (in the first content stream of the original): no longer intact.
    start = signerad.index(b"stream", 200) + 20
    andrad = bytearray(signerad)
    andrad[start] = (andrad[start] + 1) % 256
    trasig = _validera(bytes(andrad))
    assert not trasig.intact and not trasig.bottom_line


def test_tidsstampel_fran_konfigurerad_tsa_och_krav_i_produktion(settings: Any, tmp_path: Any) -> None:
    """Production: FINSAM_TSA_URL gives pyHanko's HTTP time stamper; a configured certificate without a TSA is refused."""
    settings.FINSAM_TSA_URL = "https://tsa.example.se/rfc3161"
    nyckel = signeringsnyckel()
    stamplare = tidsstamplare(nyckel)
    assert isinstance(stamplare, HTTPTimeStamper) and stamplare.url == "https://tsa.example.se/rfc3161"
    settings.FINSAM_TSA_URL = ""
    assert isinstance(tidsstamplare(nyckel), DummyTimeStamper)  # the local test TSA, only with the test certificate
    p12, _ = skapa_test_ca_och_certifikat(tmp_path)
    settings.FINSAM_SIGNERING_PKCS12, settings.FINSAM_SIGNERING_LOSENORD = str(p12), TESTLOSENORD
    with pytest.raises(ImproperlyConfigured, match="FINSAM_TSA_URL"):
        signera_pdf(html_to_pdf("<p>x</p>"), _rader())


def test_tidsstampel_fran_okand_tsa_ar_inte_betrodd(tmp_path: Any) -> None:
    """A time stamp whose TSA does not chain to a trusted root is reported as not trusted."""
    skapa_test_ca_och_certifikat(tmp_path)
    nyckel = signeringsnyckel()
    annan = Signeringsnyckel(nyckel.pkcs12, nyckel.losenord, nyckel.ca_pem, (tmp_path / "test-tsa.p12").read_bytes())
    status = _validera(signera_pdf(html_to_pdf("<p>x</p>"), _rader(), nyckel=annan))
    assert status.intact and status.valid and status.trusted  # the signature itself is fine
    assert status.timestamp_validity is not None and status.timestamp_validity.intact and not status.timestamp_validity.trusted


def test_signering_kraver_minst_en_signatur() -> None:
    with pytest.raises(ValueError, match="Minst en signatur"):
        signera_pdf(html_to_pdf("<p>x</p>"), [])


def test_justering_med_losenord_ger_signerat_protokoll(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    just = koppla(anvandare, s["ledamot"]["af"], "just")
    lk = Kontext(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT)
    ck = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    # A wrong password: refused, nothing recorded but the refusal in the audit log.
    with pytest.raises(ValidationError, match="Fel lösenord"):
        justering_bekrafta(
            sammantrade=mote, kontext=lk, aktor=ordf, person=s["ledamot"]["skelleftea"].person, roll="ordforande", autentisering={"losenord": "fel"}
        )
    assert not Justering.objects.filter(sammantrade=mote).exists() and not Signatur.objects.exists()
    assert Handelse.objects.filter(handling="justering_autentisering_nekad").count() == 1
    # Another person's justering cannot be signed.
    with pytest.raises(Exception, match="egen justering"):
        justering_bekrafta(
            sammantrade=mote, kontext=lk, aktor=ordf, person=s["ledamot"]["af"].person, roll="justerare", autentisering={"losenord": LOSENORD}
        )
    justering_bekrafta(
        sammantrade=mote,
        kontext=lk,
        aktor=ordf,
        person=s["ledamot"]["skelleftea"].person,
        roll="ordforande",
        autentisering={"losenord": LOSENORD},
        begaran=RequestFactory().post("/", REMOTE_ADDR="10.0.0.7"),
    )
    justering_bekrafta(
        sammantrade=mote, kontext=lk, aktor=just, person=s["ledamot"]["af"].person, roll="justerare", autentisering={"losenord": LOSENORD}
    )
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["chef"], roll="sekreterare")  # signed on paper
    sig = Signatur.objects.get(sammantrade=mote, roll="ordforande")
    assert (sig.metod, sig.user_id, sig.bevis) == ("losenord", ordf.pk, {"anvandarnamn": "ordf", "ip": "10.0.0.7"})
    mote.refresh_from_db()
    assert mote.justerat is not None
    d = Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}")
    assert d.last and d.status == "klar"
    with d.fil.open("rb") as f:
        pdf = f.read()
    status = _validera(pdf)
    assert status.bottom_line and status.coverage.name == "ENTIRE_FILE"
    sista = " ".join(PdfReader(BytesIO(pdf)).pages[-1].extract_text().split())
    assert "Ledamot skelleftea Ordförande" in sista and "Ledamot af Justerare" in sista
    assert sista.count("Lösenord (förnyad inloggning)") == 2
    assert "Förbundschefen Sekreterare" in sista and "Underskrift på papper, registrerad i Finsam av forbundschef-skelleftea-norsjo" in sista
    h = Handelse.objects.get(handling="protokoll_signera")
    assert [x["namn"] for x in h.detaljer["signaturer"]] == ["Ledamot skelleftea", "Ledamot af", "Förbundschefen"]


def test_justera_sidan_och_api_nekar_fel_losenord_lika(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    """Parity: the page and the API refuse a wrong password with the same Swedish message; nothing saved."""
    mote = genomfort_mote(forbund, chef, s)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    c = inloggad(ordf)
    sida = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": "fel"})
    assert sida.status_code == 400
    assert "Fel lösenord. Justeringen är inte bekräftad." in sida.content.decode()
    assert 'value="fel"' not in sida.content.decode()
    api = c.post(
        "/api/styrelse/justering-signerad/", {"sammantrade": mote.pk, "roll": "ordforande", "losenord": "fel"}, content_type="application/json"
    )
    assert api.status_code == 400
    assert "Fel lösenord. Justeringen är inte bekräftad." in str(api.json())
    assert not Justering.objects.filter(sammantrade=mote).exists() and not Signatur.objects.exists()
    # The right password through the page: confirmed and recorded.
    ok = c.post(f"/styrelse/mina-moten/{mote.pk}/justera/", {"roll": "ordforande", "losenord": LOSENORD})
    assert ok.status_code == 302
    assert Signatur.objects.get().roll == "ordforande" and Justering.objects.get().for_annan is False
