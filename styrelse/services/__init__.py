"""Every write use case of the board app. Each validates, writes in a transaction and leaves an audit event."""

from .beslut import (
    beslut_fatta,
    mote_avsluta,
    omedelbar_justering,
    paragraf_andra,
)
from .expediering import utdrag_expediera
from .kallelse import kalender_uppdatering_skicka, kallelse_mottagare, kallelse_skicka, sammantrade_stall_in
from .mandat import mandat_avsluta, mandat_skapa
from .mote import (
    anslag_registrera,
    arende_andra,
    arende_flytta,
    arende_skapa,
    arende_ta_bort,
    bilaga_ladda_upp,
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
    uppdrag_skapa,
)
from .regler import beslutsregler_andra, beslutsregler_for
from .signering import justering_bekrafta

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
    "kalender_uppdatering_skicka",
    "kallelse_mottagare",
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
    "sammantrade_stall_in",
    "uppdrag_andra",
    "uppdrag_avsluta",
    "uppdrag_skapa",
    "utdrag_expediera",
]
