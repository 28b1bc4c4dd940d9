"""Issue 12, data rules for grants: a § of a held meeting; grants decided after a set budget are not in it
("beslutat efter budget"); one selector gives grants per year to the budget, the driftsredovisning and the appendix."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ekonomi.models import Budget
from ekonomi.services import budget_skapa
from finsam.models import Forbund
from insatser import services
from insatser.models import Beviljande
from insatser.selectors import BeviljatMotBudget, beviljat_mot_budget, beviljat_per_ar
from styrelse.models import Sammantrade
from tests.insatser import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("status", [Sammantrade.Status.PLANERAT, Sammantrade.Status.KALLAT])
def test_beviljande_kraver_paragraf_fran_ett_hallet_mote(status: str, forbund: Forbund, chef) -> None:
    insats = f.insats(forbund)
    paragraf = f.paragraf(forbund, ar=2020, nummer=40, datum=dt.date(2020, 11, 26), status=status)
    etikett = Sammantrade.Status(status).label.lower()
    with pytest.raises(ValidationError, match=f"som inte har hållits \\({etikett}\\)"):
        services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=paragraf, ar=2021, belopp=1000)
    # The rule is the model's: a grant saved any other way than the service is refused by full_clean() too.
    with pytest.raises(ValidationError, match="medel kan bara beviljas genom beslut på ett genomfört sammanträde"):
        Beviljande(forbund=forbund, insats=insats, paragraf=paragraf, ar=2021, belopp=1000).full_clean()
    assert not Beviljande.objects.exists()
    Sammantrade.objects.filter(pk=paragraf.sammantrade_id).update(status=Sammantrade.Status.GENOMFORT)
    paragraf.refresh_from_db()
    grant = services.beviljande_create(forbund=forbund, aktor=chef, insats=insats, paragraf=paragraf, ar=2021, belopp=1000)
    assert grant.belopp == Decimal(1000)


def _grants(forbund: Forbund) -> tuple:
    misam, nafs = f.insats(forbund, "MISAM"), f.insats(forbund, "NAFS")
    nov = f.paragraf(forbund, ar=2019, nummer=78, datum=dt.date(2019, 11, 28))  # the meeting that sets the budget 2020
    feb = f.paragraf(forbund, ar=2020, nummer=9, datum=dt.date(2020, 2, 13))  # a later decision
    services.beviljande_create(forbund=forbund, aktor=None, insats=misam, paragraf=nov, ar=2020, belopp=3_550_000)
    services.beviljande_create(forbund=forbund, aktor=None, insats=misam, paragraf=feb, ar=2020, belopp=250_000)
    services.beviljande_create(forbund=forbund, aktor=None, insats=nafs, paragraf=feb, ar=2020, belopp=400_000)
    return misam, nafs, nov, feb


def test_beviljat_per_ar_och_beslutat_efter_budget(forbund: Forbund, annat_forbund: Forbund) -> None:
    misam, nafs, _, _ = _grants(forbund)
    f.beviljande(annat_forbund, f.insats(annat_forbund, "MISAM"), ar=2020, belopp=999)
    assert beviljat_per_ar(forbund, 2020) == {misam.pk: Decimal(3_800_000), nafs.pk: Decimal(400_000)}
    assert beviljat_per_ar(forbund, 2020, beslutat_senast=dt.date(2019, 11, 28)) == {misam.pk: Decimal(3_550_000)}
    assert beviljat_mot_budget(forbund, 2020, None) == {
        misam.pk: BeviljatMotBudget(Decimal(3_800_000), Decimal(0)),
        nafs.pk: BeviljatMotBudget(Decimal(400_000), Decimal(0)),
    }
    delat = beviljat_mot_budget(forbund, 2020, dt.date(2019, 11, 28))
    assert delat == {misam.pk: BeviljatMotBudget(Decimal(3_550_000), Decimal(250_000)), nafs.pk: BeviljatMotBudget(Decimal(0), Decimal(400_000))}
    assert {k: v.totalt for k, v in delat.items()} == beviljat_per_ar(forbund, 2020)


def test_budgeten_fylls_fran_samma_urval(forbund: Forbund) -> None:
    _grants(forbund)
    budget = budget_skapa(forbund=forbund, aktor=None, ar=2020)
    rader = {r.insats_id: r.belopp for r in budget.rader.filter(grupp="insatser")}
    assert rader == beviljat_per_ar(forbund, 2020)


def test_insatsens_sida_visar_beslutat_efter_budget(forbund: Forbund, chef_klient) -> None:
    misam, _, nov, _ = _grants(forbund)
    Budget.objects.create(forbund=forbund, ar=2020, version=1, status=Budget.Status.FASTSTALLD, paragraf=nov, faststalld_datum=dt.date(2019, 11, 28))
    svar = chef_klient.get(f"/insatser/{misam.pk}/")
    assert [(b.belopp, b.efter_budget) for b in svar.context["beviljanden"]] == [(Decimal(3_550_000), False), (Decimal(250_000), True)]
    assert svar.content.decode().count("beslutat efter budget") == 1
