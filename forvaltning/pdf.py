"""Governance documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from django.utils import timezone

from finsam.documents.render import render_pdf

from .models import Avtal, Gallring


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


def avtalstext_pdf(avtal: Avtal, text: str, *, datumrad: str = "") -> bytes:
    """An agreement's text as a PDF: paragraphs separated by blank lines; a short line starting with § (or in capitals) is a heading."""
    stycken = []
    for del_ in (d.strip() for d in text.split("\n\n")):
        if del_:
            rubrik = len(del_) < 90 and "\n" not in del_ and (del_.startswith("§") or del_.isupper())
            stycken.append({"text": del_, "rubrik": rubrik})
    context = {"forbund": avtal.forbund, "avtal": avtal, "titel": avtal.rubrik, "stycken": stycken, "datumrad": datumrad}
    return render_pdf("forvaltning/pdf/avtalstext.html", context)
