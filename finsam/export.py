"""Spreadsheet exports that are safe to open: no formula injection, real dates and numbers, Swedish file names.

Every CSV/XLSX the app hands out goes through `som_csv` / `som_xlsx` and `nedladdning`:
- a text cell that starts with = + - @, a tab or a carriage return is neutralised with a leading
  apostrophe (OWASP "CSV injection"), so no spreadsheet evaluates it;
- dates are date cells, amounts and counts are numbers with a format that renders Swedish
  thousands separators in Excel and LibreOffice (`# ##0` with a literal space does not);
- the file name is sent with RFC 6266 `filename*` so å, ä, ö survive the download.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header

FARLIGA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYP = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYP = "text/csv; charset=utf-8"
HELTAL_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
DATUM_FORMAT = "yyyy-mm-dd"


def neutralisera(varde: Any) -> Any:
    """A text that a spreadsheet would read as a formula gets a leading apostrophe; other values pass."""
    if isinstance(varde, str) and varde.startswith(FARLIGA_START):
        return "'" + varde
    return varde


def _csv_varde(varde: Any) -> str:
    if varde is None:
        return ""
    if isinstance(varde, dt.datetime):
        return varde.isoformat(sep=" ", timespec="minutes")
    if isinstance(varde, dt.date):
        return varde.isoformat()
    if isinstance(varde, Decimal | float):
        return format(varde, "f").replace(".", ",")
    return str(neutralisera(varde if isinstance(varde, str) else str(varde)))


def som_csv(rader: Iterable[Sequence[Any]]) -> bytes:
    """Semicolon-separated UTF-8 with BOM (Excel opens it with å, ä, ö), every cell neutralised."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for rad in rader:
        w.writerow([_csv_varde(v) for v in rad])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def som_xlsx(rader: Iterable[Sequence[Any]], *, blad: str = "Blad1", rubrikrad: bool = True) -> bytes:
    """An XLSX workbook: typed cells (dates, numbers), neutralised text, a bold frozen header row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = blad[:31]
    for i, rad in enumerate(rader):
        ws.append([_xlsx_varde(v) for v in rad])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(cell.value, dt.date):
                cell.number_format = DATUM_FORMAT
            elif isinstance(cell.value, bool):
                continue
            elif isinstance(cell.value, int):
                cell.number_format = HELTAL_FORMAT
            elif isinstance(cell.value, float):
                cell.number_format = DECIMAL_FORMAT
            elif isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
        if i == 0 and rubrikrad:
            for cell in ws[ws.max_row]:
                cell.font = Font(bold=True)
    if rubrikrad:
        ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


ISO_DATUM = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dataset_rader(ds: Any) -> list[list[Any]]:
    """A tablib Dataset (django-import-export) as rows: the header row, then the data."""
    return [list(ds.headers or []), *[list(r) for r in ds]]


def _xlsx_varde(varde: Any) -> Any:
    if isinstance(varde, str) and ISO_DATUM.match(varde):
        try:
            return dt.date.fromisoformat(varde)  # a date exported as text becomes a date cell
        except ValueError:
            return neutralisera(varde)
    if isinstance(varde, dt.datetime) and varde.tzinfo is not None:
        from django.utils import timezone

        return timezone.localtime(varde).replace(tzinfo=None)
    if isinstance(varde, Decimal):
        return int(varde) if varde == varde.to_integral_value() else float(varde)
    if isinstance(varde, str):
        return neutralisera(varde)
    return varde


def nedladdning(innehall: bytes, filnamn: str, *, personuppgifter: bool = False) -> HttpResponse:
    """A download response with the right type, an RFC 6266 file name and, for participant data, no caching."""
    typ = XLSX_TYP if filnamn.endswith(".xlsx") else CSV_TYP if filnamn.endswith(".csv") else "application/octet-stream"
    svar = HttpResponse(innehall, content_type=typ)
    svar["Content-Disposition"] = content_disposition_header(True, filnamn)
    if personuppgifter:
        svar["Cache-Control"] = "no-store"
    return svar
