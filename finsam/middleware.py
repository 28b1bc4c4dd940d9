"""Attach the current förbund context to each request (lazily, after authentication)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .tenancy import kontext_for


class ForbundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.kontext = SimpleLazyObject(lambda: kontext_for(request))  # type: ignore[attr-defined]
        return self.get_response(request)
