"""The reports as document types of the PDF pipeline (finsam.documents), registered at start-up.

The pipeline's Celery task (finsam.dokument_rendera_task: acks_late, reject_on_worker_lost, soft
and hard time limits; the worker's memory limit per child from settings) calls `bygg`, which
reports progress per section and returns the bytes. A rerun replaces the draft; an adopted
(locked) document is never rendered again.
"""

from __future__ import annotations

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from . import pdf, selectors
from .models import Rapportunderlag


def bygg_arsredovisning(dokument: Dokument, progress: Progress) -> bytes:
    """Render from the stored snapshot named in the order (never from live data); older orders without one build afresh."""
    underlag_id = dokument.parametrar.get("underlag")
    if underlag_id:
        underlag = Rapportunderlag.objects.select_related("forbund").get(pk=underlag_id, forbund=dokument.forbund)
        progress(20, "Läser rapportens underlag")
        data = selectors.arsredovisning_fran_underlag(underlag)
    else:
        data = selectors.arsredovisning(dokument.forbund, int(dokument.parametrar["ar"]), progress)
    progress(70, "Sätter sidorna: förvaltningsberättelse, räkenskaper och bilaga")
    return pdf.arsredovisning_pdf(data)


def bygg_verksamhetsplan(dokument: Dokument, progress: Progress) -> bytes:
    """Render from the stored snapshot named in the order (never from live data); older orders without one build afresh."""
    underlag_id = dokument.parametrar.get("underlag")
    if underlag_id:
        underlag = Rapportunderlag.objects.select_related("forbund").get(pk=underlag_id, forbund=dokument.forbund)
        progress(20, "Läser planens underlag")
        data = selectors.verksamhetsplan_fran_underlag(underlag)
    else:
        data = selectors.verksamhetsplan(dokument.forbund, int(dokument.parametrar["ar"]), progress)
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
