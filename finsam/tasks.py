"""Core Celery tasks. Thin: take ids, call one service, own the retry policy."""

from __future__ import annotations

from typing import Any

from celery import shared_task

from finsam import sidcache
from finsam.documents import jobb  # a module: jobb queues these tasks in turn (`tasks.dokument_rendera_task`)


@shared_task(
    name="finsam.dokument_rendera_task",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=300,
    time_limit=360,
    max_retries=3,
)
def dokument_rendera_task(self: Any, dokument_id: int) -> str:
    """Render (and complete, e.g. lock) one document; a passing failure is retried as a whole."""
    try:
        dokument = jobb.dokument_rendera(dokument_id=dokument_id)
    except jobb.TillfalligtFel as exc:
        if self.request.retries >= self.max_retries:
            jobb.dokument_misslyckas(dokument_id=dokument_id, fel=str(exc))
            return "misslyckad"
        countdown = 10 * 2**self.request.retries
        jobb.dokument_vanta(dokument_id=dokument_id, sekunder=countdown)
        raise self.retry(exc=exc, countdown=countdown) from exc
    return dokument.status if dokument else "saknas"


@shared_task(name="finsam.dokument_aterupta_task", acks_late=True, soft_time_limit=60, time_limit=90)
def dokument_aterupta_task() -> int:
    """The reaper (beat, every few seconds): re-queue document jobs that nobody runs."""
    return len(jobb.dokument_aterupta())


@shared_task(name="finsam.dataandring_komprimera_task", acks_late=True, soft_time_limit=300, time_limit=360)
def dataandring_komprimera_task() -> int:
    """Hourly (beat): fold each förbund's data-change rows into one, so reading a data version stays one index read."""
    return sidcache.komprimera()
