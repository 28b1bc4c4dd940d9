"""Board data: mandates, meetings, agenda, attendance, decisions, minutes, notice board, registers."""

from .anteckning import Anteckning
from .mina_moten import Javsanmalan, Lasning
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
from .ordforandebeslut import Distansdeltagande, ExtraSammantrade, Ordforandebeslut, OrdforandebeslutHandling
from .paragraf import Nummerserie, Paragraf, Rost, Uppdrag
from .register import Delegation, Delegationsbeslut, Gallringslista, Handling, Handlingstyp
from .signatur import Signatur

__all__ = [
    "Anslag", "Anteckning", "Arende", "Beslutsregler", "Bilaga", "Delegation", "Delegationsbeslut", "Distansdeltagande",
    "ExtraSammantrade", "Gallringslista", "Handling", "Handlingstyp", "Javsanmalan", "Justering", "KallelseMottagare",
    "Kallelseutskick", "Lasning", "Mandat", "Narvaro", "Nummerserie", "Ordforandebeslut", "OrdforandebeslutHandling", "Paragraf",
    "Rost", "Sammantrade", "Signatur", "Uppdrag", "att_satser",
]
