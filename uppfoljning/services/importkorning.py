"""The import run: one door for page, API and command (`deltagare_import_starta`); large files go to a Celery task."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.models import Forbund
from finsam.tasking import enqueue

from .. import tasks
from ..models import Importkorning
from ..vokabular import filnamn_utan_personnummer
from .fil import forkontrollera, kontrollera_storlek, max_bytes
from .importera import deltagare_import


def bakgrund_bytes() -> int:
    """Files larger than this are imported by a Celery task (the page follows its progress)."""
    return int(getattr(settings, "UPPFOLJNING_IMPORT_BAKGRUND_BYTES", 256 * 1024))


@transaction.atomic
def import_bestall(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str, torrkorning: bool) -> Importkorning:
    """Queue a large import; the task runs `deltagare_import` (all or nothing, one audit event) and drops the file."""
    kontrollera_storlek(len(data))
    korning = Importkorning.objects.create(
        forbund=forbund,
        filnamn=filnamn[:200],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        torrkorning=torrkorning,
        bestalld_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )

    enqueue(tasks.deltagare_import_task, korning.pk)
    return korning


def deltagare_import_starta(*, forbund: Forbund, aktor: Any, fil: IO[bytes], storlek: int, filnamn: str, torrkorning: bool) -> Importkorning:
    """The one door for an import (page, API and command): refused by size before reading; a small file is imported at once, a
    file over `UPPFOLJNING_IMPORT_BAKGRUND_BYTES` is queued. Returns the run (finished, or queued); a refused small file raises
    ValidationError with one message per faulty cell and saves nothing.
    """
    kontrollera_storlek(storlek)
    data = fil.read(max_bytes() + 1)
    kontrollera_storlek(len(data))
    forkontrollera(data, filnamn)  # the cheap refusals answer at once (400), also for a file that would be queued
    filnamn = filnamn_utan_personnummer(filnamn)  # the name is stored and audited: never a personnummer
    if len(data) > bakgrund_bytes():
        return import_bestall(forbund=forbund, aktor=aktor, data=data, filnamn=filnamn, torrkorning=torrkorning)
    return _import_direkt(forbund=forbund, aktor=aktor, data=data, filnamn=filnamn, torrkorning=torrkorning)


@transaction.atomic
def _import_direkt(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str, torrkorning: bool) -> Importkorning:
    resultat = deltagare_import(forbund=forbund, aktor=aktor, data=data, filnamn=filnamn, torrkorning=torrkorning)
    return Importkorning.objects.create(
        forbund=forbund,
        filnamn=filnamn[:200],
        data=b"",
        sha256=resultat.sha256,
        torrkorning=torrkorning,
        status=Importkorning.Status.KLAR,
        resultat=dataclasses.asdict(resultat),
        bestalld_av=aktor if getattr(aktor, "is_authenticated", False) else None,
        klar=timezone.now(),
    )


def import_kor(*, korning_id: int) -> Importkorning | None:
    """Run a queued import once (idempotent: a finished run is left as it is)."""
    with transaction.atomic():
        korning = Importkorning.objects.select_for_update(of=("self",)).select_related("forbund", "bestalld_av").filter(pk=korning_id).first()
        if korning is None or not korning.pagar:
            return korning
        korning.status = Importkorning.Status.PAGAR
        korning.save(update_fields=["status"])
    try:
        resultat = deltagare_import(
            forbund=korning.forbund,
            aktor=korning.bestalld_av or "import",
            data=bytes(korning.data),
            filnamn=korning.filnamn,
            torrkorning=korning.torrkorning,
        )
    except ValidationError as exc:
        korning.status, korning.fel = Importkorning.Status.AVVISAD, exc.messages
    else:
        korning.status, korning.resultat = Importkorning.Status.KLAR, dataclasses.asdict(resultat)
    korning.data = b""
    korning.klar = timezone.now()
    korning.save(update_fields=["status", "fel", "resultat", "data", "klar"])
    return korning
