"""Tagged, archival PDFs (issue 15): structure tree, document language, PDF/A-3a identification."""

from __future__ import annotations

import io
import re
from typing import Any

from pypdf import PdfReader

from finsam.documents.render import html_to_pdf


def strukturtaggar(pdf: bytes) -> tuple[dict[str, Any], list[str]]:
    """The PDF's catalog and the structure element types in document order."""
    rot = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    taggar: list[str] = []

    def vandra(nod: Any) -> None:
        nod = nod.get_object()
        if "/S" in nod:
            taggar.append(str(nod["/S"]))
        barn = nod.get("/K")
        if barn is None:
            return
        for b in barn if isinstance(barn, list) else [barn]:
            b = b.get_object()
            if hasattr(b, "keys"):
                vandra(b)

    if "/StructTreeRoot" in rot:
        vandra(rot["/StructTreeRoot"])
    return rot, taggar


def pdfa_id(rot: Any) -> tuple[str, str]:
    xmp = rot["/Metadata"].get_object().get_data().decode()
    part = re.search(r"pdfaid:part[=>\"\s]+(\d)", xmp)
    conf = re.search(r"pdfaid:conformance[=>\"\s]+(\w)", xmp)
    return (part.group(1) if part else "", conf.group(1) if conf else "")


def test_pdf_ar_taggad_med_sprak_och_pdfa_3a() -> None:
    html = (
        '<html lang="sv"><head><title>Protokoll</title></head><body><h1>Protokoll 2019-11-28</h1>'
        "<table><thead><tr><th>§</th><th>Ärende</th></tr></thead><tbody><tr><td>69</td><td>Öppnande</td></tr></tbody></table>"
        "</body></html>"
    )
    rot, taggar = strukturtaggar(html_to_pdf(html))
    assert rot["/Lang"] == "sv"
    assert rot["/MarkInfo"]["/Marked"]
    assert pdfa_id(rot) == ("3", "A")
    assert taggar[:2] == ["/Document", "/H1"]
    assert {"/Table", "/THead", "/TH", "/TBody", "/TD"} <= set(taggar)
