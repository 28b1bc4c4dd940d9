"""Core documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from .documents.render import render_pdf


def organisationsblad_pdf(data: dict[str, Any]) -> bytes:
    context = {**data, "titel": f"Organisation {data['ar']}", "skapad": timezone.now()}
    return render_pdf("pdf/organisationsblad.html", context)
