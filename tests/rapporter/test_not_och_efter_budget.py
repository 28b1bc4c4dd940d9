"""The annual report's note on ages outside the target group (count and reasons per intervention, tied to the age
breakdown) and grants decided after the budget was set ("beslutat efter budget"), read by the reconciliation."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

import pytest

from finsam.models import Forbund
from insatser.models import Beviljande, Insats
from rapporter import pdf, selectors
from rapporter.underlag.avstamning import avstamning
from rapporter.underlag.rendera import komplett

from . import factories as f
from .test_pdf_innehall import rakenskaper_2019, text_ur_pdf

pytestmark = pytest.mark.django_db


def _tie(data: dict[str, Any], borjar: str) -> dict[str, Any]:
    traffar = [k for k in avstamning(data) if k["kontroll"].startswith(borjar)]
    assert len(traffar) == 1, (borjar, [k["kontroll"] for k in avstamning(data)])
    return traffar[0]


@pytest.fixture
def unga(forbund: Forbund) -> Insats:
    """AMT (5 participants aged 24 at start) for 16–29, plus one 31-year-old enrolled with a reason."""
    f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)
    Insats.objects.filter(pk=amt.pk).update(alder_fran=16, alder_till=29)
    amt.refresh_from_db()
    f.inskrivning(forbund, amt, "d6", kon="kvinna", fodelsear=1988, alder_skal="Remitterad av FK inom pilotsamverkan")
    rakenskaper_2019(forbund)
    f.obligatoriska_delar(forbund)
    return amt


def test_noten_raknar_och_anger_skal_och_stammer_mot_aldersgrupperna(unga: Insats, forbund: Forbund) -> None:
    d = komplett(forbund, 2019)
    assert d["utanfor_malgrupp"] == [{"kortnamn": "AMT", "malgrupp": "16–29 år", "antal": 1, "skal": ["Remitterad av FK inom pilotsamverkan"]}]
    k = _tie(d, "AMT: deltagare i åldersgrupper utanför målgruppen ingår i noten")
    assert (k["ok"], k["differens"], k["detalj"]) == (True, Decimal(0), "1 i åldersgrupperna (30–44 år), 1 i noten")
    assert _tie(d, "AMT: noten om ålder utanför målgruppen anger skäl")["ok"] is True
    # a note that leaves the participant out fails by exactly the participant not counted
    utan = copy.deepcopy(d)
    utan["utanfor_malgrupp"] = []
    k = _tie(utan, "AMT: deltagare i åldersgrupper utanför målgruppen ingår i noten")
    assert (k["ok"], k["differens"]) == (False, Decimal(1))
    # a count in the note without a reason fails
    utan_skal = copy.deepcopy(d)
    utan_skal["utanfor_malgrupp"][0]["skal"] = []
    k = _tie(utan_skal, "AMT: noten om ålder utanför målgruppen anger skäl")
    assert (k["ok"], k["differens"], k["detalj"]) == (False, Decimal(1), "Inget skäl är registrerat.")


def test_noten_i_pdf_och_pa_sidan(unga: Insats, forbund: Forbund, chef_klient: Any) -> None:
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2019))).split())
    assert "Not: Deltagare med ålder utanför insatsens målgrupp" in text
    assert "AMT 16–29 år <3 Remitterad av FK inom pilotsamverkan" in text or "AMT 16–29 år 1 Remitterad av FK inom pilotsamverkan" in text
    sida = chef_klient.get("/rapporter/arsredovisning/2019/")
    assert sida.status_code == 200
    html = sida.content.decode()
    assert "Not: ålder utanför målgruppen" in html and "Remitterad av FK inom pilotsamverkan" in html


def _budget_2019(forbund: Forbund, amt: Insats, *, senare: int) -> None:
    """AMT granted 600 kr at the budget meeting (2019-02-14), the budget set there; `senare` kr more on 2019-11-28."""
    from ekonomi.services import budget_faststall, budget_skapa

    moten = f.styrelse(forbund, 2019)["moten"]
    Beviljande.objects.create(
        forbund=forbund, insats=amt, paragraf=f.paragraf(forbund, moten[0], nummer=12, rubrik="Budget 2019"), ar=2019, belopp=600
    )
    budget = budget_skapa(forbund=forbund, aktor=None, ar=2019)
    budget_faststall(budget=budget, aktor=None, paragraf=f.paragraf(forbund, moten[0], nummer=13, rubrik="Fastställande av budget 2019"))
    if senare:
        p = f.paragraf(forbund, moten[1], nummer=80, rubrik="Utökning AMT")
        Beviljande.objects.create(forbund=forbund, insats=amt, paragraf=p, ar=2019, belopp=senare)


def test_beslutat_efter_budget_forklaras_i_kontrollen(forbund: Forbund) -> None:
    f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)
    rakenskaper_2019(forbund)
    f.obligatoriska_delar(forbund)
    _budget_2019(forbund, amt, senare=150)
    d = komplett(forbund, 2019)
    rad = next(r for r in d["driftsredovisning_insatser"] if r["kortnamn"] == "AMT")
    assert (rad["beviljat"], rad["efter_budget"], rad["budget"]) == (Decimal(750), Decimal(150), Decimal(600))
    k = _tie(d, "AMT: beviljat av styrelsen = budgetraden")
    assert (k["ok"], k["differens"]) == (True, Decimal(0))
    assert k["detalj"].replace("\xa0", " ") == (
        "Beslutat efter budget: 150 kr enligt § 80/2019 (2019-11-28); budgeten fastställdes den 2019-02-14 och kan inte innehålla beslutet."
    )
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2019))).split()).replace("\xa0", " ")
    assert "Arbetsmarknadstorget: 150 kr beslutat efter budget (§ 80/2019" in text


def test_budgetrad_som_inte_motsvarar_besluten_fore_budgeten_fallerar(forbund: Forbund) -> None:
    f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)
    rakenskaper_2019(forbund)
    _budget_2019(forbund, amt, senare=0)
    d = komplett(forbund, 2019)
    assert _tie(d, "AMT: beviljat av styrelsen = budgetraden")["ok"] is True
    # the budget line claims the later grant too: the set budget cannot contain it
    rad = next(r for r in d["driftsredovisning_insatser"] if r["kortnamn"] == "AMT")
    rad.update(beviljat=Decimal(750), efter_budget=Decimal(150), budget=Decimal(750))
    k = _tie(d, "AMT: beviljat av styrelsen = budgetraden")
    assert (k["ok"], k["differens"]) == (False, Decimal(-150))
