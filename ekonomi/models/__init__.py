"""Ekonomi: contributions, budgets, bookkeeping imports, follow-up, account mapping and audit."""

from .avrundning import Bidragsavrundning, Bidragsjustering
from .bidrag import Kommunandel, Tilldelning
from .bokforing import Kontointervall, Kontokoppling, Kontosaldo, Redovisningsimport, Transaktion
from .budget import Budget, Budgetrad
from .revision import Ansvarsfrihet, Ekonomiinstallning, Kvartalsuppfoljning, Prognosrad, Revisionsberattelse

__all__ = [
    "Ansvarsfrihet",
    "Bidragsavrundning",
    "Bidragsjustering",
    "Budget",
    "Budgetrad",
    "Ekonomiinstallning",
    "Kommunandel",
    "Kontointervall",
    "Kontokoppling",
    "Kontosaldo",
    "Kvartalsuppfoljning",
    "Prognosrad",
    "Redovisningsimport",
    "Revisionsberattelse",
    "Tilldelning",
    "Transaktion",
]
