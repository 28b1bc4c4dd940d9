"""Reads of the follow-up register: the outcome report (`utfall`, a contract used by rapporter and insatser), its masking, and
the participant-level reads (kansli only)."""

from .deltagare import (
    deltagare_lista,
    deltagare_sida,
    insatser_for_export,
    inskrivningar_for,
    installning,
    nationell_export,
    oppna_inskrivningar,
    oppna_inskrivningar_for,
    sokning,
    utanfor_malgrupp,
    utfall_for,
    utfall_med_fore,
)
from .kommun import narvaro_andel, utfall_per_kommun, vantetid_median
from .maskering import maskera, maskera_utfall, maskeringsgrans
from .utfall import ALDERSGRUPPER, G_NYCKLAR, KATEGORIER, MATT, utfall, utfall_ar

__all__ = [
    "ALDERSGRUPPER",
    "G_NYCKLAR",
    "KATEGORIER",
    "MATT",
    "deltagare_lista",
    "deltagare_sida",
    "insatser_for_export",
    "inskrivningar_for",
    "installning",
    "maskera",
    "maskera_utfall",
    "maskeringsgrans",
    "narvaro_andel",
    "nationell_export",
    "oppna_inskrivningar",
    "oppna_inskrivningar_for",
    "sokning",
    "utanfor_malgrupp",
    "utfall",
    "utfall_ar",
    "utfall_for",
    "utfall_med_fore",
    "utfall_per_kommun",
    "vantetid_median",
]
