"""API errors in Swedish; a Django ValidationError from a service becomes a 400."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail: Any = exc.message_dict if hasattr(exc, "message_dict") else {"fel": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_handler(exc, context)
