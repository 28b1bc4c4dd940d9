"""Periodic retention of participant data. Thin: one service call per förbund, idempotent."""

from __future__ import annotations

from celery import shared_task

from finsam.models import Forbund

from . import services  # a module: services.importkorning queues deltagare_import_task in turn


@shared_task(name="uppfoljning.gallring_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=600, time_limit=660)
def gallring_task() -> dict[str, dict[str, int]]:
    """Make participant data anonymous `gallring_ar` years after exit, in every förbund (audited per förbund)."""
    return {f.slug: services.inskrivningar_gallra(forbund=f, aktor="gallring_task") for f in Forbund.objects.order_by("pk")}


@shared_task(name="uppfoljning.deltagare_import_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def deltagare_import_task(korning_id: int) -> str:
    korning = services.import_kor(korning_id=korning_id)
    return korning.status if korning else "saknas"
