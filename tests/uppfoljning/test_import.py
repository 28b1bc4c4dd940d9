"""The spreadsheet import: dialects, all-or-nothing with Swedish row errors, idempotent re-import, audit."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings

from finsam.models import Forbund, Handelse
from tests.uppfoljning import factories as f
from uppfoljning.models import Deltagare, Inskrivning
from uppfoljning.selectors import utfall
from uppfoljning.services.importera import deltagare_import

RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"


@pytest.fixture
def insatser(forbund: Forbund) -> None:
    f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    f.insats(forbund, "MYSAM", namn="MySam")


def _importera(forbund: Forbund, chef: Any, text: str | bytes, **kw: Any) -> Any:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return deltagare_import(forbund=forbund, aktor=chef, data=data, filnamn=kw.pop("filnamn", "deltagare.csv"), **kw)


def test_semikolon_windows1252_och_svenska_etiketter(insatser: None, forbund: Forbund, chef: Any) -> None:
    text = (
        "\r\n".join(
            [
                "Insats;Deltagare_id;Kön;Födelseår;Remittent;Utbildning;Försörjning_in;Inskriven;Avslutad;Försörjning_ut;Samtycke",
                "AMT;A-001;Kvinna;1995;Arbetsförmedlingen;Gymnasiesärskola;Aktivitetsstöd/utvecklingsersättning;2019-02-01;2019-10-01;Arbete;Ja",
                "amt;A-002;MAN;1988;Kommun;Grundskola;Försörjningsstöd;2019-03-15;;;ja",
                "MYSAM;A-003;Icke binär/annat;1970;Försäkringskassan;Okänd;Sjuk-/rehabpenning;2019-04-01;;;nej",
            ]
        )
        + "\r\n"
    )
    r = _importera(forbund, chef, text.encode("cp1252"))
    assert (r.rader, r.nya, r.uppdaterade, r.oforandrade, r.nya_deltagare) == (3, 3, 0, 0, 3)
    a1 = Inskrivning.objects.get(deltagare__kod="A-001")
    assert (a1.kon, a1.remittent, a1.utbildning, a1.forsorjning_in, a1.forsorjning_ut) == (
        "kvinna",
        "af",
        "gymnasiesarskola",
        "aktivitetsstod",
        "arbete",
    )
    assert (a1.alder, a1.dagar, a1.slutar) == (24, 242, 2019)
    anonym = Inskrivning.objects.get(deltagare__kod="A-003")
    assert (anonym.samtycke, anonym.kon, anonym.startar, anonym.fodelsear, anonym.inskriven, anonym.remittent) == (
        False,
        "annat",
        2019,
        None,
        None,
        "",
    )
    h = Handelse.objects.get(handling="deltagare_importera")
    assert h.detaljer["rader"] == 3 and h.detaljer["nya"] == 3 and len(h.detaljer["sha256"]) == 64
    assert utfall(forbund, 2019)["totalt"]["deltagare"] == {"totalt": 3, "kvinna": 1, "man": 1, "annat": 1}


def test_komma_utf8_med_bom(insatser: None, forbund: Forbund, chef: Any) -> None:
    text = "\ufeff" + RUBRIK.replace(";", ",") + "\nAMT,B1,kvinna,1990,fk,eftergymnasial_kort,a_kassa,2020-01-02,,,ja\n"
    r = _importera(forbund, chef, text)
    assert r.nya == 1
    assert Inskrivning.objects.get(deltagare__kod="B1").utbildning == "eftergymnasial_kort"


def test_xlsx(insatser: None, forbund: Forbund, chef: Any) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(
        [
            "deltagare_id",
            "insats",
            "kon",
            "fodelsear",
            "remittent",
            "utbildning",
            "forsorjning_in",
            "inskriven",
            "avslutad",
            "forsorjning_ut",
            "samtycke",
        ]
    )  # any column order
    ws.append([1001, "AMT", "kvinna", 1990, "af", "gymnasium", "arbete", dt.datetime(2019, 1, 7), dt.datetime(2019, 5, 7), "Studier", "ja"])
    ws.append(["X-2", "MYSAM", "man", "1975", "region", "grundskola", "sjukersattning", "2019-06-01", None, None, "ja"])
    ws.append([None] * 11)  # Excel's trailing empty row
    buf = io.BytesIO()
    wb.save(buf)
    r = _importera(forbund, chef, buf.getvalue(), filnamn="deltagare.xlsx")
    assert (r.rader, r.nya) == (2, 2)
    ins = Inskrivning.objects.get(deltagare__kod="1001")
    assert (ins.inskriven, ins.avslutad, ins.forsorjning_ut, ins.dagar) == (dt.date(2019, 1, 7), dt.date(2019, 5, 7), "studier", 120)


def test_trasig_fil_namnger_rad_kolumn_varde_och_tillatet(insatser: None, forbund: Forbund, chef: Any) -> None:
    f.deltagare(forbund, "FINNS")
    text = "\n".join(
        [
            RUBRIK,
            "AMT;C1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja",
            "AMT;C2;kvinnlig;1990;af;gymnasium;arbete;2019-01-01;;;ja",
            "OKÄND;C3;man;1990;af;gymnasium;arbete;2019-01-01;;;ja",
            "AMT;C4;man;1990;af;gymnasium;arbete;2019-13-01;;;ja",
            "AMT;C5;man;1990;af;gymnasium;arbete;2019-05-01;2019-04-01;arbete;ja",
            "AMT;C6;man;1990;af;gymnasium;arbete;2019-05-01;2019-06-01;;ja",
            "AMT;C7;man;2010;af;gymnasium;arbete;2019-05-01;;;ja",
            "AMT;C8;man;1990;af;gymnasium;arbete;2019-05-01;;;kanske",
        ]
    )
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, text)
    fel = e.value.messages
    assert any(m.startswith("Rad 3, kolumn kon: värdet ”kvinnlig” är inte tillåtet; tillåtna värden: kvinna") for m in fel), fel
    assert any(m.startswith("Rad 4, kolumn insats: insatsen ”OKÄND” finns inte i förbundet; tillåtna kortnamn: AMT, MYSAM") for m in fel), fel
    assert any(m.startswith("Rad 5, kolumn inskriven: värdet ”2019-13-01” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD") for m in fel), fel
    assert any(
        m.startswith("Rad 6, kolumn avslutad (värde ”2019-04-01”): Avslutsdatum 2019-04-01 är före inskrivningsdatum 2019-05-01") for m in fel
    ), fel
    assert any(m.startswith("Rad 7, kolumn forsorjning_ut (värde ””): Ange försörjning vid avslut") for m in fel), fel
    assert any(m.startswith("Rad 8, kolumn fodelsear (värde ”2010”): Deltagaren är 9 år vid start") and "15–67" in m for m in fel), fel
    assert any(m.startswith("Rad 9, kolumn samtycke: värdet ”kanske” är inte tillåtet; tillåtna värden: ja, nej") for m in fel), fel
    assert not any(m.startswith("Rad 2,") for m in fel)
    assert Inskrivning.objects.count() == 0 and list(Deltagare.objects.values_list("kod", flat=True)) == ["FINNS"]
    assert not Handelse.objects.filter(handling="deltagare_importera").exists()


def test_binar_skrap_och_saknade_kolumner(insatser: None, forbund: Forbund, chef: Any) -> None:
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, b"PK\x03\x04 inte en riktig zip", filnamn="x.xlsx")
    assert e.value.messages[0].startswith("Filen är ingen giltig Excel-fil (XLSX)")
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, "insats;deltagare;kon\nAMT;1;man\n")
    assert e.value.messages[0] == "Rad 1: okända kolumner: deltagare."
    assert e.value.messages[1].startswith("Rad 1: kolumner saknas: deltagare_id, fodelsear")
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, RUBRIK + "\n")
    assert e.value.messages == ["Filen innehåller inga datarader."]
    assert Inskrivning.objects.count() == 0


def test_for_stor_fil_avvisas(insatser: None, forbund: Forbund, chef: Any) -> None:
    with override_settings(UPPFOLJNING_IMPORT_MAX_BYTES=100), pytest.raises(ValidationError) as e:
        _importera(forbund, chef, RUBRIK + "\n" + "AMT;D1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n" * 3)
    assert "för stor" in e.value.messages[0]
    assert Inskrivning.objects.count() == 0


def test_ominport_andrar_inget_och_avslut_uppdaterar(insatser: None, forbund: Forbund, chef: Any) -> None:
    forsta = RUBRIK + "\nAMT;E1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\nAMT;E2;man;1980;fk;grundskola;a_kassa;2019-02-01;;;nej\n"
    _importera(forbund, chef, forsta)
    fore = list(Inskrivning.objects.order_by("pk").values())
    r = _importera(forbund, chef, forsta)
    assert (r.nya, r.uppdaterade, r.oforandrade, r.nya_deltagare) == (0, 0, 2, 0)
    assert list(Inskrivning.objects.order_by("pk").values()) == fore
    andra = (
        RUBRIK + "\nAMT;E1;kvinna;1990;af;gymnasium;arbete;2019-01-01;2019-08-01;studier;ja\nAMT;E2;man;1980;fk;grundskola;a_kassa;2019-02-01;;;nej\n"
    )
    r = _importera(forbund, chef, andra)
    assert (r.nya, r.uppdaterade, r.oforandrade) == (0, 1, 1)
    e1 = Inskrivning.objects.get(deltagare__kod="E1")
    assert (e1.avslutad, e1.forsorjning_ut, e1.slutar, e1.dagar) == (dt.date(2019, 8, 1), "studier", 2019, 212)
    assert Inskrivning.objects.count() == 2
    r = _importera(forbund, chef, andra)
    assert (r.nya, r.uppdaterade, r.oforandrade) == (0, 0, 2)
    assert Handelse.objects.filter(handling="deltagare_importera").count() == 4
    # The participant returns later: a new enrolment
    r = _importera(forbund, chef, RUBRIK + "\nAMT;E1;kvinna;1990;kommun;gymnasium;studier;2020-03-01;;;ja\n")
    assert r.nya == 1 and Inskrivning.objects.filter(deltagare__kod="E1").count() == 2


def test_en_oppen_inskrivning_per_deltagare_och_insats(insatser: None, forbund: Forbund, chef: Any) -> None:
    _importera(forbund, chef, RUBRIK + "\nAMT;F1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n")
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, RUBRIK + "\nAMT;F1;kvinna;1990;af;gymnasium;arbete;2019-06-01;;;ja\n")
    assert e.value.messages == [
        "Rad 2, kolumn inskriven (värde ”2019-06-01”): deltagaren har redan en pågående inskrivning i insatsen sedan 2019-01-01; avsluta den först."
    ]
    with pytest.raises(ValidationError) as e:  # twice open in the same file
        _importera(
            forbund, chef, RUBRIK + "\nMYSAM;F2;man;1990;af;gymnasium;arbete;2019-01-01;;;ja\nMYSAM;F2;man;1990;af;gymnasium;arbete;2019-03-01;;;ja\n"
        )
    assert e.value.messages[0].startswith("Rad 3, kolumn inskriven")
    assert Inskrivning.objects.count() == 1 and not Deltagare.objects.filter(kod="F2").exists()


def test_provkorning_sparar_inget(insatser: None, forbund: Forbund, chef: Any) -> None:
    r = _importera(forbund, chef, RUBRIK + "\nAMT;G1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n", torrkorning=True)
    assert (r.torrkorning, r.nya, r.nya_deltagare) == (True, 1, 1)
    assert r.andringar == [{"rad": 2, "typ": "new", "insats": "AMT", "deltagare": "G1", "inskriven": "2019-01-01", "avslutad": ""}]
    assert "Inget har sparats" in r.sammanfattning()
    assert not Inskrivning.objects.exists() and not Deltagare.objects.exists()
    assert not Handelse.objects.filter(handling="deltagare_importera").exists()


def test_strukturinsats_avvisas_i_import(insatser: None, forbund: Forbund, chef: Any) -> None:
    f.insats(forbund, "NAFS", inriktning="struktur")
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, RUBRIK + "\nNAFS;S1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n")
    assert e.value.messages == ["Rad 2, kolumn insats: insatsen ”NAFS” är strukturinriktad; deltagare skrivs bara in i individinriktade insatser."]
    assert not Inskrivning.objects.exists()


def test_annat_forbunds_insats_ar_okand(insatser: None, forbund: Forbund, annat_forbund: Forbund, chef: Any) -> None:
    f.insats(annat_forbund, "ANNAN")
    with pytest.raises(ValidationError) as e:
        _importera(forbund, chef, RUBRIK + "\nANNAN;H1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n")
    assert "insatsen ”ANNAN” finns inte i förbundet" in e.value.messages[0]


def test_kommandot_import_deltagare(insatser: None, forbund: Forbund, tmp_path: Any) -> None:
    fil = tmp_path / "deltagare.csv"
    fil.write_bytes((RUBRIK + "\nAMT;K1;kvinna;1990;af;gymnasium;arbete;2019-01-01;;;ja\n").encode("cp1252"))
    out = StringIO()
    call_command("import_deltagare", str(fil), "--forbund", "skelleftea-norsjo", "--dry-run", stdout=out)
    assert "Provkörning" in out.getvalue() and not Inskrivning.objects.exists()
    call_command("import_deltagare", str(fil), "--forbund", "skelleftea-norsjo", stdout=out)
    assert Inskrivning.objects.count() == 1
    assert Handelse.objects.get(handling="deltagare_importera").aktor_namn == "import_deltagare"
    trasig = tmp_path / "trasig.csv"
    trasig.write_text(RUBRIK + "\nAMT;K2;hen;1990;af;gymnasium;arbete;2019-01-01;;;ja\n")
    with pytest.raises(Exception, match="Rad 2, kolumn kon"):
        call_command("import_deltagare", str(trasig), "--forbund", "skelleftea-norsjo", stdout=out)


def test_stor_fil_importeras_i_bakgrunden(insatser: None, forbund: Forbund, klient: Any, django_capture_on_commit_callbacks: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from uppfoljning.models import Importkorning

    c = klient("administrator")
    text = RUBRIK + "".join(f"\nAMT;BG{i};man;1990;af;gymnasium;arbete;2019-01-01;;;ja" for i in range(30))
    with override_settings(UPPFOLJNING_IMPORT_BAKGRUND_BYTES=500), django_capture_on_commit_callbacks(execute=True):
        svar = c.post("/uppfoljning/import/", {"fil": SimpleUploadedFile("stor.csv", text.encode())})
    k = Importkorning.objects.get()
    assert svar.status_code == 302 and svar["Location"] == f"/uppfoljning/import/{k.pk}/"
    assert (k.status, k.resultat["nya"], bytes(k.data)) == ("klar", 30, b"")
    assert Inskrivning.objects.count() == 30 and Handelse.objects.filter(handling="deltagare_importera").count() == 1
    assert "Importen är klar" in c.get(svar["Location"]).content.decode()
    # A broken large file: rejected with row errors, nothing saved.
    trasig = text.replace("BG7;man", "BG7;hen").replace("AMT;BG", "AMT;XG")
    with override_settings(UPPFOLJNING_IMPORT_BAKGRUND_BYTES=500), django_capture_on_commit_callbacks(execute=True):
        svar = c.post("/api/uppfoljning/import/", {"fil": SimpleUploadedFile("stor.csv", trasig.encode())})
    assert svar.status_code == 202
    status = c.get(svar.json()["status_url"]).json()
    assert status["status"] == "avvisad" and status["fel"][0].startswith("Rad 9, kolumn kon: värdet ”hen”")
    assert Inskrivning.objects.count() == 30
