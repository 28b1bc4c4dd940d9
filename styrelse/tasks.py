"""Board tasks. Thin: take ids, call one service, own the retry policy."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from finsam.models import Dokument, Forbund

from . import services
from .models import Sammantrade
from .services import anteckning as anteckning_tjanst
from .utskick import kallelse_skicka_epost


@shared_task(name="styrelse.kallelse_skicka_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def kallelse_skicka_task(utskick_id: int) -> int:

    return kallelse_skicka_epost(utskick_id=utskick_id)


@shared_task(name="styrelse.protokoll_las_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=60, time_limit=90)
def protokoll_las_task(dokument_id: int) -> str:
    """Make sure justered minutes end final: order the final rendering if the stored PDF predates the
    justering (the document job itself locks it; no polling). Queued by nothing; kept for repairs."""

    d = Dokument.objects.filter(pk=dokument_id).first()
    if d is None or d.last:
        return "klart"
    mote = Sammantrade.objects.filter(forbund=d.forbund, pk=d.parametrar.get("sammantrade")).first()
    if mote is None or mote.justerat is None:
        return "ej justerat"
    if d.status == Dokument.Status.KLAR and not services.dokument.protokoll_inaktuellt(d):
        services.dokument.protokoll_efter_rendering(d)
    else:
        services.dokument.protokoll_bestall(sammantrade=mote, aktor="system", las=True)
    return Dokument.objects.get(pk=d.pk).status


@shared_task(name="styrelse.gallringslista_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def gallringslista_task(ar: int | None = None) -> int:
    """Yearly: list, per förbund, the diarium documents due for destruction this year (idempotent)."""

    ar = ar or timezone.localdate().year
    antal = 0
    for forbund in Forbund.objects.all():
        antal += len(services.gallringslista_skapa(forbund=forbund, ar=ar).handlingar)
    return antal


@shared_task(name="styrelse.anteckningar_gallra_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def anteckningar_gallra_task() -> int:
    """Daily: remove members' private notes on minutes justered longer ago than the retention (idempotent)."""

    return anteckning_tjanst.anteckningar_gallra()
