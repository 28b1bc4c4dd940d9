"""Input bounds in one place: years, integers, page sizes, NUL bytes, the query parameters an API accepts.

Pages and the API share these rules (finsam.middleware.GransMiddleware applies them before a view
runs), so a year of -17334, a NUL byte in a search or a key of twenty digits is a Swedish 400/404,
never a server error. The API's accepted query parameters are read from its OpenAPI schema, so what
the schema documents is exactly what the API accepts.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

AR_MIN = 1900
AR_MAX = 2200
HELTAL_MAX = 2**31 - 1  # the largest key or count any query needs; far below PostgreSQL's bigint
ALLTID_TILLATNA = frozenset({"format"})  # DRF's format override


class Gransfel(Exception):
    """An input outside its bounds. `status` 400 (bad input) or 404 (an address that cannot exist)."""

    def __init__(self, meddelande: str, *, falt: str | None = None, status: int = 400, kod: str = "ogiltig") -> None:
        super().__init__(meddelande)
        self.meddelande = meddelande
        self.falt = falt
        self.status = status
        self.kod = kod


def ar_inom_granser(ar: int) -> bool:
    return AR_MIN <= ar <= AR_MAX


def ar_fel(ar: Any) -> str:
    return f"Året {ar} är inte giltigt: ange ett år mellan {AR_MIN} och {AR_MAX}."


def heltal(text: str, *, falt: str, minsta: int | None = None, storsta: int | None = None) -> int:
    """`text` as an integer within bounds, or a Gransfel with a Swedish message."""
    try:
        varde = int(text.strip())
    except ValueError:
        raise Gransfel(f"{falt} måste vara ett heltal.", falt=falt, kod="invalid") from None
    undre = -HELTAL_MAX if minsta is None else minsta
    ovre = HELTAL_MAX if storsta is None else storsta
    if not undre <= varde <= ovre:
        raise Gransfel(f"{falt} måste vara mellan {undre} och {ovre}.", falt=falt, kod="utanfor_granser")
    return varde


def kontrollera_ar(text: str, *, falt: str = "ar") -> int:
    ar = heltal(text, falt=falt)
    if not ar_inom_granser(ar):
        raise Gransfel(ar_fel(ar), falt=falt, kod="utanfor_granser")
    return ar


def ar_fran(request: Any, standard: int | None = None) -> int:
    """The year a page shows, from `?ar=` (or a posted `ar`); `standard` or this year when none is given.

    A year outside AR_MIN–AR_MAX, or not a number, is a Gransfel (400) — never silently moved to another year.
    """
    text = request.GET.get("ar", "") or request.POST.get("ar", "")
    if not text.strip():
        return standard or timezone.localdate().year
    return kontrollera_ar(text)


def har_nul(text: str | bytes) -> bool:
    if isinstance(text, bytes):
        return b"\x00" in text or b"\\u0000" in text
    return "\x00" in text


NUL_FEL = "Texten innehåller ett otillåtet tecken (NUL)."


# --- The API's query and path parameters, from the OpenAPI schema ---


@dataclass(frozen=True)
class Parameter:
    namn: str
    typ: str  # OpenAPI type: integer, string, boolean, number, array
    minsta: int | None
    storsta: int | None


Nyckel = tuple[type, str | None, str]  # (view class, viewset action or None, HTTP method)
_karta: dict[Nyckel, tuple[dict[str, Parameter], dict[str, Parameter]]] | None = None
_las = threading.Lock()


def _parameter(p: dict[str, Any]) -> Parameter:
    schema = p.get("schema", {})
    return Parameter(p["name"], str(schema.get("type", "string")), schema.get("minimum"), schema.get("maximum"))


def api_parametrar() -> dict[Nyckel, tuple[dict[str, Parameter], dict[str, Parameter]]]:
    """{(view class, action, method): (query parameters, path parameters)} for every operation of the schema."""
    global _karta
    with _las:
        if _karta is None:
            from drf_spectacular.generators import SchemaGenerator

            generator = SchemaGenerator()
            schema = generator.get_schema(request=None, public=True)
            karta: dict[Nyckel, tuple[dict[str, Parameter], dict[str, Parameter]]] = {}
            for sokvag, _regex, metod, vy in generator._get_paths_and_endpoints():
                operation = schema["paths"].get(sokvag, {}).get(metod.lower())
                if operation is None:
                    continue
                params = [_parameter(p) for p in operation.get("parameters", [])]
                fraga = {p.namn: p for p, r in zip(params, operation.get("parameters", []), strict=True) if r["in"] == "query"}
                vag = {p.namn: p for p, r in zip(params, operation.get("parameters", []), strict=True) if r["in"] == "path"}
                karta[(type(vy), getattr(vy, "action", None), metod.upper())] = (fraga, vag)
            _karta = karta
        return _karta


def kontrollera_fraga(parametrar: dict[str, Parameter], fraga: Any) -> None:
    """Unknown query parameters, and integers outside their bounds, are refused (400)."""
    okanda = sorted(set(fraga.keys()) - set(parametrar) - ALLTID_TILLATNA)
    if okanda:
        tillatna = ", ".join(sorted(parametrar)) or "inga"
        raise Gransfel(f"Okänd parameter: {', '.join(okanda)}. Tillåtna parametrar: {tillatna}.", falt=okanda[0], kod="okand_parameter")
    for namn, p in parametrar.items():
        if p.typ != "integer" or namn not in fraga:
            continue
        for varde in fraga.getlist(namn):
            if varde == "":
                continue
            if namn == "ar":
                kontrollera_ar(varde, falt=namn)
            else:
                heltal(varde, falt=namn, minsta=p.minsta, storsta=p.storsta)


def max_uppladdning() -> int:
    return int(settings.FINSAM_MAX_UPLOAD_BYTES)
