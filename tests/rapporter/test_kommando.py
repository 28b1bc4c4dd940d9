"""`python manage.py rapport …` renders the PDF synchronously and refuses bad input in Swedish."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from finsam.models import Dokument, Forbund

from . import factories as f

pytestmark = pytest.mark.django_db


def test_rapport_kommandot_skriver_pdf(forbund: Forbund, tmp_path: Path) -> None:
    f.styrelse(forbund, 2019)
    f.kant_utfall(forbund)
    ut = tmp_path / "ar2019.pdf"
    out = io.StringIO()
    call_command("rapport", "arsredovisning", "--forbund", forbund.slug, "--ar", "2019", "--out", str(ut), stdout=out)
    reader = PdfReader(str(ut))
    assert "sidor" in out.getvalue() and str(len(reader.pages)) in out.getvalue()
    assert "Årsredovisning 2019" in reader.pages[0].extract_text()
    assert not Dokument.objects.exists()  # synchronous: no job, nothing stored


def test_rapport_kommandot_okant_forbund(tmp_path: Path, db: None) -> None:
    with pytest.raises(CommandError, match="finns inte"):
        call_command("rapport", "verksamhetsplan", "--forbund", "saknas", "--ar", "2020", "--out", str(tmp_path / "x.pdf"))
