"""Pages of the governance registers."""

from .avtal import avtal_andra, avtal_detalj, avtal_export, avtal_lista, avtal_ny, avtal_sag_upp
from .organisation import medlem_andra, medlem_ny, medlemmar, person_andra, person_ny, personer

__all__ = [
    "avtal_andra",
    "avtal_detalj",
    "avtal_export",
    "avtal_lista",
    "avtal_ny",
    "avtal_sag_upp",
    "medlem_andra",
    "medlem_ny",
    "medlemmar",
    "person_andra",
    "person_ny",
    "personer",
]
