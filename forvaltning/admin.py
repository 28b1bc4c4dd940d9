"""Agreements are read-only in the Django admin: writes go through the services (with audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import Avtal


@admin.register(Avtal)
class AvtalAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["rubrik", "forbund", "typ", "startdatum", "slutdatum", "status"]
    list_filter = ["forbund", "typ", "status"]

    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


from . import admin_register  # noqa: E402,F401 - the delegation order and records plan (their own module)
