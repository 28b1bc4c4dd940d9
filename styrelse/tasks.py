"""Board tasks. Thin: take ids, call one service, own the retry policy."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from finsam.models import Forbund


@shared_task(name="styrelse.kallelse_skicka_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def kallelse_skicka_task(utskick_id: int) -> int:
    from .utskick import kallelse_skicka_epost

    return kallelse_skicka_epost(utskick_id=utskick_id)


@shared_task(name="styrelse.protokoll_las_task", bind=True, acks_late=True, reject_on_worker_lost=True, soft_time_limit=60,
             time_limit=90, max_retries=20)
def protokoll_las_task(self: object, dokument_id: int) -> str:
    """Lock the justered minutes PDF once it is rendered (retries while the rendering is still running)."""
    from finsam.documents.services import dokument_bestall, dokument_las
    from finsam.models import Dokument

    from .models import Sammantrade

    d = Dokument.objects.filter(pk=dokument_id).first()
    if d is None or d.last:
        return "klart"
    if d.status in {Dokument.Status.KOAD, Dokument.Status.PAGAR}:
        raise self.retry(countdown=15)  # type: ignore[attr-defined]
    mote = Sammantrade.objects.filter(forbund=d.forbund, pk=d.parametrar.get("sammantrade")).first()
    if mote is not None and mote.justerat is not None and (d.startad is None or d.startad < mote.justerat):
        # Rendered from the draft before the justering: render the final minutes, then lock.
        dokument_bestall(forbund=d.forbund, aktor="system", typ=d.typ, titel=f"Protokoll {mote.datum:%Y-%m-%d}", nyckel=d.nyckel,
                         parametrar=d.parametrar)
        raise self.retry(countdown=15)  # type: ignore[attr-defined]
    if d.status == Dokument.Status.KLAR:
        dokument_las(dokument=d, aktor="system", detaljer={"orsak": "protokollet justerat"})
        return "last"
    return d.status


@shared_task(name="styrelse.gallringslista_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def gallringslista_task(ar: int | None = None) -> int:
    """Yearly: list, per förbund, the diarium documents due for destruction this year (idempotent)."""
    from .services import gallringslista_skapa

    ar = ar or timezone.localdate().year
    antal = 0
    for forbund in Forbund.objects.all():
        antal += len(gallringslista_skapa(forbund=forbund, ar=ar).handlingar)
    return antal


@shared_task(name="styrelse.anteckningar_gallra_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def anteckningar_gallra_task() -> int:
    """Daily: remove members' private notes on minutes justered longer ago than the retention (idempotent)."""
    from .services.anteckning import anteckningar_gallra

    return anteckningar_gallra()
