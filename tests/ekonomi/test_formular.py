"""Refused budget and audit forms stand next to their form with HTTP 400 and the user's input kept (finsam.web.formular_handling)."""

from __future__ import annotations

import pytest

from ekonomi.models import Ansvarsfrihet, Budget, Budgetrad
from ekonomi.services import budget_faststall, budget_skapa
from finsam.models import Medlem

from .factories import ParagrafFactory, tilldelning

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(forbund) -> Budget:  # type: ignore[no-untyped-def]
    tilldelning(forbund, ar=2020)
    return budget_skapa(forbund=forbund, aktor=None, ar=2020)


def test_ny_rad_med_fel_visas_vid_formularet_med_inmatningen_kvar(chef_klient, budget) -> None:  # type: ignore[no-untyped-def]
    antal = budget.rader.count()
    svar = chef_klient.post(f"/ekonomi/budget/{budget.pk}/rad/", {"grupp": "administration", "text": "Extern revision", "belopp": "fyrtio"})
    assert svar.status_code == 400
    text = svar.content.decode()
    assert "Raden sparades inte. Rätta de markerade fälten." in text
    assert 'value="Extern revision"' in text and 'value="fyrtio"' in text and 'aria-invalid="true"' in text
    assert budget.rader.count() == antal


def test_andrad_rad_med_fel_visas_i_sin_rad(chef_klient, budget) -> None:  # type: ignore[no-untyped-def]
    rad = budget.rader.order_by("ordning").first()
    assert rad is not None
    svar = chef_klient.post(f"/ekonomi/budget/{budget.pk}/rad/{rad.pk}/", {"grupp": rad.grupp, "text": "", "belopp": "-5"})
    assert svar.status_code == 400
    text = svar.content.decode()
    assert f'id="radfel-{rad.pk}"' in text and 'value="-5"' in text
    assert Budgetrad.objects.get(pk=rad.pk).text == rad.text


def test_last_budget_vagras_med_meddelande_och_400(chef_klient, forbund, budget) -> None:  # type: ignore[no-untyped-def]
    budget_faststall(budget=budget, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    rad = budget.rader.first()
    assert rad is not None
    svar = chef_klient.post(f"/ekonomi/budget/{budget.pk}/rad/{rad.pk}/", {"grupp": rad.grupp, "text": "Ny text", "belopp": "1"})
    assert svar.status_code == 400 and "fastställd och låst" in svar.content.decode()
    assert Budgetrad.objects.get(pk=rad.pk).text == rad.text


def test_faststall_utan_paragraf_visar_fel_vid_formularet(chef_klient, budget) -> None:  # type: ignore[no-untyped-def]
    svar = chef_klient.post(f"/ekonomi/budget/{budget.pk}/faststall/", {"paragraf": ""})
    assert svar.status_code == 400
    assert "Välj styrelsens beslut (paragraf) som fastställer budgeten." in svar.content.decode()
    budget.refresh_from_db()
    assert budget.status == Budget.Status.UTKAST


def test_ansvarsfrihet_med_fel_visas_vid_formularet_med_inmatningen_kvar(chef_klient, forbund) -> None:  # type: ignore[no-untyped-def]
    medlem = Medlem.objects.filter(forbund=forbund).first()
    assert medlem is not None
    data = {"medlem": medlem.pk, "beslut": "beviljad", "beslutsdatum": "inte ett datum", "beslutsorgan": "Kommunfullmäktige i Norsjö"}
    svar = chef_klient.post("/ekonomi/revision/2019/ansvarsfrihet/", data)
    assert svar.status_code == 400
    text = svar.content.decode()
    assert 'value="Kommunfullmäktige i Norsjö"' in text and 'value="inte ett datum"' in text and 'aria-invalid="true"' in text
    assert "Spara revisionsberättelse" not in text  # only the refused form, not the auditor's own
    assert not Ansvarsfrihet.objects.exists()
    ok = chef_klient.post("/ekonomi/revision/2019/ansvarsfrihet/", {**data, "beslutsdatum": "2020-04-22"})
    assert ok.status_code == 302 and Ansvarsfrihet.objects.get().beslutsorgan == "Kommunfullmäktige i Norsjö"
