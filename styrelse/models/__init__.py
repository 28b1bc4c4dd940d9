"""Board data: mandates, meetings, agenda, attendance, decisions, minutes, notice board, registers."""

from .anteckning import Anteckning
from .mina_moten import Javsanmalan, Lasning
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
from .ordforandebeslut import Distansdeltagande, ExtraSammantrade, Ordforandebeslut, OrdforandebeslutHandling
from .paragraf import Beslutsform, Expediering, Nummerserie, Paragraf, Rost, Uppdrag, Utfall, Yrkande
from .register import Delegationsbeslut, Gallringslista, Handling, Handlingstyp
from .signatur import Signatur

__all__ = [
    "Anslag",
    "Anteckning",
    "Arende",
    "Arendeslag",
    "Beslutsform",
    "Beslutsregler",
    "Bilaga",
    "Delegationsbeslut",
    "Distansdeltagande",
    "Expediering",
    "ExtraSammantrade",
    "Gallringslista",
    "Handling",
    "Handlingstyp",
    "Javsanmalan",
    "Justering",
    "KallelseMottagare",
    "Kallelseutskick",
    "Lasning",
    "Mandat",
    "Narvaro",
    "Nummerserie",
    "Ordforandebeslut",
    "OrdforandebeslutHandling",
    "Paragraf",
    "Rost",
    "Sammantrade",
    "Signatur",
    "Uppdrag",
    "Utfall",
    "Yrkande",
    "att_satser",
]
