"""Rules read from the förbundsordning in force on a date: quorum, majority and the number of ledamöter for a
meeting, the members' shares of the contribution for a year; the earlier sources when no version states them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from ekonomi.selectors import medlemsbidrag
from ekonomi.services import tilldelning_spara
from finsam.models import Forbund, Medlem
from forvaltning.models import Forbundsordning
from forvaltning.selectors.regler import stadgeregler_pa
from forvaltning.services.forbundsordning import forbundsordning_beslut_spara, forbundsordning_skapa
from styrelse.models import Beslutsregler, Paragraf
from styrelse.services import beslut_fatta
from styrelse.services.regler import regler_vid
from tests.styrelse.factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db

V1 = {"antal_ledamoter": 5, "beslutsfor_minst": 3, "majoritet": "2/3", "andel_staten": "1/2", "andel_region": "1/4", "andel_kommunerna": "1/4"}
V2 = {"antal_ledamoter": 7, "beslutsfor_minst": 4, "majoritet": "3/4", "andel_staten": "1/2", "andel_region": "1/6", "andel_kommunerna": "1/3"}


def _version(forbund: Forbund, giltig_fran: dt.date, antagen_av: list[str] | None = None, **regler: Any) -> Forbundsordning:
    v = forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=giltig_fran, text="Förbundsordning", **regler)
    for m in Medlem.objects.filter(forbund=forbund):
        if antagen_av is None or m.kod in antagen_av:
            forbundsordning_beslut_spara(forbundsordning=v, aktor=None, medlem=m, organ="Fullmäktige", datum=giltig_fran - dt.timedelta(days=30))
    return v


@pytest.fixture
def tva_versioner(forbund: Forbund) -> tuple[Forbundsordning, Forbundsordning]:
    return _version(forbund, dt.date(2019, 1, 1), **V1), _version(forbund, dt.date(2020, 4, 1), **V2)


def test_sammantrade_fore_och_efter_andringen_far_sin_versions_regler(forbund: Forbund, tva_versioner: Any, chef: Any) -> None:
    s = styrelse(forbund)
    fore = SammantradeFactory(forbund=forbund, datum=dt.date(2020, 2, 13))
    efter = SammantradeFactory(forbund=forbund, datum=dt.date(2020, 5, 28))
    for mote in (fore, efter):
        for kod in ["skelleftea", "af", "region"]:
            narvaro(mote, s["ledamot"][kod])
    p = beslut_fatta(sammantrade=fore, arende=ArendeFactory(sammantrade=fore), aktor=chef, text="", beslut="att godkänna förslaget")
    assert p.nummer == 1
    a = ArendeFactory(sammantrade=efter)
    with pytest.raises(ValidationError, match="Inte beslutsför: 3 röstberättigade närvarande, minst 4 av 7 krävs"):
        beslut_fatta(sammantrade=efter, arende=a, aktor=chef, text="", beslut="att godkänna förslaget")
    assert Paragraf.objects.filter(sammantrade=efter).count() == 0

    regler, antal = regler_vid(forbund, fore.datum)
    assert (regler.majoritet, regler.beslutsfor_minst, antal) == ("2/3", 3, 5)
    regler, antal = regler_vid(forbund, efter.datum)
    assert (regler.majoritet, regler.beslutsfor_minst, antal) == ("3/4", 4, 7)
    assert not Beslutsregler.objects.filter(forbund=forbund).exists()  # a read, never saved


def test_medlemsbidraget_fordelas_efter_versionen_den_1_januari(forbund: Forbund, tva_versioner: Any) -> None:
    kommuner = {m.kod: m.pk for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)}
    for ar in (2020, 2021):
        tilldelning_spara(forbund=forbund, aktor=None, ar=ar, belopp=Decimal(1_200_000), invanare={kommuner["skelleftea"]: 3, kommuner["norsjo"]: 1})
    kod = {m.pk: m.kod for m in Medlem.objects.filter(forbund=forbund)}
    per_2020 = {kod[k]: int(v) for k, v in medlemsbidrag(forbund, 2020)["per_medlem"].items()}
    per_2021 = {kod[k]: int(v) for k, v in medlemsbidrag(forbund, 2021)["per_medlem"].items()}
    assert per_2020 == {"fk": 600_000, "region": 300_000, "skelleftea": 225_000, "norsjo": 75_000}  # version 1 (in force 2020-01-01)
    assert per_2021 == {"fk": 600_000, "region": 200_000, "skelleftea": 300_000, "norsjo": 100_000}  # version 2
    assert [r["grund"].split(" efter")[0] for r in medlemsbidrag(forbund, 2021)["rader"]][1:3] == ["Regionen, 1/6", "Kommunerna, en tredjedel"]


def test_en_version_som_inte_alla_medlemmar_antagit_galler_inte(forbund: Forbund, tva_versioner: Any) -> None:
    _version(forbund, dt.date(2021, 1, 1), antagen_av=["fk", "af"], **{**V2, "antal_ledamoter": 9})
    assert stadgeregler_pa(forbund, dt.date(2021, 6, 1)).antal_ledamoter == 7


def test_utan_version_eller_uppgift_galler_tidigare_kallor(forbund: Forbund) -> None:
    styrelse(forbund)
    Beslutsregler.objects.create(forbund=forbund, majoritet="4/5")
    regler, antal = regler_vid(forbund, dt.date(2020, 2, 13))
    assert (regler.majoritet, regler.beslutsfor_minst, antal) == ("4/5", None, 5)  # the board's rules, five mandates in service
    _version(forbund, dt.date(2019, 1, 1))  # states no rules
    regler, antal = regler_vid(forbund, dt.date(2020, 2, 13))
    assert (regler.majoritet, antal) == ("4/5", 5)
    tilldelning_spara(
        forbund=forbund, aktor=None, ar=2020, belopp=Decimal(1000), invanare={m.pk: 1 for m in Medlem.objects.filter(forbund=forbund, typ="kommun")}
    )
    assert [r["andel"] for r in medlemsbidrag(forbund, 2020)["rader"]] == [0.5, 0.25, 0.125, 0.125]


def test_andelarna_ska_bli_hela_bidraget_och_anges_tillsammans(forbund: Forbund) -> None:
    with pytest.raises(ValidationError) as fel:
        forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2019, 1, 1), text="X", andel_staten="1/2", andel_region="1/4")
    assert fel.value.message_dict["andel_staten"] == ["Ange statens, regionens och kommunernas andel tillsammans, eller ingen av dem."]
    with pytest.raises(ValidationError) as fel:
        forbundsordning_skapa(
            forbund=forbund, aktor=None, giltig_fran=dt.date(2019, 1, 1), text="X", andel_staten="1/2", andel_region="1/2", andel_kommunerna="1/4"
        )
    assert fel.value.message_dict["andel_staten"] == ["Andelarna ska tillsammans bli hela medlemsbidraget (1), inte 5/4."]
    assert not Forbundsordning.objects.exists()
