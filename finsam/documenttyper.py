"""The core's document types, registered at start-up (finsam.apps)."""

from __future__ import annotations

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from . import pdf, selectors


def bygg_organisationsblad(dokument: Dokument, progress: Progress) -> bytes:
    ar = int(dokument.parametrar["ar"])
    progress(20, "Hämtar medlemmar, styrelse och kansli")
    data = selectors.organisationsblad(dokument.forbund, ar)
    progress(50, "Sätter sidorna")
    return pdf.organisationsblad_pdf(data)


def registrera_alla() -> None:
    registrera(
        Dokumenttyp(
            typ="organisationsblad",
            namn="Organisationsblad",
            bygg=bygg_organisationsblad,
            behorighet="forbund.visa",
        )
    )
