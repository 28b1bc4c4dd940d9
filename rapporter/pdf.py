"""Pure: report data in, PDF bytes out (PDF/A-3b, real text, fonts embedded)."""

from __future__ import annotations

from typing import Any

from finsam.documents.render import render_pdf


def arsredovisning_pdf(data: dict[str, Any]) -> bytes:
    return render_pdf("rapporter/pdf/arsredovisning.html", data)


def verksamhetsplan_pdf(data: dict[str, Any]) -> bytes:
    return render_pdf("rapporter/pdf/verksamhetsplan.html", data)
