"""Read-side queries other apps rely on (ekonomi, uppföljning, rapporter). Aggregates run in the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.db.models import QuerySet, Sum
from django.utils import timezone

from finsam.models import Forbund

from .models import Beviljande, Insats, Malbedomning, Rapport


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


def forsenade_rapporter(forbund: Forbund, idag: dt.date | None = None) -> QuerySet[Rapport]:
    """Reports past their due date with no upload, oldest first."""
    idag = idag or timezone.localdate()
    return (
        Rapport.objects.filter(forbund=forbund, inlamnad__isnull=True, forfallodatum__lt=idag)
        .select_related("insats")
        .order_by("forfallodatum", "insats__kortnamn")
    )


def beviljat_per_insats_och_ar(forbund: Forbund, insats_ids: list[int] | None = None) -> dict[tuple[int, int], Decimal]:
    """{(insats_id, ar): total granted} over every decision, in one query."""
    qs = Beviljande.objects.filter(forbund=forbund)
    if insats_ids is not None:
        qs = qs.filter(insats_id__in=insats_ids)
    rader = qs.values("insats_id", "ar").annotate(summa=Sum("belopp")).order_by()
    return {(r["insats_id"], r["ar"]): Decimal(r["summa"] or 0) for r in rader}
