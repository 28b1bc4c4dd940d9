"""Django admin for the core: through the services (with their rules and audit) or read-only.

Förbund are created with `manage.py forbund_create`, people and members through the pages; the admin
shows them read-only. A role is given through `roll_tilldela` (audited). A draft document may be
deleted through `dokument_ta_bort`; a locked (adopted) document never.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .documents.services import dokument_ta_bort
from .models import Dokument, Forbund, Handelse, Medlem, Person, Roll
from .services import roll_tilldela


class LasAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Read-only: every write goes through a service (validation, locking, audit)."""

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class MedlemInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Medlem
    extra = 0
    can_delete = False
    fields = ("namn", "typ", "kod", "organisationsnummer", "ordning")
    readonly_fields = fields

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Forbund)
class ForbundAdmin(LasAdmin):
    list_display = ["namn", "slug", "organisationsnummer", "diarieprefix"]
    search_fields = ["namn", "slug"]
    inlines = [MedlemInline]


@admin.register(Roll)
class RollAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Roles are given and changed through `roll_tilldela` (validated and audited), never removed here."""

    list_display = ["user", "forbund", "roll"]
    list_filter = ["roll", "forbund"]
    search_fields = ["user__username", "user__last_name"]
    fields = ["user", "forbund", "roll"]

    def get_readonly_fields(self, request: Any, obj: Any = None) -> list[str]:
        return ["user", "forbund"] if obj is not None else []

    def save_model(self, request: Any, obj: Roll, form: Any, change: bool) -> None:
        sparad = roll_tilldela(forbund=obj.forbund, aktor=request.user, user=obj.user, roll=obj.roll)
        obj.pk = sparad.pk

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Person)
class PersonAdmin(LasAdmin):
    list_display = ["namn", "forbund", "befattning", "organisation", "ar_personal"]
    list_filter = ["forbund", "ar_personal"]
    search_fields = ["namn"]


@admin.register(Handelse)
class HandelseAdmin(LasAdmin):
    """The audit trail is read-only, also for superusers."""

    list_display = ["tidpunkt", "forbund", "aktor_namn", "handling", "objekt_text"]
    list_filter = ["forbund", "handling"]
    search_fields = ["objekt_text", "aktor_namn", "handling"]


@admin.register(Dokument)
class DokumentAdmin(LasAdmin):
    """Read-only; a draft may be deleted (through the service, audited), a locked document never."""

    list_display = ["titel", "forbund", "typ", "status", "last", "bestalld"]
    list_filter = ["forbund", "typ", "status", "last"]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        # no bulk deletion (it would bypass the check per document); one draft at a time
        return obj is not None and not obj.last and super(LasAdmin, self).has_delete_permission(request, obj)

    def delete_model(self, request: Any, obj: Dokument) -> None:
        dokument_ta_bort(dokument=obj, aktor=request.user)
