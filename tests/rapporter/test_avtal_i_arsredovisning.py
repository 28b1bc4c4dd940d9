"""The annual report lists the service purchases and other agreements in force during the year, from the agreements
register, in the snapshot and in the PDF (under the kansli, where the structure of seed 004b speaks of staff bought)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from finsam.models import Forbund
from rapporter import pdf, selectors
from rapporter.underlag.avtal import avtal_del
from tests.forvaltning.factories import avtal

from .test_pdf_innehall import text_ur_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(forbund: Forbund) -> None:
    avtal(forbund, "Köp av administrativ service", startdatum=dt.date(2020, 1, 1))  # 10 650 kr per månad, Skellefteå kommun
    avtal(
        forbund,
        "Processledning European Minds",
        typ="konsult",
        motpart="European Minds AB",
        belopp=Decimal(890),
        enhet="per_timme",
        startdatum=dt.date(2019, 6, 1),
        slutdatum=dt.date(2020, 5, 31),
        forlangning_manader=12,
        max_forlangningar=2,
        uppsagningstid_manader=0,
    )
    avtal(forbund, "Gammal lokalhyra", typ="hyra", startdatum=dt.date(2015, 1, 1), status="avslutat", upphor_datum=dt.date(2019, 12, 31))
    avtal(forbund, "Nytt tjänsteköp 2021", startdatum=dt.date(2021, 1, 1))


def test_avtalen_som_gallt_under_aret_tjanstekop_forst(forbund: Forbund, register: None) -> None:
    del_2020 = avtal_del(forbund, 2020)
    assert [(a["rubrik"], a["slutdatum"]) for a in del_2020["lista"]] == [
        ("Köp av administrativ service", None),
        ("Processledning European Minds", dt.date(2020, 5, 31)),  # the period running on 1 January (it renews at its end)
    ]
    assert del_2020["tjanstekop"] == 1
    assert del_2020["lista"][0]["parter"] == "Skellefteå kommun" and del_2020["lista"][0]["belopp"] == Decimal("10650.00")
    assert [a["rubrik"] for a in avtal_del(forbund, 2019)["lista"]] == ["Processledning European Minds", "Gammal lokalhyra"]


def test_arsredovisningens_pdf_visar_tjanstekopen(forbund: Forbund, register: None) -> None:
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2020))).split())
    assert "Tjänsteköp och avtal" in text
    assert "Förbundet köper 1 tjänst av medlemmarna eller andra genom tjänsteköpsavtal." in text
    assert "Köp av administrativ service" in text and "Skellefteå kommun 10 650 kr per månad 2020-01-01 – tills vidare" in text
    assert "European Minds AB" in text and "890 kr per timme 2019-06-01 – 2020-05-31" in text
    assert "Gammal lokalhyra" not in text and "Nytt tjänsteköp 2021" not in text


def test_utan_avtal_sager_rapporten_det(forbund: Forbund) -> None:
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2020))).split())
    assert "Inga avtal om tjänsteköp eller andra avtal gällde under 2020 enligt förbundets avtalsregister." in text
