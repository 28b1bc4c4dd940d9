"""Small helpers shared by the ekonomi views."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def formfel(form: Any) -> str:
    """A form's errors as one Swedish sentence: "Rad: Detta fält är obligatoriskt."."""
    return " ".join(f"{form.fields[f].label if f in form.fields else ''}: {' '.join(str(x) for x in e)}" for f, e in form.errors.items())
