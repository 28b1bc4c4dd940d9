"""Contributions: statutes § 11, rounded so the parts sum exactly to the total."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from ekonomi.models import Tilldelning
from ekonomi.selectors import medlemsbidrag
from ekonomi.selectors.bidrag import fordela, kvartal
from finsam.models import Handelse
from finsam.services import forbund_create

from .factories import medlem, tilldelning

pytestmark = pytest.mark.django_db


def test_seedens_fordelning_5034_tkr() -> None:
    """Seed 002 (Örnsköldsvik, one municipality): 5 034 000 → 2 517 000 / 1 258 500 / 1 258 500."""
    f = forbund_create(slug="ovik", namn="Samordningsförbundet Örnsköldsvik", region="Region Västernorrland", kommuner=["Örnsköldsvik"])
    from ekonomi.services import tilldelning_spara

    tilldelning_spara(forbund=f, aktor=None, ar=2020, belopp=Decimal("5034000"), invanare={medlem(f, "ornskoldsvik").pk: 31000})
    mb = medlemsbidrag(f, 2020)
    assert [(r["medlem"], r["belopp"]) for r in mb["rader"]] == [
        ("Försäkringskassan", Decimal("2517000")),
        ("Region Västernorrland", Decimal("1258500")),
        ("Örnsköldsvik kommun", Decimal("1258500")),
    ]
    assert mb["summa"] == Decimal("5034000")
    # invoicing per quarter: four equal parts, the remainder on the last
    assert mb["rader"][0]["kvartal"] == [Decimal("629250")] * 4
    assert mb["rader"][1]["kvartal"] == [Decimal("314625")] * 4


def test_ojamn_kommundelning_summerar_exakt(forbund) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund, belopp=5776001, skelleftea=41236, norsjo=2117)
    mb = medlemsbidrag(forbund, 2019)
    belopp = {r["medlem"]: r["belopp"] for r in mb["rader"]}
    assert sum(belopp.values()) == Decimal("5776001")
    assert belopp["Försäkringskassan"] == Decimal("2888001")  # 2 888 000,5 gets the odd krona (largest remainder)
    assert belopp["Region Västerbotten"] == Decimal("1444000")
    # 1 444 000,25 × 41 236 / 43 353 = 1 373 487,29 and × 2 117 / 43 353 = 70 512,96: two kronor left after
    # rounding down go to the largest fractions (Norsjö ,96 and the state ,5), so the parts sum to the total
    assert belopp["Skellefteå kommun"] == Decimal("1373487")
    assert belopp["Norsjö kommun"] == Decimal("70513")
    for r in mb["rader"]:
        assert sum(r["kvartal"]) == r["belopp"]


def test_fordela_och_kvartal() -> None:
    from fractions import Fraction

    assert fordela(10, [Fraction(1, 3)] * 3) == [4, 3, 3]
    assert sum(fordela(1_000_003, [Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 8)])) == 1_000_003
    assert kvartal(1_258_501) == [314625, 314625, 314625, 314626]


def test_tilldelning_kraver_alla_kommuner_och_andrar_inget_vid_fel(forbund) -> None:  # type: ignore[no-untyped-def]
    fore = Handelse.objects.count()
    with pytest.raises(ValidationError, match="Norsjö kommun"):
        from ekonomi.services import tilldelning_spara

        tilldelning_spara(forbund=forbund, aktor=None, ar=2019, belopp=Decimal(100), invanare={medlem(forbund, "skelleftea").pk: 3})
    assert not Tilldelning.objects.exists()
    assert Handelse.objects.count() == fore


def test_tilldelning_loggas(forbund) -> None:  # type: ignore[no-untyped-def]
    t = tilldelning(forbund)
    h = Handelse.objects.get(handling="tilldelning_spara")
    assert h.objekt_id == str(t.pk) and h.andringar["belopp"] == [None, "4000"]
