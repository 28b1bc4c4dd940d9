from django.contrib import admin

from .models import Dokument, Forbund, Handelse, Medlem, Person, Roll


class MedlemInline(admin.TabularInline):
    model = Medlem
    extra = 0


@admin.register(Forbund)
class ForbundAdmin(admin.ModelAdmin):
    list_display = ["namn", "slug", "organisationsnummer", "diarieprefix"]
    search_fields = ["namn", "slug"]
    inlines = [MedlemInline]


@admin.register(Roll)
class RollAdmin(admin.ModelAdmin):
    list_display = ["user", "forbund", "roll"]
    list_filter = ["roll", "forbund"]
    search_fields = ["user__username", "user__last_name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["namn", "forbund", "befattning", "organisation", "ar_personal"]
    list_filter = ["forbund", "ar_personal"]
    search_fields = ["namn"]


@admin.register(Handelse)
class HandelseAdmin(admin.ModelAdmin):
    """The audit trail is read-only, also for superusers."""

    list_display = ["tidpunkt", "forbund", "aktor_namn", "handling", "objekt_text"]
    list_filter = ["forbund", "handling"]
    search_fields = ["objekt_text", "aktor_namn", "handling"]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Dokument)
class DokumentAdmin(admin.ModelAdmin):
    list_display = ["titel", "forbund", "typ", "status", "last", "bestalld"]
    list_filter = ["forbund", "typ", "status", "last"]
    readonly_fields = ["sha256", "storlek", "sidor", "fil", "last"]
