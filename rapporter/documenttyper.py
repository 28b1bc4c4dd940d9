"""The reports as document types of the PDF pipeline (finsam.documents), registered at start-up.

The pipeline's Celery task (finsam.dokument_rendera_task: acks_late, reject_on_worker_lost, soft
and hard time limits; the worker's memory limit per child from settings) calls `bygg`, which
reports progress per section and returns the bytes. A rerun replaces the draft; an adopted
(locked) document is never rendered again.
"""

from __future__ import annotations

from typing import Any

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from . import pdf, selectors
from .models import Rapportunderlag


def _data(dokument: Dokument, progress: Progress, fran_underlag: Any, bygg: Any, vad: str) -> dict[str, Any]:
    """Read the stored snapshot named in the order (never live data); older orders without one build afresh."""
    underlag_id = dokument.parametrar.get("underlag")
    if underlag_id:
        underlag = Rapportunderlag.objects.select_related("forbund").get(pk=underlag_id, forbund=dokument.forbund)
        progress(20, f"Läser {vad} underlag")
        return fran_underlag(underlag)  # type: ignore[no-any-return]
    return bygg(dokument.forbund, int(dokument.parametrar["ar"]), progress)  # type: ignore[no-any-return]


def bygg_arsredovisning(dokument: Dokument, progress: Progress) -> bytes:
    data = _data(dokument, progress, selectors.arsredovisning_fran_underlag, selectors.arsredovisning, "rapportens")
    progress(70, "Sätter sidorna: förvaltningsberättelse, räkenskaper och bilaga")
    return pdf.arsredovisning_pdf(data)


def bygg_verksamhetsplan(dokument: Dokument, progress: Progress) -> bytes:
    data = _data(dokument, progress, selectors.verksamhetsplan_fran_underlag, selectors.verksamhetsplan, "planens")
    progress(70, "Sätter sidorna: måltabell, insatser och budget")
    return pdf.verksamhetsplan_pdf(data)


def registrera_alla() -> None:
    registrera(
        Dokumenttyp(
            typ="arsredovisning", namn="Årsredovisning", bygg=bygg_arsredovisning, behorighet="rapporter.visa", behorighet_utkast="rapporter.utkast"
        )
    )
    registrera(
        Dokumenttyp(
            typ="verksamhetsplan",
            namn="Verksamhetsplan",
            bygg=bygg_verksamhetsplan,
            behorighet="rapporter.visa",
            behorighet_utkast="rapporter.utkast",
        )
    )
