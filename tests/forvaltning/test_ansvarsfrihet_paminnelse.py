"""Reminders about discharge: the förbundschef reminds a member that has not decided; each sending is recorded
and shown; no address or a decision already taken is refused in Swedish, alike on the page and in the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from ekonomi.services import ansvarsfrihet_spara
from finsam.models import Forbund, Handelse, Medlem
from finsam.services import medlem_update
from forvaltning.models import AnsvarsfrihetPaminnelse
from forvaltning.services.revision import ansvarsfrihet_paminnelse_skicka

pytestmark = pytest.mark.django_db

IDAG = dt.date(2020, 9, 1)


def m(forbund: Forbund, kod: str) -> Medlem:
    return Medlem.objects.get(forbund=forbund, kod=kod)


def _fel(gor: Any) -> str:
    with pytest.raises(ValidationError) as fel:
        gor()
    return " ".join(fel.value.messages)


def test_paminnelse_skickas_till_medlemmens_adress_och_registreras(forbund: Forbund) -> None:
    norsjo = medlem_update(medlem=m(forbund, "norsjo"), aktor=None, epost="registrator@norsjo.se")
    p = ansvarsfrihet_paminnelse_skicka(forbund=forbund, aktor=None, medlem=norsjo, ar=2019, idag=IDAG)
    assert len(mail.outbox) == 1
    brev = mail.outbox[0]
    assert brev.to == ["registrator@norsjo.se"]
    assert brev.subject == "Påminnelse: beslut om ansvarsfrihet för Samordningsförbundet Skellefteå-Norsjö 2019"
    assert "Norsjö kommuns beslut om ansvarsfrihet för förbundsstyrelsen för räkenskapsåret 2019" in brev.body
    assert "senast 2020-06-30" in brev.body
    assert (p.medlem_id, p.ar, p.mottagare) == (norsjo.pk, 2019, "registrator@norsjo.se")
    h = Handelse.objects.get(handling="ansvarsfrihet_paminnelse_skicka")
    assert h.detaljer == {"medlem": "Norsjö kommun", "ar": 2019, "mottagare": "registrator@norsjo.se"}


def test_utan_adress_eller_efter_beslut_vagras_och_inget_skickas(forbund: Forbund) -> None:
    skelleftea = m(forbund, "skelleftea")
    fel = _fel(lambda: ansvarsfrihet_paminnelse_skicka(forbund=forbund, aktor=None, medlem=skelleftea, ar=2019, idag=IDAG))
    assert (
        fel == "Skellefteå kommun har ingen e-postadress för ärenden. Lägg in medlemmens registrator under Förvaltning → Medlemmar och försök igen."
    )
    medlem_update(medlem=skelleftea, aktor=None, epost="kommun@skelleftea.se")
    ansvarsfrihet_spara(
        forbund=forbund, aktor=None, ar=2019, medlem=skelleftea, beslut="beviljad", beslutsdatum=dt.date(2020, 4, 27), beslutsorgan="KF"
    )
    fel = _fel(lambda: ansvarsfrihet_paminnelse_skicka(forbund=forbund, aktor=None, medlem=skelleftea, ar=2019, idag=IDAG))
    assert fel == "Skellefteå kommun har redan beslutat om ansvarsfrihet för 2019 (beviljad den 2020-04-27); ingen påminnelse behövs."
    assert "inte avslutat" in _fel(lambda: ansvarsfrihet_paminnelse_skicka(forbund=forbund, aktor=None, medlem=skelleftea, ar=2020, idag=IDAG))
    assert mail.outbox == [] and not AnsvarsfrihetPaminnelse.objects.exists()
    assert not Handelse.objects.filter(handling="ansvarsfrihet_paminnelse_skicka").exists()


def test_sidan_visar_skickade_paminnelser_och_vagrar_som_api_t(forbund: Forbund, chef_klient: Any, django_assert_max_num_queries: Any) -> None:
    region = medlem_update(medlem=m(forbund, "region"), aktor=None, epost="registrator@regionvasterbotten.se")
    ok = chef_klient.post(f"/forvaltning/revision/2019/ansvarsfrihet/{region.pk}/paminn/")
    assert ok.status_code == 302 and len(mail.outbox) == 1
    api = chef_klient.post("/api/forvaltning/ansvarsfrihetspaminnelser/", {"medlem": "region", "ar": 2019}, content_type="application/json")
    assert api.status_code == 201 and api.json()["mottagare"] == "registrator@regionvasterbotten.se" and len(mail.outbox) == 2
    with django_assert_max_num_queries(30):
        sida = chef_klient.get("/forvaltning/revision/?ar=2019").content.decode()
    idag = AnsvarsfrihetPaminnelse.objects.first().skickad.astimezone().date()  # type: ignore[union-attr]
    assert sida.count(f"Skickad {idag:%Y-%m-%d} till registrator@regionvasterbotten.se") == 2

    fk = m(forbund, "fk")
    sida_fel = chef_klient.post(f"/forvaltning/revision/2019/ansvarsfrihet/{fk.pk}/paminn/", follow=True)
    assert "Försäkringskassan har ingen e-postadress för ärenden." in sida_fel.content.decode()
    api_fel = chef_klient.post("/api/forvaltning/ansvarsfrihetspaminnelser/", {"medlem": "fk", "ar": 2019}, content_type="application/json")
    assert api_fel.status_code == 400 and api_fel.json()["fel"][0]["meddelande"].startswith("Försäkringskassan har ingen e-postadress")
    assert len(mail.outbox) == 2 and AnsvarsfrihetPaminnelse.objects.count() == 2


def test_annat_forbunds_medlem_ar_404(forbund: Forbund, annat_forbund: Forbund, chef_klient: Any) -> None:
    annan = Medlem.objects.filter(forbund=annat_forbund).first()
    assert annan is not None
    assert chef_klient.post(f"/forvaltning/revision/2019/ansvarsfrihet/{annan.pk}/paminn/").status_code == 404
    assert mail.outbox == []
