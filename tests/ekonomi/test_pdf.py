"""The accounts as PDF through the document pipeline (auditors may order and download it)."""

from __future__ import annotations

import os
import subprocess
import tempfile

import pytest

from ekonomi import demo
from finsam.models import Dokument, RollTyp

pytestmark = pytest.mark.django_db

ARTEFAKTER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "test-artifacts")


def test_rakenskaper_som_pdf(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    demo.seed(forbund, "test")
    assert klient(RollTyp.REVISOR).post("/ekonomi/rakenskaper/2019/pdf/").status_code == 403  # dokument.skapa (issue 14)
    revisor = klient(RollTyp.FORBUNDSCHEF)
    svar = revisor.post("/ekonomi/rakenskaper/2019/pdf/")
    assert svar.status_code == 302
    d = Dokument.objects.get(forbund=forbund, nyckel="rakenskaper:2019")
    assert d.status == Dokument.Status.KLAR, d.fel
    assert d.sidor >= 3
    pdf = revisor.get(f"/dokument/{d.pk}/fil/")
    data = b"".join(pdf.streaming_content)
    assert data.startswith(b"%PDF")
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(data)
    text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True).stdout
    for del_ in (
        "Räkenskaper 2019",
        "Alla kontroller stämmer.",
        "Resultaträkning",
        "Balansräkning",
        "Kassaflödesanalys",
        "Not 1. Verksamhetens intäkter",
        "Driftbidrag från Norsjö kommun",
        "1 480 904",
        "Sida 1 av",
    ):
        assert del_ in text.replace("\xa0", " ").replace("\u2212", "-"), del_
    os.makedirs(ARTEFAKTER, exist_ok=True)
    with open(os.path.join(ARTEFAKTER, "rakenskaper-2019.pdf"), "wb") as ut:
        ut.write(data)


def test_kvartalsrapport_som_pdf(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    demo.seed(forbund, "test")
    assert klient(RollTyp.STYRELSELEDAMOT).post("/ekonomi/uppfoljning/2019/3/pdf/").status_code == 403
    assert not Dokument.objects.filter(forbund=forbund, nyckel="kvartalsrapport:2019:3").exists()
    ledamot = klient(RollTyp.FORBUNDSCHEF)
    assert ledamot.post("/ekonomi/uppfoljning/2019/3/pdf/").status_code == 302
    d = Dokument.objects.get(forbund=forbund, nyckel="kvartalsrapport:2019:3")
    assert d.status == Dokument.Status.KLAR, d.fel
    data = b"".join(ledamot.get(f"/dokument/{d.pk}/fil/").streaming_content)
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as f:
        f.write(data)
    text = subprocess.run(["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True).stdout.replace("\xa0", " ")
    with open(os.path.join(ARTEFAKTER, "kvartalsrapport-2019-3.pdf"), "wb") as ut:
        ut.write(data)
    enrad = " ".join(text.split())
    for del_ in ("Ekonomisk uppföljning kvartal 3 2019", "Uppdragsersättning förbundschef", "706 500", "Summa administration"):
        assert del_ in enrad, del_
