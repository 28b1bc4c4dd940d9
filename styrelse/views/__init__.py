"""Board pages."""

from .beslut import beslut, omedelbar_justering, paragraf_redigera, sok, utdrag_bestall
from .mote import (
    anslag_registrera,
    arende_flytta,
    arende_redigera,
    arende_skapa,
    arende_ta_bort,
    bilaga_ladda_ned,
    bilaga_ladda_upp,
    index,
    justering_bekrafta,
    kallelse_bestall,
    kallelse_skicka,
    mote,
    mote_andra,
    mote_avsluta,
    narvaro_registrera,
    narvaro_ta_bort,
    planera,
    protokoll_bestall,
)
from .publik import anslagstavla, anslagstavla_bevis, anslagstavla_protokoll
from .register import delegationsbeslut, diarium, handling_fil, mandat, mandat_avsluta, regler, uppdrag, uppdrag_andra, uppdrag_avsluta

__all__ = [
    "anslag_registrera", "anslagstavla", "anslagstavla_bevis", "anslagstavla_protokoll", "arende_flytta", "arende_redigera",
    "arende_skapa", "arende_ta_bort", "beslut", "bilaga_ladda_ned", "bilaga_ladda_upp", "delegationsbeslut", "diarium",
    "handling_fil", "index", "mandat", "mandat_avsluta", "justering_bekrafta", "kallelse_bestall", "kallelse_skicka", "mote", "mote_andra", "mote_avsluta",
    "narvaro_registrera", "narvaro_ta_bort", "omedelbar_justering", "paragraf_redigera", "planera", "protokoll_bestall", "regler",
    "sok", "uppdrag", "uppdrag_andra", "uppdrag_avsluta", "utdrag_bestall",
]
