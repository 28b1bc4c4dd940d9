"""Reads of the delegation order: the version in force on a date, its rows, the prisbasbelopp table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from finsam.models import Forbund
from finsam.permissions import Kontext
from finsam.tenancy import hamta

from ..models import Delegationsordning, Delegationsrad, Prisbasbelopp
from ..models.delegation import FASTSTALLDA_PRISBASBELOPP

RAD_RELATIONER = ("ordning", "ordning__antagen_paragraf", "delegat_person", "ersattare_person")


def ordningar(kontext: Kontext) -> QuerySet[Delegationsordning]:
    """Every version, the draft first, then the adopted ones newest first, with their row counts."""
    kontext.kraver("styrelse.visa")
    return (
        Delegationsordning.objects.filter(forbund=kontext.forbund)
        .select_related("antagen_paragraf")
        .annotate(antal_rader=Count("rader"))
        .order_by("-status", "-giltig_fran", "-id")
    )


def ordning_hamta(kontext: Kontext, pk: int) -> Delegationsordning:
    kontext.kraver("styrelse.visa")
    qs = Delegationsordning.objects.select_related("antagen_paragraf").prefetch_related(
        Prefetch("rader", queryset=Delegationsrad.objects.select_related(*RAD_RELATIONER).order_by("nummer", "id"))
    )
    return hamta(qs, kontext.forbund, pk=pk)


def ordning_i_kraft(forbund: Forbund, datum: dt.date) -> Delegationsordning | None:
    return Delegationsordning.objects.i_kraft(forbund.pk, datum)


def utkast(forbund: Forbund) -> Delegationsordning | None:
    return Delegationsordning.objects.filter(forbund=forbund, status=Delegationsordning.Status.UTKAST).first()


def rad_hamta(kontext: Kontext, pk: int) -> Delegationsrad:
    kontext.kraver("styrelse.visa")
    return hamta(Delegationsrad.objects.select_related(*RAD_RELATIONER), kontext.forbund, pk=pk)


def rader_valbara(forbund: Forbund) -> QuerySet[Delegationsrad]:
    """Rows a delegation decision can be registered under: delegated rows of adopted versions, newest version first."""
    return (
        Delegationsrad.objects.filter(forbund=forbund, ordning__status=Delegationsordning.Status.ANTAGEN)
        .exclude(delegat_roll="styrelsen")
        .select_related(*RAD_RELATIONER)
        .order_by("-ordning__giltig_fran", "nummer", "id")
    )


def rader_i_kraft(forbund: Forbund, datum: dt.date) -> list[Delegationsrad]:
    ordning = ordning_i_kraft(forbund, datum)
    if ordning is None:
        return []
    return list(Delegationsrad.objects.filter(ordning=ordning).select_related(*RAD_RELATIONER).order_by("nummer", "id"))


def prisbasbelopp() -> list[Prisbasbelopp]:
    """Every year's prisbasbelopp: the published amounts, with a registered row taking precedence (as prisbasbelopp_for)."""
    registrerade = {p.ar: p for p in Prisbasbelopp.objects.order_by("ar")}
    kanda = {ar: Prisbasbelopp(ar=ar, belopp=belopp) for ar, belopp in FASTSTALLDA_PRISBASBELOPP.items()}
    return [p for _, p in sorted({**kanda, **registrerade}.items())]


def _ordning_tabell_rader(ordning: Delegationsordning) -> list[dict[str, Any]]:
    """Export rows (CSV/XLSX) of one version."""
    return [
        {
            "Nr": r.nummer,
            "Avsnitt": r.avsnitt,
            "Ärende": r.arende,
            "Delegat": r.delegat,
            "Ersättare": r.ersattare,
            "Beloppsgräns": r.grans_text,
            "Villkor": r.villkor,
            "Anmäls till styrelsen": "Ja" if r.anmals else "Nej",
            "Kommentar": r.kommentar,
        }
        for r in ordning.rader.all()
    ]


def ordning_tabell(ordning: Delegationsordning) -> list[list[Any]]:
    """Export rows (CSV/XLSX): a header row, then one row per line of the register."""
    rubriker = ["Nr", "Avsnitt", "Ärende", "Delegat", "Ersättare", "Beloppsgräns", "Villkor", "Anmäls till styrelsen", "Kommentar"]
    return [rubriker, *[[rad[k] for k in rubriker] for rad in _ordning_tabell_rader(ordning)]]
