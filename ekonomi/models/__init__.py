"""Ekonomi: contributions, budgets, bookkeeping imports, follow-up, account mapping and audit."""

from .avrundning import Bidragsavrundning, Bidragsjustering
from .bidrag import Kommunandel, Tilldelning
from .bokforing import (
    Bokforingsjobb,
    Dimensionsobjekt,
    Kontointervall,
    Kontokoppling,
    Kontosaldo,
    Periodsaldo,
    Redovisningsimport,
    Transaktion,
)
from .budget import Budget, Budgetrad
from .revision import Ansvarsfrihet, Ekonomiinstallning, Kvartalsuppfoljning, Prognosrad, Revisionsberattelse

__all__ = [
    "Ansvarsfrihet",
    "Bidragsavrundning",
    "Bidragsjustering",
    "Bokforingsjobb",
    "Budget",
    "Budgetrad",
    "Dimensionsobjekt",
    "Ekonomiinstallning",
    "Kommunandel",
    "Kontointervall",
    "Kontokoppling",
    "Kontosaldo",
    "Kvartalsuppfoljning",
    "Periodsaldo",
    "Prognosrad",
    "Redovisningsimport",
    "Revisionsberattelse",
    "Tilldelning",
    "Transaktion",
]
