"""The register's rules: every refused case changes nothing; personnummer only as a keyed hash; audit on every write."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from finsam.models import Forbund, Handelse
from tests.uppfoljning import factories as f
from uppfoljning import services
from uppfoljning.models import Deltagare, Inskrivning
from uppfoljning.vokabular import Forsorjning, personnummer_hash, personnummer_normalisera, tolka

D = dt.date
GILTIGT_PNR = "19811218-9876"  # Skatteverket's test number style: valid date and check digit


def _falt(**over: Any) -> dict[str, Any]:
    falt = {"kon": "kvinna", "fodelsear": 1990, "remittent": "af", "utbildning": "gymnasium", "forsorjning_in": "a_kassa", "inskriven": D(2019, 3, 1)}
    falt.update(over)
    return falt


@pytest.fixture
def amt(forbund: Forbund) -> Any:
    return f.insats(forbund, "AMT")


def test_inskrivning_och_avslut_loggas(forbund: Forbund, amt: Any, chef: Any) -> None:
    ins, igenkand = services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="A1", personnummer="", insats=amt, **_falt())
    assert not igenkand and (ins.startar, ins.alder, ins.slutar) == (2019, 29, None)
    services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 9, 1), forsorjning_ut="arbete")
    ins.refresh_from_db()
    assert (ins.slutar, ins.dagar) == (2019, 184)
    handlingar = list(Handelse.objects.filter(forbund=forbund).order_by("id").values_list("handling", flat=True))
    assert handlingar[-3:] == ["deltagare_skapa", "inskrivning_skapa", "inskrivning_avsluta"]
    avslut = Handelse.objects.get(handling="inskrivning_avsluta")
    assert avslut.andringar["avslutad"] == [None, "2019-09-01"] and avslut.aktor == chef


@pytest.mark.parametrize(
    "over,falt,text",
    [
        ({"fodelsear": 2005}, "fodelsear", "Deltagaren är 14 år vid start (2019 − 2005); tillåten ålder är 15–67 år."),
        ({"fodelsear": 1951}, "fodelsear", "Deltagaren är 68 år vid start (2019 − 1951); tillåten ålder är 15–67 år."),
        ({"avslutad": D(2019, 2, 1), "forsorjning_ut": "arbete"}, "avslutad", "Avslutsdatum 2019-02-01 är före inskrivningsdatum 2019-03-01."),
        ({"avslutad": D(2019, 5, 1)}, "forsorjning_ut", "Ange försörjning vid avslut när deltagaren avslutas."),
        ({"forsorjning_ut": "arbete"}, "avslutad", "Ange avslutsdatum när försörjning vid avslut är ifylld."),
        ({"remittent": ""}, "remittent", "Ange remittent."),
        ({"inskriven": None}, "inskriven", "Ange inskrivningsdatum."),
    ],
)
def test_regler_avvisas_och_inget_sparas(forbund: Forbund, amt: Any, chef: Any, over: dict[str, Any], falt: str, text: str) -> None:
    with pytest.raises(ValidationError) as e:
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="B1", personnummer="", insats=amt, **_falt(**over))
    assert e.value.message_dict[falt] == [text]
    assert (
        not Deltagare.objects.exists()
        and not Inskrivning.objects.exists()
        and not Handelse.objects.filter(forbund=forbund).exclude(handling__in=["forbund_skapa", "medlem_skapa", "roll_tilldela"]).exists()
    )


def test_alder_15_och_67_godtas(forbund: Forbund, amt: Any, chef: Any) -> None:
    services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="U15", personnummer="", insats=amt, **_falt(fodelsear=2004))
    services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="U67", personnummer="", insats=amt, **_falt(fodelsear=1952))
    assert sorted(Inskrivning.objects.values_list("alder", flat=True)) == [15, 67]


def test_en_oppen_inskrivning_per_deltagare_och_insats(forbund: Forbund, amt: Any, chef: Any) -> None:
    ins, _ = services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="C1", personnummer="", insats=amt, **_falt())
    with pytest.raises(ValidationError) as e:
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="C1", personnummer="", insats=amt, **_falt(inskriven=D(2019, 6, 1)))
    assert e.value.message_dict["insats"] == ["Deltagaren har redan en pågående inskrivning i insatsen; avsluta den först."]
    assert Inskrivning.objects.count() == 1
    # The database holds the rule too.
    with pytest.raises(IntegrityError), transaction.atomic():
        dubblett = Inskrivning(forbund=forbund, insats=amt, deltagare=ins.deltagare, **_falt(inskriven=D(2019, 7, 1)))
        dubblett.harled()
        dubblett.save()
    # After the exit the person may return: a new enrolment.
    services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 5, 1), forsorjning_ut="studier")
    services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="C1", personnummer="", insats=amt, **_falt(inskriven=D(2020, 1, 10)))
    assert Inskrivning.objects.filter(deltagare__kod="C1").count() == 2


def test_avslut_avvisas_och_inget_andras(forbund: Forbund, amt: Any, chef: Any) -> None:
    ins, _ = services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="E1", personnummer="", insats=amt, **_falt())
    fore = Handelse.objects.count()
    with pytest.raises(ValidationError) as e:
        services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 1, 1), forsorjning_ut="arbete")
    assert "före inskrivningsdatum" in e.value.message_dict["avslutad"][0]
    with pytest.raises(ValidationError) as e:
        services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 6, 1), forsorjning_ut="")
    assert e.value.message_dict["forsorjning_ut"] == ["Ange försörjning vid avslut när deltagaren avslutas."]
    ins.refresh_from_db()
    assert (ins.avslutad, ins.slutar) == (None, None) and Handelse.objects.count() == fore
    services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 6, 1), forsorjning_ut="arbete")
    with pytest.raises(ValidationError, match="redan avslutad"):
        services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 7, 1), forsorjning_ut="studier")


def test_anonym_registrering_sparar_bara_kon_och_startar(forbund: Forbund, amt: Any, chef: Any) -> None:
    ins, _ = services.inskrivning_registrera(
        forbund=forbund, aktor=chef, kod="ANON1", personnummer="", insats=amt, **_falt(samtycke=False, samtycke_datum=D(2019, 3, 1), kon="man")
    )
    ins.refresh_from_db()
    assert (ins.kon, ins.startar, ins.slutar) == ("man", 2019, 2019)
    assert (ins.fodelsear, ins.inskriven, ins.remittent, ins.utbildning, ins.forsorjning_in, ins.samtycke_datum, ins.alder) == (
        None,
        None,
        "",
        "",
        "",
        None,
        None,
    )
    with pytest.raises(ValidationError, match="anonym registrering"):
        services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 7, 1), forsorjning_ut="arbete")


def test_personnummer_valideras_och_sparas_bara_som_nyckelhash(forbund: Forbund, amt: Any, chef: Any) -> None:
    assert personnummer_normalisera("19811218-9876") == personnummer_normalisera("811218-9876") == "8112189876"
    assert personnummer_normalisera("198112789873") == "8112789873"  # samordningsnummer: day + 60
    for fel, text in [("19811218-9877", "kontrollsiffra"), ("19811318-9876", "giltigt datum"), ("1234", "ÅÅÅÅMMDD-NNNN")]:
        with pytest.raises(ValueError, match=text):
            personnummer_normalisera(fel)
    ins, _ = services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="P1", personnummer=GILTIGT_PNR, insats=amt, **_falt())
    d = Deltagare.objects.get(kod="P1")
    assert d.pnr_hash == personnummer_hash("811218-9876") and len(d.pnr_hash) == 64 and "9876" not in d.pnr_hash
    for h in Handelse.objects.all():
        assert "9876" not in str(h.andringar) + str(h.detaljer)
    # A returning person is recognised by the number, without a code.
    services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 6, 1), forsorjning_ut="arbete")
    ny, igenkand = services.inskrivning_registrera(
        forbund=forbund, aktor=chef, kod="", personnummer="811218-9876", insats=amt, **_falt(inskriven=D(2020, 2, 1))
    )
    assert igenkand and ny.deltagare == d
    with pytest.raises(ValidationError) as e:
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="P2", personnummer="19811218-9877", insats=amt, **_falt())
    assert e.value.message_dict["personnummer"] == ["Personnumrets kontrollsiffra stämmer inte."]
    with pytest.raises(ValidationError) as e:
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="P3", personnummer=GILTIGT_PNR, insats=amt, **_falt())
    assert e.value.message_dict["kod"] == ["Personnumret hör till deltagare P1, inte P3."]
    assert not Deltagare.objects.filter(kod__in=["P2", "P3"]).exists()


def test_annat_forbunds_insats_avvisas(forbund: Forbund, annat_forbund: Forbund, chef: Any) -> None:
    annan = f.insats(annat_forbund, "ANNAN")
    with pytest.raises(ValidationError, match="tillhöra förbundet"):
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="X1", personnummer="", insats=annan, **_falt())
    assert not Deltagare.objects.exists()


def test_andra_inskrivning_loggas_och_regler_galler(forbund: Forbund, amt: Any, chef: Any) -> None:
    ins, _ = services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="R1", personnummer="", insats=amt, **_falt())
    services.inskrivning_avsluta(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 9, 1), forsorjning_ut="arbete")
    services.inskrivning_andra(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 8, 1), forsorjning_ut="studier")
    ins.refresh_from_db()
    assert (ins.avslutad, ins.forsorjning_ut, ins.dagar) == (D(2019, 8, 1), "studier", 153)
    h = Handelse.objects.get(handling="inskrivning_andra")
    assert h.andringar["avslutad"] == ["2019-09-01", "2019-08-01"] and h.andringar["forsorjning_ut"] == ["arbete", "studier"]
    with pytest.raises(ValidationError) as e:
        services.inskrivning_andra(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=D(2019, 1, 1))
    assert "före inskrivningsdatum" in e.value.message_dict["avslutad"][0]
    ins.refresh_from_db()
    assert ins.avslutad == D(2019, 8, 1) and Handelse.objects.filter(handling="inskrivning_andra").count() == 1
    # Reopening is refused while another enrolment in the intervention is open.
    services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="R1", personnummer="", insats=amt, **_falt(inskriven=D(2020, 1, 1)))
    with pytest.raises(ValidationError, match="redan en pågående inskrivning"):
        services.inskrivning_andra(forbund=forbund, aktor=chef, inskrivning=ins, avslutad=None, forsorjning_ut="")


def test_strukturinsats_tar_inte_emot_deltagare(forbund: Forbund, chef: Any) -> None:
    nafs = f.insats(forbund, "NAFS", inriktning="struktur")
    with pytest.raises(ValidationError) as e:
        services.inskrivning_registrera(forbund=forbund, aktor=chef, kod="S1", personnummer="", insats=nafs, **_falt())
    assert e.value.message_dict["insats"] == ["NAFS är en strukturinriktad insats; deltagare skrivs bara in i individinriktade insatser."]
    assert not Deltagare.objects.exists()


def test_vokabular_tar_koder_och_svenska_etiketter() -> None:
    assert tolka(Forsorjning, "Sjuk-/rehabpenning") == "sjuk_rehabpenning"
    assert tolka(Forsorjning, "  AKTIVITETSSTÖD ") == "aktivitetsstod"
    with pytest.raises(ValueError, match="tillåtna värden: arbete, studier, a_kassa"):
        tolka(Forsorjning, "lotto")
