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


DOKUMENTTYPER: dict[str, Dokumenttyp] = {}


def registrera(typ: Dokumenttyp) -> None:
    DOKUMENTTYPER[typ.typ] = typ


def hamta_typ(typ: str) -> Dokumenttyp:
    try:
        return DOKUMENTTYPER[typ]
    except KeyError as exc:
        raise ValueError(f"Okänd dokumenttyp: {typ}") from exc
