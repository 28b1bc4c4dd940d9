"""Ekonomi documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from finsam.documents.render import render_pdf
from finsam.models import Forbund


def rakenskaper_pdf(forbund: Forbund, data: dict[str, Any]) -> bytes:
    context = {"d": data, "forbund": forbund, "titel": f"Räkenskaper {data['ar']}", "skapad": timezone.now()}
    return render_pdf("ekonomi/pdf/rakenskaper.html", context)
