"""Celery tasks of the insatser app."""

from __future__ import annotations

from celery import shared_task

from .services import rapport_paminnelser_skicka


@shared_task(
    name="insatser.rapport_paminnelse_task",
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=120,
    time_limit=180,
)
def rapport_paminnelse_task() -> int:
    """Daily: remind each förbund's kansli of overdue intervention reports (at most once a week per report)."""
    return rapport_paminnelser_skicka()
