"""Reads of the records plan and what a gallring run would destroy (and keep, with the reason)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from finsam.models import Dokument, Forbund
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from styrelse.models import Handling, Handlingstyp

from ..arkivtyper import arkivtyper
from ..models import Gallring, Gallringsstopp, Planrad

LAST_SKAL = "Låst (fastställd) handling; en låst handling tas aldrig bort."


def plan(kontext: Kontext) -> QuerySet[Planrad]:
    kontext.kraver("diarium.visa")
    return Planrad.objects.filter(forbund=kontext.forbund).prefetch_related("handlingstyper").order_by("nummer", "id")


def planrad_hamta(kontext: Kontext, pk: int) -> Planrad:
    kontext.kraver("diarium.visa")
    return hamta(Planrad.objects.all(), kontext.forbund, pk=pk)


def _plan_tabell_rader(forbund: Forbund) -> list[dict[str, Any]]:
    namn = arkivtyper()
    return [
        {
            "Nr": r.nummer,
            "Process": r.avsnitt,
            "Handling": r.handling,
            "Medium": r.media,
            "Registrering/sortering": r.sortering,
            "Förvaringsplats": r.forvaringsplats,
            "Bevaras/gallras": r.regel,
            "Tolkning": r.tolkning,
            "Anmärkning": r.anmarkning,
            "Handlingar i Finsam": "; ".join(namn.get(k, k) for k in r.produkttyper),
        }
        for r in Planrad.objects.filter(forbund=forbund).order_by("nummer", "id")
    ]


def ej_klassade(forbund: Forbund) -> dict[str, Any]:
    """What Finsam holds that no row of the plan covers: kinds of record and diarium document types."""
    mappade = {k for rad in Planrad.objects.filter(forbund=forbund).values_list("produkttyper", flat=True) for k in rad}
    return {
        "arkivtyper": [(k, t) for k, t in arkivtyper().items() if k not in mappade],
        "handlingstyper": list(Handlingstyp.objects.filter(forbund=forbund, planrad__isnull=True).order_by("namn")),
    }


def gallringsstopp(forbund: Forbund) -> QuerySet[Gallringsstopp]:
    return Gallringsstopp.objects.filter(forbund=forbund).order_by("havt", "-fran")


def gallringar(kontext: Kontext) -> QuerySet[Gallring]:
    kontext.kraver("diarium.visa")
    return Gallring.objects.filter(forbund=kontext.forbund).select_related("protokoll", "genomford_av").order_by("-nummer")


def gallring_hamta(kontext: Kontext, pk: int) -> Gallring:
    kontext.kraver("diarium.visa")
    return hamta(Gallring.objects.select_related("protokoll", "genomford_av"), kontext.forbund, pk=pk)


def _dokumentrader(forbund: Forbund) -> dict[str, Planrad]:
    """Registered PDF type → the row it falls under, for rows a gallring run acts on."""
    ut: dict[str, Planrad] = {}
    for rad in Planrad.objects.filter(forbund=forbund, ar__isnull=False).exclude(bevarande="bevaras"):
        for nyckel in rad.produkttyper:
            if nyckel.startswith("dokument:"):
                ut[nyckel.removeprefix("dokument:")] = rad
    return ut


def _post(slag: str, obj_id: int, beskrivning: str, ar: int, rad: Planrad, fil: str) -> dict[str, Any]:
    return {
        "slag": slag,
        "id": obj_id,
        "beskrivning": beskrivning,
        "ar": ar,
        "planrad": rad.pk,
        "handlingstyp": rad.handling,
        "regel": rad.regel,
        "fil": fil,
    }


def gallring_underlag(forbund: Forbund, ar: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(due, kept) in `ar` under the plan: diarium documents and Finsam's own PDFs whose time has run out.

    Never listed as due: a record under a "bevaras" row, one not classified in the plan, one "vid
    inaktualitet" without a time (the responsible person decides), one not yet due. Kept, with the
    reason: a record under a legal hold (gallringsstopp on its matter) and a locked document.
    """
    stopp = {s.arende.strip().lower(): s for s in Gallringsstopp.objects.filter(forbund=forbund, havt__isnull=True)}
    due: list[dict[str, Any]] = []
    kept: list[dict[str, Any]] = []
    handlingar = (
        Handling.objects.filter(forbund=forbund, gallrad__isnull=True, handlingstyp__planrad__ar__isnull=False)
        .exclude(handlingstyp__planrad__bevarande="bevaras")
        .select_related("handlingstyp__planrad", "forbund")
        .order_by("ar", "lopnummer")
    )
    for h in handlingar:
        rad = h.handlingstyp.planrad
        assert rad is not None
        forsta = rad.forsta_gallringsar(h.ar)
        if forsta is None or forsta > ar:
            continue
        post = _post("handling", h.pk, f"{h.diarienummer} {h.rubrik}", h.ar, rad, h.fil.name or "")
        hold = stopp.get(h.arende.strip().lower()) if h.arende else None
        if hold is not None:
            kept.append({**post, "skal": f"Gallringsstopp för ärendet ”{hold.arende}”: {hold.orsak}"})
        else:
            due.append(post)
    rader = _dokumentrader(forbund)
    if rader:
        for d in Dokument.objects.filter(forbund=forbund, typ__in=list(rader)).order_by("bestalld", "pk"):
            rad = rader[d.typ]
            tid = d.klar or d.bestalld
            upprattad = timezone.localtime(tid).year
            forsta = rad.forsta_gallringsar(upprattad)
            if forsta is None or forsta > ar:
                continue
            post = _post("dokument", d.pk, d.titel, upprattad, rad, d.fil.name or "")
            if d.last:
                kept.append({**post, "skal": LAST_SKAL})
            else:
                due.append(post)
    return due, kept


def plan_tabell(forbund: Forbund) -> list[list[Any]]:
    """Export rows (CSV/XLSX): a header row, then one row per line of the register."""
    rubriker = ["Nr", "Process", "Handling", "Medium", "Registrering/sortering", "Förvaringsplats", "Bevaras/gallras", "Tolkning"]
    rubriker += ["Anmärkning", "Handlingar i Finsam"]
    return [rubriker, *[[rad[k] for k in rubriker] for rad in _plan_tabell_rader(forbund)]]
