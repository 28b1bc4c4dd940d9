"""Every write use case of ekonomi. Keyword-only, atomic, validated, audited."""

from .avrundning import bidragsavrundning_spara, bidragsjustering_spara
from .bidrag import tilldelning_spara
from .bokforing import (
    kontointervall_spara,
    kontointervall_ta_bort,
    kontokoppling_spara,
    kontokoppling_ta_bort,
    kontoplan_standard,
)
from .budget import (
    budget_faststall,
    budget_fyll,
    budget_ny_version,
    budget_skapa,
    budgetrad_spara,
    budgetrad_ta_bort,
)
from .importera import bokforing_importera, bokforing_las, bokforing_spara
from .jobb import (
    bokforing_import_bestall,
    bokforing_import_starta,
    bokforing_jobb_bekrafta,
    bokforing_jobb_kor,
    kvartalsrapport_bestall,
    rakenskaper_bestall,
)
from .revision import ansvarsfrihet_spara, installning_spara, prognos_spara, revisionsberattelse_spara

__all__ = [
    "ansvarsfrihet_spara",
    "bidragsavrundning_spara",
    "bidragsjustering_spara",
    "bokforing_import_bestall",
    "bokforing_import_starta",
    "bokforing_importera",
    "bokforing_jobb_bekrafta",
    "bokforing_jobb_kor",
    "bokforing_las",
    "bokforing_spara",
    "budget_faststall",
    "budget_fyll",
    "budget_ny_version",
    "budget_skapa",
    "budgetrad_spara",
    "budgetrad_ta_bort",
    "installning_spara",
    "kontointervall_spara",
    "kontointervall_ta_bort",
    "kontokoppling_spara",
    "kontokoppling_ta_bort",
    "kontoplan_standard",
    "kvartalsrapport_bestall",
    "prognos_spara",
    "rakenskaper_bestall",
    "revisionsberattelse_spara",
    "tilldelning_spara",
]
