"""Ekonomi documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from finsam.documents.render import render_pdf
from finsam.models import Forbund


def kvartalsrapport_pdf(forbund: Forbund, data: dict[str, Any]) -> bytes:
    context = {
        "u": data,
        "ar": data["ar"],
        "kvartal": data["kvartal"],
        "forbund": forbund,
        "redigerbar": False,
        "felrader": {},
        "titel": f"Kvartalsrapport {data['kvartal']} {data['ar']}",
        "skapad": timezone.now(),
    }
    return render_pdf("ekonomi/pdf/kvartalsrapport.html", context)


def rakenskaper_pdf(forbund: Forbund, data: dict[str, Any]) -> bytes:
    context = {"d": data, "forbund": forbund, "titel": f"Räkenskaper {data['ar']}", "skapad": timezone.now()}
    return render_pdf("ekonomi/pdf/rakenskaper.html", context)
