"""Issue 14: every upload is checked by content in one place (finsam.filkontroll), alike on every door.

Crafted bad files: PDFs with JavaScript (document-level, behind /OpenAction, hex-escaped name), automatic
actions (/AA), launch actions and embedded files, an encrypted PDF, Office files that are no real zip or carry
the wrong main part or macros, a zip bomb, images that are not what their extension says.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import zipfile
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from finsam import filkontroll
from finsam.filkontroll import MEDDELANDE_AA, MEDDELANDE_INBADDAD, MEDDELANDE_JS, MEDDELANDE_KRYPTERAD, MEDDELANDE_LAUNCH, MEDDELANDE_MAKRO
from insatser.models import Rapport, Rapportversion
from styrelse.models import Bilaga, Handling
from tests.forvaltning.factories import handlingstyp
from tests.insatser import factories as insf
from tests.styrelse.factories import ArendeFactory, SammantradeFactory

# --- crafted files -----------------------------------------------------------------------------------------


def _pdf(andra: Any = None) -> bytes:
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    if andra is not None:
        andra(w)
    ut = io.BytesIO()
    w.write(ut)
    return ut.getvalue()


def _js(w: PdfWriter) -> None:
    """Document-level JavaScript in the /Names tree (what add_js wrote before pypdf 7)."""
    atgard = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hej');")})
    namn = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("skript"), w._add_object(atgard)])})
    w._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): w._add_object(namn)})


def _openaction_js(w: PdfWriter) -> None:
    w._root_object[NameObject("/OpenAction")] = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )


def _aa(w: PdfWriter) -> None:
    w.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): DictionaryObject({NameObject("/S"): NameObject("/GoTo")})})


def _launch(w: PdfWriter) -> None:
    atgard = {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
    w._root_object[NameObject("/OpenAction")] = DictionaryObject(atgard)


def _bifogad(w: PdfWriter) -> None:
    w.add_attachment("skript.bat", b"del C:\\*")


def _krypterad(w: PdfWriter) -> None:
    w.encrypt(user_password="hemligt", owner_password="hemligt")


def _goto(w: PdfWriter) -> None:
    w._root_object[NameObject("/OpenAction")] = DictionaryObject({NameObject("/S"): NameObject("/GoTo"), NameObject("/D"): TextStringObject("sida")})


def _handskriven_pdf(objekt: list[bytes]) -> bytes:
    """A PDF written by hand (object i+1 = objekt[i], object 1 the catalog) with a correct xref table."""
    ut = bytearray(b"%PDF-1.4\n")
    lagen = []
    for nr, kropp in enumerate(objekt, start=1):
        lagen.append(len(ut))
        ut += b"%d 0 obj\n" % nr + kropp + b"\nendobj\n"
    xref = len(ut)
    ut += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objekt) + 1)
    for lage in lagen:
        ut += b"%010d 00000 n \n" % lage
    ut += b"trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (len(objekt) + 1, xref)
    return bytes(ut)


# Action names hex-escaped (/J#61vaScript = /JavaScript, /J#53 = /JS): a reader still runs the script.
HEX_PDF = _handskriven_pdf(
    [
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        b"<< /S /J#61vaScript /J#53 (app.alert\\(1\\)) >>",
    ]
)

OOXML_TYPER = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/{del_}" ContentType="{typ}"/></Types>'
)


def _zip(poster: dict[str, bytes]) -> bytes:
    ut = io.BytesIO()
    with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as z:
        for namn, data in poster.items():
            z.writestr(namn, data)
    return ut.getvalue()


def _docx(typ: str = filkontroll.OOXML[".docx"], extra: dict[str, bytes] | None = None) -> bytes:
    typer = OOXML_TYPER.format(del_="word/document.xml", typ=typ).encode()
    return _zip({"[Content_Types].xml": typer, "word/document.xml": b"<w/>", **(extra or {})})


def _xlsx() -> bytes:
    return _zip(
        {"[Content_Types].xml": OOXML_TYPER.format(del_="xl/workbook.xml", typ=filkontroll.OOXML[".xlsx"]).encode(), "xl/workbook.xml": b"<x/>"}
    )


def _bild(format_: str) -> bytes:
    ut = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(ut, format=format_)
    return ut.getvalue()


def _fil(namn: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(namn, data)


def _vagras(namn: str, data: bytes, meddelande: str, **kw: Any) -> None:
    with pytest.raises(ValidationError) as e:
        filkontroll.kontrollera_fil(_fil(namn, data), **kw)
    assert e.value.messages == [meddelande]


FALL = [
    ("js.pdf", lambda: _pdf(_js), MEDDELANDE_JS),
    ("openaction.pdf", lambda: _pdf(_openaction_js), MEDDELANDE_JS),
    ("hex.pdf", lambda: HEX_PDF, MEDDELANDE_JS),
    ("aa.pdf", lambda: _pdf(_aa), MEDDELANDE_AA),
    ("launch.pdf", lambda: _pdf(_launch), MEDDELANDE_LAUNCH),
    ("bifogad.pdf", lambda: _pdf(_bifogad), MEDDELANDE_INBADDAD),
    ("krypterad.pdf", lambda: _pdf(_krypterad), MEDDELANDE_KRYPTERAD),
    ("trasig.pdf", lambda: b"%PDF-1.7\n" + b"\x00" * 50, "Filen är inte en läsbar PDF."),
    ("program.pdf", lambda: b"MZ\x90\x00 inte en pdf", "Filens innehåll stämmer inte med filtypen .pdf."),
    ("text.docx", lambda: b"Hej, detta ar text", "Filens innehåll stämmer inte med filtypen .docx."),
    ("ingen-ooxml.docx", lambda: _zip({"a.txt": b"hej"}), "Filens innehåll stämmer inte med filtypen .docx."),
    ("kalkyl.docx", _xlsx, "Filens innehåll stämmer inte med filtypen .docx."),
    ("dokument.xlsx", _docx, "Filens innehåll stämmer inte med filtypen .xlsx."),
    ("avkortad.xlsx", lambda: _xlsx()[:40], "Filens innehåll stämmer inte med filtypen .xlsx."),
    ("makro.docx", lambda: _docx(extra={"word/vbaProject.bin": b"\x00"}), MEDDELANDE_MAKRO),
    ("makro2.docx", lambda: _docx(typ="application/vnd.ms-word.document.macroEnabled.main+xml"), MEDDELANDE_MAKRO),
    ("bild.png", lambda: _bild("JPEG"), "Filens innehåll stämmer inte med filtypen .png."),
    ("falsk.png", lambda: filkontroll.PNG + b"\x00" * 40, "Filens innehåll stämmer inte med filtypen .png."),
    ("bild.jpg", lambda: _pdf(), "Filens innehåll stämmer inte med filtypen .jpg."),
    ("text.odt", lambda: _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}), "Filens innehåll stämmer inte med filtypen .odt."),
]


@pytest.mark.parametrize(("namn", "data", "meddelande"), FALL, ids=[f[0] for f in FALL])
def test_farliga_och_falska_filer_vagras(namn: str, data: Any, meddelande: str) -> None:
    _vagras(namn, data(), meddelande)


def test_riktiga_filer_tas_emot_och_lamnas_vid_borjan() -> None:
    for namn, data in [
        ("protokoll.pdf", _pdf()),
        ("sida.pdf", _pdf(_goto)),  # an /OpenAction that only opens a page is harmless
        ("brev.docx", _docx()),
        ("kalkyl.xlsx", _xlsx()),
        ("text.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})),
        ("bild.png", _bild("PNG")),
        ("foto.jpeg", _bild("JPEG")),
    ]:
        fil = _fil(namn, data)
        assert filkontroll.kontrollera_fil(fil) == "." + namn.rsplit(".", 1)[1]
        assert fil.tell() == 0
    gammal = filkontroll.OLE + b"\x00" * 100
    _vagras("gammal.doc", gammal, f"Filtypen är inte tillåten. Tillåtna: {filkontroll.TILLATNA_TEXT}.")
    assert filkontroll.kontrollera_fil(_fil("gammal.doc", gammal), tillatna=filkontroll.MED_ALDRE_OFFICE) == ".doc"


def test_zipbomb_vagras_innan_den_packas_upp(settings: Any) -> None:
    settings.FINSAM_MAX_UPLOAD_UTPACKAT_BYTES = 1_000_000
    bomb = _docx(extra={"word/media/noll.bin": b"\x00" * 2_000_000})
    assert len(bomb) < 20_000
    _vagras("bomb.docx", bomb, filkontroll.MEDDELANDE_ZIPBOMB)
    settings.FINSAM_MAX_UPLOAD_ZIP_POSTER = 5
    _vagras("manga.docx", _docx(extra={f"word/{i}.xml": b"<x/>" for i in range(10)}), filkontroll.MEDDELANDE_ZIPBOMB)


# --- every door refuses alike ------------------------------------------------------------------------------


def _text(svar: Any) -> str:
    return html.unescape(svar.content.decode())


@pytest.mark.django_db
def test_styrelsens_bilaga_vagrar_pdf_med_javascript(forbund: Any, chef_klient: Client) -> None:
    mote = SammantradeFactory(forbund=forbund)
    a = ArendeFactory(sammantrade=mote)
    for namn, data, meddelande in [("js.pdf", _pdf(_js), MEDDELANDE_JS), ("bifogad.pdf", _pdf(_bifogad), MEDDELANDE_INBADDAD)]:
        svar = chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/bilagor/", {"fil": _fil(namn, data)})
        assert svar.status_code == 400 and meddelande in _text(svar)
    assert not Bilaga.objects.exists()
    chef_klient.post(f"/styrelse/moten/{mote.pk}/arenden/{a.pk}/bilagor/", {"fil": _fil("ren.pdf", _pdf())})
    assert Bilaga.objects.count() == 1


@pytest.mark.django_db
def test_diariet_kontrollerar_innehallet_inte_bara_andelsen(forbund: Any, chef_klient: Client) -> None:
    typ = handlingstyp(forbund, "Avtal", "gallras", 10)
    data = {"riktning": "inkommande", "datum": dt.date(2024, 3, 1).isoformat(), "rubrik": "Avtal", "handlingstyp": typ.pk}
    for namn, innehall, meddelande in [
        ("avtal.pdf", b"MZ\x90\x00 ett program", "Filens innehåll stämmer inte med filtypen .pdf."),
        ("avtal.docx", b"<html>inte word</html>", "Filens innehåll stämmer inte med filtypen .docx."),
        ("avtal.pdf", _pdf(_openaction_js), MEDDELANDE_JS),
        ("avtal.pdf", _pdf(_launch), MEDDELANDE_LAUNCH),
        ("bild.png", _bild("JPEG"), "Filens innehåll stämmer inte med filtypen .png."),
    ]:
        svar = chef_klient.post("/styrelse/diarium/", {**data, "fil": _fil(namn, innehall)})
        assert svar.status_code == 400, (namn, svar.status_code)
        assert meddelande in _text(svar)
    assert not Handling.objects.exists()
    svar = chef_klient.post("/styrelse/diarium/", {**data, "fil": _fil("avtal.docx", _docx())})
    assert svar.status_code == 302 and Handling.objects.count() == 1


@pytest.mark.django_db
def test_insatsrapport_vagrar_lika_pa_sida_och_api(forbund: Any, chef_klient: Client) -> None:
    insats = insf.insats(forbund, "MISAM")
    rapport = Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2020, forfallodatum=dt.date(2021, 1, 31))
    for namn, data, meddelande in [("r.pdf", _pdf(_js), MEDDELANDE_JS), ("r.xlsx", _docx(), "Filens innehåll stämmer inte med filtypen .xlsx.")]:
        sida = chef_klient.post(f"/insatser/rapporter/{rapport.pk}/", {"fil": _fil(namn, data)})
        assert sida.status_code == 400 and meddelande in _text(sida)
        api = chef_klient.post(f"/api/insatser/rapporter/{rapport.pk}/version/", {"fil": _fil(namn, data)})
        assert api.status_code == 400
        assert [f["meddelande"] for f in api.json()["fel"]] == [meddelande]
    assert not Rapportversion.objects.exists()
