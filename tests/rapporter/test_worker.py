"""A real Celery worker on Redis killed in the middle of rendering the annual report: after a restart the job
finishes (acks_late + reject_on_worker_lost: the message is redelivered), it never stays stuck."""

from __future__ import annotations

import time
from typing import Any

import pytest

from finsam.models import Dokument, Forbund
from rapporter import services
from rapporter.models import Rapport

from . import factories as f

pytestmark = [pytest.mark.worker]


def test_worker_som_dor_mitt_i_renderingen_ger_ett_fardigt_jobb_efter_omstart(celery_worker_process: Any, forbund: Forbund, chef: Any) -> None:
    f.styrelse(forbund, 2019)
    f.kant_utfall(forbund)
    t0 = time.monotonic()
    rapport = services.rapport_generera(forbund=forbund, aktor=chef, typ="arsredovisning", ar=2019)
    assert time.monotonic() - t0 < 2  # the request only queues the job
    d = Rapport.objects.get(pk=rapport.pk).dokument
    assert d is not None and Dokument.objects.get(pk=d.pk).status == Dokument.Status.KOAD

    def pagar() -> bool:
        return Dokument.objects.filter(pk=d.pk, status=Dokument.Status.PAGAR, framsteg__gte=5).exists()

    assert celery_worker_process.vanta_pa(pagar, timeout=60, intervall=0.05), celery_worker_process.logg()[-3000:]
    celery_worker_process.stop(kill=True)  # SIGKILL the pool process and the worker mid-render
    d.refresh_from_db()
    assert d.status == Dokument.Status.PAGAR and d.forsok == 1  # caught in the middle, not finished

    celery_worker_process.start()  # "after restart": the unacknowledged message is delivered again
    klar = celery_worker_process.vanta_pa(
        lambda: Dokument.objects.get(pk=d.pk).status in {Dokument.Status.KLAR, Dokument.Status.MISSLYCKAD}, timeout=120
    )
    d.refresh_from_db()
    assert klar, f"Jobbet blev aldrig klart. Logg:\n{celery_worker_process.logg()[-3000:]}"
    assert d.status == Dokument.Status.KLAR, d.fel
    assert d.forsok == 2 and d.framsteg == 100 and len(d.sha256) == 64
    assert d.fil.read().startswith(b"%PDF")
    d.fil.close()
    assert Dokument.objects.filter(forbund=forbund, nyckel="arsredovisning:2019").count() == 1  # rerun replaced, not duplicated
