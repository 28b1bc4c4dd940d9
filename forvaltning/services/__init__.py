"""Every write use case of the governance registers, one module per register; importable from `forvaltning.services`."""

from .arkiv import (
    dokumenthanteringsplan_skapa,
    gallring_foresla,
    gallring_genomfor,
    gallringsstopp_hav,
    gallringsstopp_registrera,
    handlingstyp_klassa,
    planrad_spara,
    planrad_ta_bort,
)
from .avtal import avtal_andra, avtal_dokument_ladda_upp, avtal_sag_upp, avtal_skapa
from .delegation import (
    delegationsordning_anta,
    delegationsordning_utkast_skapa,
    delegationsrad_spara,
    delegationsrad_ta_bort,
    prisbasbelopp_spara,
)
from .delegation_import import delegationsordning_importera
from .forbundsordning import forbundsordning_beslut_spara, forbundsordning_skapa
from .revision import ansvarsfrihet_paminnelse_skicka, revisor_andra, revisor_skapa
from .uppdrag import uppdrag_tillsatt, utnamning_spara

__all__ = [
    "ansvarsfrihet_paminnelse_skicka",
    "avtal_andra",
    "avtal_dokument_ladda_upp",
    "avtal_sag_upp",
    "avtal_skapa",
    "delegationsordning_anta",
    "delegationsordning_importera",
    "delegationsordning_utkast_skapa",
    "delegationsrad_spara",
    "delegationsrad_ta_bort",
    "dokumenthanteringsplan_skapa",
    "forbundsordning_beslut_spara",
    "forbundsordning_skapa",
    "gallring_foresla",
    "gallring_genomfor",
    "gallringsstopp_hav",
    "gallringsstopp_registrera",
    "handlingstyp_klassa",
    "planrad_spara",
    "planrad_ta_bort",
    "prisbasbelopp_spara",
    "revisor_andra",
    "revisor_skapa",
    "uppdrag_tillsatt",
    "utnamning_spara",
]
