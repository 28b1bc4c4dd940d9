"""Order, store and lock documents. Rendering happens only in the job (finsam.documents.jobb)."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from pypdf import PdfReader

from finsam import tasks
from finsam.audit import handelse_logga, vagrad
from finsam.models import Dokument, Forbund
from finsam.permissions import Kontext
from finsam.tasking import enqueue

from .jobb import grans, ingen_kor
from .registry import hamta_typ


def dokument_bestall(
    *,
    forbund: Forbund,
    aktor: Any,
    typ: str,
    titel: str,
    nyckel: str,
    parametrar: dict[str, Any] | None = None,
) -> Dokument:
    """Queue (or re-queue) the rendering of a document. A rerun replaces the draft.

    An order while the job is queued or running joins that job (never two renderings of one
    document); a job whose worker died is taken back and queued again.
    """
    hamta_typ(typ)
    with transaction.atomic():
        dokument = Dokument.objects.select_for_update().filter(forbund=forbund, nyckel=nyckel).first()
        if dokument is not None and dokument.last:
            raise vagrad("Dokumentet är fastställt och låst; det kan inte skapas om.", forbund=forbund, objekt=dokument, handling="dokument_bestall")
        if dokument is not None and dokument.status == Dokument.Status.KOAD:
            forfallen = dokument.nasta_forsok or dokument.bestalld
            if forfallen < timezone.now() - grans():
                _koa(dokument)  # overdue: its message may be lost, so send one more (a duplicate is a no-op)
            return dokument
        if dokument is not None and dokument.status == Dokument.Status.PAGAR and not ingen_kor(dokument):
            return dokument  # a live worker renders it now: join that job
        if dokument is None:
            dokument = Dokument(forbund=forbund, nyckel=nyckel)
        dokument.typ = typ
        dokument.titel = titel
        dokument.parametrar = parametrar or {}
        dokument.status = Dokument.Status.KOAD
        dokument.framsteg = 0
        dokument.framsteg_text = ""
        dokument.fel = ""
        dokument.jobb = ""  # an attempt still running for a dead holder can no longer store its PDF
        dokument.hjartslag = None
        dokument.nasta_forsok = None
        dokument.avbrott = 0
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
        _koa(dokument)
    return dokument


def _koa(dokument: Dokument) -> None:

    enqueue(tasks.dokument_rendera_task, dokument.pk)


def dokument_forsok_igen(*, kontext: Kontext, dokument: Dokument, aktor: Any) -> Dokument:
    """The förbundschef's "Försök igen" on a failed document: the same order once more."""
    kontext.kraver("dokument.skapa")
    if dokument.forbund_id != kontext.forbund.pk:
        raise PermissionDenied("Dokumentet tillhör ett annat förbund.")
    with transaction.atomic():
        dokument = Dokument.objects.select_for_update().get(pk=dokument.pk)
        if dokument.status != Dokument.Status.MISSLYCKAD:
            raise ValidationError("Bara ett dokument som misslyckades kan försökas igen.")
        handelse_logga(aktor=aktor, forbund=dokument.forbund, handling="dokument_forsok_igen", objekt=dokument, detaljer={"fel": dokument.fel})
        return dokument_bestall(
            forbund=dokument.forbund, aktor=aktor, typ=dokument.typ, titel=dokument.titel, nyckel=dokument.nyckel, parametrar=dokument.parametrar
        )


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
    dokument.jobb = ""  # an attempt still running for this document stores nothing now
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

    PostgreSQL refuses it too (trigger finsam_dokument_last_skydd, migration finsam 0005_kant_dokument_last_skydd).
    """
    with transaction.atomic():
        dokument = Dokument.objects.select_for_update().get(pk=dokument.pk)
        if dokument.last:
            raise vagrad(
                "Dokumentet är låst (antaget) och kan aldrig tas bort.", forbund=dokument.forbund, objekt=dokument, handling="dokument_ta_bort"
            )
        handelse_logga(
            aktor=aktor,
            forbund=dokument.forbund,
            handling="dokument_ta_bort",
            objekt=dokument,
            detaljer={"sha256": dokument.sha256, "fil": dokument.fil.name or ""},
        )
        fil = dokument.fil.name
        dokument.delete()
        if fil:
            transaction.on_commit(lambda: Dokument._meta.get_field("fil").storage.delete(fil))  # type: ignore[attr-defined]
