"""Safe spreadsheet exports (issue 15): no formulas, typed cells, RFC 6266 file names."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from openpyxl import load_workbook

from finsam.export import nedladdning, som_csv, som_xlsx

ATTACKER = ['=HYPERLINK("http://x","klicka")', "+1+1", "-2+3", "@SUM(A1)", "\tflik", "\rretur"]


def test_xlsx_har_inga_formler_och_typade_celler() -> None:
    rader = [["Namn", "Datum", "Belopp", "Antal"], *[[a, dt.date(2019, 11, 28), Decimal("5618500"), 3] for a in ATTACKER]]
    wb = load_workbook(io.BytesIO(som_xlsx(rader, blad="Insatser")))
    ws = wb["Insatser"]
    for rad in ws.iter_rows(min_row=2):
        namn, datum, belopp, antal = rad
        assert namn.data_type == "s" and namn.value.startswith("'")
        assert isinstance(datum.value, dt.datetime) and datum.value.date() == dt.date(2019, 11, 28)
        assert datum.number_format == "yyyy-mm-dd"
        assert belopp.value == 5618500 and belopp.number_format == "#,##0"
        assert antal.value == 3
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_csv_neutraliserar_och_skriver_svenska_tal() -> None:
    text = som_csv([["Namn", "Belopp"], *[[a, Decimal("1258.50")] for a in ATTACKER], ["Öppna", 3]]).decode("utf-8-sig")
    rader = text.split("\r\n")
    for rad in rader[1:-2]:
        assert rad.startswith("\"'") or rad.startswith("'"), rad
    assert "1258,50" in rader[1]
    assert rader[-2] == "Öppna;3"


def test_filnamn_med_svenska_tecken_enligt_rfc6266() -> None:
    svar = nedladdning(b"x", "räkenskaper-2019.xlsx", personuppgifter=True)
    assert "filename*=utf-8''r%C3%A4kenskaper-2019.xlsx" in svar["Content-Disposition"]
    assert svar["Content-Type"].startswith("application/vnd.openxmlformats")
    assert svar["Cache-Control"] == "no-store"
