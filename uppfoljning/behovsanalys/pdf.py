"""The needs analysis as a PDF (pure: data in, bytes out) and its document type for the pipeline."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.documents.render import render_pdf
from finsam.models import Dokument

from .selectors import behovsanalys_data


def behovsanalys_pdf(data: dict[str, Any], forbund: Any) -> bytes:
    context = {**data, "forbund": forbund, "titel": f"Behovsanalys {data['ar']}", "skapad": timezone.now()}
    return render_pdf("uppfoljning/pdf/behovsanalys.html", context)


def bygg_behovsanalys(dokument: Dokument, progress: Progress) -> bytes:
    ar = int(dokument.parametrar["ar"])
    progress(20, "Hämtar statistiken och deltagarna per kommun")
    data = behovsanalys_data(dokument.forbund, ar, omaskerat=False)
    progress(50, "Sätter sidorna")
    return behovsanalys_pdf(data, dokument.forbund)


def registrera_dokumenttyp() -> None:
    registrera(Dokumenttyp(typ="behovsanalys", namn="Behovsanalys", bygg=bygg_behovsanalys, behorighet="utfall.visa"))
