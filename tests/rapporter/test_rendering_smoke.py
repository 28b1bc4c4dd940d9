"""Smoke: both reports render for a förbund with no data at all, saying what is missing."""

from __future__ import annotations

import io

from pypdf import PdfReader

from rapporter import pdf, selectors


def _text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_tom_arsredovisning_renderas(forbund, tmp_path):
    data = pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2019))
    (tmp_path / "a.pdf").write_bytes(data)
    text = _text(data)
    assert "Årsredovisning 2019" in text
    assert "Utkast – ännu inte beslutat av styrelsen" in text


def test_tom_verksamhetsplan_renderas(forbund):
    data = pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, 2020))
    assert "Verksamhetsplan 2020" in _text(data)
