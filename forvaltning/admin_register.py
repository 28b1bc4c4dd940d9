"""The delegation order and the records plan are read-only in the Django admin: writes go through the services (with audit).

The prisbasbelopp is national data without a förbund: a superuser adds next year's figure here, through the service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin

from .models import Delegationsordning, Delegationsrad, Gallring, Gallringsstopp, Planrad, Prisbasbelopp
from .services.delegation import prisbasbelopp_spara


class _LasAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: Any) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


class DelegationsradInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Delegationsrad
    fields = ["nummer", "avsnitt", "arende", "delegat_roll", "delegat_person", "ersattare_roll", "grans_typ", "grans_varde", "anmals"]
    extra = 0

    def has_add_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False


@admin.register(Delegationsordning)
class DelegationsordningAdmin(_LasAdmin):
    list_display = ["rubrik", "forbund", "status", "giltig_fran", "antagen_paragraf"]
    list_filter = ["forbund", "status"]
    inlines = [DelegationsradInline]


@admin.register(Planrad)
class PlanradAdmin(_LasAdmin):
    list_display = ["nummer", "handling", "forbund", "avsnitt", "bevarande", "ar", "regel_text"]
    list_filter = ["forbund", "avsnitt", "bevarande"]


@admin.register(Gallring)
class GallringAdmin(_LasAdmin):
    list_display = ["nummer", "forbund", "ar", "status", "genomford", "genomford_av_namn"]
    list_filter = ["forbund", "status"]


@admin.register(Gallringsstopp)
class GallringsstoppAdmin(_LasAdmin):
    list_display = ["arende", "forbund", "fran", "havt"]
    list_filter = ["forbund"]


@admin.register(Prisbasbelopp)
class PrisbasbeloppAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["ar", "belopp"]

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return False

    def save_model(self, request: Any, obj: Prisbasbelopp, form: Any, change: bool) -> None:
        sparad = prisbasbelopp_spara(ar=obj.ar, belopp=obj.belopp, aktor=request.user)
        obj.pk = sparad.pk
