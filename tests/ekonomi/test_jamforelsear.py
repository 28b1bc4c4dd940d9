"""The comparison year and continuity: closing equity of a closed year is not counted twice; opening N = closing N−1."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ekonomi.selectors import rakenskaper
from ekonomi.services import bokforing_importera

from .factories import SALDOBALANS, importera_csv, kopplingar, tilldelning

pytestmark = pytest.mark.django_db

# 2018 by hand: result 3 000 − 2 800 = 200; receivables 50 → 100, liabilities 150 → 200, bank 800 → 1 000;
# equity 700 at the start, not yet closed (UB 2010 is still −700): closing equity 900; assets 1 100 = 900 + 200.
SALDOBALANS_2018 = """konto;namn;ib;ub;res
1510;Fordran Skellefteå kommun;50;100;
1930;Bank;800;1000;
2010;Eget kapital;-700;-700;
2440;Leverantörsskulder;-150;-200;
3010;Driftbidrag från staten;0;-3000;
4010;Förbundschef;0;2800;
"""

# One SIE file: 2018 closed (UB -1 of 2010 already carries the 2018 result of 200), 2019 not closed.
SIE = """#FLAGGA 0
#PROGRAM "Test" 1.0
#FORMAT PC8
#SIETYP 4
#FNAMN "Samordningsförbundet"
#RAR 0 20190101 20191231
#RAR -1 20180101 20181231
#KONTO 1930 "Bank"
#KONTO 2010 "Eget kapital"
#KONTO 3010 "Driftbidrag"
#KONTO 4010 "Förbundschef"
#IB -1 1930 700.00
#UB -1 1930 900.00
#IB -1 2010 -700.00
#UB -1 2010 -900.00
#RES -1 3010 -1000.00
#RES -1 4010 800.00
#IB 0 1930 {ib0}
#UB 0 1930 1000.00
#IB 0 2010 -900.00
#UB 0 2010 -900.00
#RES 0 3010 -1000.00
#RES 0 4010 900.00
"""


def _k(data: dict, borjar: str) -> dict:  # type: ignore[type-arg]
    return next(k for k in data["avstamning"] if k["kontroll"].startswith(borjar))


def test_jamforelsekolumnen_mot_handraknat_tvaarsexempel(forbund) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund)
    kopplingar(forbund)
    importera_csv(forbund, SALDOBALANS_2018, ar=2018)
    importera_csv(forbund, SALDOBALANS)
    d = rakenskaper(forbund, 2019)
    fg = d["foregaende"]
    assert fg["resultatrakning"]["arets_resultat"] == Decimal("200")
    assert fg["balansrakning"]["eget_kapital_vid_arets_borjan"] == Decimal("700")
    assert fg["balansrakning"]["eget_kapital_vid_arets_slut"] == Decimal("900")
    assert fg["balansrakning"]["summa_tillgangar"] == Decimal("1100") == fg["balansrakning"]["summa_eget_kapital_och_skulder"]
    assert fg["kassaflodesanalys"]["arets_kassaflode"] == Decimal("200")
    assert d["eget_kapital_vid_arets_borjan"] == Decimal("900")
    for text in (
        "Ingående balanser 2019 = utgående balanser i den importerade",
        "Jämförelseåret 2018: tillgångar",
        "Eget kapital vid årets början 2019",
        "Likvida medel vid årets början 2019",
    ):
        assert _k(d, text)["ok"] is True, _k(d, text)
    assert d["avstamning_ok"] is True, [k for k in d["avstamning"] if not k["ok"]]


def test_kontinuitet_mellan_tva_importer_fallerar_per_konto(forbund) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund)
    kopplingar(forbund)
    # 2018 closes with 990 in the bank and 110 receivable: 2019 opens with 1 000 and 100
    importera_csv(
        forbund,
        SALDOBALANS_2018.replace("1930;Bank;800;1000;", "1930;Bank;800;990;").replace(
            "1510;Fordran Skellefteå kommun;50;100;", "1510;Fordran Skellefteå kommun;50;110;"
        ),
        ar=2018,
    )
    importera_csv(forbund, SALDOBALANS)
    d = rakenskaper(forbund, 2019)
    k = _k(d, "Ingående balanser 2019 = utgående balanser i den importerade")
    assert k["ok"] is False
    assert k["differens"] == Decimal("20")
    assert k["detalj"] == "1510 Fordran Skellefteå kommun: -10.00, 1930 Bank: 10.00"
    assert _k(d, "Likvida medel vid årets början 2019")["differens"] == Decimal("10")
    assert d["avstamning_ok"] is False


def test_stangt_jamforelsear_raknar_inte_resultatet_tva_ganger(forbund) -> None:  # type: ignore[no-untyped-def]
    bokforing_importera(forbund=forbund, aktor=None, data=SIE.format(ib0="900.00").encode("cp437"), filnamn="t.se")
    d = rakenskaper(forbund, 2019)
    fg = d["foregaende"]["balansrakning"]
    # The old code added the 2018 result to a UB that already held it: 1 100 against assets of 900.
    assert fg["eget_kapital_vid_arets_slut"] == Decimal("900")
    assert fg["summa_tillgangar"] == fg["summa_eget_kapital_och_skulder"] == Decimal("900")
    assert d["eget_kapital_vid_arets_borjan"] == Decimal("900")
    assert d["eget_kapital_vid_arets_slut"] == Decimal("1000")  # 2019 not closed: the result 100 is added once
    assert _k(d, "Ingående balanser 2019 = utgående balanser 2018 enligt samma fil")["ok"] is True
    assert _k(d, "Eget kapital vid årets början 2019 = eget kapital vid årets slut 2018")["ok"] is True


def test_kontinuitet_inom_filen_fallerar(forbund) -> None:  # type: ignore[no-untyped-def]
    bokforing_importera(forbund=forbund, aktor=None, data=SIE.format(ib0="950.00").encode("cp437"), filnamn="t.se")
    d = rakenskaper(forbund, 2019)
    k = _k(d, "Ingående balanser 2019 = utgående balanser 2018 enligt samma fil")
    assert (k["ok"], k["differens"], k["detalj"]) == (False, Decimal("50"), "1930 Bank: 50.00")
    assert _k(d, "Likvida medel vid årets början 2019")["differens"] == Decimal("50")
