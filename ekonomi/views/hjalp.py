"""Small helpers shared by the ekonomi views."""

from __future__ import annotations

import datetime as dt


def ar_val(ar: int) -> range:
    hogst = max(dt.date.today().year + 2, ar)
    return range(hogst, min(2014, ar - 1), -1)
