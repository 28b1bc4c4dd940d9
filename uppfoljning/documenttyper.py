"""The follow-up's document types of the PDF pipeline (finsam.documents), registered at start-up: the needs analysis."""

from __future__ import annotations

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from .pdf import behovsanalys_pdf
from .selectors.behovsanalys import behovsanalys_data


def bygg_behovsanalys(dokument: Dokument, progress: Progress) -> bytes:
    ar = int(dokument.parametrar["ar"])
    progress(20, "Hämtar statistiken och deltagarna per kommun")
    data = behovsanalys_data(dokument.forbund, ar, omaskerat=False)
    progress(50, "Sätter sidorna")
    return behovsanalys_pdf(data, dokument.forbund)


def registrera_alla() -> None:
    registrera(Dokumenttyp(typ="behovsanalys", namn="Behovsanalys", bygg=bygg_behovsanalys, behorighet="utfall.visa"))
