"""Core Celery tasks. Thin: take ids, call one service, own the retry policy."""

from __future__ import annotations

from celery import shared_task

from finsam.documents.services import dokument_rendera


@shared_task(
    name="finsam.dokument_rendera_task",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=300,
    time_limit=360,
)
def dokument_rendera_task(dokument_id: int) -> str:
    dokument = dokument_rendera(dokument_id=dokument_id)
    return dokument.status if dokument else "saknas"
