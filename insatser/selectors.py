"""Read-side queries other apps rely on (ekonomi, uppföljning, rapporter). Aggregates run in the database."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import QuerySet, Sum

from finsam.models import Forbund

from .models import Beviljande, Insats, Malbedomning


def insatser_for(forbund: Forbund) -> QuerySet[Insats]:
    """The förbund's interventions, ordered by kortnamn."""
    return Insats.objects.filter(forbund=forbund).order_by("kortnamn")


def beviljat_per_ar(forbund: Forbund, ar: int) -> dict[int, Decimal]:
    """{insats_id: amount granted for the year} summed over every board decision, in the database."""
    rader = (
        Beviljande.objects.filter(forbund=forbund, ar=ar)
        .values("insats_id")
        .annotate(summa=Sum("belopp"))
        .order_by("insats_id")
    )
    return {r["insats_id"]: Decimal(r["summa"] or 0) for r in rader}


def malbedomningar_for(forbund: Forbund, ar: int) -> QuerySet[Malbedomning]:
    """Every goal assessment of the year, with goal and intervention (for the annual report's appendix)."""
    return (
        Malbedomning.objects.filter(forbund=forbund, ar=ar)
        .select_related("mal", "mal__insats")
        .order_by("mal__insats__kortnamn", "mal__ordning", "mal_id")
    )
