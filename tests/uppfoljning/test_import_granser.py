"""Issue 14, items 3 and 6: hard limits on the import (bytes, unpacked XLSX, rows, cell length), refused before the work
starts, the same through page, API and command; duplicates refused by row; a clear Swedish message for every broken file;
400 on the web."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any
from unittest import mock

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings

from finsam.models import Forbund, Handelse, RollTyp
from tests.api_fel import api_fel
from tests.uppfoljning import factories as f
from uppfoljning.models import Deltagare, Importkorning, Inskrivning
from uppfoljning.services import deltagare_import, deltagare_import_starta

RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"
RAD = "AMT;{kod};kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja"


@pytest.fixture
def amt(forbund: Forbund) -> Any:
    return f.insats(forbund, "AMT")


def _csv(*koder: str) -> bytes:
    return ("\n".join([RUBRIK, *(RAD.format(kod=k) for k in koder)]) + "\n").encode()


def _fel(forbund: Forbund, data: bytes, filnamn: str = "d.csv") -> list[str]:
    with pytest.raises(ValidationError) as e:
        deltagare_import(forbund=forbund, aktor="test", data=data, filnamn=filnamn)
    assert not Inskrivning.objects.exists() and not Deltagare.objects.exists()
    assert not Handelse.objects.filter(handling="deltagare_import").exists()
    return e.value.messages


def _bomb(uppackat: int) -> bytes:
    """A zip that looks like a workbook and unpacks to `uppackat` bytes (a run of zeros compresses ~1000:1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"0" * uppackat)
    return buf.getvalue()


def test_xlsx_bomb_avvisas_innan_openpyxl_oppnar_den(amt: Any, forbund: Forbund) -> None:
    data = _bomb(60 * 1024 * 1024)  # the finding: a small file that unpacks to 60 MB (default limit 50 MB)
    assert len(data) < 200 * 1024
    with mock.patch("openpyxl.load_workbook", side_effect=AssertionError("openpyxl får inte öppna filen")):
        fel = _fel(forbund, data, "bomb.xlsx")
    assert fel == ["Excel-filen packas upp till 60,0 MB; största tillåtna är 50,0 MB. Dela upp filen eller spara den som CSV."]


def test_for_manga_rader_avvisas(amt: Any, forbund: Forbund) -> None:
    with override_settings(UPPFOLJNING_IMPORT_MAX_RADER=3):
        assert _fel(forbund, _csv("A", "B", "C", "D")) == ["Filen har fler än 3 datarader; dela upp den i flera filer."]
        assert deltagare_import(forbund=forbund, aktor="test", data=_csv("A", "B", "C"), filnamn="d.csv").nya == 3


def test_for_lang_cell_och_megabytecell(amt: Any, forbund: Forbund) -> None:
    assert _fel(forbund, (RUBRIK + "\nAMT;" + "A" * 301 + ";kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n").encode()) == [
        "Rad 2, kolumn deltagare_id: cellen har 301 tecken; högst 300 tecken tillåts per cell."
    ]
    megabyte = (RUBRIK + '\nAMT;"' + "A" * 1_000_000 + '";kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n').encode()
    assert _fel(forbund, megabyte) == ["Rad 2: en cell är längre än 131\u00a0072 tecken; högst 300 tecken tillåts per cell."]


def test_trasiga_filer_far_tydliga_svenska_meddelanden(amt: Any, forbund: Forbund) -> None:
    assert _fel(forbund, b"hej hopp inte en zip", "d.xlsx") == [
        "Filen heter .xlsx men är ingen Excel-fil (innehållet är inte ett zip-arkiv); spara den igen från Excel."
    ]
    assert _fel(forbund, b"PK\x03\x04 trasigt arkiv", "d.xlsx")[0].startswith("Filen är ingen giltig Excel-fil (XLSX)")
    assert _fel(forbund, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "d.xls") == [
        "Det gamla Excel-formatet (.xls) stöds inte; spara kalkylbladet som Excel-arbetsbok (.xlsx) eller CSV."
    ]
    skrap = bytes(range(256)) * 8
    assert _fel(forbund, skrap)[0].startswith("Filen innehåller binära data (nolltecken)")
    brus = "".join(chr(0x100 + (i * 37) % 600) for i in range(100)).encode("utf-8") + b"\n1;2;3\n"
    assert _fel(forbund, brus)[0] == ("Rad 1: första raden är ingen rubrikrad – ingen av kolumnerna känns igen (fel teckenkodning eller fel fil?).")
    styr = (RUBRIK + "\nAMT;A\x07;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n").encode()
    assert _fel(forbund, styr)[0].startswith("Rad 2: filen innehåller styrtecken (U+0007)")
    zipfil = io.BytesIO()
    with zipfile.ZipFile(zipfil, "w") as z:
        z.writestr("annat.txt", "hej")
    assert _fel(forbund, zipfil.getvalue(), "d.xlsx") == [
        "Zip-arkivet är ingen Excel-arbetsbok (xl/workbook.xml saknas); spara kalkylbladet som .xlsx eller CSV."
    ]


def test_utf16_fran_excel_importeras(amt: Any, forbund: Forbund) -> None:
    text = RUBRIK.replace(";", "\t") + "\r\n" + RAD.format(kod="U1").replace(";", "\t") + "\r\n"
    r = deltagare_import(forbund=forbund, aktor="test", data=text.encode("utf-16"), filnamn="unicode.txt")
    assert (r.rader, r.nya) == (1, 1) and Deltagare.objects.get().kod == "U1"


def test_dubbletter_i_samma_fil_avvisas_per_rad(amt: Any, forbund: Forbund) -> None:
    data = _csv("A", "B", "A")
    assert _fel(forbund, data) == [
        "Rad 4: samma inskrivning (insats, deltagare_id, inskriven) som på rad 2; varje inskrivning får bara finnas en gång i filen."
    ]
    anonym = (RUBRIK + "\nAMT;N;man;;;;;2019-02-01;;;nej\nAMT;N;man;;;;;2019-05-01;;;nej\n").encode()
    assert _fel(forbund, anonym)[0].startswith("Rad 3: samma inskrivning")


class _Olasbar(io.BytesIO):
    def read(self, *args: Any) -> bytes:
        raise AssertionError("filen får inte läsas")


def test_storlek_avvisas_innan_filen_lases(amt: Any, forbund: Forbund) -> None:
    with override_settings(UPPFOLJNING_IMPORT_MAX_BYTES=1000), pytest.raises(ValidationError) as e:
        deltagare_import_starta(forbund=forbund, aktor="test", fil=_Olasbar(), storlek=5000, filnamn="d.csv", torrkorning=False)
    assert e.value.messages == ["Filen är för stor (0,0 MB); största tillåtna storlek är 0,0 MB."]
    assert not Importkorning.objects.exists()


def test_samma_grans_och_meddelande_pa_sidan_api_och_kommandot(amt: Any, forbund: Forbund, klient: Callable[..., Client], tmp_path: Any) -> None:
    data = _bomb(2 * 1024 * 1024)
    meddelande = "Excel-filen packas upp till 2,0 MB; största tillåtna är 1,0 MB. Dela upp filen eller spara den som CSV."
    c = klient(RollTyp.ADMINISTRATOR)
    with override_settings(UPPFOLJNING_IMPORT_MAX_UPPACKAT=1024 * 1024):
        sida = c.post("/uppfoljning/import/", {"fil": SimpleUploadedFile("b.xlsx", data)})
        assert sida.status_code == 400 and meddelande in sida.content.decode()
        api = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("b.xlsx", data)})
        assert api.status_code == 400 and api_fel(api) == {"fel": [meddelande]}
        fil = tmp_path / "b.xlsx"
        fil.write_bytes(data)
        with pytest.raises(Exception, match=meddelande.replace(".", r"\.")):
            call_command("import_deltagare", str(fil), "--forbund", forbund.slug, stdout=io.StringIO())
    assert not Importkorning.objects.exists() and not Deltagare.objects.exists()


def test_xlsx_med_datum_och_tal_fungerar_fortfarande(amt: Any, forbund: Forbund) -> None:
    import datetime as dt

    wb = openpyxl.Workbook()
    wb.active.append(RUBRIK.split(";"))
    wb.active.append(["AMT", 1001, "kvinna", 1990, "af", "gymnasium", "arbete", dt.datetime(2019, 1, 7), None, None, "ja"])
    buf = io.BytesIO()
    wb.save(buf)
    r = deltagare_import(forbund=forbund, aktor="test", data=buf.getvalue(), filnamn="d.xlsx")
    assert r.nya == 1 and Inskrivning.objects.get().inskriven == dt.date(2019, 1, 7)


@override_settings(UPPFOLJNING_IMPORT_BAKGRUND_BYTES=1024)
def test_bomb_over_bakgrundsgransen_avvisas_med_400_innan_jobbet_koas(amt: Any, forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Issue 14 audit: a bomb larger than the background threshold was queued (202) and refused only by the job."""
    data = _bomb(60 * 1024 * 1024)
    assert len(data) > 1024
    svar = klient(RollTyp.ADMINISTRATOR).post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("bomb.xlsx", data)})
    assert svar.status_code == 400
    assert api_fel(svar) == {"fel": ["Excel-filen packas upp till 60,0 MB; största tillåtna är 50,0 MB. Dela upp filen eller spara den som CSV."]}
    svar = klient(RollTyp.ADMINISTRATOR).post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("trasig.xlsx", b"inte en zip" * 200)})
    assert svar.status_code == 400 and "ingen Excel-fil" in svar.content.decode()
    assert not Importkorning.objects.exists()
