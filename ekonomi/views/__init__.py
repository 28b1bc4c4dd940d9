"""Ekonomi pages: overview, contributions, budget, bookkeeping, follow-up, accounts and audit."""

from .avrundning import bidragsavrundning, bidragsjustering
from .bidrag import bidrag, index
from .bokforing import import_bekrafta, import_jobb, importera, kontoplan, kontoplan_ta_bort
from .budget import budget_detalj, budget_faststall, budget_fyll, budget_lista, budget_ny_version, budgetrad, budgetrad_ta_bort
from .rakenskaper import kvartalsrapport_pdf, rakenskaper, rakenskaper_fil, rakenskaper_pdf, uppfoljning
from .revision import ansvarsfrihet, revision

__all__ = [
    "ansvarsfrihet",
    "bidrag",
    "bidragsavrundning",
    "bidragsjustering",
    "budget_detalj",
    "budget_faststall",
    "budget_fyll",
    "budget_lista",
    "budget_ny_version",
    "budgetrad",
    "budgetrad_ta_bort",
    "import_bekrafta",
    "import_jobb",
    "importera",
    "index",
    "kontoplan",
    "kontoplan_ta_bort",
    "kvartalsrapport_pdf",
    "rakenskaper",
    "rakenskaper_fil",
    "rakenskaper_pdf",
    "revision",
    "uppfoljning",
]
