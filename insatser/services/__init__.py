"""Write-side services of the insatser app. Every write is atomic, validated and audited."""

from .ansokan import (
    ansokan_besluta,
    ansokan_bilaga_ladda_upp,
    ansokan_create,
    ansokan_till_beredning,
    ansokan_update,
    beviljande_create,
    medfinansiering_spara,
)
from .insats import bemanning_create, bemanning_delete, insats_create, insats_status_andra, insats_update, kontrollera_finansierbar
from .mal import mal_create, mal_delete, mal_update, malbedomning_spara, malbedomningar_spara
from .malstruktur import (
    indikatorvarde_spara,
    malnod_bedomning_bekrafta,
    malnod_bedomning_foresla,
    malnod_bedomningar_foresla,
    malnod_skapa,
)
from .rapport import rapport_create, rapport_paminnelser_skicka, rapport_schema_skapa, rapportversion_ladda_upp

__all__ = [
    "ansokan_besluta",
    "ansokan_bilaga_ladda_upp",
    "ansokan_create",
    "ansokan_till_beredning",
    "ansokan_update",
    "bemanning_create",
    "bemanning_delete",
    "beviljande_create",
    "indikatorvarde_spara",
    "insats_create",
    "insats_status_andra",
    "insats_update",
    "kontrollera_finansierbar",
    "mal_create",
    "mal_delete",
    "mal_update",
    "malbedomning_spara",
    "malbedomningar_spara",
    "malnod_bedomning_bekrafta",
    "malnod_bedomning_foresla",
    "malnod_bedomningar_foresla",
    "malnod_skapa",
    "medfinansiering_spara",
    "rapport_create",
    "rapport_paminnelser_skicka",
    "rapport_schema_skapa",
    "rapportversion_ladda_upp",
]
