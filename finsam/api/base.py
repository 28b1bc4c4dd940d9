"""API building blocks: permission from the matrix, querysets scoped to the förbund."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from finsam.permissions import Kontext
from finsam.tenancy import kontext_for


class HarBehorighet(BasePermission):
    """Checks the view's `behorighet_las` (safe methods) or `behorighet_skriv` (writes)."""

    message = "Din roll saknar behörighet för detta."

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        kontext = kontext_for(request._request, request.user)
        if kontext is None:
            return False
        request.kontext = kontext  # type: ignore[attr-defined]
        kod = view.behorighet_las if request.method in SAFE_METHODS else view.behorighet_skriv
        return kontext.kan(kod)


class ForbundMixin:
    """Scopes `queryset` to the current förbund: another förbund's object is a 404."""

    permission_classes: Any = [HarBehorighet]
    behorighet_las = "forbund.visa"
    behorighet_skriv = "forbund.redigera"

    @property
    def kontext(self) -> Kontext:
        return self.request.kontext  # type: ignore[attr-defined, no-any-return]

    def get_queryset(self) -> QuerySet[Any]:
        qs: QuerySet[Any] = self.queryset  # type: ignore[attr-defined]
        return qs.filter(forbund=self.kontext.forbund)

    def get_serializer_context(self) -> dict[str, Any]:
        context: dict[str, Any] = super().get_serializer_context()  # type: ignore[misc]
        if hasattr(self.request, "kontext"):  # type: ignore[attr-defined]
            context["kontext"] = self.kontext
        return context


class ArFilterMixin:
    """A register kept per year: the list is narrowed to `?ar=` when given (document the parameter in the schema)."""

    def get_queryset(self) -> QuerySet[Any]:
        qs: QuerySet[Any] = super().get_queryset()  # type: ignore[misc]
        ar = self.request.query_params.get("ar")  # type: ignore[attr-defined]
        return qs.filter(ar=int(ar)) if ar and ar.isdigit() else qs


def aktuell(request: Request) -> Kontext:
    return request.kontext  # type: ignore[attr-defined, no-any-return]


__all__ = ["ArFilterMixin", "ForbundMixin", "HarBehorighet", "Model", "aktuell"]
