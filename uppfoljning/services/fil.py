"""Read an uploaded participant spreadsheet as text rows, within hard limits.

CSV (`;`, `,` or tab; UTF-8 with or without BOM, UTF-16 with BOM as Excel's "Unicode text", or Windows-1252) or XLSX.
The limits are one setting each, the same for the page, the API and the command (they all call
`deltagare_import_starta`): bytes (`UPPFOLJNING_IMPORT_MAX_BYTES`), unpacked size of an XLSX
(`UPPFOLJNING_IMPORT_MAX_UPPACKAT`, checked on the zip directory before openpyxl opens anything), data rows
(`UPPFOLJNING_IMPORT_MAX_RADER`) and characters per cell (`UPPFOLJNING_IMPORT_MAX_CELL`). Rows are read one at a
time and reading stops at the first limit passed; every refusal is one clear Swedish sentence.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError

from finsam.formatting import tal
from finsam.kodning import avkoda

MB = 1024 * 1024
STANDARD = {
    "UPPFOLJNING_IMPORT_MAX_BYTES": 5 * MB,
    "UPPFOLJNING_IMPORT_MAX_UPPACKAT": 50 * MB,
    "UPPFOLJNING_IMPORT_MAX_RADER": 50_000,
    "UPPFOLJNING_IMPORT_MAX_CELL": 300,
}


def grans(namn: str) -> int:
    return int(getattr(settings, namn, STANDARD[namn]))


def max_bytes() -> int:
    return grans("UPPFOLJNING_IMPORT_MAX_BYTES")


def _tal(n: int) -> str:
    return tal(n)


def _mb(n: float) -> str:
    return f"{n / MB:.1f}".replace(".", ",") + " MB"


def kontrollera_storlek(storlek: int) -> None:
    """Refuse a file by its size alone (before it is read into memory)."""
    if storlek > max_bytes():
        raise ValidationError(f"Filen är för stor ({_mb(storlek)}); största tillåtna storlek är {_mb(max_bytes())}.", code="for_stor")


@dataclass
class Tabell:
    rubriker: list[str]
    rader: list[tuple[int, list[str]]]  # (row number in the file, header = 1; the cells as text, as many as the headers)


def rubrik(text: Any) -> str:
    t = unicodedata.normalize("NFKD", str(text or "").strip().lower()).encode("ascii", "ignore").decode()
    return t.replace(" ", "_").replace("-", "_")


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def _avkoda(data: bytes) -> str:
    """The text of a CSV upload: the encoding detected by finsam.kodning (UTF-8 with or without BOM, UTF-16, Windows-1252, ISO-8859)."""
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ValidationError(
            "Filen innehåller binära data (nolltecken) och är varken en CSV-fil eller en Excel-fil (XLSX). "
            "Spara kalkylbladet som CSV (UTF-8) eller Excel-arbetsbok (.xlsx)."
        )
    return avkoda(data)[0]


def _kontrollera_tecken(text: str) -> None:
    for i, tecken in enumerate(text[:65536]):
        if tecken not in "\t\r\n" and unicodedata.category(tecken) == "Cc":
            rad = text.count("\n", 0, i) + 1
            raise ValidationError(
                f"Rad {rad}: filen innehåller styrtecken (U+{ord(tecken):04X}) som inte hör hemma i en textfil; "
                "den är troligen inte en CSV-fil. Spara kalkylbladet som CSV (UTF-8) eller .xlsx."
            )


def _csv_rader(data: bytes) -> Iterator[tuple[int, list[str]]]:
    text = _avkoda(data)
    _kontrollera_tecken(text)
    forsta = text.lstrip().split("\n", 1)[0]
    avgransare = ";" if forsta.count(";") >= forsta.count(",") and ";" in forsta else ("\t" if "\t" in forsta else ",")
    lasare = csv.reader(io.StringIO(text, newline=""), delimiter=avgransare)
    try:
        yield from enumerate(lasare, start=1)
    except csv.Error as exc:
        if "field larger" in str(exc):
            raise ValidationError(
                f"Rad {lasare.line_num}: en cell är längre än {_tal(csv.field_size_limit())} tecken; "
                f"högst {grans('UPPFOLJNING_IMPORT_MAX_CELL')} tecken tillåts per cell."
            ) from exc
        raise ValidationError(f"Rad {lasare.line_num}: raden kunde inte läsas som CSV (ett citattecken saknar sin motpart).") from exc


def _xlsx_arkiv(data: bytes) -> None:
    """The zip directory of an XLSX, read without unpacking anything: a whole archive, within the unpacked-size limit,
    with a workbook."""
    try:
        arkiv = zipfile.ZipFile(io.BytesIO(data))
        medlemmar = arkiv.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ValidationError(
            "Filen är ingen giltig Excel-fil (XLSX): den är inte ett helt zip-arkiv. Öppna den i Excel och spara som .xlsx igen, eller som CSV."
        ) from exc
    uppackat = sum(m.file_size for m in medlemmar)
    if uppackat > grans("UPPFOLJNING_IMPORT_MAX_UPPACKAT"):
        raise ValidationError(
            f"Excel-filen packas upp till {_mb(uppackat)}; största tillåtna är {_mb(grans('UPPFOLJNING_IMPORT_MAX_UPPACKAT'))}. "
            "Dela upp filen eller spara den som CSV."
        )
    if "xl/workbook.xml" not in {m.filename for m in medlemmar}:
        raise ValidationError("Zip-arkivet är ingen Excel-arbetsbok (xl/workbook.xml saknas); spara kalkylbladet som .xlsx eller CSV.")


def forkontrollera(data: bytes, filnamn: str) -> bool:
    """The cheap refusals, before any row is parsed (and before a large file is queued): size, empty, the old .xls
    format, a .xlsx that is no zip, and an XLSX's zip directory. Returns whether the file is a zip (XLSX)."""
    kontrollera_storlek(len(data))
    if not data.strip():
        raise ValidationError("Filen är tom.")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ValidationError("Det gamla Excel-formatet (.xls) stöds inte; spara kalkylbladet som Excel-arbetsbok (.xlsx) eller CSV.")
    ar_zip = data[:4] == b"PK\x03\x04"
    if filnamn.lower().endswith(".xlsx") and not ar_zip:
        raise ValidationError("Filen heter .xlsx men är ingen Excel-fil (innehållet är inte ett zip-arkiv); spara den igen från Excel.")
    if ar_zip:
        _xlsx_arkiv(data)
    return ar_zip


def _xlsx_rader(data: bytes) -> Iterator[tuple[int, list[str]]]:
    import openpyxl

    try:
        bok = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        blad = bok.worksheets[0]
        for nr, rad in enumerate(blad.iter_rows(values_only=True), start=1):
            yield nr, [_text(v) for v in rad]
    except ValidationError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged workbook
        raise ValidationError(
            "Excel-filen kunde inte läsas: arbetsboken är skadad eller inte sparad av ett kalkylprogram. "
            "Öppna den i Excel och spara igen, eller spara som CSV."
        ) from exc


def las_fil(data: bytes, filnamn: str, kolumner: list[str], valfria: list[str], *, max_cell: int | None = None) -> Tabell:
    """The file's rows (without empty rows) under the normalised headers; refused at the first limit or broken part.

    `max_cell` replaces the per-cell limit for a register whose cells hold longer text (a delegation order's comments).
    """
    ar_zip = forkontrollera(data, filnamn)
    max_rader, max_cell = grans("UPPFOLJNING_IMPORT_MAX_RADER"), max_cell or grans("UPPFOLJNING_IMPORT_MAX_CELL")
    kalla = _xlsx_rader(data) if ar_zip else _csv_rader(data)
    rubriker: list[str] | None = None
    bredd = 0
    rader: list[tuple[int, list[str]]] = []
    for nr, text in kalla:
        if text and max(map(len, text)) > max_cell:
            kol, cell = max(enumerate(text), key=lambda t: len(t[1]))
            namn = rubriker[kol] if rubriker and kol < len(rubriker) else f"nummer {kol + 1}"
            raise ValidationError(f"Rad {nr}, kolumn {namn}: cellen har {_tal(len(cell))} tecken; högst {max_cell} tecken tillåts per cell.")
        if rubriker is None:
            rubriker = _rubriker(text, kolumner, valfria)
            bredd = len(rubriker)
            continue
        if not "".join(text).strip():
            continue
        if len(rader) >= max_rader:
            raise ValidationError(f"Filen har fler än {_tal(max_rader)} datarader; dela upp den i flera filer.")
        if len(text) != bredd:
            text = text[:bredd] + [""] * (bredd - len(text))
        rader.append((nr, text))
    if rubriker is None:
        raise ValidationError("Filen är tom.")
    if not rader:
        raise ValidationError("Filen innehåller inga datarader.")
    return Tabell(rubriker, rader)


def _rubriker(celler: list[str], kolumner: list[str], valfria: list[str]) -> list[str]:
    rubriker = [rubrik(h) for h in celler]
    while rubriker and not rubriker[-1]:
        rubriker.pop()
    kanda = set(kolumner) | set(valfria)
    okanda = [h for h in rubriker if h not in kanda]
    saknas = [k for k in kolumner if k not in rubriker]
    krav = f"Första raden ska innehålla kolumnerna (i valfri ordning): {', '.join(kolumner)}."
    if rubriker and not (set(rubriker) & kanda):
        raise ValidationError(["Rad 1: första raden är ingen rubrikrad – ingen av kolumnerna känns igen (fel teckenkodning eller fel fil?).", krav])
    fel = []
    if okanda:
        fel.append(f"Rad 1: okända kolumner: {', '.join(h[:40] for h in okanda)}.")
    dubbla = sorted({h for h in rubriker if h and rubriker.count(h) > 1})
    if dubbla:
        fel.append(f"Rad 1: kolumnen {', '.join(dubbla)} finns mer än en gång.")
    if saknas:
        fel.append(f"Rad 1: kolumner saknas: {', '.join(saknas)}.")
    if fel:
        raise ValidationError([*fel, krav])
    return rubriker
