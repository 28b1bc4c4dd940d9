"""PDF documents of the registers through the API (multipart) and the page, through the same services and the same
content checks (finsam.filkontroll): agreements' documents, the auditors' signed reports, the members' discharge
decisions and the statutes as adopted."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from finsam.models import Forbund, Handelse, Medlem, RollTyp
from forvaltning.models import AvtalDokument, Forbundsordning
from tests.filer import pdf
from tests.forvaltning.factories import avtal
from tests.forvaltning.test_revision import region_revisor

pytestmark = pytest.mark.django_db

FALSK_PDF = b"%PDF-1.4 detta ar ingen pdf"


def _fil(data: bytes, namn: str = "dokument.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(namn, data, content_type="application/pdf")


def test_avtalsdokument_via_api_och_sida_med_samma_kontroll(forbund: Forbund, chef_klient: Client) -> None:
    a = avtal(forbund)
    url = f"/api/forvaltning/avtal/{a.pk}/dokument/"
    ok = chef_klient.post(url, {"fil": _fil(pdf("Tjänsteköpsavtal")), "titel": "Undertecknat avtal"})
    assert ok.status_code == 201 and ok.json()["titel"] == "Undertecknat avtal"
    dok = AvtalDokument.objects.get()
    assert dok.avtal_id == a.pk and dok.fil.read().startswith(b"%PDF")
    assert Handelse.objects.get(handling="avtal_dokument_ladda_upp").detaljer["titel"] == "Undertecknat avtal"
    assert chef_klient.get(f"/api/forvaltning/avtal/{a.pk}/").json()["dokument"][0]["titel"] == "Undertecknat avtal"
    assert chef_klient.get(f"/forvaltning/avtal/dokument/{dok.pk}/").status_code == 200

    fel_api = chef_klient.post(url, {"fil": _fil(FALSK_PDF)})
    fel_sida = chef_klient.post(f"/forvaltning/avtal/{a.pk}/dokument/ny/", {"fil": _fil(FALSK_PDF)})
    assert fel_api.status_code == 400 and fel_api.json()["fel"][0]["meddelande"] == "Filen är inte en läsbar PDF."
    assert fel_sida.status_code == 400 and "Filen är inte en läsbar PDF." in fel_sida.content.decode()
    word = chef_klient.post(url, {"fil": _fil(b"PK\x03\x04", "avtal.docx")})
    assert word.status_code == 400 and word.json()["fel"][0]["meddelande"] == "Filtypen är inte tillåten. Ladda upp dokumentet som PDF."
    assert chef_klient.post(url, {"titel": "Utan fil"}).status_code == 400
    assert AvtalDokument.objects.count() == 1


def test_avtalsdokument_i_annat_forbund_ar_404(forbund: Forbund, annat_forbund: Forbund, chef_klient: Client) -> None:
    annat = avtal(annat_forbund)
    assert chef_klient.post(f"/api/forvaltning/avtal/{annat.pk}/dokument/", {"fil": _fil(pdf())}).status_code == 404
    assert not AvtalDokument.objects.exists()


def test_revisorn_laddar_upp_sin_undertecknade_berattelse(forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare(RollTyp.REVISOR)
    region_revisor(forbund, user=user)
    c = Client()
    c.force_login(user)
    data = {"ar": 2019, "datum": "2020-03-20", "tillstyrker_ansvarsfrihet": "true", "text": "Vi tillstyrker."}
    fel = c.post("/api/ekonomi/revisionsberattelser/", {**data, "fil": _fil(FALSK_PDF)})
    assert fel.status_code == 400 and not Revisionsberattelse.objects.exists()
    ok = c.post("/api/ekonomi/revisionsberattelser/", {**data, "fil": _fil(pdf("Revisionsberättelse 2019"))})
    assert ok.status_code == 201 and ok.json()["fil_finns"] is True
    b = Revisionsberattelse.objects.get()
    assert c.get(f"/forvaltning/revision/berattelse/{b.pk}/pdf/").status_code == 200


def test_ansvarsfrihetsbeslut_och_forbundsordning_som_pdf_via_api(forbund: Forbund, chef_klient: Client) -> None:
    norsjo = Medlem.objects.get(forbund=forbund, kod="norsjo")
    data = {"ar": 2019, "medlem": norsjo.pk, "beslut": "beviljad", "beslutsdatum": "2020-05-04", "beslutsorgan": "KF"}
    fel = chef_klient.post("/api/ekonomi/ansvarsfrihet/", {**data, "dokument": _fil(FALSK_PDF)})
    assert fel.status_code == 400 and not Ansvarsfrihet.objects.exists()
    ok = chef_klient.post("/api/ekonomi/ansvarsfrihet/", {**data, "dokument": _fil(pdf("KF § 45"))})
    assert ok.status_code == 201 and ok.json()["dokument_finns"] is True

    fo = {"rubrik": "Förbundsordning", "giltig_fran": "2020-04-01", "antal_ledamoter": "5"}
    fel = chef_klient.post("/api/forvaltning/forbundsordningar/", {**fo, "fil": _fil(FALSK_PDF)})
    assert fel.status_code == 400 and not Forbundsordning.objects.exists()
    ok = chef_klient.post("/api/forvaltning/forbundsordningar/", {**fo, "fil": _fil(pdf("Förbundsordning 2020"))})
    assert ok.status_code == 201 and ok.json()["antal_ledamoter"] == 5
    v = Forbundsordning.objects.get()
    assert v.giltig_fran == dt.date(2020, 4, 1) and v.fil.read().startswith(b"%PDF")
