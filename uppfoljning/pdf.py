"""The needs analysis as a PDF (pure: data in, bytes out); its document type is in uppfoljning/documenttyper.py."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from finsam.documents.render import render_pdf


def behovsanalys_pdf(data: dict[str, Any], forbund: Any) -> bytes:
    context = {**data, "forbund": forbund, "titel": f"Behovsanalys {data['ar']}", "skapad": timezone.now()}
    return render_pdf("uppfoljning/pdf/behovsanalys.html", context)
