"""Pages of the follow-up register: participants (kansli), import and export, settings, and the outcome report (all roles)."""

from .deltagare import avslut, deltagare_detalj, index, inskrivning_andra, inskrivning_ny, installningar
from .importera import export_nationell, import_status, importera
from .utfall import utfall, utfall_export

__all__ = [
    "avslut",
    "deltagare_detalj",
    "export_nationell",
    "import_status",
    "importera",
    "index",
    "inskrivning_andra",
    "inskrivning_ny",
    "installningar",
    "utfall",
    "utfall_export",
]
