"""Every write use case of the board app. Each validates, writes in a transaction and leaves an audit event."""

from .beslut import (
    beslut_fatta,
    justering_bekrafta,
    mote_avsluta,
    omedelbar_justering,
    paragraf_andra,
)
from .mandat import mandat_avsluta, mandat_skapa
from .mote import (
    anslag_registrera,
    arende_andra,
    arende_flytta,
    arende_skapa,
    arende_ta_bort,
    bilaga_ladda_upp,
    kallelse_skicka,
    narvaro_registrera,
    narvaro_ta_bort,
    sammantrade_andra,
    sammantrade_planera,
)
from .numrering import nasta_nummer, nummerserie_satt_start
from .register import (
    delegationsbeslut_registrera,
    gallringslista_skapa,
    handling_registrera,
    uppdrag_andra,
    uppdrag_avsluta,
)
from .regler import beslutsregler_andra, beslutsregler_for

__all__ = [
    "anslag_registrera",
    "arende_andra",
    "arende_flytta",
    "arende_skapa",
    "arende_ta_bort",
    "beslut_fatta",
    "beslutsregler_andra",
    "beslutsregler_for",
    "bilaga_ladda_upp",
    "delegationsbeslut_registrera",
    "gallringslista_skapa",
    "handling_registrera",
    "justering_bekrafta",
    "kallelse_skicka",
    "mandat_avsluta",
    "mandat_skapa",
    "mote_avsluta",
    "narvaro_registrera",
    "narvaro_ta_bort",
    "nasta_nummer",
    "nummerserie_satt_start",
    "omedelbar_justering",
    "paragraf_andra",
    "sammantrade_andra",
    "sammantrade_planera",
    "uppdrag_andra",
    "uppdrag_avsluta",
]
