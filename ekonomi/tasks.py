"""Background work of ekonomi. Thin: take ids, call one service, own the retry policy."""

from __future__ import annotations

from celery import shared_task

from .services import jobb as jobbtjanster  # a module: the job service queues bokforing_import_task in turn


@shared_task(name="ekonomi.bokforing_import_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=600, time_limit=660)
def bokforing_import_task(jobb_id: int) -> str:

    jobb = jobbtjanster.bokforing_jobb_kor(jobb_id=jobb_id)
    return jobb.status if jobb else "saknas"
