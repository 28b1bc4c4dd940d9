"""Every kind of record Finsam itself holds, so that each can be mapped to a row of the records plan.

The PDFs come from the document registry (finsam.documents.registry: every registered type, e.g. the
minutes, the annual report, the gallringsprotokoll); the rest are the records the apps keep in
their own tables. Diarium documents are classified one by one through their document type
(styrelse.Handlingstyp.planrad) and are therefore not listed here.
"""

from __future__ import annotations

from finsam.documents.registry import DOKUMENTTYPER

FASTA: dict[str, str] = {
    "styrelse.bilaga": "Mötesbilagor och utskickade handlingar",
    "styrelse.narvaro": "Närvarolistor (underlag för arvoden)",
    "styrelse.anteckning": "Ledamöternas privata arbetsanteckningar",
    "styrelse.utskick": "Skickad e-post: kallelser, påminnelser och anslag",
    "insatser.ansokan": "Ansökningar om finansiering med bilagor",
    "insatser.rapport": "Insatsernas rapporter och måluppfyllelse (projektdokumentation)",
    "uppfoljning.deltagare": "Deltagaruppgifter i uppföljningen (SUS)",
    "uppfoljning.import": "Importerade deltagarfiler",
    "ekonomi.underlag": "Budget, utfall och avstämningar",
    "forvaltning.avtal": "Avtal i avtalsregistret med avtalsdokument (PDF)",
    "forvaltning.revision": "Revisionsberättelser och medlemmarnas beslut om ansvarsfrihet (PDF)",
    "forvaltning.paminnelse": "Skickade påminnelser om ansvarsfrihet",
    "forvaltning.delegationsordning": "Delegationsordningens versioner",
    "forvaltning.dokumenthanteringsplan": "Dokumenthanteringsplanen",
    "finsam.handelse": "Händelseloggen (vem gjorde vad och när)",
}


def dokumentnyckel(typ: str) -> str:
    return f"dokument:{typ}"


def arkivtyper() -> dict[str, str]:
    """Key → label of every kind of record Finsam holds (PDF types first, then the other records)."""
    pdf = {dokumentnyckel(t.typ): f"PDF: {t.namn}" for t in sorted(DOKUMENTTYPER.values(), key=lambda t: t.namn)}
    return {**pdf, **FASTA}
