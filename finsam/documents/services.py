"""Persist and schedule documents. Rendering happens only in the Celery task."""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from finsam.audit import handelse_logga, vagrad
from finsam.models import Dokument, Forbund
from finsam.permissions import Kontext
from finsam.tasking import enqueue

from .registry import hamta_typ

log = logging.getLogger(__name__)


def dokument_bestall(
    *,
    forbund: Forbund,
    aktor: Any,
    typ: str,
    titel: str,
    nyckel: str,
    parametrar: dict[str, Any] | None = None,
) -> Dokument:
    """Queue (or re-queue) the rendering of a document. A rerun replaces the draft."""
    hamta_typ(typ)
    with transaction.atomic():
        dokument = (
            Dokument.objects.select_for_update().filter(forbund=forbund, nyckel=nyckel).first()
        )
        if dokument is not None and dokument.last:
            raise ValidationError("Dokumentet är fastställt och låst; det kan inte skapas om.")
        if dokument is not None and _pagaende(dokument):
            return dokument  # already on its way: never two jobs for one document
        if dokument is None:
            dokument = Dokument(forbund=forbund, nyckel=nyckel)
        dokument.typ = typ
        dokument.titel = titel
        dokument.parametrar = parametrar or {}
        dokument.status = Dokument.Status.KOAD
        dokument.framsteg = 0
        dokument.framsteg_text = ""
        dokument.fel = ""
        dokument.bestalld_av = aktor if getattr(aktor, "is_authenticated", False) else None
        dokument.bestalld = timezone.now()
        dokument.startad = None
        dokument.klar = None
        dokument.save()
        handelse_logga(
            aktor=aktor,
            forbund=forbund,
            handling="dokument_bestall",
            objekt=dokument,
            detaljer={"typ": typ, "nyckel": nyckel, "parametrar": parametrar or {}},
        )
        from finsam.tasks import dokument_rendera_task

        enqueue(dokument_rendera_task, dokument.pk)
    return dokument


def _pagaende(dokument: Dokument) -> bool:
    """Queued or running, and not stale (a job older than the hard time limit is abandoned)."""
    if dokument.status not in {Dokument.Status.KOAD, Dokument.Status.PAGAR}:
        return False
    grans = timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 2)
    return (dokument.startad or dokument.bestalld) > grans


def _progress_saver(dokument: Dokument) -> Any:
    def progress(procent: int, text: str) -> None:
        Dokument.objects.filter(pk=dokument.pk).update(framsteg=max(0, min(99, procent)), framsteg_text=text[:200])

    return progress


def dokument_rendera(*, dokument_id: int) -> Dokument | None:
    """Render one queued document. Idempotent: a rerun replaces the draft file."""
    dokument = Dokument.objects.select_related("forbund").filter(pk=dokument_id).first()
    if dokument is None or dokument.last:
        return dokument
    typ = hamta_typ(dokument.typ)
    Dokument.objects.filter(pk=dokument.pk).update(
        status=Dokument.Status.PAGAR, startad=timezone.now(), framsteg=1, forsok=dokument.forsok + 1
    )
    try:
        pdf = typ.bygg(dokument, _progress_saver(dokument))
    except Exception as exc:  # the reason is shown to the user; the trace goes to the log
        log.exception("Rendering of document %s failed", dokument.pk)
        Dokument.objects.filter(pk=dokument.pk).update(
            status=Dokument.Status.MISSLYCKAD, fel=_readable(exc), klar=timezone.now()
        )
        return Dokument.objects.get(pk=dokument.pk)
    return dokument_spara_pdf(dokument=dokument, pdf=pdf, pdfa=typ.pdfa)


def _readable(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    return f"Dokumentet kunde inte skapas: {exc}" if str(exc) else "Dokumentet kunde inte skapas (okänt fel)."


def dokument_spara_pdf(*, dokument: Dokument, pdf: bytes, pdfa: bool) -> Dokument:
    dokument.refresh_from_db()
    if dokument.last:
        raise ValidationError("Dokumentet är låst.")
    sidor = len(PdfReader(_bytes_io(pdf)).pages)
    if dokument.fil and dokument.fil.name:  # a rerun replaces the draft under the same deterministic name
        dokument.fil.storage.delete(dokument.fil.name)
    dokument.fil.save(dokument.filnamn, ContentFile(pdf), save=False)
    dokument.sha256 = hashlib.sha256(pdf).hexdigest()
    dokument.storlek = len(pdf)
    dokument.sidor = sidor
    dokument.pdfa = pdfa
    dokument.status = Dokument.Status.KLAR
    dokument.framsteg = 100
    dokument.framsteg_text = ""
    dokument.klar = timezone.now()
    dokument.fel = ""
    dokument.save()
    return dokument


def _bytes_io(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def dokument_las(*, dokument: Dokument, aktor: Any, detaljer: dict[str, Any] | None = None) -> Dokument:
    """Freeze a finished document (e.g. adopted by the board): never regenerated again."""
    with transaction.atomic():
        dokument = Dokument.objects.select_for_update().get(pk=dokument.pk)
        if dokument.status != Dokument.Status.KLAR:
            raise ValidationError("Bara ett färdigt dokument kan låsas.")
        if dokument.last:
            return dokument
        dokument.last = True
        dokument.save(update_fields=["last"])
        handelse_logga(
            aktor=aktor,
            forbund=dokument.forbund,
            handling="dokument_las",
            objekt=dokument,
            detaljer={"sha256": dokument.sha256, **(detaljer or {})},
        )
    return dokument


def dokument_far_laddas_ned(kontext: Kontext, dokument: Dokument) -> bool:
    if dokument.forbund_id != kontext.forbund.pk:
        return False
    typ = hamta_typ(dokument.typ)
    if not kontext.kan(typ.behorighet):
        return False
    return dokument.last or not typ.behorighet_utkast or kontext.kan(typ.behorighet_utkast)


def dokument_kontrollera_nedladdning(kontext: Kontext, dokument: Dokument) -> None:
    if not dokument_far_laddas_ned(kontext, dokument):
        raise PermissionDenied("Din roll får inte läsa det här dokumentet.")


def dokument_ta_bort(*, dokument: Dokument, aktor: Any) -> None:
    """Delete a draft document and its file. A locked (adopted) document can never be deleted: refused and audited.

    PostgreSQL refuses it too (trigger finsam_dokument_last_skydd, migration finsam 0003_kant_dokument_last_skydd).
    """
    with transaction.atomic():
        dokument = Dokument.objects.select_for_update().get(pk=dokument.pk)
        if dokument.last:
            raise vagrad("Dokumentet är låst (antaget) och kan aldrig tas bort.", forbund=dokument.forbund, objekt=dokument,
                         handling="dokument_ta_bort")
        handelse_logga(aktor=aktor, forbund=dokument.forbund, handling="dokument_ta_bort", objekt=dokument,
                       detaljer={"sha256": dokument.sha256, "fil": dokument.fil.name or ""})
        fil = dokument.fil.name
        dokument.delete()
        if fil:
            transaction.on_commit(lambda: Dokument._meta.get_field("fil").storage.delete(fil))  # type: ignore[attr-defined]
