"""Board data: mandates, meetings, agenda, attendance, decisions, minutes, notice board, registers."""

from .mote import (
    Anslag,
    Arende,
    Arendeslag,
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
from .paragraf import Beslutsform, Expediering, Nummerserie, Paragraf, Rost, Uppdrag, Utfall, Yrkande
from .register import Delegation, Delegationsbeslut, Gallringslista, Handling, Handlingstyp

__all__ = [
    "Anslag",
    "Arende",
    "Arendeslag",
    "Beslutsform",
    "Beslutsregler",
    "Bilaga",
    "Delegation",
    "Delegationsbeslut",
    "Expediering",
    "Gallringslista",
    "Handling",
    "Handlingstyp",
    "Justering",
    "KallelseMottagare",
    "Kallelseutskick",
    "Mandat",
    "Narvaro",
    "Nummerserie",
    "Paragraf",
    "Rost",
    "Sammantrade",
    "Uppdrag",
    "Utfall",
    "Yrkande",
    "att_satser",
]
