"""Core reads, scoped to one förbund."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

# The organisation sheet shows the board: styrelse's selectors import only finsam's models, permissions and tenancy (no circle).
from styrelse.models import Mandat
from styrelse.selectors import mandat_for_ar

from .documents.services import dokument_far_laddas_ned
from .handlingar import Handling
from .models import Dokument, Forbund, Handelse, Medlem, Person
from .permissions import Kontext
from .sortering import personordning, svensk


def medlemmar(forbund: Forbund) -> QuerySet[Medlem]:
    return Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))


def personal(forbund: Forbund) -> QuerySet[Person]:
    return Person.objects.filter(forbund=forbund, ar_personal=True).order_by(*personordning())


def handelser(kontext: Kontext, *, handling: str = "", objekttyp: str = "") -> QuerySet[Handelse]:
    kontext.kraver("handelse.visa")
    qs = Handelse.objects.filter(forbund=kontext.forbund).select_related("aktor")
    if handling:
        # by code or by the Swedish words the audit page shows
        koder = [kod for kod, etikett in Handling.choices if handling.lower() in etikett.lower()]
        qs = qs.filter(Q(handling__icontains=handling) | Q(handling__in=koder))
    if objekttyp:
        qs = qs.filter(objekttyp=objekttyp)
    return qs


def dokument_lista(kontext: Kontext) -> list[Dokument]:
    """The documents this role may see (drafts of restricted types are left out)."""

    kontext.kraver("dokument.visa")
    qs = Dokument.objects.filter(forbund=kontext.forbund).select_related("bestalld_av", "forbund")
    return [d for d in qs[:200] if dokument_far_laddas_ned(kontext, d)]


def organisationsblad(forbund: Forbund, ar: int) -> dict[str, Any]:
    """Members, the board (ledamöter and ersättare with periods) and staff for one year."""
    mandat = mandat_for_ar(forbund, ar)
    return {
        "forbund": forbund,
        "ar": ar,
        "medlemmar": list(medlemmar(forbund)),
        "ledamoter": [m for m in mandat if m.typ == Mandat.Typ.LEDAMOT],
        "ersattare": [m for m in mandat if m.typ == Mandat.Typ.ERSATTARE],
        "personal": list(personal(forbund)),
    }
