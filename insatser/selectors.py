"""Read-side queries other apps rely on (ekonomi, uppföljning, rapporter). Aggregates run in the database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import DecimalField, Q, QuerySet, Sum, Value

from finsam.models import Forbund
from finsam.sortering import svensk

from .models import Beviljande, Insats, Malbedomning, Rapport

BELOPP = DecimalField(max_digits=14, decimal_places=0)


def insatser_for(forbund: Forbund) -> QuerySet[Insats]:
    """The förbund's interventions, ordered by kortnamn."""
    return Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))


def beviljat_per_ar(forbund: Forbund, ar: int, *, beslutat_senast: dt.date | None = None) -> dict[int, Decimal]:
    """{insats_id: amount granted for the year} summed over every board decision, in the database.

    The one source of "beviljat" for a year: the budget, the driftsredovisning and the annual report's appendix all
    read it here, so they cannot disagree. `beslutat_senast` keeps only decisions taken at meetings on or before
    that date (what a budget set on that date could contain).
    """
    qs = Beviljande.objects.filter(forbund=forbund, ar=ar)
    if beslutat_senast is not None:
        qs = qs.filter(paragraf__sammantrade__datum__lte=beslutat_senast)
    rader = qs.values("insats_id").annotate(summa=Sum("belopp")).order_by("insats_id")
    return {r["insats_id"]: Decimal(r["summa"] or 0) for r in rader}


@dataclass(frozen=True)
class BeviljatMotBudget:
    """Grants of one intervention for a year, split by whether they were decided before the budget was set."""

    i_budget: Decimal
    efter_budget: Decimal  # "beslutat efter budget": decided after the budget was set, so not in it

    @property
    def totalt(self) -> Decimal:
        return self.i_budget + self.efter_budget


def beviljat_mot_budget(forbund: Forbund, ar: int, faststalld: dt.date | None) -> dict[int, BeviljatMotBudget]:
    """{insats_id: BeviljatMotBudget} in one query. A draft budget (`faststalld` None) holds every grant of the year."""
    qs = Beviljande.objects.filter(forbund=forbund, ar=ar).values("insats_id")
    if faststalld is None:
        rader = qs.annotate(fore=Sum("belopp"), efter=Value(Decimal(0), output_field=BELOPP)).order_by("insats_id")
    else:
        fore, efter = Q(paragraf__sammantrade__datum__lte=faststalld), Q(paragraf__sammantrade__datum__gt=faststalld)
        rader = qs.annotate(fore=Sum("belopp", filter=fore), efter=Sum("belopp", filter=efter)).order_by("insats_id")
    return {r["insats_id"]: BeviljatMotBudget(Decimal(r["fore"] or 0), Decimal(r["efter"] or 0)) for r in rader}


def malbedomningar_for(forbund: Forbund, ar: int) -> QuerySet[Malbedomning]:
    """Every goal assessment of the year, with goal and intervention (for the annual report's appendix)."""
    return (
        Malbedomning.objects.filter(forbund=forbund, ar=ar)
        .select_related("mal", "mal__insats")
        .order_by(svensk("mal__insats__kortnamn"), "mal__ordning", "mal_id")
    )


def forsenade_rapporter(forbund: Forbund, idag: dt.date | None = None) -> QuerySet[Rapport]:
    """Reports past their due date with no upload, oldest first."""
    return Rapport.objects.filter(forbund=forbund).forsenade(idag).select_related("insats").order_by("forfallodatum", svensk("insats__kortnamn"))


def beviljat_per_insats_och_ar(forbund: Forbund, insats_ids: list[int] | None = None) -> dict[tuple[int, int], Decimal]:
    """{(insats_id, ar): total granted} over every decision, in one query."""
    qs = Beviljande.objects.filter(forbund=forbund)
    if insats_ids is not None:
        qs = qs.filter(insats_id__in=insats_ids)
    rader = qs.values("insats_id", "ar").annotate(summa=Sum("belopp")).order_by()
    return {(r["insats_id"], r["ar"]): Decimal(r["summa"] or 0) for r in rader}
