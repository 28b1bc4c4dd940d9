"""A budget version's status moves only along BUDGET_OVERGANGAR, checked in one place (Budget.kontrollera_overgang);
a forbidden move is refused with a Swedish message and changes nothing; templates use the model's properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from ekonomi.models import Budget
from ekonomi.models.budget import BUDGET_OVERGANGAR
from ekonomi.services import budget_faststall, budget_ny_version, budget_skapa
from finsam.audit import Handling
from finsam.models import Handelse

from .factories import ParagrafFactory, tilldelning

pytestmark = pytest.mark.django_db
S = Budget.Status


def test_kartan_tacker_varje_status() -> None:
    assert set(BUDGET_OVERGANGAR) == set(S.values) and BUDGET_OVERGANGAR[S.ERSATT] == set()


@pytest.mark.parametrize(
    ("fran", "till", "meddelande"),
    [
        (S.FASTSTALLD, S.FASTSTALLD, "Budgeten är fastställd och låst. Skapa en ny version för att ändra den."),
        (S.ERSATT, S.FASTSTALLD, "Budgeten är ersatt av en senare version och kan inte ändras."),
        (S.UTKAST, S.ERSATT, "En budget med status utkast kan inte få status ersatt av ny version."),
    ],
)
def test_otillaten_overgang_vagras_pa_svenska(fran: str, till: str, meddelande: str) -> None:
    with pytest.raises(ValidationError) as fel:
        Budget(ar=2020, status=fran).kontrollera_overgang(till)
    assert fel.value.messages == [meddelande]


def test_ersatt_version_kan_inte_faststallas_igen(forbund: Any) -> None:
    tilldelning(forbund, ar=2020)
    forsta = budget_skapa(forbund=forbund, aktor=None, ar=2020)
    budget_faststall(budget=forsta, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    andra = budget_ny_version(budget=forsta, aktor=None)
    budget_faststall(budget=andra, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    forsta.refresh_from_db()
    assert forsta.status == S.ERSATT
    with pytest.raises(ValidationError, match="ersatt av en senare version"):
        budget_faststall(budget=forsta, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    forsta.refresh_from_db()
    assert forsta.status == S.ERSATT and Budget.objects.filter(ar=2020, status=S.FASTSTALLD).get() == andra


def test_egenskaper_for_mallarna() -> None:
    utkast, faststalld, ersatt = Budget(status=S.UTKAST), Budget(status=S.FASTSTALLD), Budget(status=S.ERSATT)
    assert (utkast.kan_andras, utkast.kan_faststallas, utkast.last, utkast.status_klass) == (True, True, False, "varning")
    assert (faststalld.kan_andras, faststalld.ar_faststalld, faststalld.last, faststalld.status_klass) == (False, True, True, "ok")
    assert (ersatt.kan_faststallas, ersatt.last, ersatt.status_klass) == (False, True, "koad")


def test_mallarna_jamfor_inga_budgetstatussträngar() -> None:
    mallar = Path(__file__).resolve().parents[2] / "ekonomi" / "templates"
    jamforelser = [f"{namn}.status == '{s}'" for namn in ("b", "budget") for s in S.values]
    traffar = [str(p) for p in mallar.rglob("*.html") for j in jamforelser if j in p.read_text(encoding="utf-8")]
    assert traffar == []


def test_andring_av_faststalld_budget_vagras_och_loggas(forbund: Any, chef_klient: Client) -> None:
    """Issue 14, item 8 (audit finding): a refused write on a set budget leaves an audit event."""
    tilldelning(forbund, ar=2020)
    budget = budget_skapa(forbund=forbund, aktor=None, ar=2020)
    budget_faststall(budget=budget, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    svar = chef_klient.post(f"/api/ekonomi/budgetar/{budget.pk}/fyll/", {}, content_type="application/json")
    assert (
        svar.status_code == 400 and svar.json()["fel"][0]["meddelande"] == "Budgeten är fastställd och låst. Skapa en ny version för att ändra den."
    )
    h = Handelse.objects.get(handling=Handling.SKRIVNING_VAGRA)
    assert (h.objekttyp, h.objekt_id) == ("ekonomi.budget", str(budget.pk))
