"""One error shape for the whole API, in Swedish.

Every error answers `{"fel": [{"falt": <field or null>, "meddelande": <Swedish text>, "kod": <code>}]}`:
DRF's own exceptions, a Django `ValidationError` raised by a service or a model's `clean()` (→ 400),
`Http404` (→ 404) and Django's `PermissionDenied` (→ 403). The same shape is used by the project's
404/405/500 handlers for paths under /api/ (see finsam.views).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_handler

from finsam.audit import vagran_logga

ALLMANT_FALT = None  # errors about the request as a whole carry "falt": null

# Texts that Django and DRF raise in English whatever the language; replaced by Swedish ones.
_ENGELSKA: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No .+ matches the given query\.?$"), "Hittades inte."),
    (re.compile(r"^Not found\.?$"), "Hittades inte."),
    (re.compile(r"^Invalid page\.?$"), "Sidan finns inte."),
    (re.compile(r"^Method \"(.+)\" not allowed\.?$"), "Metoden {0} är inte tillåten här."),
]
STANDARDTEXT = {
    400: "Felaktig begäran.",
    401: "Du måste logga in.",
    403: "Din roll saknar behörighet för detta.",
    404: "Hittades inte.",
    405: "Metoden är inte tillåten här.",
    406: "Svarsformatet stöds inte.",
    413: "Det som skickades är för stort.",
    415: "Innehållstypen stöds inte.",
    429: "För många förfrågningar. Försök igen om en stund.",
    500: "Ett tekniskt fel inträffade. Försök igen om en stund.",
}


def svensk(text: str, status_kod: int = 400) -> str:
    """The text itself, or its Swedish replacement when it is one of Django's or DRF's English defaults."""
    for monster, ersattning in _ENGELSKA:
        traff = monster.match(text.strip())
        if traff:
            return ersattning.format(*traff.groups())
    return text or STANDARDTEXT.get(status_kod, "Fel.")


def fel(meddelande: str, *, falt: str | None = ALLMANT_FALT, kod: str = "ogiltig") -> dict[str, Any]:
    return {"falt": falt, "meddelande": meddelande, "kod": kod}


def _falt_namn(nyckel: str, prefix: str | None) -> str | None:
    if nyckel in (api_settings.NON_FIELD_ERRORS_KEY, "__all__"):
        return prefix
    return f"{prefix}.{nyckel}" if prefix else nyckel


def _platta(detalj: Any, falt: str | None, status_kod: int) -> Iterator[dict[str, Any]]:
    """DRF's nested `detail` (dicts, lists, ErrorDetail) as a flat list of errors with dotted field paths."""
    if isinstance(detalj, dict):
        for nyckel, varde in detalj.items():
            yield from _platta(varde, _falt_namn(str(nyckel), falt), status_kod)
    elif isinstance(detalj, list):
        enkla = all(isinstance(d, str) for d in detalj)
        for index, varde in enumerate(detalj):
            # a list of messages belongs to the field; a list of objects is indexed (rader.2.belopp)
            yield from _platta(varde, falt if enkla else _falt_namn(str(index), falt), status_kod)
    else:
        kod = getattr(detalj, "code", None) or "ogiltig"
        yield fel(svensk(str(detalj), status_kod), falt=falt, kod=str(kod))


def fel_fran_django(exc: DjangoValidationError) -> list[dict[str, Any]]:
    """A Django ValidationError (from a service or `clean()`) as errors, field by field, codes kept."""
    lista: list[dict[str, Any]] = []
    if hasattr(exc, "error_dict"):
        for nyckel, fel_i_falt in exc.error_dict.items():
            falt = None if nyckel == "__all__" else nyckel
            for e in fel_i_falt:
                lista.extend(fel(m, falt=falt, kod=e.code or "ogiltig") for m in e.messages)
    else:
        for e in exc.error_list:
            lista.extend(fel(m, kod=e.code or "ogiltig") for m in e.messages)
    return lista


def felsvar(status_kod: int, lista: list[dict[str, Any]] | None = None) -> JsonResponse:
    """A plain Django JSON response in the API's error shape (for the project's 404/405/500 handlers)."""
    if not lista:
        lista = [fel(STANDARDTEXT.get(status_kod, "Fel."), kod=_KODER.get(status_kod, "fel"))]
    return JsonResponse({"fel": lista}, status=status_kod, json_dumps_params={"ensure_ascii": False})


_KODER = {400: "ogiltig", 401: "not_authenticated", 403: "permission_denied", 404: "not_found", 405: "method_not_allowed", 500: "server_error"}


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        request = context.get("request")
        if request is not None:
            vagran_logga(exc, aktor=request.user, vag=f"{request.method} {request.path}")
        return Response({"fel": fel_fran_django(exc)}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Http404):
        text = svensk(str(exc), 404) if exc.args else STANDARDTEXT[404]
        exc = exceptions.NotFound(text)
    elif isinstance(exc, PermissionDenied):
        text = str(exc) if exc.args else STANDARDTEXT[403]
        exc = exceptions.PermissionDenied(text)
    response = drf_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    response.data = {"fel": list(_platta(exc.detail, ALLMANT_FALT, response.status_code))}
    return response
