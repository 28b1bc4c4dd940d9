"""Issue 12 (data rules for enrolments) and issue 13 (parity): an enrolment outside the intervention's period is refused;
an age outside the target group needs a recorded reason and is counted for the report; page, API and import refuse alike
with the same Swedish message and save nothing. Consent is never pre-ticked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund, Handelse, RollTyp
from tests.api_fel import api_fel
from tests.uppfoljning import factories as f
from uppfoljning.models import Deltagare, Inskrivning
from uppfoljning.selectors import utanfor_malgrupp
from uppfoljning.services import deltagare_import

D = dt.date
RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"
UNGA_PERIOD = "perioden för UNGA (2018-01-01–2019-12-31)"


@pytest.fixture
def unga(forbund: Forbund) -> Any:
    return f.insats(forbund, "UNGA", namn="Unga vuxna", start=D(2018, 1, 1), slut=D(2019, 12, 31), alder_fran=16, alder_till=24)


def _form(insats: Any, **kw: Any) -> dict[str, Any]:
    data = {
        "kod": "P1",
        "insats": insats.pk,
        "samtycke": "on",
        "kon": "kvinna",
        "fodelsear": "1998",
        "remittent": "af",
        "utbildning": "gymnasium",
        "forsorjning_in": "a_kassa",
        "inskriven": "2019-02-01",
        "alder_skal": "",
    }
    data.update(kw)
    return data


def _api(**kw: Any) -> dict[str, Any]:
    data = {
        "insats": "UNGA",
        "deltagare": "P1",
        "samtycke": True,
        "kon": "kvinna",
        "fodelsear": 1998,
        "remittent": "af",
        "utbildning": "gymnasium",
        "forsorjning_in": "a_kassa",
        "inskriven": "2019-02-01",
    }
    data.update(kw)
    return data


def _ingenting_sparat() -> None:
    assert not Inskrivning.objects.exists() and not Deltagare.objects.exists()
    assert not Handelse.objects.filter(handling__in=["inskrivning_create", "deltagare_create", "deltagare_import"]).exists()


@pytest.mark.parametrize(
    ("andring", "falt", "meddelande"),
    [
        ({"inskriven": "2017-12-31"}, "inskriven", f"Inskrivningsdatum 2017-12-31 ligger utanför {UNGA_PERIOD}."),
        ({"inskriven": "2020-01-02"}, "inskriven", f"Inskrivningsdatum 2020-01-02 ligger utanför {UNGA_PERIOD}."),
        (
            {"fodelsear": "1990"},
            "alder_skal",
            "Deltagaren är 29 år vid start och UNGA har målgruppen 16–24 år; ange skälet till att hen ändå skrivs in.",
        ),
    ],
)
def test_ny_inskrivning_sida_och_api_avvisar_lika(
    unga: Any, klient: Callable[..., Client], andring: dict[str, str], falt: str, meddelande: str
) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    sida = c.post("/uppfoljning/inskrivning/ny/", _form(unga, **andring))
    assert sida.status_code == 400
    assert sida.context["form"].errors[falt] == [meddelande]
    api_andring = {k: int(v) if k == "fodelsear" else v for k, v in andring.items()}
    api = c.post("/api/uppfoljning/inskrivningar/", _api(**api_andring), content_type="application/json")
    assert api.status_code == 400 and api_fel(api) == {falt: [meddelande]}
    imp = c.post(
        "/api/uppfoljning/import/",
        {
            "fil": SimpleUploadedFile(
                "d.csv",
                (
                    RUBRIK
                    + f"\nUNGA;P1;kvinna;{andring.get('fodelsear', '1998')};af;gymnasium;a_kassa;{andring.get('inskriven', '2019-02-01')};;;ja\n"
                ).encode(),
            )
        },
    )
    assert imp.status_code == 400 and api_fel(imp)["fel"][0].endswith(meddelande)
    _ingenting_sparat()


def test_alder_utanfor_malgruppen_med_skal_godtas_och_raknas(unga: Any, forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    sida = c.post("/uppfoljning/inskrivning/ny/", _form(unga, fodelsear="1990", alder_skal="Remitterad av FK trots åldern"))
    assert sida.status_code == 302
    api = c.post(
        "/api/uppfoljning/inskrivningar/", _api(deltagare="P2", fodelsear=1960, alder_skal="Syskon i insatsen"), content_type="application/json"
    )
    assert api.status_code == 201 and api.json()["alder_skal"] == "Syskon i insatsen"
    imp = deltagare_import(
        forbund=forbund,
        aktor="test",
        filnamn="d.csv",
        data=(
            RUBRIK + ";alder_skal\nUNGA;P3;man;1993;af;gymnasium;a_kassa;2019-03-01;;;ja;Beslut i styrgruppen\n"
            "UNGA;P4;man;2000;af;gymnasium;a_kassa;2019-03-01;;;ja;\n"
        ).encode(),
    )
    assert imp.nya == 2
    f.inskrivning(forbund, f.insats(forbund, "AMT"), "P5", fodelsear=1955)  # AMT has no target-group ages
    assert utanfor_malgrupp(forbund, 2019) == [
        {
            "kortnamn": "UNGA",
            "malgrupp": "16–24 år",
            "antal": 3,
            "skal": ["Remitterad av FK trots åldern", "Syskon i insatsen", "Beslut i styrgruppen"],
        }
    ]
    assert utanfor_malgrupp(forbund, 2017) == []
    # A re-import without the reason column keeps the recorded reason.
    igen = deltagare_import(
        forbund=forbund, aktor="test", filnamn="d.csv", data=(RUBRIK + "\nUNGA;P3;man;1993;af;gymnasium;a_kassa;2019-03-01;;;ja\n").encode()
    )
    assert (igen.oforandrade, Inskrivning.objects.get(deltagare__kod="P3").alder_skal) == (1, "Beslut i styrgruppen")


def test_avslut_efter_insatsens_slut_avvisas_pa_sidan_och_i_api(unga: Any, forbund: Forbund, klient: Callable[..., Client]) -> None:
    ins = f.inskrivning(forbund, unga, "P1", fodelsear=1998, inskriven=D(2019, 2, 1))
    c = klient(RollTyp.ADMINISTRATOR)
    meddelande = "Avslutsdatum 2020-01-10 ligger efter att UNGA slutade (2019-12-31)."
    sida = c.post(
        "/uppfoljning/avslut/", {"deltagare": ins.deltagare_id, "inskrivning": ins.pk, "avslutad": "2020-01-10", "forsorjning_ut": "arbete"}
    )
    assert sida.status_code == 400 and sida.context["form"].errors["avslutad"] == [meddelande]
    api = c.post(
        f"/api/uppfoljning/inskrivningar/{ins.pk}/avslut/", {"avslutad": "2020-01-10", "forsorjning_ut": "arbete"}, content_type="application/json"
    )
    assert api.status_code == 400 and api_fel(api) == {"avslutad": [meddelande]}
    andra = c.post(
        f"/uppfoljning/inskrivning/{ins.pk}/andra/",
        {
            "kon": "kvinna",
            "fodelsear": "1998",
            "remittent": "af",
            "utbildning": "gymnasium",
            "forsorjning_in": "a_kassa",
            "inskriven": "2019-02-01",
            "avslutad": "2020-01-10",
            "forsorjning_ut": "arbete",
            "alder_skal": "",
        },
    )
    assert andra.status_code == 400 and andra.context["form"].errors["avslutad"] == [meddelande]
    patch = c.patch(
        f"/api/uppfoljning/inskrivningar/{ins.pk}/", {"avslutad": "2020-01-10", "forsorjning_ut": "arbete"}, content_type="application/json"
    )
    assert patch.status_code == 400 and api_fel(patch) == {"avslutad": [meddelande]}
    ins.refresh_from_db()
    assert ins.avslutad is None and not Handelse.objects.filter(handling__in=["inskrivning_avsluta", "inskrivning_andra"]).exists()


def test_samma_goda_inmatning_sparar_samma_post_pa_sidan_och_i_api(unga: Any, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    assert c.post("/uppfoljning/inskrivning/ny/", _form(unga, kod="S1")).status_code == 302
    assert c.post("/api/uppfoljning/inskrivningar/", _api(deltagare="S2"), content_type="application/json").status_code == 201
    falt = ["insats_id", "samtycke", "kon", "fodelsear", "remittent", "utbildning", "forsorjning_in", "inskriven", "startar", "alder", "alder_skal"]
    sida, api = (Inskrivning.objects.filter(deltagare__kod=k).values(*falt).get() for k in ("S1", "S2"))
    assert sida == api


def test_anonym_inskrivning_utanfor_perioden_avvisas(unga: Any, forbund: Forbund) -> None:
    with pytest.raises(ValidationError) as e:
        deltagare_import(forbund=forbund, aktor="test", filnamn="d.csv", data=(RUBRIK + "\nUNGA;A1;man;;;;;2020-03-01;;;nej\n").encode())
    assert e.value.messages == [f"Rad 2, kolumn inskriven (värde ”2020-03-01”): Startåret 2020 ligger utanför {UNGA_PERIOD}."]
    _ingenting_sparat()


def test_samtycke_ar_aldrig_forifyllt(unga: Any, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.ADMINISTRATOR)
    sida = c.get("/uppfoljning/inskrivning/ny/").content.decode()
    ruta = sida[sida.index('name="samtycke"') - 200 : sida.index('name="samtycke"') + 200]
    assert 'type="checkbox"' in ruta and "checked" not in ruta
    utan = {k: v for k, v in _api().items() if k != "samtycke"}
    svar = c.post("/api/uppfoljning/inskrivningar/", utan, content_type="application/json")
    assert svar.status_code == 400 and api_fel(svar) == {"samtycke": ["Det här fältet är obligatoriskt."]}
    _ingenting_sparat()
