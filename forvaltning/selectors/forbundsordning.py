"""Reads of the statutes register: every version with its members' decisions, and the version in force on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from finsam.models import Forbund, Medlem

from ..models.forbundsordning import Forbundsordning, ForbundsordningBeslut


def forbundsordningar(forbund: Forbund) -> QuerySet[Forbundsordning]:
    beslut = ForbundsordningBeslut.objects.select_related("medlem").order_by("medlem__ordning")
    return (
        Forbundsordning.objects.filter(forbund=forbund)
        .select_related("forslag_paragraf", "forslag_paragraf__sammantrade")
        .prefetch_related(Prefetch("beslut", queryset=beslut))
        .order_by("-version")
    )


@dataclass
class Version:
    """A version with every member's decision (None: not yet decided) and whether all members adopted it."""

    ordning: Forbundsordning
    beslut: list[tuple[Medlem, ForbundsordningBeslut | None]]

    @property
    def antagen_av_alla(self) -> bool:
        return all(b is not None and b.antagen for _, b in self.beslut)

    @property
    def vantar_pa(self) -> list[Medlem]:
        return [m for m, b in self.beslut if b is None]

    @property
    def avslagen_av(self) -> list[Medlem]:
        return [m for m, b in self.beslut if b is not None and not b.antagen]


def versioner(forbund: Forbund) -> list[Version]:
    medlemmar = list(Medlem.objects.filter(forbund=forbund).order_by("ordning", "namn"))
    ut = []
    for f in forbundsordningar(forbund):
        per_medlem = {b.medlem_id: b for b in f.beslut.all()}
        ut.append(Version(f, [(m, per_medlem.get(m.pk)) for m in medlemmar]))
    return ut


def galler_pa(forbund: Forbund, datum: dt.date, alla: list[Version] | None = None) -> Version | None:
    """The version in force on `datum`: the latest one valid from that date that every member has adopted."""
    for v in alla if alla is not None else versioner(forbund):
        if v.ordning.giltig_fran <= datum and v.antagen_av_alla:
            return v
    return None
