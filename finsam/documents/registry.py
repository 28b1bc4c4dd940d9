"""Document types: each app registers how to build its documents and who may read them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from finsam.models import Dokument

# progress(percent, text) reports how far the rendering has come.
Progress = Callable[[int, str], None]
Builder = Callable[["Dokument", Progress], bytes]


@dataclass(frozen=True)
class Dokumenttyp:
    typ: str
    namn: str
    bygg: Builder
    behorighet: str  # who may download a finished (locked or not) document of this type
    behorighet_utkast: str | None = None  # if set: needed to see a draft (not locked) document
    pdfa: bool = True
    # Completion step, in the same job and transaction that stores the PDF (e.g. lock the final
    # minutes): called with the finished document; its failure fails the whole job, which is retried.
    efter_rendering: Callable[[Dokument], None] | None = None
    # True when the data changed while the rendering ran (e.g. justering of draft minutes): the job
    # renders again instead of storing the stale PDF.
    inaktuell: Callable[[Dokument], bool] | None = None


DOKUMENTTYPER: dict[str, Dokumenttyp] = {}


def registrera(typ: Dokumenttyp) -> None:
    DOKUMENTTYPER[typ.typ] = typ


def hamta_typ(typ: str) -> Dokumenttyp:
    try:
        return DOKUMENTTYPER[typ]
    except KeyError as exc:
        raise ValueError(f"Okänd dokumenttyp: {typ}") from exc
