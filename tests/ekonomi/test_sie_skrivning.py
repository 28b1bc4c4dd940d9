"""The fast paths of the SIE import give what the general ones give: the one-match reading of common #VER/#TRANS lines
against the tokenizer (on every example file), and COPY (PostgreSQL) against multi-row INSERTs (SQLite's path)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from ekonomi.bokforing.sie import las_sie
from ekonomi.models import Transaktion
from ekonomi.services import bokforing_importera, importera

from .test_sie_exempel import EXEMPEL

KRANGLIG = """#FLAGGA 0
#PROGRAM "Visma" 1.0
#FORMAT PC8
#SIETYP 4
#RAR 0 20190101 20191231
#KONTO 1930 "Bank"
#KONTO 3030 "Driftbidrag från Skellefteå kommun"
#KONTO 84011 "Ränteintäkter"
#IB 0 1930 1000.00
#VER A 1 20190115 "Bidrag kv 1 Skellefteå"
{
   #TRANS 1930 {} 800.00
   #TRANS 3030 {} -800.00 20190116 "Tab\there och 1820\\A012"
}
#VER "B" "7 b" 20190320 "Räntor \\"Q1\\" \\\\ mer" 20190321 "åsa"
{
   #TRANS 1930 {} 1E+3
   #TRANS 84011 {1 "100"} -1000.00 "" "ö"
   #TRANS 1930 {} 0.10
   #TRANS 1930 {} -0.1
}
#VER C 3 20191231
{
   #TRANS 1930 {} -5,50
   #TRANS 84011 {} 5.5
}
"""


def _utfall(data: bytes) -> Any:
    try:
        fil = las_sie(data)
    except ValidationError as exc:
        return exc.messages
    d = dict(fil.__dict__)
    d["verifikationer"] = [(v.serie, v.nummer, v.datum, v.text, v.rad, v.trans) for v in fil.verifikationer]
    d["perioder"] = [p.__dict__ for p in fil.perioder]
    return d


def _allmant(data: bytes) -> bytes:
    """The same file with the labels written in lower case: the tokenizer reads every #VER and #TRANS line."""
    return re.sub(rb"(?m)^(\s*)#(VER|TRANS)\b", lambda m: m.group(1) + b"#" + m.group(2).lower(), data)


def _utan_ksumma(data: bytes) -> bytes:
    return re.sub(rb"(?m)^#KSUMMA.*$", b"", data)


@pytest.mark.parametrize("fil", sorted(p.name for p in EXEMPEL.iterdir() if p.is_file()))
def test_snabb_och_allman_lasning_ger_samma_resultat(fil: str) -> None:
    data = _utan_ksumma((EXEMPEL / fil).read_bytes())
    assert _utfall(data) == _utfall(_allmant(data))


def test_snabb_och_allman_lasning_kranglig_fil() -> None:
    data = KRANGLIG.encode("cp437")
    snabb = _utfall(data)
    assert snabb == _utfall(_allmant(data))
    ver = snabb["verifikationer"]
    assert (ver[1][0], ver[1][1], ver[1][3]) == ("B", "7 b", 'Räntor "Q1" \\ mer')
    assert ver[0][5][1][3] == "Tab\there och 1820\\A012"


@pytest.mark.django_db
def test_copy_och_insert_sparar_samma_rader(forbund: Any, annat_forbund: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("COPY finns bara på PostgreSQL; här prövas INSERT-vägen av de övriga testerna.")
    falt = ("serie", "vernr", "datum", "konto", "kontonyckel", "belopp", "text")
    data = KRANGLIG.encode("cp437")
    a = bokforing_importera(forbund=forbund, aktor=None, data=data, filnamn="a.se")
    monkeypatch.setattr(importera, "_spara_rader", functools.partial(importera._spara_rader, copy=False))
    b = bokforing_importera(forbund=annat_forbund, aktor=None, data=data, filnamn="b.se")
    rader_a = list(Transaktion.objects.filter(redovisningsimport=a).order_by("id").values_list(*falt))
    rader_b = list(Transaktion.objects.filter(redovisningsimport=b).order_by("id").values_list(*falt))
    assert rader_a == rader_b and len(rader_a) == 8
    assert rader_a[1][6] == "Tab\there och 1820\\A012"
    assert rader_a[2][5] == Decimal("1000.00") and rader_a[3][4] == 8401 and rader_a[3][6] == "ö"
    assert rader_a[5][5] == Decimal("-0.10") and rader_a[6][5] == Decimal("-5.50")
