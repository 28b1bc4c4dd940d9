"""Real files for upload tests: every upload is checked by content (finsam.filkontroll), so a test file must be one."""

from __future__ import annotations

import io
import zipfile

from pypdf import PdfWriter


def pdf(titel: str = "Testhandling") -> bytes:
    """A clean one-page PDF; the title makes two files differ."""
    skrivare = PdfWriter()
    skrivare.add_blank_page(width=595, height=842)
    skrivare.add_metadata({"/Title": titel})
    ut = io.BytesIO()
    skrivare.write(ut)
    return ut.getvalue()


def xlsx() -> bytes:
    """A minimal Office Open XML workbook: a real zip with the spreadsheet's main content type."""
    typer = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    ut = io.BytesIO()
    with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", typer)
        z.writestr("xl/workbook.xml", "<workbook/>")
    return ut.getvalue()
