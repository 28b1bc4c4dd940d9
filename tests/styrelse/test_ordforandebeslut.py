"""Ordförandebeslut in urgent matters (KL 6 kap. 39 §): refused without a delegation, reported at the next meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from finsam.models import Handelse, RollTyp
from forvaltning.models import Delegationsrad
from styrelse.models import Arende, Delegationsbeslut, Ordforandebeslut
from styrelse.services import beslut_fatta, sammantrade_planera
from styrelse.services.bradskande import INGEN_DELEGATION, ordforandebeslut_fatta
from tests import filer
from tests.api_fel import api_fel
from tests.forvaltning.factories import delegation

from .factories import narvaro, styrelse
from .ledamot_hjalp import inloggad, koppla

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _delegationer(forbund: Any) -> tuple[Delegationsrad, Delegationsrad]:
    vanlig = delegation(forbund)
    bradskande = delegation(
        forbund,
        "Ärenden som är så brådskande att styrelsens avgörande inte kan avvaktas",
        "ordforande",
        avsnitt="Allmänt",
        ersattare_roll="vice_ordforande",
        ordforandebeslut=True,
    )
    return vanlig, bradskande


def test_nekas_utan_delegation_som_tillater_det(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    vanlig, _ = _delegationer(forbund)
    ordf = s["ledamot"]["skelleftea"].person
    for rad in (None, vanlig):
        with pytest.raises(ValidationError) as fel:
            ordforandebeslut_fatta(
                forbund=forbund,
                aktor=chef,
                ordforande=ordf,
                delegation=rad,
                arende="Yttrande",
                beslut="att lämna yttrande",
                bradska="Svar senast i morgon",
            )
        assert fel.value.message_dict == {"delegation": [INGEN_DELEGATION]}
    assert not Delegationsbeslut.objects.exists() and not Ordforandebeslut.objects.exists()
    assert not Handelse.objects.filter(handling__in=["ordforandebeslut_fatta", "delegationsbeslut_registrera"]).exists()


def test_bara_ordforanden_och_med_skal_till_bradska(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    _, bradskande = _delegationer(forbund)
    with pytest.raises(ValidationError, match="Bara styrelsens ordförande"):
        ordforandebeslut_fatta(
            forbund=forbund, aktor=chef, ordforande=s["ledamot"]["af"].person, delegation=bradskande, arende="X", beslut="att Y", bradska="Z"
        )
    with pytest.raises(ValidationError, match="Ange varför ärendet är så brådskande"):
        ordforandebeslut_fatta(
            forbund=forbund, aktor=chef, ordforande=s["ledamot"]["skelleftea"].person, delegation=bradskande, arende="X", beslut="att Y", bradska="  "
        )
    assert not Ordforandebeslut.objects.exists()


def test_registreras_som_delegationsbeslut_och_anmals_vid_nasta_mote(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    _, bradskande = _delegationer(forbund)
    idag = timezone.localdate()
    nasta = sammantrade_planera(forbund=forbund, aktor=chef, datum=idag + dt.timedelta(days=20), mall="standard")
    assert not nasta.arenden.filter(typ=Arende.Typ.DELEGATION).exists()
    underlag = SimpleUploadedFile("remiss.pdf", filer.pdf("remiss"), content_type="application/pdf")
    o = ordforandebeslut_fatta(
        forbund=forbund,
        aktor=chef,
        ordforande=s["ledamot"]["skelleftea"].person,
        delegation=bradskande,
        arende="Yttrande över remiss om samverkan",
        beslut="Förbundet tillstyrker förslaget.",
        bradska="Remisstiden går ut innan styrelsen sammanträder.",
        handlingar=[underlag],
    )
    d = o.delegationsbeslut
    assert (d.delegation_id, d.delegat_id, d.datum, d.anmald_i_id) == (bradskande.pk, s["ledamot"]["skelleftea"].person_id, idag, None)
    assert [h.titel for h in o.handlingar.all()] == ["remiss.pdf"]
    # Reported at the next meeting by itself, like every delegation decision.
    punkt = nasta.arenden.get(typ=Arende.Typ.DELEGATION)
    assert punkt.text == (
        f"- {idag:%Y-%m-%d} Yttrande över remiss om samverkan – Förbundet tillstyrker förslaget. (Ledamot skelleftea, Förbundsordförande)"
    )
    nasta.datum = idag
    nasta.save(update_fields=["datum"])
    for m in list(s["ledamot"].values())[:3]:
        narvaro(nasta, m)
    p = beslut_fatta(sammantrade=nasta, arende=punkt, aktor=chef, text=punkt.text, beslut="att lägga anmälda delegationsbeslut till handlingarna")
    d.refresh_from_db()
    assert d.anmald_i_id == p.pk
    assert Handelse.objects.get(handling="ordforandebeslut_fatta").detaljer["handlingar"] == ["remiss.pdf"]


def test_sida_och_api_nekar_lika_och_revisor_laser(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any, klient: Any) -> None:
    vanlig, bradskande = _delegationer(forbund)
    ordf = koppla(anvandare, s["ledamot"]["skelleftea"], "ordf")
    c = inloggad(ordf)
    data = {"delegation": vanlig.pk, "arende": "Yttrande", "beslut": "att yttra sig", "bradska": "Kort svarstid"}
    sida = c.post("/styrelse/ordforandebeslut/", data)
    assert sida.status_code == 400 and INGEN_DELEGATION in sida.content.decode()
    api = c.post("/api/styrelse/ordforandebeslut/", data, content_type="application/json")
    assert api.status_code == 400 and api_fel(api) == {"delegation": [INGEN_DELEGATION]}
    assert not Ordforandebeslut.objects.exists()
    ok = c.post("/api/styrelse/ordforandebeslut/", {**data, "delegation": bradskande.pk}, content_type="application/json")
    assert ok.status_code == 201 and ok.json()["arende"] == "Yttrande" and ok.json()["anmald_i"] is None
    o = Ordforandebeslut.objects.get()
    revisor = klient(RollTyp.REVISOR)
    assert revisor.get(f"/api/styrelse/ordforandebeslut/{o.pk}/").json()["bradska"] == "Kort svarstid"
    assert "Kort svarstid" in revisor.get(f"/styrelse/ordforandebeslut/{o.pk}/").content.decode()
    # A ledamot who is not the chair holds the permission but is refused by the rule.
    annan = koppla(anvandare, s["ledamot"]["af"], "annan")
    nej = inloggad(annan).post("/api/styrelse/ordforandebeslut/", {**data, "delegation": bradskande.pk}, content_type="application/json")
    assert nej.status_code == 400 and Ordforandebeslut.objects.count() == 1
