"""Write use cases of the follow-up register: enrolments (`inskrivning`) and the spreadsheet import (`importera`)."""

from .importera import ImportResultat, deltagare_import
from .importkorning import deltagare_import_starta, import_bestall, import_kor
from .inskrivning import (
    ANDRINGSBARA,
    deltagare_create,
    deltagare_hitta,
    inskrivning_andra,
    inskrivning_avsluta,
    inskrivning_create,
    inskrivning_registrera,
    inskrivningar_gallra,
    installning_spara,
)

__all__ = [
    "ANDRINGSBARA",
    "ImportResultat",
    "deltagare_create",
    "deltagare_hitta",
    "deltagare_import",
    "deltagare_import_starta",
    "import_bestall",
    "import_kor",
    "inskrivning_andra",
    "inskrivning_avsluta",
    "inskrivning_create",
    "inskrivning_registrera",
    "inskrivningar_gallra",
    "installning_spara",
]
