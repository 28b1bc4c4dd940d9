"""Board data: mandates, meetings, agenda, attendance, decisions, minutes, notice board, registers."""

from .mote import (
    Anslag,
    Arende,
    Beslutsregler,
    Bilaga,
    Justering,
    KallelseMottagare,
    Kallelseutskick,
    Mandat,
    Narvaro,
    Sammantrade,
    att_satser,
)
from .paragraf import Nummerserie, Paragraf, Rost, Uppdrag
from .register import Delegation, Delegationsbeslut, Gallringslista, Handling, Handlingstyp

__all__ = [
    "Anslag", "Arende", "Beslutsregler", "Bilaga", "Delegation", "Delegationsbeslut", "Gallringslista", "Handling",
    "Handlingstyp", "Justering", "KallelseMottagare", "Kallelseutskick", "Mandat", "Narvaro", "Nummerserie", "Paragraf",
    "Rost", "Sammantrade", "Uppdrag", "att_satser",
]
