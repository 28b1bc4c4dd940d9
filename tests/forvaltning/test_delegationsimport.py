"""Import of the delegation order from a spreadsheet: the seed's layout, all or nothing with row errors, a new
draft (adoption still takes a §), and the page, the API and the command through the one service."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from finsam.models import Handelse, Person
from forvaltning.models import Delegationsordning, Delegationsrad, DelegatRoll
from forvaltning.services.delegation_import import delegationsordning_importera
from tests.forvaltning.factories import delegation

pytestmark = pytest.mark.django_db

# The seed's table (004c): a section heading row, the delegate as written in the order, limits in the matter's words.
SEED_CSV = (
    "Ärende;Delegat;Beloppsgräns;Anmäls till styrelsen;Kommentar\n"
    "Avtal;;;;\n"
    "Teckna administrativa avtal;Förbundschef;;Ja;\n"
    "Teckna avtal med auktoriserad revisor;Styrelsen;;;\n"
    "Upphandlingsärenden;;;;\n"
    "Avrop av varor och tjänster inom medlemmarnas ramavtal;Förbundsordf.;högst 2 prisbasbelopp;Ja;Vid större beställningar offertförfrågan\n"
    "Direktupphandling;Förbundschef;100 000 kr;Nej;\n"
)


def _fil(text: str, namn: str = "delegation.csv", kodning: str = "utf-8") -> ContentFile:
    return ContentFile(text.encode(kodning), name=namn)


def _fel(gor: Any) -> str:
    with pytest.raises(ValidationError) as fel:
        gor()
    return " ".join(fel.value.messages)


def test_seedens_tabell_blir_ett_utkast_med_roller_och_granser(forbund: Any) -> None:
    ordning = delegationsordning_importera(forbund=forbund, aktor="test", fil=_fil(SEED_CSV, kodning="cp1252"))
    assert ordning.status == Delegationsordning.Status.UTKAST and ordning.giltig_fran is None
    rader = [
        (r.nummer, r.avsnitt, r.arende[:20], r.delegat_roll, r.grans_typ, r.grans_varde, r.anmals, r.kommentar[:10]) for r in ordning.rader.all()
    ]
    assert rader == [
        (1, "Avtal", "Teckna administrativ", DelegatRoll.FORBUNDSCHEF, "", None, True, ""),
        (2, "Avtal", "Teckna avtal med auk", DelegatRoll.STYRELSEN, "", None, False, ""),
        (3, "Upphandlingsärenden", "Avrop av varor och t", DelegatRoll.ORDFORANDE, "pbb", Decimal("2.00"), True, "Vid större"),
        (4, "Upphandlingsärenden", "Direktupphandling", DelegatRoll.FORBUNDSCHEF, "kronor", Decimal("100000.00"), False, ""),
    ]
    h = Handelse.objects.get(handling="delegationsordning_importera")
    assert h.objekt_id == str(ordning.pk) and h.detaljer == {"fil": "delegation.csv", "rader": 4}


def test_ett_fel_pa_nagon_rad_importerar_ingenting_och_namner_raden(forbund: Any) -> None:
    text = (
        "Ärende;Delegat;Beloppsgräns;Anmäls till styrelsen\n"
        "Avtal;;;\n"
        "Teckna administrativa avtal;Förbundschef;;Ja\n"
        "Avrop;Kassören;högst två pbb;Ja\n"
        "Yttranden;Förbundsordf.;;\n"
    )
    fel = _fel(lambda: delegationsordning_importera(forbund=forbund, aktor="test", fil=_fil(text)))
    assert "Rad 4, delegat: okänd delegat ”Kassören”" in fel
    assert "Rad 4, beloppsgräns: ”högst två pbb” går inte att läsa" in fel
    assert "Rad 5, anmäls till styrelsen: skriv Ja eller Nej" in fel
    assert "Inget importerades." in fel
    assert not Delegationsordning.objects.filter(forbund=forbund).exists()
    assert not Delegationsrad.objects.exists() and not Handelse.objects.filter(handling="delegationsordning_importera").exists()


def test_rubrikrad_utan_kanda_kolumner_och_rad_utan_avsnitt_vagras(forbund: Any) -> None:
    assert "kolumner saknas: delegat" in _fel(lambda: delegationsordning_importera(forbund=forbund, aktor="test", fil=_fil("Ärende;Vem\nX;Y\n")))
    fel = _fel(lambda: delegationsordning_importera(forbund=forbund, aktor="test", fil=_fil("Ärende;Delegat\nTeckna avtal;Styrelsen\n")))
    assert "Rad 2, avsnitt: ange avsnittet" in fel


def test_exporten_kan_lasas_tillbaka_med_person_och_ersattare(forbund: Any, chef_klient: Any) -> None:
    """The page's own XLSX export (Nr, Avsnitt, Ersättare, Villkor, a named person) reads back into an equal draft."""
    person = Person.objects.create(forbund=forbund, namn="Kenneth Andersson")
    gammal = delegation(forbund, "Attestera fakturor", DelegatRoll.PERSON, delegat_person=person, grans_typ="pbb", grans_varde=Decimal("2.5"))
    delegation(forbund, "Utse attestant", DelegatRoll.ORDFORANDE, ersattare_roll=DelegatRoll.VICE_ORDFORANDE, villkor="Inom budget", anmals=False)
    svar = chef_klient.get(f"/forvaltning/delegationsordning/{gammal.ordning_id}/export.xlsx")
    ordning = delegationsordning_importera(forbund=forbund, aktor="test", fil=ContentFile(svar.content, name="export.xlsx"))
    falt = ("nummer", "avsnitt", "arende", "delegat_roll", "delegat_person_id", "ersattare_roll", "grans_typ", "grans_varde", "villkor", "anmals")
    assert [[getattr(r, f) for f in falt] for r in ordning.rader.all()] == [[getattr(r, f) for f in falt] for r in gammal.ordning.rader.all()]


def test_ett_befintligt_utkast_stoppar_importen(forbund: Any) -> None:
    Delegationsordning.objects.create(forbund=forbund)
    assert "Det finns redan ett utkast" in _fel(lambda: delegationsordning_importera(forbund=forbund, aktor="test", fil=_fil(SEED_CSV)))
    assert Delegationsordning.objects.filter(forbund=forbund).count() == 1


def test_sida_och_api_vagrar_lika_och_importerar_lika(forbund: Any, chef_klient: Any) -> None:
    fel = "Ärende;Delegat\nAvtal;\nTeckna avtal;Kassören\n"
    sida = chef_klient.post("/forvaltning/delegationsordning/importera/", {"fil": SimpleUploadedFile("d.csv", fel.encode())})
    api = chef_klient.post("/api/forvaltning/delegationsordningar/importera/", {"fil": SimpleUploadedFile("d.csv", fel.encode())})
    assert sida.status_code == 400 and "Rad 3, delegat: okänd delegat ”Kassören”" in sida.content.decode()
    assert api.status_code == 400
    assert api.json()["fel"][0]["falt"] == "fil" and api.json()["fel"][0]["meddelande"].startswith("Rad 3, delegat: okänd delegat")
    assert not Delegationsordning.objects.exists()

    bok = openpyxl.Workbook()
    for rad in [["Avsnitt", "Ärende", "Delegat", "Anmäls till styrelsen"], ["Avtal", "Teckna administrativa avtal", "Förbundschef", "Ja"]]:
        bok.active.append(rad)
    buf = io.BytesIO()
    bok.save(buf)
    api = chef_klient.post("/api/forvaltning/delegationsordningar/importera/", {"fil": SimpleUploadedFile("d.xlsx", buf.getvalue()), "rubrik": "Ny"})
    assert api.status_code == 201 and api.json()["status"] == "utkast" and api.json()["rubrik"] == "Ny"
    assert [r["arende"] for r in api.json()["rader"]] == ["Teckna administrativa avtal"]
    sida = chef_klient.post("/forvaltning/delegationsordning/importera/", {"fil": SimpleUploadedFile("d.xlsx", buf.getvalue())})
    assert sida.status_code == 400 and "Det finns redan ett utkast" in sida.content.decode()


def test_kommandot_anvander_samma_tjanst(forbund: Any, tmp_path: Any) -> None:
    sokvag = tmp_path / "ordning.csv"
    sokvag.write_text("Ärende;Delegat\nAvtal;\nX;Kassören\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Rad 3, delegat"):
        call_command("importera_delegationsordning", str(sokvag), "--forbund", forbund.slug)
    assert not Delegationsordning.objects.exists()
    sokvag.write_text(SEED_CSV, encoding="utf-8-sig")
    call_command("importera_delegationsordning", str(sokvag), "--forbund", forbund.slug, stdout=io.StringIO())
    assert Delegationsordning.objects.get(forbund=forbund).rader.count() == 4


def test_exempelfilen_pa_sidan_gar_att_importera(forbund: Any) -> None:
    """The sample file linked from the import page (the demo's 2020 order in the seed's layout) reads without errors."""
    sokvag = Path(__file__).resolve().parents[2] / "forvaltning" / "static" / "forvaltning" / "delegationsordning-exempel.csv"
    ordning = delegationsordning_importera(forbund=forbund, aktor="test", fil=ContentFile(sokvag.read_bytes(), name=sokvag.name))
    assert ordning.rader.count() == 32  # every row of the demo order in force from 2020-02-13
    assert ordning.rader.filter(grans_typ="pbb", grans_varde=2).count() == 3
    assert list(ordning.rader.values_list("avsnitt", flat=True).distinct().order_by("avsnitt")) == sorted(
        {"Personalärenden", "Avtal", "Upphandlingsärenden", "Övriga ekonomiärenden", "Administrativa ärenden"}
    )
