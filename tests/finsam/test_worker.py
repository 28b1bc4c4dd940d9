"""A real Celery worker on Redis renders the organisation sheet (the production path)."""

from __future__ import annotations

from typing import Any

import pytest

from finsam.documents.services import dokument_bestall
from finsam.models import Dokument, Forbund

pytestmark = [pytest.mark.worker]


def test_riktig_worker_renderar_organisationsbladet(celery_worker_process: Any, forbund: Forbund, chef: Any) -> None:
    d = dokument_bestall(
        forbund=forbund, aktor=chef, typ="organisationsblad", titel="Organisationsblad 2019", nyckel="organisationsblad:2019", parametrar={"ar": 2019}
    )
    assert Dokument.objects.get(pk=d.pk).status == Dokument.Status.KOAD  # the request returned before rendering
    klar = celery_worker_process.vanta_pa(lambda: Dokument.objects.get(pk=d.pk).status in {Dokument.Status.KLAR, Dokument.Status.MISSLYCKAD})
    d.refresh_from_db()
    assert klar, f"Workern blev inte klar. Logg:\n{celery_worker_process.logg()[-3000:]}"
    assert d.status == Dokument.Status.KLAR, d.fel
    assert d.fil.read().startswith(b"%PDF") and len(d.sha256) == 64 and d.forsok == 1
