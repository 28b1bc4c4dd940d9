"""The rules other parts of Finsam read from the statutes: the version in force on a date, one query.

Styrelse reads the quorum, the qualified majority and the number of ledamöter for a meeting's date; ekonomi
reads the members' shares of the contribution for a year. A rule the version in force does not state (or
no version in force at all) is None, and the caller falls back to its earlier source (the board's own
decision rules, the mandates in service, the statutes' usual split).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Count, F, OuterRef, Q, Subquery

from finsam.models import Forbund, Medlem

from ..models.forbundsordning import Forbundsordning


@dataclass(frozen=True)
class Stadgeregler:
    version: Forbundsordning | None
    antal_ledamoter: int | None = None
    beslutsfor_minst: int | None = None
    majoritet: str = ""
    andelar: dict[str, Fraction] | None = None  # keys staten, region, kommunerna; they sum to 1


def forbundsordning_i_kraft(forbund: Forbund | int, datum: dt.date) -> Forbundsordning | None:
    """The latest version valid from `datum` or earlier that every member has adopted (as selectors.forbundsordning.galler_pa)."""
    forbund_id = forbund if isinstance(forbund, int) else forbund.pk
    medlemmar = Medlem.objects.filter(forbund=OuterRef("forbund")).order_by().values("forbund").annotate(n=Count("pk")).values("n")
    return (
        Forbundsordning.objects.filter(forbund_id=forbund_id, giltig_fran__lte=datum)
        .annotate(antagna=Count("beslut", filter=Q(beslut__antagen=True)), medlemmar=Subquery(medlemmar))
        .filter(antagna__gte=F("medlemmar"))
        .order_by("-giltig_fran", "-version")
        .first()
    )


def stadgeregler_pa(forbund: Forbund | int, datum: dt.date) -> Stadgeregler:
    """The rules stated by the statutes in force on `datum`."""
    v = forbundsordning_i_kraft(forbund, datum)
    if v is None:
        return Stadgeregler(version=None)
    return Stadgeregler(version=v, antal_ledamoter=v.antal_ledamoter, beslutsfor_minst=v.beslutsfor_minst, majoritet=v.majoritet, andelar=v.andelar)
