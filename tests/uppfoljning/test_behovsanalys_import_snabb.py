"""Issue 18: the nationwide import is written in one statement (COPY and INSERT … ON CONFLICT) and every cell parsed
once. The figures it writes, the counts it reports and the tenant boundary are the same as before; the database's
constraints still refuse a bad figure and nothing is kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from finsam.models import Forbund
from uppfoljning.models import Statistikvarde
from uppfoljning.services.statistikimport import statistik_importera, tolka_varde

pytestmark = pytest.mark.django_db

HUVUD = "region;ersättning;kön;ålder;2022;2023"
TABELL = "\n".join(
    [
        HUVUD,
        "2417 Norsjö;Sjukpenning;totalt;20-64 år;38,0;40",
        "2482 Skellefteå;Sjukpenning;totalt;20-64 år;812,25;..",
        "0180 Stockholm;Ekonomiskt bistånd;kvinnor;20-29 år;4 512,5;4 488",
        "00 Riket;Folkmängd;totalt;20-64 år;5 600 000;5 650 000",
    ]
)


def test_tolka_varde_snabb_och_vanlig_vag() -> None:
    assert [tolka_varde(t) for t in ("41,2", "2150", "0", "41.25", "1 234,5", "41,234", "..", "")] == [
        Decimal("41.20"),
        Decimal("2150.00"),
        Decimal("0.00"),
        Decimal("41.25"),
        Decimal("1234.50"),
        Decimal("41.23"),
        None,
        None,
    ]
    with pytest.raises(ValueError, match="utanför"):
        tolka_varde("10000001")
    with pytest.raises(ValueError, match="inget tal"):
        tolka_varde("4l,2")


def _varden(forbund: Forbund) -> dict[tuple[str, int, str], Decimal]:
    return {(v.regionkod, v.ar, v.matt): v.varde for v in Statistikvarde.objects.filter(forbund=forbund)}


def test_import_skriver_lika_och_haller_forbunden_isar(forbund: Forbund, annat_forbund: Forbund) -> None:
    r = statistik_importera(forbund=forbund, aktor="test", data=TABELL.encode(), filnamn="t.csv")
    assert (r.varden, r.nya, r.andrade, r.oforandrade) == (7, 7, 0, 0)
    statistik_importera(forbund=annat_forbund, aktor="test", data=TABELL.encode(), filnamn="t.csv")
    assert _varden(forbund) == {
        ("2417", 2022, "sjukpenning"): Decimal("38.00"),
        ("2417", 2023, "sjukpenning"): Decimal("40.00"),
        ("2482", 2022, "sjukpenning"): Decimal("812.25"),
        ("0180", 2022, "ekonomiskt_bistand"): Decimal("4512.50"),
        ("0180", 2023, "ekonomiskt_bistand"): Decimal("4488.00"),
        ("00", 2022, "folkmangd"): Decimal("5600000.00"),
        ("00", 2023, "folkmangd"): Decimal("5650000.00"),
    }
    norsjo = Statistikvarde.objects.get(forbund=forbund, regionkod="2417", ar=2022)
    assert (norsjo.region, norsjo.niva, norsjo.kommun.namn) == ("Norsjö", "kommun", "Norsjö kommun")  # type: ignore[union-attr]
    pk = norsjo.pk
    andrad = statistik_importera(forbund=forbund, aktor="test", data=TABELL.replace("38,0;40", "38,0;41,5").encode(), filnamn="t.csv")
    assert (andrad.nya, andrad.andrade, andrad.oforandrade) == (0, 1, 6)
    assert _varden(forbund)[("2417", 2023, "sjukpenning")] == Decimal("41.50")
    assert Statistikvarde.objects.get(forbund=forbund, regionkod="2417", ar=2022).pk == pk  # updated in place, not replaced
    assert _varden(annat_forbund)[("2417", 2023, "sjukpenning")] == Decimal("40.00")  # the other förbund's figure is untouched
    assert Statistikvarde.objects.count() == 14
