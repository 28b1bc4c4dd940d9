"""The delegation order: limits in kronor and prisbasbelopp across a year change, the delegate's role,
versions adopted by a § and kept, and that a refused decision changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from finsam.models import Handelse
from forvaltning.models import Delegationsordning, Delegationsrad, Prisbasbelopp, prisbasbelopp_for
from forvaltning.services.delegation import (
    delegationsordning_anta,
    delegationsordning_utkast_skapa,
    delegationsrad_spara,
    delegationsrad_ta_bort,
    prisbasbelopp_spara,
)
from styrelse.models import Delegationsbeslut, Paragraf, Sammantrade
from styrelse.services import delegationsbeslut_registrera
from tests.forvaltning.factories import delegation, delegationsordning
from tests.styrelse.factories import styrelse

pytestmark = pytest.mark.django_db

AVROP = "Avrop av varor och tjänster inom medlemmarnas ramavtal"


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _registrera(forbund: Any, rad: Delegationsrad, person: Any, datum: dt.date, belopp: Decimal | None = None) -> Delegationsbeslut:
    return delegationsbeslut_registrera(
        forbund=forbund, aktor="test", delegation=rad, delegat=person, datum=datum, arende="Avrop", beslut="Beställt", belopp=belopp
    )


def _fel(gor: Any) -> str:
    with pytest.raises(ValidationError) as fel:
        gor()
    return " ".join(fel.value.messages)


def test_prisbasbeloppen_finns_som_data() -> None:
    """The published amounts are known without a row (a flushed table, a fresh database); a registered row wins."""
    Prisbasbelopp.objects.all().delete()
    assert {ar: prisbasbelopp_for(ar) for ar in range(2019, 2027)} == {
        2019: 46500,
        2020: 47300,
        2021: 47600,
        2022: 48300,
        2023: 52500,
        2024: 57300,
        2025: 58800,
        2026: 59200,
    }
    Prisbasbelopp.objects.create(ar=2027, belopp=60000)
    assert prisbasbelopp_for(2027) == 60000
    with pytest.raises(ValidationError, match="Prisbasbeloppet för 2040 är inte registrerat"):
        prisbasbelopp_for(2040)


def test_fem_miljoner_under_ordforandens_tva_prisbasbelopp_vagras(forbund: Any, s: dict[str, Any]) -> None:
    ordf = s["ledamot"]["skelleftea"].person
    rad = delegation(forbund, AVROP, "ordforande", grans_typ="pbb", grans_varde=Decimal(2))
    with pytest.raises(ValidationError) as fel:
        _registrera(forbund, rad, ordf, dt.date(2020, 3, 2), Decimal(5_000_000))
    assert fel.value.message_dict == {
        "belopp": [
            "Beslutet på 5\u00a0000\u00a0000\u00a0kr överstiger delegationens gräns på 94\u00a0600\u00a0kr (högst 2 prisbasbelopp à "
            "47\u00a0300\u00a0kr år 2020); beslutet ska fattas av styrelsen."
        ]
    }
    assert not Delegationsbeslut.objects.exists()
    assert not Handelse.objects.filter(handling="delegationsbeslut_registrera").exists()


def test_grans_i_prisbasbelopp_foljer_beslutets_ar(forbund: Any, s: dict[str, Any]) -> None:
    """2 pbb is 96 600 kr on 2022-12-31 and 105 000 kr on 2023-01-01."""
    ordf = s["ledamot"]["skelleftea"].person
    rad = delegation(forbund, AVROP, "ordforande", grans_typ="pbb", grans_varde=Decimal(2))
    _registrera(forbund, rad, ordf, dt.date(2022, 12, 31), Decimal(96_600))
    assert "gräns på 96\u00a0600\u00a0kr" in _fel(lambda: _registrera(forbund, rad, ordf, dt.date(2022, 12, 31), Decimal(100_000)))
    _registrera(forbund, rad, ordf, dt.date(2023, 1, 1), Decimal(100_000))
    assert "gräns på 105\u00a0000\u00a0kr" in _fel(lambda: _registrera(forbund, rad, ordf, dt.date(2023, 1, 1), Decimal(105_001)))
    assert sorted(Delegationsbeslut.objects.values_list("datum", "belopp")) == [
        (dt.date(2022, 12, 31), Decimal(96_600)),
        (dt.date(2023, 1, 1), Decimal(100_000)),
    ]


def test_grans_i_kronor_och_belopp_kravs(forbund: Any, s: dict[str, Any]) -> None:
    rad = delegation(forbund, "Teckna administrativa avtal", grans_typ="kronor", grans_varde=Decimal(50_000))
    with pytest.raises(ValidationError) as fel:
        _registrera(forbund, rad, s["chef"], dt.date(2024, 5, 1))
    assert fel.value.message_dict == {"belopp": ["Ange beslutets belopp; delegationen gäller högst 50\u00a0000\u00a0kr."]}
    assert _fel(lambda: _registrera(forbund, rad, s["chef"], dt.date(2024, 5, 1), Decimal(50_001))) == (
        "Beslutet på 50\u00a0001\u00a0kr överstiger delegationens gräns på 50\u00a0000\u00a0kr; beslutet ska fattas av styrelsen."
    )
    assert _registrera(forbund, rad, s["chef"], dt.date(2024, 5, 1), Decimal(50_000)).belopp == Decimal(50_000)


def test_saknat_prisbasbelopp_vagras(forbund: Any, s: dict[str, Any]) -> None:
    rad = delegation(forbund, "Upphandling av konsulttjänster", grans_typ="pbb", grans_varde=Decimal(2))
    assert _fel(lambda: _registrera(forbund, rad, s["chef"], dt.date(2018, 6, 1), Decimal(10))) == (
        "Prisbasbeloppet för 2018 är inte registrerat; lägg in det innan beslut med beloppsgräns registreras."
    )
    prisbasbelopp_spara(ar=2018, belopp=45500, aktor="test")
    assert _registrera(forbund, rad, s["chef"], dt.date(2018, 6, 1), Decimal(91_000)).pk
    assert Handelse.objects.filter(handling="prisbasbelopp_spara", objekt_text="2018: 45500 kr").exists()


def test_bara_delegaten_eller_ersattaren_far_besluta(forbund: Any, s: dict[str, Any]) -> None:
    ordf = s["ledamot"]["skelleftea"].person
    vice = s["ledamot"]["af"].person
    s["ledamot"]["af"].uppdrag = "vice_ordforande"
    s["ledamot"]["af"].save()
    rad = delegation(forbund, AVROP, "ordforande", ersattare_roll="vice_ordforande")
    with pytest.raises(ValidationError) as fel:
        _registrera(forbund, rad, s["chef"], dt.date(2024, 5, 1))
    assert fel.value.message_dict == {
        "delegat": [
            "Förbundschefen var inte Förbundsordförande eller ersättaren vice ordförande den 2024-05-01; enligt delegationsordningen "
            f"beslutar Förbundsordförande eller ersättaren vice ordförande i ärendet ”{AVROP}”."
        ]
    }
    assert _registrera(forbund, rad, ordf, dt.date(2024, 5, 1)).delegat == ordf
    assert _registrera(forbund, rad, vice, dt.date(2024, 5, 1)).delegat == vice
    # a mandate that has ended no longer gives the role
    s["ledamot"]["skelleftea"].till = dt.date(2024, 12, 31)
    s["ledamot"]["skelleftea"].save()
    with pytest.raises(ValidationError, match="var inte Förbundsordförande"):
        _registrera(forbund, rad, ordf, dt.date(2025, 1, 2))


def test_forbundschef_med_slutdatum_i_befattningen(forbund: Any, s: dict[str, Any]) -> None:
    chef = s["chef"]
    chef.befattning = "Förbundschef (t.o.m. 2019-12-31)"
    chef.save()
    rad = delegation(forbund)
    assert _registrera(forbund, rad, chef, dt.date(2019, 12, 31)).pk
    with pytest.raises(ValidationError, match="var inte Förbundschef den 2020-01-01"):
        _registrera(forbund, rad, chef, dt.date(2020, 1, 1))


def test_arende_som_styrelsen_beslutar_kan_inte_delegeras(forbund: Any, s: dict[str, Any]) -> None:
    rad = delegation(forbund, "Anställa förbundschef", "styrelsen", avsnitt="Personalärenden")
    with pytest.raises(ValidationError, match="är inte delegerat; det beslutas av styrelsen"):
        _registrera(forbund, rad, s["chef"], dt.date(2024, 5, 1))


def _paragraf(forbund: Any, datum: dt.date, nummer: int = 5) -> Paragraf:
    mote = Sammantrade.objects.create(forbund=forbund, datum=datum)
    return Paragraf.objects.create(forbund=forbund, sammantrade=mote, ar=datum.year, nummer=nummer, rubrik="Uppdatering av styrdokument")


def test_ny_version_antas_med_paragraf_och_den_gamla_finns_kvar(forbund: Any, s: dict[str, Any]) -> None:
    gammal = delegationsordning(forbund, dt.date(2019, 1, 1))
    gammal_rad = delegation(forbund, AVROP, "ordforande", ordning=gammal, grans_typ="pbb", grans_varde=Decimal(2))
    utkast = delegationsordning_utkast_skapa(forbund=forbund, aktor="test")
    assert [r.arende for r in utkast.rader.all()] == [AVROP]
    ny_rad = utkast.rader.get()
    delegationsrad_spara(ordning=utkast, aktor="test", rad=ny_rad, grans_varde=Decimal(3))
    with pytest.raises(ValidationError) as fel:
        delegationsordning_anta(ordning=utkast, aktor="test", paragraf=None, giltig_fran=None)
    assert fel.value.message_dict == {
        "paragraf": ["Ange den § i vilken styrelsen antog delegationsordningen."],
        "giltig_fran": ["Ange från vilket datum delegationsordningen gäller."],
    }
    p = _paragraf(forbund, dt.date(2020, 2, 13))
    with pytest.raises(ValidationError, match="kan inte gälla före beslutet"):
        delegationsordning_anta(ordning=utkast, aktor="test", paragraf=p, giltig_fran=dt.date(2020, 1, 1))
    delegationsordning_anta(ordning=utkast, aktor="test", paragraf=p, giltig_fran=dt.date(2020, 2, 13))
    utkast.refresh_from_db()
    assert (utkast.status, utkast.beslut_text, str(utkast)) == ("antagen", "§ 5/2020", "Delegationsordning från 2020-02-13")
    # the old version is kept unchanged and still decides for dates before the new one
    gammal_rad.refresh_from_db()
    assert gammal_rad.grans_varde == Decimal(2)
    assert Delegationsordning.objects.i_kraft(forbund.pk, dt.date(2020, 2, 12)) == gammal
    assert Delegationsordning.objects.i_kraft(forbund.pk, dt.date(2020, 2, 13)) == utkast
    ordf = s["ledamot"]["skelleftea"].person
    with pytest.raises(ValidationError, match=r"Delegationsordning från 2020-02-13\. Välj ärendet ur den ordningen"):
        _registrera(forbund, gammal_rad, ordf, dt.date(2020, 3, 1), Decimal(10))
    assert _registrera(forbund, ny_rad, ordf, dt.date(2020, 3, 1), Decimal(141_900)).delegation == ny_rad  # 3 × 47 300
    with pytest.raises(ValidationError, match="Delegationsordning från 2020-02-13"):
        _registrera(forbund, ny_rad, ordf, dt.date(2020, 2, 1), Decimal(10))
    # an adopted version is locked
    for andra in (
        lambda: delegationsrad_spara(ordning=utkast, aktor="test", rad=ny_rad, grans_varde=Decimal(9)),
        lambda: delegationsrad_ta_bort(rad=ny_rad, aktor="test"),
        lambda: delegationsordning_anta(ordning=utkast, aktor="test", paragraf=p, giltig_fran=dt.date(2021, 1, 1)),
    ):
        with pytest.raises(ValidationError, match="är antagen och låst"):
            andra()
    ny_rad.refresh_from_db()
    assert ny_rad.grans_varde == Decimal(3)
    assert list(Handelse.objects.filter(handling__startswith="delegationsor").values_list("handling", flat=True).order_by("pk")) == [
        "delegationsordning_skapa",
        "delegationsordning_anta",
    ]
    assert Handelse.objects.filter(handling="delegationsrad_spara", objekt_id=str(ny_rad.pk)).count() == 1


def test_en_ny_version_maste_galla_efter_den_senaste(forbund: Any) -> None:
    delegationsordning(forbund, dt.date(2021, 1, 1))
    utkast = delegationsordning_utkast_skapa(forbund=forbund, aktor="test")
    delegationsrad_spara(ordning=utkast, aktor="test", avsnitt="Avtal", arende="Teckna administrativa avtal", delegat_roll="forbundschef")
    with pytest.raises(ValidationError, match="gäller redan från 2021-01-01"):
        delegationsordning_anta(ordning=utkast, aktor="test", paragraf=_paragraf(forbund, dt.date(2020, 12, 1)), giltig_fran=dt.date(2020, 12, 1))
    with pytest.raises(ValidationError, match="Det finns redan ett utkast"):
        delegationsordning_utkast_skapa(forbund=forbund, aktor="test")


def test_radens_regler(forbund: Any) -> None:
    utkast = delegationsordning_utkast_skapa(forbund=forbund, aktor="test")
    with pytest.raises(ValidationError) as fel:
        delegationsrad_spara(
            ordning=utkast, aktor="test", avsnitt="Avtal", arende="X", delegat_roll="person", ersattare_roll="styrelsen", grans_typ="pbb"
        )
    assert fel.value.message_dict == {
        "delegat_person": ["Ange vilken person som är delegat."],
        "ersattare_roll": ["Styrelsen kan inte vara ersättare för en delegat."],
        "grans_varde": ["Ange beloppsgränsen."],
    }
    assert not Delegationsrad.objects.exists()
