"""Insatser: funded interventions, applications, grants, goals, staffing and reports."""

from .ansokan import Ansokan, AnsokanBelopp, Ansokningsbilaga, Beviljande, Medfinansiering
from .insats import Bemanning, Insats
from .mal import Mal, Malbedomning
from .malstruktur import Indikatorvarde, Malnod, Malnodbedomning
from .rapport import Rapport, Rapportversion

__all__ = [
    "Ansokan",
    "AnsokanBelopp",
    "Ansokningsbilaga",
    "Bemanning",
    "Beviljande",
    "Indikatorvarde",
    "Insats",
    "Mal",
    "Malbedomning",
    "Malnod",
    "Malnodbedomning",
    "Medfinansiering",
    "Rapport",
    "Rapportversion",
]
