"""Checks for uploaded files (application attachments, report versions): type by extension and content, and size."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

ZIP = b"PK\x03\x04"
OLE = b"\xd0\xcf\x11\xe0"  # .doc/.xls
TILLATNA: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".pptx": (ZIP,),
    ".odt": (ZIP,),
    ".ods": (ZIP,),
    ".doc": (OLE,),
    ".xls": (OLE,),
    ".png": (b"\x89PNG",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
}


def kontrollera_fil(fil: UploadedFile) -> None:
    """Refuse empty, too large, or not allowed files (the content must match the extension)."""
    namn = (fil.name or "").lower()
    storlek = fil.size or 0
    if not storlek:
        raise ValidationError("Välj en fil att ladda upp; filen är tom.")
    if storlek > settings.FINSAM_MAX_UPLOAD_BYTES:
        raise ValidationError(f"Filen är för stor (högst {settings.FINSAM_MAX_UPLOAD_BYTES // (1024 * 1024)} MB).")
    andelse = ("." + namn.rsplit(".", 1)[-1]) if "." in namn else ""
    if andelse not in TILLATNA:
        raise ValidationError("Filtypen är inte tillåten. Tillåtna: PDF, Word, Excel, PowerPoint, OpenDocument, PNG och JPEG.")
    fil.seek(0)
    borjan = fil.read(8)
    fil.seek(0)
    if not any(borjan.startswith(m) for m in TILLATNA[andelse]):
        raise ValidationError(f"Filens innehåll stämmer inte med filtypen {andelse}.")
