"""The demo: 2019 loaded from the shipped SIE file reconciles; budget 2020 with plan 2021–2022 in the seed's shape."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ekonomi import demo
from ekonomi.models import Budget, Budgetrad, Kontosaldo
from ekonomi.selectors import budget_tabell, medlemsbidrag, rakenskaper

pytestmark = pytest.mark.django_db


def test_demodata_stammer_och_ar_idempotent(forbund) -> None:  # type: ignore[no-untyped-def]
    demo.seed(forbund, "seed_demo")
    d = rakenskaper(forbund, 2019)
    assert d["avstamning_ok"], [k for k in d["avstamning"] if not k["ok"]]
    assert d["arets_resultat"] == Decimal("-171495.00")
    assert d["likvida_medel_vid_arets_borjan"] == Decimal("1650000.00")
    assert d["likvida_medel_vid_arets_slut"] == Decimal("1480904.00")
    assert d["foregaende"]["resultatrakning"]["arets_resultat"] == Decimal("200000.00")
    # equity 1 418 505 is above 20 % of 5 600 000 = 1 120 000
    assert d["eget_kapital"]["over_rekommendation"] is True
    assert medlemsbidrag(forbund, 2019)["summa"] == Decimal("5600000")
    drift = {r["text"]: r for r in d["driftsredovisning"]}
    assert drift["Resultat"]["budget"] == Decimal("-446000")

    t = budget_tabell(forbund, 2020)
    assert t is not None and t["status"] == "faststalld"
    assert t["summa_intakter"] == [Decimal("5676000"), Decimal("5776000"), Decimal("5776000")]
    assert t["resultat"] == [Decimal("-142000"), Decimal("0"), Decimal("0")]
    assert t["underfinansiering_text"] == "Budget 2020 är underfinansierad med 142\xa0000\xa0kr som tas ur eget kapital."

    antal = (Budget.objects.count(), Budgetrad.objects.count(), Kontosaldo.objects.count())
    demo.seed(forbund, "seed_demo")
    assert (Budget.objects.count(), Budgetrad.objects.count(), Kontosaldo.objects.count()) == antal
