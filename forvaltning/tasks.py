"""Periodic gallring proposal. Thin: one service call per förbund, idempotent (a rerun replaces the open proposal)."""

from __future__ import annotations

from celery import shared_task

from finsam.models import Forbund

from .models import Planrad
from .services.arkiv import gallring_foresla


@shared_task(name="forvaltning.gallring_foresla_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=600, time_limit=660)
def gallring_foresla_task() -> dict[str, int]:
    """Propose this year's gallring in every förbund that keeps a records plan; the förbundschef carries it out."""
    ut: dict[str, int] = {}
    for forbund in Forbund.objects.order_by("pk"):
        if Planrad.objects.filter(forbund=forbund).exists():
            ut[forbund.slug] = len(gallring_foresla(forbund=forbund, aktor="gallring_foresla_task").poster)
    return ut
