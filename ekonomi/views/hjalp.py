"""Small helpers shared by the ekonomi views."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest


def ar_fran(request: HttpRequest, standard: int | None = None) -> int:
    try:
        ar = int(request.GET.get("ar", "") or request.POST.get("ar", "") or (standard or dt.date.today().year))
    except ValueError:
        ar = standard or dt.date.today().year
    return max(2000, min(2100, ar))


def ar_val(ar: int) -> range:
    hogst = max(dt.date.today().year + 2, ar)
    return range(hogst, min(2014, ar - 1), -1)
