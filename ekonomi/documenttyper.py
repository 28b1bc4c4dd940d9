"""Ekonomi's document types, registered at start-up (ekonomi.apps)."""

from __future__ import annotations

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from . import pdf, selectors
from .selectors.uppfoljning import kvartalsuppfoljning


def bygg_rakenskaper(dokument: Dokument, progress: Progress) -> bytes:
    ar = int(dokument.parametrar["ar"])
    progress(20, "Härleder räkenskaperna och stämmer av")
    data = selectors.rakenskaper(dokument.forbund, ar)
    progress(50, "Sätter sidorna")
    return pdf.rakenskaper_pdf(dokument.forbund, data)


def bygg_kvartalsrapport(dokument: Dokument, progress: Progress) -> bytes:

    ar, kvartal = int(dokument.parametrar["ar"]), int(dokument.parametrar["kvartal"])
    progress(20, "Summerar utfallet per budgetrad")
    data = kvartalsuppfoljning(dokument.forbund, ar, kvartal)
    progress(50, "Sätter sidorna")
    return pdf.kvartalsrapport_pdf(dokument.forbund, data)


def registrera_alla() -> None:
    registrera(Dokumenttyp(typ="rakenskaper", namn="Räkenskaper", bygg=bygg_rakenskaper, behorighet="ekonomi.visa"))
    registrera(Dokumenttyp(typ="kvartalsrapport", namn="Ekonomisk kvartalsrapport", bygg=bygg_kvartalsrapport, behorighet="ekonomi.visa"))
