"""Text encoding of uploaded CSV files, detected with charset-normalizer and never guessed silently.

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such. Otherwise charset-normalizer picks
among the encodings Swedish spreadsheet programs write (Windows-1252, ISO-8859-1/15); a file it cannot
place, or that is binary, is refused with a Swedish message that says how to save it instead.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError

SVENSKA_KODNINGAR = ("cp1252", "iso8859_15", "latin_1")
NAMN = {"utf_8": "UTF-8", "utf_16": "UTF-16", "cp1252": "Windows-1252", "iso8859_15": "ISO-8859-15", "latin_1": "ISO-8859-1"}
RAD = "Spara filen som ”CSV UTF-8 (kommaavgränsad)” i Excel eller som CSV med teckenkodning UTF-8 och försök igen."


def avkoda(data: bytes) -> tuple[str, str]:
    """The file's text and the name of its encoding (for the import page), or a ValidationError."""
    if data.startswith(codecs.BOM_UTF8):
        return _strikt(data[3:], "utf_8"), NAMN["utf_8"]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strikt(data, "utf_16"), NAMN["utf_16"]
    if b"\x00" in data:
        raise ValidationError(f"Filen ser ut att vara binär (den innehåller nolltecken), inte en textfil. {RAD}")
    try:
        return data.decode("utf_8"), NAMN["utf_8"]
    except UnicodeDecodeError:
        pass
    basta = from_bytes(data, cp_isolation=list(SVENSKA_KODNINGAR)).best()
    if basta is None or basta.chaos > 0.2:
        raise ValidationError(f"Filens teckenkodning går inte att avgöra säkert. {RAD}")
    kodning = basta.encoding
    # Windows-1252 is a superset of ISO-8859-1 for printable text; name the one Excel writes.
    if kodning == "latin_1" and _gar(data, "cp1252"):
        kodning = "cp1252"
    return _strikt(data, kodning), NAMN.get(kodning, kodning)


def _gar(data: bytes, kodning: str) -> bool:
    try:
        data.decode(kodning)
    except UnicodeDecodeError:
        return False
    return True


def _strikt(data: bytes, kodning: str) -> str:
    try:
        return data.decode(kodning)
    except UnicodeDecodeError as exc:
        raise ValidationError(f"Filen är inte giltig {NAMN.get(kodning, kodning)} (byte {exc.start + 1}). {RAD}") from exc
