"""Reads of ekonomi, scoped to one förbund. The contract other apps use:

- `rakenskaper(forbund, ar) -> dict`: the statements and `avstamning` (Decimal values; `rakenskaper --json` converts);
- `avstamning_ok(forbund, ar) -> (bool, [check, …])`: may the annual report be made final?
- `budget_tabell(forbund, ar) -> dict | None`: budget year + two plan years by line (kronor, costs negative);
- `medlemsbidrag(forbund, ar) -> dict`: the allocation per member.
"""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund

from ..rakenskaper import rakenskaper
from .bidrag import bidragsregler_for, medlemsbidrag
from .budget import aktuell_budget, budget_tabell, budget_varning, budgetar


def avstamning_ok(forbund: Forbund, ar: int) -> tuple[bool, list[dict[str, Any]]]:
    """(all checks pass, the checks). The annual report must not be marked final while this is False."""
    data = rakenskaper(forbund, ar)
    return bool(data["avstamning_ok"]), data["avstamning"]


__all__ = [
    "aktuell_budget",
    "avstamning_ok",
    "bidragsregler_for",
    "budget_tabell",
    "budget_varning",
    "budgetar",
    "medlemsbidrag",
    "rakenskaper",
]
