"""Read-only admin for ekonomi: every write goes through the services (locking, validation, audit)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import (
    Ansvarsfrihet,
    Budget,
    Budgetrad,
    Kontointervall,
    Kontokoppling,
    Kvartalsuppfoljning,
    Redovisningsimport,
    Revisionsberattelse,
    Tilldelning,
)


class LasAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class BudgetradInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Budgetrad
    extra = 0
    can_delete = False
    readonly_fields = ["grupp", "nyckel", "text", "belopp", "plan1", "plan2"]
    fields = ("grupp", "nyckel", "text", "belopp", "plan1", "plan2")

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Budget)
class BudgetAdmin(LasAdmin):
    list_display = ["ar", "version", "status", "paragraf", "forbund"]
    list_filter = ["forbund", "status"]
    inlines = [BudgetradInline]


@admin.register(Tilldelning)
class TilldelningAdmin(LasAdmin):
    list_display = ["ar", "belopp", "forbund"]
    list_filter = ["forbund"]


@admin.register(Redovisningsimport)
class RedovisningsimportAdmin(LasAdmin):
    list_display = ["ar", "kalla", "filnamn", "antal_verifikationer", "importerad", "forbund"]
    list_filter = ["forbund", "kalla"]


for modell, kolumner in (
    (Kontointervall, ["fran", "till", "rad", "forbund"]),
    (Kontokoppling, ["fran", "till", "text", "nyckel", "medlem", "forbund"]),
    (Kvartalsuppfoljning, ["ar", "kvartal", "andrad", "forbund"]),
    (Revisionsberattelse, ["ar", "revisor_uppdrag", "datum", "tillstyrker_ansvarsfrihet", "forbund"]),
    (Ansvarsfrihet, ["ar", "medlem", "beslut", "beslutsdatum", "paragraf", "forbund"]),
):
    admin.site.register(modell, type(f"{modell.__name__}Admin", (LasAdmin,), {"list_display": kolumner, "list_filter": ["forbund"]}))
