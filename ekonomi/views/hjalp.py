"""Small helpers shared by the ekonomi views."""

from __future__ import annotations

import datetime as dt
from typing import Any

from finsam.permissions import Kontext

from .. import selectors


def ar_val(ar: int) -> range:
    hogst = max(dt.date.today().year + 2, ar)
    return range(hogst, min(2014, ar - 1), -1)


def bidragssammanhang(kontext: Kontext, ar: int) -> dict[str, Any]:
    """The year, the year choice, the member shares and how they are invoiced (the shares computed once)."""
    mb = selectors.medlemsbidrag(kontext.forbund, ar)
    return {"ar": ar, "ar_val": ar_val(ar), "mb": mb, "regler": selectors.bidragsregler_for(kontext.forbund, ar, mb=mb)}
