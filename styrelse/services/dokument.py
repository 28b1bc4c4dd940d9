"""Order the board's PDFs through the shared document pipeline (rendering happens in a task)."""

from __future__ import annotations

from typing import Any

from finsam.documents.services import dokument_bestall, dokument_las
from finsam.models import Dokument

from ..models import Paragraf, Sammantrade


def kallelse_nyckel(mote: Sammantrade) -> str:
    return f"styrelse:kallelse:{mote.pk}"


def protokoll_nyckel(mote: Sammantrade) -> str:
    return f"styrelse:protokoll:{mote.pk}"


def kallelse_bestall(*, sammantrade: Sammantrade, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=sammantrade.forbund,
        aktor=aktor,
        typ="styrelse_kallelse",
        titel=f"Kallelse {sammantrade.datum:%Y-%m-%d}",
        nyckel=kallelse_nyckel(sammantrade),
        parametrar={"sammantrade": sammantrade.pk},
    )


def protokoll_bestall(*, sammantrade: Sammantrade, aktor: Any, las: bool = False) -> Dokument:
    """The minutes PDF. After justering the same job renders the final minutes and locks them
    (PDF/A, SHA-256; see protokoll_efter_rendering): no separate lock job, no polling."""
    titel = f"Protokoll {sammantrade.datum:%Y-%m-%d}" + ("" if sammantrade.justerat else " (utkast)")
    d = dokument_bestall(
        forbund=sammantrade.forbund,
        aktor=aktor,
        typ="styrelse_protokoll",
        titel=titel,
        nyckel=protokoll_nyckel(sammantrade),
        parametrar={"sammantrade": sammantrade.pk},
    )
    if las:
        # The order may have joined a queued or running draft job: the final title now; the job
        # renders again if it started before the justering (protokoll_inaktuellt).
        Dokument.objects.filter(pk=d.pk).update(titel=titel)
    return d


def _justerat(dokument: Dokument) -> Sammantrade | None:
    mote = Sammantrade.objects.filter(forbund=dokument.forbund_id, pk=dokument.parametrar.get("sammantrade")).first()
    return mote if mote is not None and mote.justerat is not None else None


def protokoll_inaktuellt(dokument: Dokument) -> bool:
    """The rendering started before the justering: it shows the draft, so render the final minutes."""
    mote = _justerat(dokument)
    return mote is not None and mote.justerat is not None and (dokument.startad is None or dokument.startad < mote.justerat)


def protokoll_efter_rendering(dokument: Dokument) -> None:
    """Completion step of the minutes job: justered minutes are locked in the same transaction."""
    if _justerat(dokument) is not None and not protokoll_inaktuellt(dokument):
        dokument_las(dokument=dokument, aktor="system", detaljer={"orsak": "protokollet justerat"})


def protokollsutdrag_bestall(*, paragraf: Paragraf, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=paragraf.forbund,
        aktor=aktor,
        typ="styrelse_protokollsutdrag",
        titel=f"Protokollsutdrag § {paragraf.nummer}/{paragraf.ar}",
        nyckel=f"styrelse:utdrag:{paragraf.pk}",
        parametrar={"paragraf": paragraf.pk},
    )


def anslagsbevis_bestall(*, sammantrade: Sammantrade, aktor: Any) -> Dokument:
    return dokument_bestall(
        forbund=sammantrade.forbund,
        aktor=aktor,
        typ="styrelse_anslagsbevis",
        titel=f"Bevis om anslag {sammantrade.datum:%Y-%m-%d}",
        nyckel=f"styrelse:anslagsbevis:{sammantrade.pk}",
        parametrar={"sammantrade": sammantrade.pk},
    )
