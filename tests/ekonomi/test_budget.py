"""Budget: lines from contributions and grants, the seed's table, locking by a board decision, new versions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ekonomi.models import Budget, Budgetrad
from ekonomi.selectors import budget_tabell, budget_varning
from ekonomi.services import budget_faststall, budget_fyll, budget_ny_version, budget_skapa, budgetrad_spara, budgetrad_ta_bort
from finsam.models import Handelse

from .factories import ParagrafFactory, tilldelning

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget(forbund):  # type: ignore[no-untyped-def]
    for ar, belopp in ((2020, 5034000), (2021, 5036000), (2022, 5036000)):
        tilldelning(forbund, ar=ar, belopp=belopp)
    return budget_skapa(forbund=forbund, aktor=None, ar=2020)


def _rad(budget: Budget, nyckel: str) -> Budgetrad:
    return budget.rader.get(nyckel=nyckel)


def test_intakter_per_medlem_fran_medlemsbidragen(budget) -> None:  # type: ignore[no-untyped-def]
    t = budget_tabell(budget.forbund, 2020)
    assert t is not None
    assert [(r["text"], r["belopp"]) for r in t["intakter"]][:2] == [
        ("Försäkringskassan/Arbetsförmedlingen", [Decimal("2517000"), Decimal("2518000"), Decimal("2518000")]),
        ("Region Västerbotten", [Decimal("1258500"), Decimal("1259000"), Decimal("1259000")]),
    ]
    assert t["summa_intakter"] == [Decimal("5034000"), Decimal("5036000"), Decimal("5036000")]


def test_insatsrader_fran_beviljade_medel(forbund, budget) -> None:  # type: ignore[no-untyped-def]
    from insatser.models import Beviljande, Insats

    insats = Insats.objects.create(
        forbund=forbund, kortnamn="Plattform U", namn="Plattform U", typ="ordinarie", inriktning="individ", startdatum=dt.date(2020, 1, 1)
    )
    p = ParagrafFactory(forbund=forbund)
    for ar in (2020, 2021, 2022):
        Beviljande.objects.create(forbund=forbund, insats=insats, paragraf=p, ar=ar, belopp=Decimal("600000"))
    budget_fyll(budget=budget, aktor=None)
    rad = _rad(budget, f"insats-{insats.pk}")
    assert (rad.grupp, rad.belopp, rad.plan1, rad.plan2) == ("insatser", Decimal("600000"), Decimal("600000"), Decimal("600000"))
    t = budget_tabell(forbund, 2020)
    assert t is not None
    insatser = next(g for g in t["grupper"] if g["grupp"] == "insatser")
    assert insatser["rader"][0]["belopp"] == [Decimal("-600000")] * 3


def test_underfinansierad_budget_sager_det(budget) -> None:  # type: ignore[no-untyped-def]
    budgetrad_spara(budget=budget, aktor=None, rad=_rad(budget, "adm-forbundschef"), belopp=Decimal("725000"), plan1=Decimal("735000"))
    budgetrad_spara(budget=budget, aktor=None, rad=_rad(budget, "nya-aktiviteter"), belopp=Decimal("4451000"))
    t = budget_tabell(budget.forbund, 2020)
    assert t is not None
    assert t["summa_kostnader"][0] == Decimal("-5176000")
    assert t["resultat"][0] == Decimal("-142000")
    assert t["eget_kapital_anspraktaget"][0] == Decimal("142000")
    assert t["underfinansiering_text"] == "Budget 2020 är underfinansierad med 142\xa0000\xa0kr som tas ur eget kapital."


def test_faststalld_budget_ar_last(forbund, budget) -> None:  # type: ignore[no-untyped-def]
    p = ParagrafFactory(forbund=forbund)
    budget_faststall(budget=budget, aktor=None, paragraf=p)
    budget.refresh_from_db()
    assert budget.status == Budget.Status.FASTSTALLD and budget.faststalld_datum == dt.date(2019, 11, 28)
    rad = _rad(budget, "adm-resor")
    fore = (Handelse.objects.count(), rad.belopp, budget.rader.count())
    with pytest.raises(ValidationError, match="fastställd och låst"):
        budgetrad_spara(budget=budget, aktor=None, rad=rad, belopp=Decimal("1"))
    with pytest.raises(ValidationError, match="fastställd och låst"):
        budgetrad_ta_bort(rad=rad, aktor=None)
    with pytest.raises(ValidationError, match="fastställd och låst"):
        budget_fyll(budget=budget, aktor=None)
    rad.refresh_from_db()
    assert (Handelse.objects.count(), rad.belopp, budget.rader.count()) == fore


def test_ny_version_kraver_eget_beslut_och_ersatter_den_gamla(forbund, budget) -> None:  # type: ignore[no-untyped-def]
    budget_faststall(budget=budget, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    ny = budget_ny_version(budget=budget, aktor=None)
    assert (ny.version, ny.status, ny.rader.count()) == (2, "utkast", budget.rader.count())
    budgetrad_spara(budget=ny, aktor=None, rad=_rad(ny, "adm-resor"), belopp=Decimal("65000"))
    # the set version is still the current one until the new version is set
    t = budget_tabell(forbund, 2020)
    assert t is not None and t["version"] == 1
    with pytest.raises(ValidationError, match="paragraf"):
        budget_faststall(budget=ny, aktor=None, paragraf=None)
    budget_faststall(budget=ny, aktor=None, paragraf=ParagrafFactory(forbund=forbund, sammantrade__datum=dt.date(2020, 2, 13), ar=2020))
    budget.refresh_from_db()
    assert budget.status == Budget.Status.ERSATT
    t = budget_tabell(forbund, 2020)
    assert t is not None and t["version"] == 2 and t["status"] == "faststalld"


def test_budget_faststalls_bara_av_ett_budgetbeslut_fore_arets_slut(forbund, budget) -> None:  # type: ignore[no-untyped-def]
    """The adoption rule (styrelse.regler): not by "Mötets öppnande", not after the budget year, not by an avslag."""
    oppning = ParagrafFactory(forbund=forbund, rubrik="Mötets öppnande")
    with pytest.raises(ValidationError, match=r"Mötets öppnande är inget ärende om budgeten och kan inte fastställa budgeten\."):
        budget_faststall(budget=budget, aktor=None, paragraf=oppning)
    sen = ParagrafFactory(forbund=forbund, sammantrade__datum=dt.date(2021, 2, 11), ar=2021)
    with pytest.raises(ValidationError, match="sammanträdet 2021-02-11 hölls efter budgetårets slut"):
        budget_faststall(budget=budget, aktor=None, paragraf=sen)
    avslag = ParagrafFactory(forbund=forbund, utfall="avslag")
    with pytest.raises(ValidationError, match=r"är inget bifall \(avslag\)"):
        budget_faststall(budget=budget, aktor=None, paragraf=avslag)
    budget.refresh_from_db()
    assert budget.status == Budget.Status.UTKAST and budget.paragraf_id is None
    assert not Handelse.objects.filter(handling="budget_faststall").exists()


def test_annat_forbunds_paragraf_vagras(forbund, annat_forbund, budget) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError):
        budget_faststall(budget=budget, aktor=None, paragraf=ParagrafFactory(forbund=annat_forbund))
    budget.refresh_from_db()
    assert budget.status == Budget.Status.UTKAST


def test_varning_30_november(forbund) -> None:  # type: ignore[no-untyped-def]
    assert budget_varning(forbund, dt.date(2019, 9, 1)) == ""
    assert "senast den 30 november 2019" in budget_varning(forbund, dt.date(2019, 11, 1))
    assert "skulle ha fastställts" in budget_varning(forbund, dt.date(2019, 12, 2))
    b = budget_skapa(forbund=forbund, aktor=None, ar=2020)
    budget_faststall(budget=b, aktor=None, paragraf=ParagrafFactory(forbund=forbund))
    assert budget_varning(forbund, dt.date(2019, 12, 2)) == ""
