"""Issue 14, item 8 (audit finding): a second justering or a second posting of minutes that are already justered and
posted is a refused write on a locked record, and leaves an audit event like every other one."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from finsam.audit import Handling, Vagrad
from finsam.models import Forbund, Handelse
from styrelse.models import Anslag, Paragraf, Sammantrade
from styrelse.services import omedelbar_justering
from tests.styrelse import factories as f


def _justerat_och_anslaget(forbund: Forbund) -> Sammantrade:
    mote = f.SammantradeFactory(forbund=forbund, datum=dt.date(2019, 11, 28))
    Sammantrade.objects.filter(pk=mote.pk).update(justerat=timezone.now(), avslutat=timezone.now(), status=Sammantrade.Status.JUSTERAT)
    Anslag.objects.create(forbund=forbund, sammantrade=mote, uppsatt=dt.date(2019, 12, 2), nedtas=dt.date(2019, 12, 30), forvaringsplats="Kansliet")
    return mote


@pytest.mark.django_db
def test_ny_justering_av_justerat_protokoll_loggas(forbund: Forbund, chef_klient: Client) -> None:
    mote = _justerat_och_anslaget(forbund)
    person = f.PersonFactory(forbund=forbund)
    svar = chef_klient.post(
        f"/api/styrelse/sammantraden/{mote.pk}/justering/", {"person": person.pk, "roll": "justerare"}, content_type="application/json"
    )
    assert svar.status_code == 400 and svar.json()["fel"][0]["meddelande"] == "Protokollet är redan justerat."
    h = Handelse.objects.get(handling=Handling.SKRIVNING_VAGRA)
    assert (h.objekt_id, h.detaljer["skal"]) == (str(mote.pk), "Protokollet är redan justerat.")


@pytest.mark.django_db
def test_nytt_anslag_av_anslaget_protokoll_loggas(forbund: Forbund, chef_klient: Client) -> None:
    mote = _justerat_och_anslaget(forbund)
    svar = chef_klient.post(
        f"/api/styrelse/sammantraden/{mote.pk}/anslag/", {"uppsatt": "2019-12-03", "nedtas": "2019-12-31"}, content_type="application/json"
    )
    assert svar.status_code == 400 and svar.json()["fel"][0]["meddelande"] == "Protokollet är redan anslaget."
    h = Handelse.objects.get(handling=Handling.SKRIVNING_VAGRA)
    assert (h.objekt_id, h.detaljer["skal"]) == (str(mote.pk), "Protokollet är redan anslaget.")
    assert Anslag.objects.get(sammantrade=mote).uppsatt == dt.date(2019, 12, 2)


@pytest.mark.django_db
def test_omedelbar_justering_av_last_paragraf_loggas(forbund: Forbund, chef: Any) -> None:
    paragraf = f.ParagrafFactory(forbund=forbund)
    Paragraf.objects.filter(pk=paragraf.pk).update(last=True)
    with pytest.raises(Vagrad, match="är redan justerad"):  # the door audits a Vagrad after the rollback
        omedelbar_justering(paragraf=paragraf, aktor=chef)
