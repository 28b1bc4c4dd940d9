"""Governance documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from django.utils import timezone

from finsam.documents.render import render_pdf

from .models import Gallring


def gallringsprotokoll_pdf(gallring: Gallring) -> bytes:
    """The protocol of one gallring run (PDF/A): who, when, what was destroyed under which row, and what was kept."""
    context = {
        "forbund": gallring.forbund,
        "gallring": gallring,
        "gallrat": gallring.utfall,
        "behalls": gallring.behalls,
        "titel": f"Gallringsprotokoll nr {gallring.nummer}",
        "skapad": gallring.genomford or timezone.now(),
    }
    return render_pdf("forvaltning/pdf/gallringsprotokoll.html", context)
