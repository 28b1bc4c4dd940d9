"""The contracts other apps depend on: beviljat_per_ar and insatser_for."""

from __future__ import annotations

from decimal import Decimal

from finsam.models import Forbund
from insatser.selectors import beviljat_per_ar, insatser_for
from tests.insatser import factories as f


def test_beviljat_per_ar_summerar_per_insats_och_ar(forbund: Forbund, annat_forbund: Forbund, django_assert_num_queries) -> None:
    misam = f.insats(forbund, "MISAM")
    nafs = f.insats(forbund, "NAFS")
    f.beviljande(forbund, misam, ar=2020, belopp=3_000_000, nummer=9)
    f.beviljande(forbund, misam, ar=2020, belopp=250_000, nummer=20)  # a later additional grant
    f.beviljande(forbund, misam, ar=2021, belopp=3_100_000, nummer=9)
    f.beviljande(forbund, nafs, ar=2020, belopp=400_000, nummer=9)
    annan = f.insats(annat_forbund, "MISAM")
    f.beviljande(annat_forbund, annan, ar=2020, belopp=999)

    with django_assert_num_queries(1):
        resultat = beviljat_per_ar(forbund, 2020)
    assert resultat == {misam.pk: Decimal("3250000"), nafs.pk: Decimal("400000")}
    assert beviljat_per_ar(forbund, 2021) == {misam.pk: Decimal("3100000")}
    assert beviljat_per_ar(forbund, 2019) == {}


def test_insatser_for_ar_forbundets_egna(forbund: Forbund, annat_forbund: Forbund) -> None:
    f.insats(forbund, "NAFS")
    f.insats(forbund, "MISAM")
    f.insats(annat_forbund, "ANNAN")
    assert [i.kortnamn for i in insatser_for(forbund)] == ["MISAM", "NAFS"]
