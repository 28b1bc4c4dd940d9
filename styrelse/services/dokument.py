"""Order the board's PDFs through the shared document pipeline (rendering happens in a task)."""

from __future__ import annotations

from typing import Any

from finsam.documents.services import dokument_bestall
from finsam.models import Dokument
from finsam.tasking import enqueue

from ..models import Paragraf, Sammantrade


def kallelse_nyckel(mote: Sammantrade) -> str:
    return f"styrelse:kallelse:{mote.pk}"


def protokoll_nyckel(mote: Sammantrade) -> str:
    return f"styrelse:protokoll:{mote.pk}"


def kallelse_bestall(*, sammantrade: Sammantrade, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=sammantrade.forbund, aktor=aktor, typ="styrelse_kallelse", titel=f"Kallelse {sammantrade.datum:%Y-%m-%d}",
        nyckel=kallelse_nyckel(sammantrade), parametrar={"sammantrade": sammantrade.pk},
    )


def protokoll_bestall(*, sammantrade: Sammantrade, aktor: Any, las: bool = False) -> Dokument:
    """The minutes PDF; after justering (las=True) it is locked once rendered (PDF/A, never regenerated)."""
    from ..tasks import protokoll_las_task

    titel = f"Protokoll {sammantrade.datum:%Y-%m-%d}" + ("" if sammantrade.justerat else " (utkast)")
    d = dokument_bestall(forbund=sammantrade.forbund, aktor=aktor, typ="styrelse_protokoll", titel=titel,
                         nyckel=protokoll_nyckel(sammantrade), parametrar={"sammantrade": sammantrade.pk})
    if las:
        # A draft job may still be queued; the final title now, and the lock task checks the rendering is after justering.
        Dokument.objects.filter(pk=d.pk).update(titel=titel)
        enqueue(protokoll_las_task, d.pk)
    return d


def protokollsutdrag_bestall(*, paragraf: Paragraf, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=paragraf.forbund, aktor=aktor, typ="styrelse_protokollsutdrag",
        titel=f"Protokollsutdrag § {paragraf.nummer}/{paragraf.ar}", nyckel=f"styrelse:utdrag:{paragraf.pk}",
        parametrar={"paragraf": paragraf.pk},
    )


def anslagsbevis_bestall(*, sammantrade: Sammantrade, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=sammantrade.forbund, aktor=aktor, typ="styrelse_anslagsbevis", titel=f"Bevis om anslag {sammantrade.datum:%Y-%m-%d}",
        nyckel=f"styrelse:anslagsbevis:{sammantrade.pk}", parametrar={"sammantrade": sammantrade.pk},
    )
