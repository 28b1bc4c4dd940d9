"""Member contributions: the statutes' split to the krona; a recorded rounding rule or an adopted adjustment explains a
difference (the check passes with the explanation printed); any other difference still fails."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ekonomi.models import Bidragsavrundning, Bidragsjustering
from ekonomi.rakenskaper.bidragskontroll import avrunda, bidragsregler, medlemskontroller
from ekonomi.selectors import rakenskaper
from ekonomi.services import bidragsavrundning_spara, bidragsjustering_spara
from styrelse.models import Sammantrade

from .factories import SALDOBALANS, ParagrafFactory, importera_csv, kopplingar, medlem, tilldelning

pytestmark = pytest.mark.django_db

REGION = 2
BIDRAG = {"per_medlem": {REGION: Decimal("1453500")}}  # the statutes' exact quarter of 5 814 000
NAMN = {REGION: "Region Västerbotten"}


def _paragraf(forbund, status=Sammantrade.Status.JUSTERAT):  # type: ignore[no-untyped-def]
    p = ParagrafFactory(forbund=forbund, nummer=12, sammantrade__datum=dt.date(2019, 2, 14), sammantrade__status=status)
    return p


def test_avrunda_halvor_uppat() -> None:
    assert avrunda(Decimal("1453500"), 1000) == Decimal("1454000")
    assert avrunda(Decimal("1453499"), 1000) == Decimal("1453000")
    assert avrunda(Decimal("1453499"), 1) == Decimal("1453499")


def test_utan_regel_fallerar_avrundat_belopp_med_exakt_differens() -> None:
    k = medlemskontroller({REGION: Decimal("1454000")}, BIDRAG, NAMN)[0]
    assert (k["ok"], k["differens"], k["detalj"]) == (False, Decimal("500"), "")


def test_regel_tusental_forklarar_och_skrivs_ut(forbund) -> None:  # type: ignore[no-untyped-def]
    p = _paragraf(forbund)
    bidragsavrundning_spara(
        forbund=forbund, aktor=None, ar=2019, regel="tusental", paragraf=p, forklaring="Medlemsandelarna faktureras i hela tusental kronor"
    )
    k = medlemskontroller({REGION: Decimal("1454000")}, BIDRAG, NAMN, bidragsregler(forbund, 2019))[0]
    assert k["ok"] is True and k["differens"] == 0
    assert k["detalj"].replace("\xa0", " ") == (
        "Stadgarnas fördelning 1 453 500 kr avrundad till hela tusental kronor till 1 454 000 kr enligt "
        "§ 12/2019 (2019-02-14): Medlemsandelarna faktureras i hela tusental kronor"
    )
    # any other difference still fails, with the explanation and the rest
    k = medlemskontroller({REGION: Decimal("1455000")}, BIDRAG, NAMN, bidragsregler(forbund, 2019))[0]
    assert (k["ok"], k["differens"]) == (False, Decimal("1000"))
    assert k["detalj"].replace("\xa0", " ").endswith("därutöver oförklarad differens 1 000 kr")


def test_justering_antagen_av_paragraf(forbund) -> None:  # type: ignore[no-untyped-def]
    p = _paragraf(forbund)
    region = medlem(forbund, "region")
    bidragsjustering_spara(
        forbund=forbund,
        aktor=None,
        ar=2019,
        medlem=region,
        belopp=Decimal("-500"),
        forklaring="Kreditering av för mycket fakturerat 2018",
        paragraf=p,
    )
    bidrag = {"per_medlem": {region.pk: Decimal("1453500")}}
    k = medlemskontroller({region.pk: Decimal("1453000")}, bidrag, {region.pk: "Region"}, bidragsregler(forbund, 2019))[0]
    assert k["ok"] is True
    assert k["detalj"].replace("\xa0", " ") == "Justering −500 kr enligt § 12/2019 (2019-02-14): Kreditering av för mycket fakturerat 2018"


def test_regel_och_justering_kraver_paragraf_fran_hallet_mote(forbund) -> None:  # type: ignore[no-untyped-def]
    planerat = _paragraf(forbund, Sammantrade.Status.PLANERAT)
    with pytest.raises(ValidationError, match="inte är genomfört"):
        bidragsavrundning_spara(forbund=forbund, aktor=None, ar=2019, regel="tusental", paragraf=planerat)
    with pytest.raises(ValidationError, match="beslutsparagraf"):
        bidragsavrundning_spara(forbund=forbund, aktor=None, ar=2019, regel="tusental", paragraf=None)
    with pytest.raises(ValidationError, match="inte är genomfört"):
        bidragsjustering_spara(
            forbund=forbund, aktor=None, ar=2019, medlem=medlem(forbund, "region"), belopp=Decimal(100), forklaring="x", paragraf=planerat
        )
    assert not Bidragsavrundning.objects.exists() and not Bidragsjustering.objects.exists()


def test_rakenskapernas_avstamning_anvander_regeln(forbund) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund, belopp=4000)
    kopplingar(forbund)
    # the region is invoiced 1 000 → 1 000 (exact) but Skellefteå 750 → 1 000 (rounded to thousands), Norsjö 250 → 0
    importera_csv(
        forbund,
        SALDOBALANS.replace("3030;Driftbidrag från Skellefteå kommun;0;-750;", "3030;Driftbidrag från Skellefteå kommun;0;-1000;").replace(
            "3040;Driftbidrag från Norsjö kommun;0;-250;", "3040;Driftbidrag från Norsjö kommun;0;0;"
        ),
    )
    fore = {k["kontroll"]: k for k in rakenskaper(forbund, 2019)["avstamning"]}
    assert fore["Intäkt från Skellefteå kommun = medlemsbidraget"]["differens"] == Decimal("250")
    bidragsavrundning_spara(forbund=forbund, aktor=None, ar=2019, regel="tusental", paragraf=_paragraf(forbund))
    efter = {k["kontroll"]: k for k in rakenskaper(forbund, 2019)["avstamning"]}
    assert efter["Intäkt från Skellefteå kommun = medlemsbidraget"]["ok"] is True
    assert efter["Intäkt från Norsjö kommun = medlemsbidraget"]["ok"] is True
    assert efter["Intäkt från Region Västerbotten = medlemsbidraget"]["ok"] is True
