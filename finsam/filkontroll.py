"""One check for every uploaded file (issue 14): size, type by extension *and* by content, and active content.

Used by every door that takes a file (board attachments, the diarium, urgent decisions, intervention
applications and reports): the service calls `kontrollera_fil(fil)` before anything is saved, so the page,
the API and a command refuse alike, with the same Swedish message.

- The extension says which type the file claims to be; the content must be that type: a PDF that pypdf can
  read, an Office Open XML file that is a real zip with the right main content type, an OpenDocument file
  with the right `mimetype`, an old Office file with the OLE header, a PNG or JPEG that Pillow can read.
- A PDF that carries JavaScript (/JS, /JavaScript, also behind /OpenAction), automatic actions (/AA), launch
  actions (/Launch) or embedded files (/EmbeddedFile, /EmbeddedFiles, /EF) is refused; so is an encrypted
  PDF that cannot be opened without a password (it cannot be checked).
- Office files with macros (vbaProject.bin, macroEnabled content types, OpenDocument Basic/Scripts) are refused.
- A zip that expands beyond FINSAM_MAX_UPLOAD_UTPACKAT_BYTES or has more than FINSAM_MAX_UPLOAD_ZIP_POSTER
  entries is refused before it is read (zip bombs).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"

# Office Open XML: the main part's content type, as [Content_Types].xml must declare it.
OOXML = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
ODF = {".odt": b"application/vnd.oasis.opendocument.text", ".ods": b"application/vnd.oasis.opendocument.spreadsheet"}
BILDER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}

# The types the board, the diarium and urgent decisions take; interventions also take old Word and Excel files.
STANDARD = frozenset({".pdf", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".png", ".jpg", ".jpeg"})
MED_ALDRE_OFFICE = STANDARD | {".doc", ".xls"}
TILLATNA_TEXT = "PDF, Word, Excel, PowerPoint, OpenDocument, PNG och JPEG"
PDF = frozenset({".pdf"})  # registers that keep a signed decision or report as a document

MEDDELANDE_JS = (
    "PDF-filen innehåller JavaScript och tas inte emot. Spara den som en vanlig PDF (till exempel med ”Skriv ut till PDF”) och ladda upp den igen."
)
MEDDELANDE_AA = (
    "PDF-filen innehåller automatiska åtgärder som körs när den öppnas och tas inte emot. Spara den som en vanlig PDF och ladda upp den igen."
)
MEDDELANDE_LAUNCH = "PDF-filen innehåller en åtgärd som startar ett program och tas inte emot. Spara den som en vanlig PDF och ladda upp den igen."
MEDDELANDE_INBADDAD = "PDF-filen innehåller inbäddade filer och tas inte emot. Ladda upp filerna var för sig i stället."
MEDDELANDE_KRYPTERAD = "PDF-filen är lösenordsskyddad och kan inte kontrolleras. Ta bort lösenordet och ladda upp den igen."
MEDDELANDE_MAKRO = "Filen innehåller makron och tas inte emot. Spara den utan makron (som .docx, .xlsx eller .pptx) och ladda upp den igen."
MEDDELANDE_ZIPBOMB = "Filen packas upp till för mycket data och tas inte emot."

# PDF keys and action types that make a reader run something.
_JS_NYCKLAR = {"/JS", "/JavaScript"}
_INBADDAT = {"/EmbeddedFile", "/EmbeddedFiles", "/EF"}
_MAX_PDF_OBJEKT = 500_000


def _fel(meddelande: str, kod: str) -> ValidationError:
    return ValidationError(meddelande, code=kod)


def andelse_for(namn: str) -> str:
    namn = (namn or "").lower()
    return ("." + namn.rsplit(".", 1)[-1]) if "." in namn else ""


def kontrollera_fil(fil: Any, *, tillatna: frozenset[str] = STANDARD) -> str:
    """Refuse an empty, too large, wrongly typed or active file; return its extension (".pdf", ...).

    `fil` is an uploaded file (anything with `name`, `size`, `read` and `seek`); it is left at position 0.
    """
    storlek = fil.size or 0
    if not storlek:
        raise _fel("Välj en fil att ladda upp; filen är tom.", "tom")
    if storlek > settings.FINSAM_MAX_UPLOAD_BYTES:
        raise _fel(f"Filen är för stor (högst {settings.FINSAM_MAX_UPLOAD_BYTES // (1024 * 1024)} MB).", "for_stor")
    andelse = andelse_for(fil.name or "")
    if andelse not in tillatna:
        if tillatna == PDF:
            raise _fel("Filtypen är inte tillåten. Ladda upp dokumentet som PDF.", "filtyp")
        raise _fel(f"Filtypen är inte tillåten. Tillåtna: {TILLATNA_TEXT}.", "filtyp")
    fil.seek(0)
    try:
        _kontrollera_innehall(fil, andelse)
    finally:
        fil.seek(0)
    return andelse


def _fel_typ(andelse: str) -> ValidationError:
    return _fel(f"Filens innehåll stämmer inte med filtypen {andelse}.", "innehall")


def _kontrollera_innehall(fil: IO[bytes], andelse: str) -> None:
    borjan = fil.read(8)
    fil.seek(0)
    if andelse == ".pdf":
        if not borjan.startswith(b"%PDF-"):
            raise _fel_typ(andelse)
        _kontrollera_pdf(fil)
    elif andelse in OOXML or andelse in ODF:
        if not borjan.startswith(ZIP):
            raise _fel_typ(andelse)
        _kontrollera_zip(fil, andelse)
    elif andelse in (".doc", ".xls"):
        if not borjan.startswith(OLE):
            raise _fel_typ(andelse)
    elif andelse in BILDER:
        if not borjan.startswith(PNG if andelse == ".png" else JPEG):
            raise _fel_typ(andelse)
        try:
            with Image.open(fil) as bild:
                format_ = bild.format
                bild.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise _fel_typ(andelse) from None
        if format_ != BILDER[andelse]:
            raise _fel_typ(andelse)
    else:  # pragma: no cover - every allowed extension has a content check above
        raise _fel_typ(andelse)


def _kontrollera_zip(fil: IO[bytes], andelse: str) -> None:
    try:
        with zipfile.ZipFile(fil) as z:
            poster = z.infolist()
            if len(poster) > settings.FINSAM_MAX_UPLOAD_ZIP_POSTER or sum(p.file_size for p in poster) > settings.FINSAM_MAX_UPLOAD_UTPACKAT_BYTES:
                raise _fel(MEDDELANDE_ZIPBOMB, "zipbomb")
            namn = {p.filename for p in poster}
            if andelse in OOXML:
                if "[Content_Types].xml" not in namn:
                    raise _fel_typ(andelse)
                typer = z.read("[Content_Types].xml")
                if any(n.lower().endswith("vbaproject.bin") for n in namn) or b"macroenabled" in typer.lower():
                    raise _fel(MEDDELANDE_MAKRO, "makro")
                if f'ContentType="{OOXML[andelse]}"'.encode() not in typer:
                    raise _fel_typ(andelse)
            else:
                if "mimetype" not in namn or z.read("mimetype").strip() != ODF[andelse]:
                    raise _fel_typ(andelse)
                if any(n.startswith(("Basic/", "Scripts/")) for n in namn):
                    raise _fel(MEDDELANDE_MAKRO, "makro")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, NotImplementedError, ValueError):
        raise _fel_typ(andelse) from None


def _kontrollera_pdf(fil: IO[bytes]) -> None:
    try:
        reader = PdfReader(fil, strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fel(MEDDELANDE_KRYPTERAD, "krypterad")
        rot: list[Any] = [reader.trailer]
        for fynd in _aktivt_innehall(rot):
            raise _fel(fynd[0], fynd[1])
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError):
        raise _fel("Filen är inte en läsbar PDF.", "innehall") from None


def _aktivt_innehall(start: list[Any]) -> Iterator[tuple[str, str]]:
    """Walk every object reachable from the trailer (iteratively, each indirect object once) and yield what is active."""
    sedda: set[tuple[int, int]] = set()
    stack = list(start)
    besokta = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            nyckel = (obj.idnum, obj.generation)
            if nyckel in sedda:
                continue
            sedda.add(nyckel)
            obj = obj.get_object()
        besokta += 1
        if besokta > _MAX_PDF_OBJEKT:
            raise ValueError("för många objekt")
        if isinstance(obj, DictionaryObject):
            for k in obj:
                if k in _JS_NYCKLAR:
                    yield MEDDELANDE_JS, "pdf_javascript"
                if k in _INBADDAT:
                    yield MEDDELANDE_INBADDAD, "pdf_inbaddad_fil"
                if k == "/AA":
                    yield MEDDELANDE_AA, "pdf_automatisk_atgard"
            for k in ("/S", "/Type", "/Subtype"):
                varde = obj.get(k)
                if isinstance(varde, NameObject):
                    if varde == "/JavaScript":
                        yield MEDDELANDE_JS, "pdf_javascript"
                    elif varde == "/Launch":
                        yield MEDDELANDE_LAUNCH, "pdf_start_program"
                    elif varde in _INBADDAT:
                        yield MEDDELANDE_INBADDAD, "pdf_inbaddad_fil"
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
