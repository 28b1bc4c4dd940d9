"""Reads of the agreements register: scoped to the förbund, with the notice calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from finsam.formatting import datum
from finsam.models import Forbund
from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.startsida import Notis
from finsam.tenancy import hamta

from ..models import Avtal

VARNA_DAGAR = 90  # the start page warns this many days before a notice date or an end date


def avtal_lista(forbund: Forbund, *, status: str = "") -> QuerySet[Avtal]:
    qs = (
        Avtal.objects.filter(forbund=forbund)
        .select_related("paragraf", "paragraf__sammantrade", "delegationsbeslut", "insats")
        .prefetch_related("medlemmar")
        .order_by("status", svensk("rubrik"))
    )
    if status in Avtal.Status.values:
        qs = qs.filter(status=status)
    return qs


def avtal_hamta(kontext: Kontext, pk: int) -> Avtal:
    return hamta(avtal_lista(kontext.forbund).prefetch_related("dokument"), kontext.forbund, pk=pk)


def avtal_varningar(forbund: Forbund, idag: dt.date | None = None) -> list[tuple[Avtal, str, str]]:
    """(agreement, level, text) for notice dates and ends within VARNA_DAGAR days, the nearest first."""
    idag = idag or timezone.localdate()
    horisont = idag + dt.timedelta(days=VARNA_DAGAR)
    ut: list[tuple[dt.date, Avtal, str, str]] = []
    aktuella = Avtal.objects.filter(forbund=forbund).filter(
        Q(status=Avtal.Status.GALLER, slutdatum__isnull=False) | Q(status=Avtal.Status.UPPSAGT, upphor_datum__gte=idag)
    )
    for avtal in aktuella:
        if avtal.status == Avtal.Status.UPPSAGT:
            if avtal.upphor_datum and avtal.upphor_datum <= horisont:
                ut.append((avtal.upphor_datum, avtal, "info", f"{avtal.rubrik} är uppsagt och upphör {datum(avtal.upphor_datum)}."))
            continue
        sista = avtal.sista_uppsagningsdag(idag)
        slut = avtal.periodslut(idag)
        if sista is not None and idag <= sista <= horisont:
            ut.append((sista, avtal, "varning", f"Sista dag att säga upp {avtal.rubrik} är {datum(sista)}; annars förlängs det efter {datum(slut)}."))
        elif sista is None and slut is not None and idag <= slut <= horisont:
            ut.append((slut, avtal, "varning", f"{avtal.rubrik} löper ut {datum(slut)} och förlängs inte av sig självt."))
    ut.sort(key=lambda t: t[0])
    return [(a, niva, text) for _, a, niva, text in ut]


def startsida_notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if not kontext.kan("avtal.redigera"):
        return []
    return [Notis(text, reverse("forvaltning:avtal", args=[a.pk]), niva) for a, niva, text in avtal_varningar(kontext.forbund)]


def avtal_tabell(forbund: Forbund) -> list[list[Any]]:
    """The register as rows for CSV/XLSX (typed values: dates and amounts stay dates and numbers)."""
    idag = timezone.localdate()
    rader: list[list[Any]] = [
        [
            "Avtal",
            "Typ",
            "Parter",
            "Motpartens org.nr",
            "Belopp",
            "Enhet",
            "Gäller från",
            "Gäller till",
            "Förlängning (mån)",
            "Uppsägningstid (mån)",
            "Sista uppsägningsdag",
            "Beslut",
            "Insats",
            "Status",
            "Upphör",
        ]
    ]
    for a in avtal_lista(forbund):
        beslut = f"§ {a.paragraf.nummer}/{a.paragraf.ar}" if a.paragraf else (str(a.delegationsbeslut) if a.delegationsbeslut else "")
        rader.append(
            [
                a.rubrik,
                a.get_typ_display(),
                a.parter_text,
                a.motpart_organisationsnummer,
                a.belopp,
                a.get_enhet_display() if a.enhet else "",
                a.startdatum,
                a.slutdatum,
                a.forlangning_manader or None,
                a.uppsagningstid_manader,
                a.sista_uppsagningsdag(idag),
                beslut,
                a.insats.kortnamn if a.insats else "",
                a.get_status_display(),
                a.upphor_datum,
            ]
        )
    return rader


def avtal_under_ar(forbund: Forbund, ar: int) -> list[Avtal]:
    """Agreements in force at some time during `ar` (renewals counted; one ended by notice stops at its end date),
    service purchases first: what the annual report lists under the kansli."""
    forsta, sista = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    ut = []
    for a in avtal_lista(forbund).filter(startdatum__lte=sista).exclude(upphor_datum__lt=forsta):
        slut = a.upphor_datum or a.periodslut(forsta)
        if slut is None or slut >= forsta:
            ut.append(a)
    ordning: dict[str, int] = {Avtal.Typ.TJANSTEKOP: 0, Avtal.Typ.KONSULT: 1, Avtal.Typ.OVERENSKOMMELSE: 2}
    return sorted(ut, key=lambda a: (ordning.get(a.typ, 3), a.startdatum, a.rubrik))
