"""The statutes as a versioned document: every member adopts a version; the one in force is read on a date (issue 17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from finsam.models import Forbund, Handelse, Medlem, RollTyp
from forvaltning.models import Forbundsordning, ForbundsordningBeslut
from forvaltning.selectors.forbundsordning import galler_pa, versioner
from forvaltning.services.forbundsordning import forbundsordning_beslut_spara, forbundsordning_skapa
from tests.api_fel import api_fel

pytestmark = pytest.mark.django_db


def anta_av_alla(f: Forbundsordning, datum: dt.date) -> None:
    for m in Medlem.objects.filter(forbund_id=f.forbund_id):
        forbundsordning_beslut_spara(forbundsordning=f, aktor=None, medlem=m, organ="Fullmäktige", datum=datum)


def test_versionen_som_galler_ar_den_senaste_som_alla_antagit(forbund: Forbund) -> None:
    v1 = forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2014, 1, 1), text="Styrelsen består av 5 ledamöter.")
    v2 = forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2020, 4, 1), text="Landstinget blir region.")
    assert (v1.version, v2.version) == (1, 2)
    assert galler_pa(forbund, dt.date(2019, 1, 1)) is None  # nobody has adopted anything yet
    anta_av_alla(v1, dt.date(2013, 11, 25))
    assert galler_pa(forbund, dt.date(2013, 12, 31)) is None  # adopted, not yet valid
    assert galler_pa(forbund, dt.date(2020, 5, 1)).ordning == v1  # type: ignore[union-attr]
    fk = Medlem.objects.get(forbund=forbund, kod="fk")
    for m in Medlem.objects.filter(forbund=forbund).exclude(pk=fk.pk):
        forbundsordning_beslut_spara(forbundsordning=v2, aktor=None, medlem=m, organ="Fullmäktige", datum=dt.date(2020, 3, 1))
    assert galler_pa(forbund, dt.date(2020, 5, 1)).ordning == v1  # type: ignore[union-attr]  # FK has not decided
    forbundsordning_beslut_spara(forbundsordning=v2, aktor=None, medlem=fk, organ="Försäkringskassan", datum=dt.date(2020, 3, 5), antagen=False)
    assert [m.kod for m in versioner(forbund)[0].avslagen_av] == ["fk"]
    assert galler_pa(forbund, dt.date(2020, 5, 1)).ordning == v1  # type: ignore[union-attr]
    forbundsordning_beslut_spara(forbundsordning=v2, aktor=None, medlem=fk, organ="Försäkringskassan", datum=dt.date(2020, 3, 20))
    assert galler_pa(forbund, dt.date(2020, 5, 1)).ordning == v2  # type: ignore[union-attr]
    assert galler_pa(forbund, dt.date(2020, 3, 31)).ordning == v1  # type: ignore[union-attr]  # earlier versions kept
    assert ForbundsordningBeslut.objects.filter(forbundsordning=v2).count() == 5  # the correction replaced FK's decision
    h = Handelse.objects.filter(handling="forbundsordning_beslut_spara").order_by("pk").last()
    assert h is not None and h.andringar["antagen"] == [False, True] and h.detaljer == {"version": 2}


def test_ny_version_galler_efter_den_foregaende(forbund: Forbund) -> None:
    forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2020, 4, 1), text="A")
    with pytest.raises(ValidationError) as exc:
        forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2020, 4, 1), text="B")
    assert exc.value.message_dict == {"giltig_fran": ["En ny version ska gälla efter version 1 (2020-04-01)."]}
    assert Forbundsordning.objects.count() == 1


def test_alla_roller_ser_gallande_version_och_tidigare(forbund: Forbund, klient: Callable[..., Client]) -> None:
    v1 = forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2014, 1, 1), text="Förbundets säte är Skellefteå.")
    anta_av_alla(v1, dt.date(2013, 11, 25))
    forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2020, 4, 1), text="Förbundets säte är Norsjö.")
    for roll in (RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR, RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR):
        text = klient(roll).get("/forvaltning/forbundsordning/").content.decode()
        assert "Gällande: Förbundsordning, version 1" in text and "Förbundets säte är Skellefteå." in text
        assert "Version 2" in text and "Väntar på medlemmarnas beslut" in text
        assert ("Ny version" in text) == (roll == RollTyp.FORBUNDSCHEF)


def test_beslut_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    v = forbundsordning_skapa(forbund=forbund, aktor=None, giltig_fran=dt.date(2020, 4, 1), text="Text")
    medlem = Medlem.objects.get(forbund=forbund, kod="norsjo")
    sida = chef_klient.post(f"/forvaltning/forbundsordning/{v.pk}/", {"medlem": medlem.pk, "antagen": "on", "organ": "  ", "datum": "2020-03-02"})
    api = chef_klient.post(
        f"/api/forvaltning/forbundsordningar/{v.pk}/beslut/",
        {"medlem": "norsjo", "antagen": True, "organ": "  ", "datum": "2020-03-02"},
        content_type="application/json",
    )
    assert sida.status_code == 400 and "Ange vilket organ hos medlemmen som fattade beslutet." in sida.content.decode()
    assert api.status_code == 400
    assert api_fel(api) == {"organ": ["Ange vilket organ hos medlemmen som fattade beslutet."]}
    assert not ForbundsordningBeslut.objects.exists()
    ok = chef_klient.post(
        f"/api/forvaltning/forbundsordningar/{v.pk}/beslut/",
        {"medlem": "norsjo", "antagen": True, "organ": "Kommunfullmäktige i Norsjö kommun", "referens": "KF § 12", "datum": "2020-03-02"},
        content_type="application/json",
    )
    assert ok.status_code == 201 and ok.json()["referens"] == "KF § 12"


def test_version_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    sida = chef_klient.post("/forvaltning/forbundsordning/ny/", {"rubrik": "Förbundsordning", "giltig_fran": "2020-04-01", "text": ""})
    api = chef_klient.post(
        "/api/forvaltning/forbundsordningar/", {"rubrik": "Förbundsordning", "giltig_fran": "2020-04-01", "text": ""}, content_type="application/json"
    )
    fel = "Ange förbundsordningens text eller bifoga den som PDF."
    assert sida.status_code == 400 and fel in sida.content.decode()
    assert api.status_code == 400 and api_fel(api) == {"text": [fel]}
    assert not Forbundsordning.objects.exists()
    ok = chef_klient.post("/api/forvaltning/forbundsordningar/", {"giltig_fran": "2020-04-01", "text": "Ny text"}, content_type="application/json")
    assert ok.status_code == 201 and ok.json()["version"] == 1 and ok.json()["galler"] is False
