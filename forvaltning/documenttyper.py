"""The governance registers' document types, registered at start-up (forvaltning.apps)."""

from __future__ import annotations

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.documents.services import dokument_las
from finsam.models import Dokument

from . import pdf
from .models import Gallring


def bygg_gallringsprotokoll(dokument: Dokument, progress: Progress) -> bytes:
    progress(20, "Hämtar gallringen")
    gallring = Gallring.objects.select_related("forbund").get(forbund=dokument.forbund, pk=int(dokument.parametrar["gallring"]))
    progress(50, "Sätter protokollet")
    return pdf.gallringsprotokoll_pdf(gallring)


def gallringsprotokoll_las(dokument: Dokument) -> None:
    """A gallringsprotokoll is kept forever: locked as soon as it is rendered."""
    dokument_las(dokument=dokument, aktor="system", detaljer={"orsak": "gallringsprotokoll bevaras"})


def registrera_alla() -> None:
    registrera(
        Dokumenttyp(
            typ="gallringsprotokoll",
            namn="Gallringsprotokoll",
            bygg=bygg_gallringsprotokoll,
            behorighet="diarium.visa",
            efter_rendering=gallringsprotokoll_las,
        )
    )
