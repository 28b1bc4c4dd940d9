"""Auditors per year with who appointed them (statutes § 14), audit reports per auditor, discharge per member (issue 17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from ekonomi.services import ansvarsfrihet_spara, revisionsberattelse_spara
from finsam.models import Forbund, Handelse, Medlem, Person, RollTyp
from finsam.services import person_create
from forvaltning.models import Revisor
from forvaltning.selectors.revision import ansvarsfrihet_paminnelser, revisionslage
from forvaltning.services.revision import revisor_andra, revisor_skapa
from tests.api_fel import api_fel
from tests.filer import pdf as pdf_fil

pytestmark = pytest.mark.django_db


def m(forbund: Forbund, kod: str) -> Medlem:
    return Medlem.objects.get(forbund=forbund, kod=kod)


def fk_revisor(forbund: Forbund, namn: str = "Lars Nyström", ar_fran: int = 2019, user: Any = None, **kw: Any) -> Revisor:
    person = person_create(forbund=forbund, aktor=None, namn=namn)
    if user is not None:
        Person.objects.filter(pk=person.pk).update(user=user)
    return revisor_skapa(
        forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "fk"), granskar=[m(forbund, "fk"), m(forbund, "af")], ar_fran=ar_fran, **kw
    )


def region_revisor(forbund: Forbund, namn: str = "Eva Granlund", ar_fran: int = 2019, user: Any = None, **kw: Any) -> Revisor:
    person = person_create(forbund=forbund, aktor=None, namn=namn)
    if user is not None:
        Person.objects.filter(pk=person.pk).update(user=user)
    granskar = [m(forbund, k) for k in ("region", "skelleftea", "norsjo")]
    return revisor_skapa(forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "region"), granskar=granskar, ar_fran=ar_fran, **kw)


# --- the auditor-per-member rule (statutes § 14) -------------------------------------------------


def test_fk_utser_revisor_for_fk_och_af_men_inte_for_kommunerna(forbund: Forbund) -> None:
    person = person_create(forbund=forbund, aktor=None, namn="Lars Nyström")
    with pytest.raises(ValidationError) as exc:
        revisor_skapa(
            forbund=forbund,
            aktor=None,
            person=person,
            utsedd_av=m(forbund, "fk"),
            granskar=[m(forbund, "fk"), m(forbund, "skelleftea")],
            ar_fran=2019,
        )
    assert exc.value.message_dict["granskar"] == [
        "En revisor som Försäkringskassan utser granskar för Försäkringskassan och Arbetsförmedlingen (förbundsordningen § 14), "
        "inte för Skellefteå kommun."
    ]
    assert not Revisor.objects.exists()


def test_en_kommun_utser_ingen_revisor(forbund: Forbund) -> None:
    person = person_create(forbund=forbund, aktor=None, namn="Eva Granlund")
    with pytest.raises(ValidationError) as exc:
        revisor_skapa(
            forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "skelleftea"), granskar=[m(forbund, "skelleftea")], ar_fran=2019
        )
    assert "regionfullmäktige revisorn för regionen och kommunerna" in exc.value.message_dict["utsedd_av"][0]


def test_varje_medlem_har_en_revisor_per_ar(forbund: Forbund) -> None:
    fk_revisor(forbund, ar_fran=2018, ar_till=2020)
    person = person_create(forbund=forbund, aktor=None, namn="Ny Revisor")
    with pytest.raises(ValidationError) as exc:
        revisor_skapa(
            forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "fk"), granskar=[m(forbund, "af"), m(forbund, "fk")], ar_fran=2020
        )
    assert exc.value.message_dict["granskar"] == [
        "Lars Nyström är redan revisor för Försäkringskassan, Arbetsförmedlingen (2018–2020); varje medlem har en revisor per år."
    ]
    # the year after the first appointment ends is free
    ny = revisor_skapa(
        forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "fk"), granskar=[m(forbund, "af"), m(forbund, "fk")], ar_fran=2021
    )
    assert ny.period_text == "från 2021"


def test_revisorn_granskar_for_den_som_utsag_den(forbund: Forbund) -> None:
    person = person_create(forbund=forbund, aktor=None, namn="Lars Nyström")
    with pytest.raises(ValidationError) as exc:
        revisor_skapa(forbund=forbund, aktor=None, person=person, utsedd_av=m(forbund, "fk"), granskar=[m(forbund, "af")], ar_fran=2019)
    assert exc.value.message_dict["granskar"] == ["Revisorn granskar för den medlem som utsåg den, Försäkringskassan."]


def test_andring_loggas_med_granskade_medlemmar(forbund: Forbund) -> None:
    r = fk_revisor(forbund, ar_fran=2019)
    revisor_andra(revisor=r, aktor=None, ar_till=2022, beslut_referens="GD-beslut 2019-01-15")
    h = Handelse.objects.get(handling="revisor_andra")
    assert h.andringar["ar_till"] == [None, 2022] and h.andringar["beslut_referens"] == ["", "GD-beslut 2019-01-15"]
    assert Handelse.objects.get(handling="revisor_skapa").andringar["granskar"][1] == sorted([m(forbund, "fk").pk, m(forbund, "af").pk])


# --- audit reports: by the appointed auditor, both needed -------------------------------------------


def test_bara_en_registrerad_revisor_lamnar_berattelse(forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare(RollTyp.REVISOR)
    with pytest.raises(ValidationError) as exc:
        revisionsberattelse_spara(forbund=forbund, aktor=user, ar=2019, datum=dt.date(2020, 3, 20), text="Ok", tillstyrker_ansvarsfrihet=True)
    assert "Du är inte registrerad som revisor för 2019." in exc.value.messages[0]
    fk_revisor(forbund, user=user, ar_fran=2019)
    b = revisionsberattelse_spara(forbund=forbund, aktor=user, ar=2019, datum=dt.date(2020, 3, 20), text="Ok", tillstyrker_ansvarsfrihet=True)
    assert (b.revisor_namn, b.avser) == ("Lars Nyström", "utsedd av Försäkringskassan för Försäkringskassan, Arbetsförmedlingen")


def test_revisionen_ar_komplett_forst_med_bada_berattelserna(forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    fk_user = anvandare(RollTyp.REVISOR, username="lars")
    region_user = anvandare(RollTyp.REVISOR, username="eva")
    fk = fk_revisor(forbund, user=fk_user)
    assert [x.namn for x in revisionslage(forbund, 2019).utan_revisor] == ["Region Västerbotten", "Skellefteå kommun", "Norsjö kommun"]
    region_revisor(forbund, user=region_user)
    revisionsberattelse_spara(forbund=forbund, aktor=fk_user, ar=2019, datum=dt.date(2020, 3, 20), text="Ok", tillstyrker_ansvarsfrihet=True)
    lage = revisionslage(forbund, 2019)
    assert not lage.utan_revisor and [r.person.namn for r in lage.saknade_berattelser] == ["Eva Granlund"]
    assert not lage.revision_komplett
    revisionsberattelse_spara(forbund=forbund, aktor=region_user, ar=2019, datum=dt.date(2020, 3, 25), text="Ok", tillstyrker_ansvarsfrihet=True)
    lage = revisionslage(forbund, 2019)
    assert lage.revision_komplett and lage.revisorer[0][0] == fk
    assert not revisionslage(forbund, 2018).revisorer  # appointments from 2019 do not cover 2018


# --- discharge per member ----------------------------------------------------------------------


def test_ansvarsfrihet_beviljad_kraver_datum_och_organ(forbund: Forbund) -> None:
    with pytest.raises(ValidationError) as exc:
        ansvarsfrihet_spara(forbund=forbund, aktor=None, ar=2019, medlem=m(forbund, "fk"), beslut="beviljad")
    assert exc.value.message_dict == {
        "beslutsdatum": ["Ange när medlemmen beslutade om ansvarsfrihet."],
        "beslutsorgan": ["Ange vilket organ hos medlemmen som beslutade."],
    }
    ej = ansvarsfrihet_spara(forbund=forbund, aktor=None, ar=2019, medlem=m(forbund, "fk"), beslut="ej_beslutat")
    assert not ej.beslutat and ej.beslutsdatum is None


def test_ansvarsfrihet_provas_efter_rakenskapsaret(forbund: Forbund) -> None:
    with pytest.raises(ValidationError) as exc:
        ansvarsfrihet_spara(
            forbund=forbund, aktor=None, ar=2019, medlem=m(forbund, "fk"), beslut="beviljad", beslutsdatum=dt.date(2019, 12, 1), beslutsorgan="FK"
        )
    assert exc.value.message_dict["beslutsdatum"] == ["Ansvarsfrihet för 2019 prövas först efter räkenskapsårets slut."]


def test_paminnelse_om_medlemmar_som_inte_beslutat(forbund: Forbund, klient: Callable[..., Client]) -> None:
    ansvarsfrihet_spara(
        forbund=forbund,
        aktor=None,
        ar=2018,
        medlem=m(forbund, "skelleftea"),
        beslut="beviljad",
        beslutsdatum=dt.date(2019, 9, 17),
        beslutsorgan="Kommunfullmäktige",
        referens="§ 254",
    )
    ansvarsfrihet_spara(forbund=forbund, aktor=None, ar=2018, medlem=m(forbund, "norsjo"), beslut="ej_beslutat")
    assert ansvarsfrihet_paminnelser(forbund, dt.date(2019, 6, 30)) == []  # not yet due
    assert ansvarsfrihet_paminnelser(forbund, dt.date(2019, 7, 1)) == [
        (2018, ["Försäkringskassan", "Arbetsförmedlingen", "Region Västerbotten", "Norsjö kommun"])
    ]
    chef = klient(RollTyp.FORBUNDSCHEF).get("/").content.decode()
    assert "Ansvarsfrihet 2018: Försäkringskassan, Arbetsförmedlingen, Region Västerbotten, Norsjö kommun har inte beslutat" in chef
    assert "har inte beslutat" not in klient(RollTyp.STYRELSELEDAMOT).get("/").content.decode()


def test_registret_visar_beslut_och_dokument(forbund: Forbund, klient: Callable[..., Client], django_assert_max_num_queries: Any) -> None:
    fk_revisor(forbund, ar_fran=2018)
    region_revisor(forbund, ar_fran=2018)
    c = klient(RollTyp.FORBUNDSCHEF)
    pdf = SimpleUploadedFile("beslut.pdf", pdf_fil("KF § 254"), content_type="application/pdf")
    svar = c.post(
        "/forvaltning/revision/2018/ansvarsfrihet/",
        {
            "medlem": m(forbund, "skelleftea").pk,
            "beslut": "beviljad",
            "beslutsdatum": "2019-09-17",
            "beslutsorgan": "Kommunfullmäktige i Skellefteå kommun",
            "referens": "§ 254, dnr KS 2019-000363 106",
            "dokument": pdf,
        },
    )
    assert svar.status_code == 302
    a = Ansvarsfrihet.objects.get(forbund=forbund, ar=2018)
    assert a.beslut == "beviljad" and a.dokument
    assert c.get(f"/forvaltning/revision/ansvarsfrihet/{a.pk}/dokument/").status_code == 200
    with django_assert_max_num_queries(20):
        text = c.get("/forvaltning/revision/?ar=2018").content.decode()
    assert "§ 254, dnr KS 2019-000363 106" in text and "Beslutet (PDF)" in text
    assert "Revisionsberättelse saknas från Lars Nyström (utsedd av Försäkringskassan)." in text
    assert text.count("Ej beslutat") >= 4
    lasare = klient(RollTyp.REVISOR).get("/forvaltning/revision/?ar=2018").content.decode()
    assert "Registrera en medlems beslut" not in lasare and "§ 254" in lasare


def test_sidan_har_fast_antal_fragor(forbund: Forbund, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    fk_revisor(forbund, namn="Revisor 0", ar_fran=2012, ar_till=2012)
    with django_assert_max_num_queries(20) as fa:
        assert chef_klient.get("/forvaltning/revision/?ar=2012").status_code == 200
    for i in range(1, 6):
        fk_revisor(forbund, namn=f"Revisor {i}", ar_fran=2012 + i, ar_till=2012 + i)
        region_revisor(forbund, namn=f"Regionrevisor {i}", ar_fran=2012 + i, ar_till=2012 + i)
        ansvarsfrihet_spara(forbund=forbund, aktor=None, ar=2012 + i, medlem=m(forbund, "af"), beslut="ej_beslutat")
    with django_assert_max_num_queries(len(fa.captured_queries)):
        assert chef_klient.get("/forvaltning/revision/?ar=2014").status_code == 200


# --- parity: page and API refuse alike, and change nothing -----------------------------------------


def test_revisor_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    person = person_create(forbund=forbund, aktor=None, namn="Lars Nyström")
    fel = (
        "En revisor som Försäkringskassan utser granskar för Försäkringskassan och Arbetsförmedlingen (förbundsordningen § 14), "
        "inte för Norsjö kommun."
    )
    sida = chef_klient.post(
        "/forvaltning/revision/revisorer/ny/",
        {"person": person.pk, "utsedd_av": m(forbund, "fk").pk, "granskar": [m(forbund, "fk").pk, m(forbund, "norsjo").pk], "ar_fran": 2019},
    )
    api = chef_klient.post(
        "/api/forvaltning/revisorer/",
        {"person": person.pk, "utsedd_av": "fk", "granskar": ["fk", "norsjo"], "ar_fran": 2019},
        content_type="application/json",
    )
    assert sida.status_code == 400 and fel in sida.content.decode()
    assert api.status_code == 400 and api_fel(api) == {"granskar": [fel]}
    assert not Revisor.objects.exists() and not Handelse.objects.filter(handling="revisor_skapa").exists()
    ok = chef_klient.post(
        "/api/forvaltning/revisorer/",
        {"person": person.pk, "utsedd_av": "fk", "granskar": ["fk", "af"], "ar_fran": 2019},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["granskar"] == ["fk", "af"] and ok.json()["person_namn"] == "Lars Nyström"


def test_ansvarsfrihet_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    medlem = m(forbund, "region")
    sida = chef_klient.post(
        "/forvaltning/revision/2019/ansvarsfrihet/", {"medlem": medlem.pk, "beslut": "avstyrkt", "beslutsorgan": "Regionfullmäktige"}
    )
    api = chef_klient.post(
        "/api/ekonomi/ansvarsfrihet/",
        {"ar": 2019, "medlem": medlem.pk, "beslut": "avstyrkt", "beslutsorgan": "Regionfullmäktige"},
        content_type="application/json",
    )
    assert sida.status_code == 400 and "Ange när medlemmen beslutade om ansvarsfrihet." in sida.content.decode()
    assert api.status_code == 400 and api_fel(api) == {"beslutsdatum": ["Ange när medlemmen beslutade om ansvarsfrihet."]}
    assert not Ansvarsfrihet.objects.exists() and not Handelse.objects.filter(handling="ansvarsfrihet_spara").exists()


def test_revisionsberattelse_utan_uppdrag_vagras_lika_pa_sida_och_api(forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.REVISOR)
    data = {"datum": "2020-03-20", "tillstyrker_ansvarsfrihet": True, "text": "Rättvisande."}
    sida = c.post("/ekonomi/revision/2019/", data)
    api = c.post("/api/ekonomi/revisionsberattelser/", {**data, "ar": 2019}, content_type="application/json")
    fel = "Du är inte registrerad som revisor för 2019."
    assert sida.status_code == 400 and fel in sida.content.decode()
    assert api.status_code == 400 and api_fel(api)["fel"][0].startswith(fel)
    assert not Revisionsberattelse.objects.exists()
