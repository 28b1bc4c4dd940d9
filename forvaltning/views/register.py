"""What the register pages share: the simple form page for one row, the CSV/XLSX export, and their URL patterns.

A register view binds its form and names its service; these helpers do the rest the same way for every
register (the one door: `finsam.web.formular_handling` shows a refusal next to its field with status 400).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import URLPattern, re_path
from django.utils import timezone

from finsam.export import nedladdning, som_csv, som_xlsx
from finsam.permissions import Kontext
from finsam.web import Till, formular_handling

ENKEL_MALL = "forvaltning/enkel_form.html"


def rad_formular(
    request: HttpRequest,
    form: Any,
    spara: Callable[[dict[str, Any]], Any],
    *,
    ok: str | Callable[[Any], str],
    tillbaka: str,
    rubrik: str,
    till: Till | None = None,
    mall: str = ENKEL_MALL,
    **sammanhang: Any,
) -> HttpResponseBase:
    """One register row's form: the service once, then back to the register (or to `till`)."""
    return formular_handling(
        request,
        form,
        spara,
        ok=ok,
        till=till if till is not None else tillbaka,
        mall=mall,
        sammanhang={"rubrik": rubrik, "tillbaka": tillbaka, **sammanhang},
    )


def export_svar(kontext: Kontext, rader: list[list[Any]], *, format: str, blad: str, namn: str, suffix: str = "") -> HttpResponseBase:
    """A register as CSV or XLSX: `<namn>-<förbund>-<suffix or today>.<format>`."""
    fil = f"{namn}-{kontext.forbund.slug}-{suffix or f'{timezone.localdate():%Y%m%d}'}.{format}"
    return nedladdning(som_xlsx(rader, blad=blad) if format == "xlsx" else som_csv(rader), fil)


def export_url(prefix: str, view: Callable[..., HttpResponseBase], name: str) -> URLPattern:
    """`<prefix>export.csv` / `<prefix>export.xlsx`; `prefix` may hold a `(?P<pk>\\d+)/` group."""
    return re_path(rf"^{prefix}export\.(?P<format>csv|xlsx)$", view, name=name)
