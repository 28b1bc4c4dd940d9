"""Issue 18: the needs analysis — import of a 004f-style table (good, broken, re-import), shares and participants per
1 000 full-year equivalents against hand-computed figures, the page (queries, masking), the PDF and the adoption by a §."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal as Dec
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from finsam.audit import Vagrad
from finsam.models import Dokument, Forbund, Handelse, Medlem, RollTyp
from finsam.permissions import Kontext
from tests.api_fel import api_fel
from tests.insatser.factories import paragraf
from tests.uppfoljning import factories as f
from uppfoljning.models import Behovsanalys, Statistikvarde
from uppfoljning.pdf import behovsanalys_pdf
from uppfoljning.selectors.behovsanalys import behovsanalys, behovsanalys_data, per_tusen
from uppfoljning.services import behovsanalys as services
from uppfoljning.services.statistikimport import statistik_importera

D = dt.date
HUVUD = "region;ersättning;kön;ålder;2017;2018"
# Norsjö 2018: 40 + 100 + 30 + 50 + 60 + 20 = 300 full-year equivalents of 2 000 people aged 20–64 = 15,0 %.
TABELL = "\n".join(
    [
        HUVUD,
        "2417 Norsjö;Sjukpenning;totalt;20-64 år;38,0;40",
        "2417 Norsjö;Sjuk- och aktivitetsersättning;totalt;20-64 år;105;100",
        "2417 Norsjö;Arbetslöshetsersättning;totalt;20-64 år;..;30",
        "2417 Norsjö;Arbetsmarknadsåtgärder;totalt;20-64 år;45;50",
        "2417 Norsjö;Ekonomiskt bistånd;totalt;20-64 år;55;60",
        "2417 Norsjö;Etableringsersättning;totalt;20-64 år;12;20",
        "2417 Norsjö;Folkmängd;totalt;20-64 år;2 020;2000",
        "2417 Norsjö;Ekonomiskt bistånd;kvinnor;20-64 år;;24",
        "2417 Norsjö;Ekonomiskt bistånd;män;20-64 år;;36",
        "2417 Norsjö;Folkmängd;kvinnor;20-64 år;;960",
        "2417 Norsjö;Folkmängd;män;20-64 år;;1040",
        # Skellefteå gives sick pay by sex only: the total is their sum (500 + 300), 800 + 1 200 = 2 000 of 40 000 = 5,0 %.
        "2482 Skellefteå;Sjukpenning;kvinnor;20-64 år;;500",
        "2482 Skellefteå;Sjukpenning;män;20-64 år;;300",
        "2482 Skellefteå;Sjuk- och aktivitetsersättning;totalt;20-64 år;;1200",
        "2482 Skellefteå;Folkmängd;totalt;20-64 år;;40000",
        "2418 Malå;Ekonomiskt bistånd;totalt;20-64 år;;90",
        "2418 Malå;Folkmängd;totalt;20-64 år;;1 500",
        "24 Västerbottens län;Ekonomiskt bistånd;totalt;20-64 år;;4 500",
        "24 Västerbottens län;Folkmängd;totalt;20-64 år;;150 000",
        "00 Riket;Ekonomiskt bistånd;totalt;20-64 år;;100000",
        "00 Riket;Folkmängd;totalt;20-64 år;;5000000",
    ]
)


def _importera(forbund: Forbund, text: str = TABELL, *, torrkorning: bool = False) -> Any:
    return statistik_importera(forbund=forbund, aktor="test", data=text.encode("utf-8"), filnamn="he.csv", torrkorning=torrkorning)


def test_import_av_004f_tabell_och_aterimport_ar_idempotent(forbund: Forbund) -> None:
    r = _importera(forbund)
    assert (r.rader, r.varden, r.nya, r.andrade, r.oforandrade, r.ar) == (21, 27, 27, 0, 0, [2017, 2018])
    v = Statistikvarde.objects.get(forbund=forbund, regionkod="2417", ar=2018, matt="folkmangd", kon="totalt")
    assert (v.varde, v.region, v.niva, v.kommun.namn) == (Dec("2000.00"), "Norsjö", "kommun", "Norsjö kommun")  # type: ignore[union-attr]
    assert not Statistikvarde.objects.filter(forbund=forbund, regionkod="2417", ar=2017, matt="arbetsloshet").exists()  # ".." is missing
    assert Statistikvarde.objects.get(forbund=forbund, regionkod="2418", ar=2018, matt="folkmangd").kommun is None  # Malå is no member
    assert Statistikvarde.objects.get(forbund=forbund, regionkod="00", ar=2018, matt="folkmangd").niva == "riket"
    fore = list(Statistikvarde.objects.order_by("pk").values())
    igen = _importera(forbund)
    assert (igen.nya, igen.andrade, igen.oforandrade) == (0, 0, 27)
    assert list(Statistikvarde.objects.order_by("pk").values()) == fore
    andrad = _importera(
        forbund, TABELL.replace("2417 Norsjö;Sjukpenning;totalt;20-64 år;38,0;40", "2417 Norsjö;Sjukpenning;totalt;20-64 år;38,0;41,5")
    )
    assert (andrad.nya, andrad.andrade) == (0, 1)
    assert Handelse.objects.filter(handling="statistik_importera").count() == 2


def test_trasig_fil_vagras_med_radfel_och_sparar_inget(forbund: Forbund) -> None:
    text = "\n".join(
        [
            HUVUD,
            "2417 Norsjö;Sjukpenning;totalt;20-64 år;38;40",
            "Norsjö;Sjukpenning;totalt;20-64 år;38;40",
            "2417 Norsjö;Barnbidrag;totalt;20-64 år;1;2",
            "2417 Norsjö;Sjukpenning;alla;20-64 år;1;2",
            "2417 Norsjö;Ekonomiskt bistånd;totalt;16-64 år;1;2",
            "2417 Norsjö;Etableringsersättning;totalt;20-64 år;tolv;-3",
            "2417 Norsjö;Sjukpenning;totalt;20-64 år;1;2",
        ]
    )
    with pytest.raises(ValidationError) as exc:
        _importera(forbund, text)
    assert exc.value.messages == [
        "Rad 3, kolumn region: ”Norsjö” saknar regionkod; skriv koden före namnet som i SCB:s tabeller, "
        "t.ex. ”2417 Norsjö” eller ”24 Västerbottens län”.",
        "Rad 4, kolumn ersattning: ”Barnbidrag” är ingen känd ersättning; tillåtna: sjukpenning, "
        "sjuk- och aktivitetsersättning, "
        "arbetslöshetsersättning, arbetsmarknadsåtgärder (aktivitetsstöd), ekonomiskt bistånd, etableringsersättning, folkmängd.",
        "Rad 5, kolumn kon: ”alla” är ingen känd kön; tillåtna: totalt, kvinnor, män.",
        "Rad 6, kolumn alder: ”16-64 år” är ingen känd åldersgrupp; tillåtna: 20–64 år, 20–29 år.",
        "Rad 7, kolumn 2017: ”tolv” är inget tal; skriv t.ex. 41,2 (eller .. för uppgift saknas).",
        "Rad 7, kolumn 2018: ”-3” ligger utanför 0–10\u00a0000\u00a0000.",
        "Rad 8: samma region, ersättning, kön och ålder som rad 2.",
    ]
    assert not Statistikvarde.objects.exists()
    with pytest.raises(ValidationError) as rubrik:
        _importera(forbund, "region;kön;ålder;år\n2417 Norsjö;totalt;20-64;2018\n")
    assert "Rad 1: kolumner saknas: ersattning." in rubrik.value.messages
    assert "Rad 1: inga årskolumner (t.ex. 2014, 2015 …) hittades." in rubrik.value.messages


def test_xlsx_och_windows_1252_lases(forbund: Forbund) -> None:
    bok = openpyxl.Workbook()
    blad = bok.active
    for rad in TABELL.split("\n")[:3]:
        blad.append(rad.split(";"))  # type: ignore[union-attr]
    ut = io.BytesIO()
    bok.save(ut)
    r = statistik_importera(forbund=forbund, aktor="test", data=ut.getvalue(), filnamn="he.xlsx")
    assert (r.varden, r.kodning) == (4, "XLSX")
    cp = statistik_importera(forbund=forbund, aktor="test", data=TABELL.encode("cp1252"), filnamn="he.csv", torrkorning=True)
    assert cp.kodning == "Windows-1252" and cp.varden == 27
    assert Statistikvarde.objects.count() == 4  # the dry run saved nothing


def test_andelar_och_deltagare_per_tusen_mot_handrakning(forbund: Forbund) -> None:
    _importera(forbund)
    norsjo = Medlem.objects.get(forbund=forbund, namn="Norsjö kommun")
    skelleftea = Medlem.objects.get(forbund=forbund, namn="Skellefteå kommun")
    amt = f.insats(forbund, "AMT")
    for kod in ("N1", "N2", "N3"):
        f.inskrivning(forbund, amt, kod, inskriven=D(2018, 3, 1), hemkommun=norsjo)
    f.inskrivning(forbund, amt, "N1", inskriven=D(2017, 3, 1), avslutad=D(2017, 9, 1), forsorjning_ut="arbete", hemkommun=norsjo)
    f.inskrivning(forbund, amt, "N9", inskriven=D(2019, 3, 1), hemkommun=norsjo)  # not in 2018
    for i in range(7):
        f.inskrivning(forbund, amt, f"S{i}", inskriven=D(2018, 5, 1), hemkommun=skelleftea)
    data = behovsanalys_data(forbund, 2018, omaskerat=True)
    rader = {r["namn"]: r for r in data["kommuner"]}
    assert list(rader) == ["Norsjö", "Skellefteå"]
    n, s = rader["Norsjö"], rader["Skellefteå"]
    assert (n["he"], n["andel"], n["deltagare"], n["per_1000"]) == (Dec("300.0"), Dec("15.0"), 3, Dec("10.0"))  # 3 × 1 000 / 300
    assert (s["he"], s["andel"], s["deltagare"], s["per_1000"]) == (Dec("2000.0"), Dec("5.0"), 7, Dec("3.5"))  # 7 × 1 000 / 2 000
    assert (n["andel_kvinnor"], n["andel_man"]) == (Dec("2.5"), Dec("3.5"))  # 24 / 960, 36 / 1 040 (ekonomiskt bistånd only)
    assert n["trend"] == [None, None, None, Dec("12.6"), Dec("15.0")]  # 2017: (38 + 105 + 45 + 55 + 12) / 2 020 = 12,62 %
    assert [r["namn"] for r in data["jamforelse"]] == ["Västerbottens län", "Riket"]
    assert [r["andel"] for r in data["jamforelse"]] == [Dec("3.0"), Dec("2.0")]
    assert [(r["namn"], r["medlem"]) for r in data["lanets_kommuner"]] == [("Norsjö", True), ("Malå", False), ("Skellefteå", True)]
    assert data["forbundet"]["he"] == Dec("2300.0") and data["forbundet"]["per_1000"] == Dec("4.3")  # 10 × 1 000 / 2 300
    assert per_tusen(0, None) is None


def test_sidan_maskerar_for_ledamot_och_har_fast_antal_fragor(
    forbund: Forbund, klient: Callable[..., Client], django_assert_max_num_queries: Any
) -> None:
    _importera(forbund)
    norsjo = Medlem.objects.get(forbund=forbund, namn="Norsjö kommun")
    amt = f.insats(forbund, "AMT")
    f.inskrivning(forbund, amt, "N1", inskriven=D(2018, 3, 1), hemkommun=norsjo)
    chef = klient(RollTyp.FORBUNDSCHEF)
    with django_assert_max_num_queries(14):
        svar = chef.get("/uppfoljning/behovsanalys/?ar=2018")
    text = svar.content.decode()
    assert svar.status_code == 200 and "Behovsanalys 2018" in text and "<svg" in text and "15,0 %" in text
    for i in range(30):
        f.inskrivning(forbund, amt, f"M{i}", inskriven=D(2018, 4, 1), hemkommun=norsjo)
    with django_assert_max_num_queries(14):
        chef.get("/uppfoljning/behovsanalys/?ar=2018")
    data = behovsanalys(Kontext(forbund, RollTyp.STYRELSELEDAMOT), 2018)
    assert {r["namn"]: r["deltagare"] for r in data["kommuner"]} == {"Norsjö": 31, "Skellefteå": 0}
    f.inskrivning(forbund, amt, "S1", inskriven=D(2018, 4, 1), hemkommun=Medlem.objects.get(forbund=forbund, namn="Skellefteå kommun"))
    data = behovsanalys(Kontext(forbund, RollTyp.STYRELSELEDAMOT), 2018)
    skelleftea = next(r for r in data["kommuner"] if r["namn"] == "Skellefteå")
    assert (skelleftea["deltagare"], skelleftea["per_1000"]) == ("<3", None)
    led = klient(RollTyp.STYRELSELEDAMOT).get("/uppfoljning/behovsanalys/?ar=2018").content.decode()
    assert "&lt;3" in led and "Importera statistik" not in led


def test_pdf_innehaller_tabeller_och_analys(forbund: Forbund) -> None:
    _importera(forbund)
    services.behovsanalys_spara(forbund=forbund, aktor="test", ar=2018, analys="Försörjningsstödet ökar i Norsjö.")
    pdf = behovsanalys_pdf(behovsanalys_data(forbund, 2018, omaskerat=False), forbund)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    for bit in ("Behovsanalys 2018", "Norsjö", "15,0 %", "Västerbottens län", "Försörjningsstödet ökar i Norsjö."):
        assert bit in text, bit


def test_faststall_genom_paragraf_lasar_pdf_och_analys(forbund: Forbund) -> None:
    _importera(forbund)
    analys = services.behovsanalys_bestall(forbund=forbund, aktor="test", ar=2018)
    dokument = analys.dokument
    assert dokument is not None
    dokument.refresh_from_db()
    assert dokument.status == Dokument.Status.KLAR  # rendered inline in tests
    framtida = paragraf(forbund, ar=2099, nummer=1, rubrik="Behovsanalys", datum=D(2099, 2, 1))
    with pytest.raises(ValidationError, match="inte har hållits"):
        services.behovsanalys_faststall(forbund=forbund, aktor="test", ar=2018, paragraf=framtida)
    with pytest.raises(ValidationError, match="Välj styrelsens beslutsparagraf"):
        services.behovsanalys_faststall(forbund=forbund, aktor="test", ar=2018, paragraf=None)
    annat = paragraf(forbund, ar=2019, nummer=6, rubrik="Delårsrapport", datum=D(2019, 3, 1))
    with pytest.raises(ValidationError, match="handlar inte om behovsanalysen"):
        services.behovsanalys_faststall(forbund=forbund, aktor="test", ar=2018, paragraf=annat)
    p = paragraf(forbund, ar=2019, nummer=7, rubrik="Behovsanalys 2018", datum=D(2019, 3, 1))
    ok = services.behovsanalys_faststall(forbund=forbund, aktor="test", ar=2018, paragraf=p)
    dokument.refresh_from_db()
    assert ok.beslut == p and ok.faststalld is not None and dokument.last and ok.sha256 == dokument.sha256
    with pytest.raises(Vagrad, match="är fastställd"):  # refusals on a locked record: the door audits them
        services.behovsanalys_spara(forbund=forbund, aktor="test", ar=2018, analys="Ändrad")
    with pytest.raises(Vagrad, match="fastställd"):
        services.behovsanalys_bestall(forbund=forbund, aktor="test", ar=2018)
    with pytest.raises(Vagrad, match="redan fastställd"):
        services.behovsanalys_faststall(forbund=forbund, aktor="test", ar=2018, paragraf=p)
    assert Behovsanalys.objects.get(forbund=forbund, ar=2018).analys == ""
    assert Handelse.objects.filter(handling="behovsanalys_faststall").count() == 1


def test_handregistrering_sparar_ersatter_och_tar_bort(forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    data = {"regionkod": "2417", "region": "Norsjö", "ar": "2018", "matt": "sjukpenning", "kon": "totalt", "alder": "20-64", "varde": "40,5"}
    assert c.post("/uppfoljning/behovsanalys/varde/", data).status_code == 302
    v = Statistikvarde.objects.get()
    assert (v.varde, v.kommun.namn) == (Dec("40.50"), "Norsjö kommun")  # type: ignore[union-attr]
    c.post("/uppfoljning/behovsanalys/varde/", {**data, "varde": "41"})
    assert Statistikvarde.objects.get().varde == Dec("41.00")
    fel = c.post("/uppfoljning/behovsanalys/varde/", {**data, "regionkod": "241"})
    assert fel.status_code == 400 and "Regionkoden ska vara SCB:s kod" in fel.content.decode()
    c.post("/uppfoljning/behovsanalys/varde/", {**data, "varde": ""})
    assert not Statistikvarde.objects.exists()


def test_importsidan_visar_radfel(forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    fil = SimpleUploadedFile("he.csv", (HUVUD + "\nNorsjö;Sjukpenning;totalt;20-64 år;1;2\n").encode())
    svar = c.post("/uppfoljning/behovsanalys/import/", {"fil": fil})
    assert svar.status_code == 400 and "Rad 2, kolumn region" in svar.content.decode()
    fil = SimpleUploadedFile("he.csv", TABELL.encode())
    svar = c.post("/uppfoljning/behovsanalys/import/", {"fil": fil}, follow=True)
    assert "27 nya" in svar.content.decode() and Statistikvarde.objects.count() == 27


def test_handregistrering_vagras_lika_pa_sida_och_i_api(forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    data = {"regionkod": "241", "region": "Norsjö", "ar": 2018, "matt": "sjukpenning", "kon": "totalt", "alder": "20-64", "varde": "40.5"}
    meddelande = "Regionkoden ska vara SCB:s kod: 00 för riket, två siffror för ett län eller fyra siffror för en kommun."
    sida = c.post("/uppfoljning/behovsanalys/varde/", data)
    assert sida.status_code == 400 and sida.context["form"].errors["regionkod"] == [meddelande]
    api = c.post("/api/uppfoljning/statistik/", data, content_type="application/json")
    assert api.status_code == 400 and api_fel(api) == {"regionkod": [meddelande]}
    assert not Statistikvarde.objects.exists() and not Handelse.objects.filter(handling="statistikvarde_spara").exists()
    ok = c.post("/api/uppfoljning/statistik/", {**data, "regionkod": "2417"}, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["varde"] == "40.50" and ok.json()["niva"] == "kommun"


def test_api_import_och_aggregat(forbund: Forbund, klient: Callable[..., Client]) -> None:
    admin = klient(RollTyp.ADMINISTRATOR)
    svar = admin.post("/api/uppfoljning/statistik/import/", {"fil": SimpleUploadedFile("he.csv", TABELL.encode())})
    assert svar.status_code == 200 and svar.json()["nya"] == 27
    fel = admin.post(
        "/api/uppfoljning/statistik/import/", {"fil": SimpleUploadedFile("he.csv", (HUVUD + "\nNorsjö;Sjukpenning;totalt;20-64;1;2\n").encode())}
    )
    assert fel.status_code == 400 and api_fel(fel)["fel"][0].startswith("Rad 2, kolumn region")
    led = klient(RollTyp.REVISOR).get("/api/uppfoljning/behovsanalys/?ar=2018").json()
    norsjo = next(r for r in led["kommuner"] if r["namn"] == "Norsjö")
    assert (norsjo["andel"], norsjo["he"], norsjo["deltagare"]) == ("15.0", "300.0", 0)
    assert [r["namn"] for r in led["jamforelse"]] == ["Västerbottens län", "Riket"]


def test_personnummer_sparas_aldrig_och_visas_aldrig(forbund: Forbund, klient: Callable[..., Client]) -> None:
    text = HUVUD + "\n2417 19121212-1212;Sjukpenning;totalt;20-64 år;1;2\n191212121212 Norsjö;Sjukpenning;totalt;20-64 år;1;2\n"
    with pytest.raises(ValidationError) as exc:
        _importera(forbund, text)
    assert exc.value.messages == [
        "Rad 2, kolumn region: Texten innehåller något som ser ut som ett personnummer; personnummer får aldrig sparas här.",
        "Rad 3, kolumn region: Texten innehåller något som ser ut som ett personnummer; personnummer får aldrig sparas här.",
    ]
    assert "1212" not in " ".join(exc.value.messages)
    with pytest.raises(ValidationError) as analys:
        services.behovsanalys_spara(forbund=forbund, aktor="test", ar=2018, analys="Deltagaren 121212-1212 har fått arbete.")
    assert analys.value.message_dict == {"analys": ["Texten innehåller något som ser ut som ett personnummer; personnummer får aldrig sparas här."]}
    c = klient(RollTyp.ADMINISTRATOR)
    data = {"regionkod": "2417", "region": "121212-1212", "ar": "2018", "matt": "sjukpenning", "kon": "totalt", "alder": "20-64", "varde": "1"}
    assert c.post("/uppfoljning/behovsanalys/varde/", data).status_code == 400
    assert not Statistikvarde.objects.exists() and not Behovsanalys.objects.exists()


def test_sidan_utan_lan_och_riket_och_utan_statistik(forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Found when measuring: a table with kommuner only (no county, no country) made the page fail."""
    _importera(forbund, "\n".join(TABELL.split("\n")[:8]))
    c = klient(RollTyp.FORBUNDSCHEF)
    svar = c.get("/uppfoljning/behovsanalys/?ar=2018")
    assert svar.status_code == 200 and "Norsjö" in svar.content.decode()
    tom = c.get("/uppfoljning/behovsanalys/?ar=2030")
    assert tom.status_code == 200 and "Det finns ingen statistik för 2030" in tom.content.decode()
