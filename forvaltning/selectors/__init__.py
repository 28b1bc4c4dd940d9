"""Reads of the governance registers, one module per register (`forvaltning.selectors.<register>`).

The agreements' reads are also importable from `forvaltning.selectors` itself, as before the split.
"""

from .avtal import VARNA_DAGAR, avtal_hamta, avtal_lista, avtal_tabell, avtal_varningar

__all__ = ["VARNA_DAGAR", "avtal_hamta", "avtal_lista", "avtal_tabell", "avtal_varningar"]
