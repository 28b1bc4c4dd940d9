"""Ekonomi: contributions, budgets, bookkeeping imports, follow-up, account mapping and audit."""

from .bidrag import Kommunandel, Tilldelning
from .bokforing import Kontointervall, Kontokoppling, Kontosaldo, Redovisningsimport, Transaktion
from .budget import Budget, Budgetrad
from .revision import Ansvarsfrihet, Ekonomiinstallning, Kvartalsuppfoljning, Prognosrad, Revisionsberattelse

__all__ = [
    "Ansvarsfrihet",
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
