"""The board's document types, registered at start-up (styrelse.apps)."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from finsam.documents.registry import Dokumenttyp, Progress, registrera
from finsam.models import Dokument

from . import pdf, selectors
from .models import Anslag, Paragraf, Sammantrade
from .services.dokument import protokoll_efter_rendering, protokoll_inaktuellt
from .services.signering import protokoll_signera


def _mote(dokument: Dokument) -> Sammantrade:
    mote = (
        Sammantrade.objects.select_related("forbund", "ordforande", "sekreterare", "sammankallande")
        .filter(forbund=dokument.forbund, pk=dokument.parametrar.get("sammantrade"))
        .first()
    )
    if mote is None:
        raise ValidationError("Sammanträdet finns inte.")
    return mote


def bygg_kallelse(dokument: Dokument, progress: Progress) -> bytes:
    progress(20, "Hämtar dagordning och kallade")
    return pdf.kallelse_pdf(selectors.kallelse_data(_mote(dokument)))


def bygg_protokoll(dokument: Dokument, progress: Progress) -> bytes:
    progress(20, "Hämtar närvaro och paragrafer")
    mote = _mote(dokument)
    innehall = pdf.protokoll_pdf(selectors.protokoll_data(mote))
    # The final minutes carry the signature page and the PAdES signature (minutes locked without any recorded
    # justering, e.g. imported history, are final but have no signatories to list).
    if mote.justerat is not None and mote.justeringar.exists():
        progress(80, "Signerar protokollet")
        innehall = protokoll_signera(sammantrade=mote, pdf=innehall)
    return innehall


def bygg_utdrag(dokument: Dokument, progress: Progress) -> bytes:
    p = Paragraf.objects.filter(forbund=dokument.forbund, pk=dokument.parametrar.get("paragraf")).first()
    if p is None:
        raise ValidationError("Paragrafen finns inte.")
    progress(30, "Sätter utdraget")
    return pdf.protokollsutdrag_pdf(selectors.utdrag_data(p))


def bygg_anslagsbevis(dokument: Dokument, progress: Progress) -> bytes:
    mote = _mote(dokument)
    anslag = Anslag.objects.filter(sammantrade=mote).first()
    if anslag is None:
        raise ValidationError("Protokollet är inte anslaget.")
    return pdf.anslagsbevis_pdf(
        {
            "mote": mote,
            "forbund": mote.forbund,
            "anslag": anslag,
            **{k: v for k, v in selectors.protokoll_data(mote).items() if k in {"forsta", "sista", "justeringar"}},
        }
    )


def registrera_alla() -> None:
    registrera(Dokumenttyp(typ="styrelse_kallelse", namn="Kallelse med dagordning", bygg=bygg_kallelse, behorighet="styrelse.visa"))
    registrera(
        Dokumenttyp(
            typ="styrelse_protokoll",
            namn="Protokoll",
            bygg=bygg_protokoll,
            behorighet="styrelse.visa",
            behorighet_utkast="styrelse.redigera",
            efter_rendering=protokoll_efter_rendering,
            inaktuell=protokoll_inaktuellt,
        )
    )
    registrera(Dokumenttyp(typ="styrelse_protokollsutdrag", namn="Protokollsutdrag", bygg=bygg_utdrag, behorighet="styrelse.visa"))
    registrera(Dokumenttyp(typ="styrelse_anslagsbevis", namn="Bevis om anslag", bygg=bygg_anslagsbevis, behorighet="styrelse.visa"))
