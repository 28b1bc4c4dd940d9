"""The document job: claimed exactly once, kept alive by a heartbeat, completed in one transaction.

A job is the Dokument row itself (status, holder, heartbeat, next attempt); a broker message only
wakes a worker. So a lost message, a killed worker or a process that queued a job and exited can
never leave a document queued for good: the reaper (a beat task, and at worker start) re-queues
every job that nobody runs, and the claim (a compare-and-set on the holder) makes sure only one
attempt stores the PDF.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import socket
import threading
import uuid
from datetime import timedelta
from types import TracebackType
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone
from pypdf import PdfReader

from finsam import tasks
from finsam.audit import handelse_logga
from finsam.models import Dokument
from finsam.tasking import enqueue

from .registry import Dokumenttyp, hamta_typ
from .render import UnsafeUrlError

log = logging.getLogger(__name__)

HOST = socket.gethostname()
# Errors worth another attempt later (a busy database, a full disk, a lost connection).
TILLFALLIGA_FEL: tuple[type[BaseException], ...] = (DatabaseError, OSError)


class TillfalligtFel(Exception):
    """The job failed for a reason that may pass; the task retries it after a countdown."""


def grans() -> timedelta:
    """How long a job may go without a sign of life before the reaper takes it back."""
    return timedelta(seconds=settings.FINSAM_DOKUMENT_HJARTSLAG_GRANS)


def _ny_innehavare() -> str:
    return f"{HOST}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def innehavare_lever(jobb: str) -> bool | None:
    """False if the holder was a process on this host that is gone (or a zombie); None if unknown."""
    delar = jobb.rsplit(":", 2)
    if len(delar) != 3 or delar[0] != HOST or not delar[1].isdigit():
        return None
    pid = int(delar[1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def ingen_kor(dokument: Dokument, nu: Any = None) -> bool:
    """A running job whose holder is dead or silent for longer than the limit."""
    if dokument.status != Dokument.Status.PAGAR:
        return False
    if innehavare_lever(dokument.jobb) is False:
        return True
    senast = dokument.hjartslag or dokument.startad or dokument.bestalld
    return senast < (nu or timezone.now()) - grans()


def _ta(dokument_id: int) -> tuple[Dokument, str] | None:
    """Claim the job (compare-and-set on status and holder). None: nothing to do or someone has it."""
    d = Dokument.objects.select_related("forbund").filter(pk=dokument_id).first()
    if d is None or d.last or d.status in {Dokument.Status.KLAR, Dokument.Status.MISSLYCKAD}:
        return None
    if d.status == Dokument.Status.PAGAR and not ingen_kor(d):
        return None  # a live attempt runs it: this message joins that job
    avbrott = d.avbrott + (1 if d.status == Dokument.Status.PAGAR else 0)  # taking over from a dead attempt
    if avbrott >= settings.FINSAM_DOKUMENT_MAX_FORSOK:
        dokument_misslyckas(dokument_id=d.pk, fel=avbrutet_fel(avbrott))
        return None
    token = _ny_innehavare()
    nu = timezone.now()
    tagen = Dokument.objects.filter(pk=d.pk, status=d.status, jobb=d.jobb, last=False).update(
        status=Dokument.Status.PAGAR,
        jobb=token,
        hjartslag=nu,
        startad=nu,
        nasta_forsok=None,
        framsteg=1,
        framsteg_text="",
        fel="",
        forsok=F("forsok") + 1,
        avbrott=avbrott,
    )
    if tagen != 1:
        return None
    d.refresh_from_db()
    return d, token


class Hjartslag:
    """Updates the job's heartbeat from a side thread while the rendering runs."""

    def __init__(self, dokument_id: int, token: str) -> None:
        self.dokument_id = dokument_id
        self.token = token
        self.stopp = threading.Event()
        self.trad: threading.Thread | None = None

    def __enter__(self) -> Hjartslag:
        # Inside a caller's transaction (eager mode in a test) another connection could not see the
        # row and would wait for its lock; the job is synchronous there anyway.
        if not connection.in_atomic_block:
            self.trad = threading.Thread(target=self._slag, daemon=True, name=f"hjartslag-{self.dokument_id}")
            self.trad.start()
        return self

    def _slag(self) -> None:
        try:
            while not self.stopp.wait(settings.FINSAM_DOKUMENT_HJARTSLAG_INTERVALL):
                if not Dokument.objects.filter(pk=self.dokument_id, jobb=self.token).update(hjartslag=timezone.now()):
                    return  # the job was taken back: nothing left to keep alive
        except Exception:  # a missed heartbeat only makes the reaper look sooner
            log.exception("Heartbeat of document %s failed", self.dokument_id)
        finally:
            close_old_connections()
            connection.close()

    def __exit__(self, typ: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stopp.set()
        if self.trad is not None:
            self.trad.join(timeout=10)


def _progress_saver(dokument_id: int, token: str) -> Any:
    def progress(procent: int, text: str) -> None:
        Dokument.objects.filter(pk=dokument_id, jobb=token).update(
            framsteg=max(0, min(99, procent)), framsteg_text=text[:200], hjartslag=timezone.now()
        )

    return progress


def dokument_rendera(*, dokument_id: int) -> Dokument | None:
    """Run one document job: claim, render, complete. Idempotent: a rerun replaces the draft.

    A permanent failure is stored with a readable reason; a passing one (TillfalligtFel) puts the
    job back in the queue and is raised for the task to retry.
    """
    tagen = _ta(dokument_id)
    if tagen is None:
        return Dokument.objects.filter(pk=dokument_id).first()
    d, token = tagen
    typ = hamta_typ(d.typ)
    try:
        with Hjartslag(d.pk, token):
            pdf = _bygg(d, token, typ)
            return _slutfor(d, token, pdf, typ)
    except TILLFALLIGA_FEL as exc:
        log.warning("Document %s: passing failure, queued again: %s", d.pk, exc)
        Dokument.objects.filter(pk=d.pk, jobb=token).update(
            status=Dokument.Status.KOAD, jobb="", framsteg=0, framsteg_text="Väntar på ett nytt försök", fel=las_bart(exc)
        )
        raise TillfalligtFel(las_bart(exc)) from exc
    except Exception as exc:  # the reason is shown to the user; the trace goes to the log
        log.exception("Rendering of document %s failed", d.pk)
        Dokument.objects.filter(pk=d.pk, jobb=token).update(
            status=Dokument.Status.MISSLYCKAD, jobb="", fel=las_bart(exc), klar=timezone.now(), framsteg=0
        )
        return Dokument.objects.get(pk=d.pk)


def _bygg(d: Dokument, token: str, typ: Dokumenttyp) -> bytes:
    for varv in range(3):
        pdf = typ.bygg(d, _progress_saver(d.pk, token))
        if varv == 2 or typ.inaktuell is None or not typ.inaktuell(d):
            return pdf
        # The data changed while we rendered (e.g. the minutes were justered): render again, same job.
        d.startad = timezone.now()
        Dokument.objects.filter(pk=d.pk, jobb=token).update(startad=d.startad, hjartslag=d.startad)
    raise AssertionError("unreachable")


def _slutfor(d: Dokument, token: str, pdf: bytes, typ: Dokumenttyp) -> Dokument:
    """Store the PDF and run the type's completion step in one transaction, if we still hold the job."""
    sidor = len(PdfReader(io.BytesIO(pdf)).pages)
    with transaction.atomic():
        # The write takes the row (PostgreSQL) or the database (SQLite) lock before anything else.
        if not Dokument.objects.filter(pk=d.pk, jobb=token, status=Dokument.Status.PAGAR).update(hjartslag=timezone.now()):
            log.warning("Document %s: job taken back by the reaper; this attempt stores nothing", d.pk)
            return Dokument.objects.get(pk=d.pk)
        d = Dokument.objects.select_for_update().select_related("forbund").get(pk=d.pk)
        gammal = d.fil.name if d.fil else ""
        d.sha256 = hashlib.sha256(pdf).hexdigest()
        d.storlek = len(pdf)
        d.sidor = sidor
        d.pdfa = typ.pdfa
        d.status = Dokument.Status.KLAR
        d.framsteg = 100
        d.framsteg_text = ""
        d.klar = timezone.now()
        d.fel = ""
        d.jobb = ""
        d.save()
        handelse_logga(
            aktor="system",
            forbund=d.forbund,
            handling="dokument_rendera",
            objekt=d,
            detaljer={"sha256": d.sha256, "sidor": sidor, "forsok": d.forsok},
        )
        if typ.efter_rendering is not None:
            typ.efter_rendering(d)
        # The file last: a failure above leaves the previous draft file untouched.
        if gammal:  # a rerun replaces the draft under the same name
            d.fil.storage.delete(gammal)
            d.fil.name = d.fil.storage.save(gammal, ContentFile(pdf))
        else:
            d.fil.save(d.filnamn, ContentFile(pdf), save=False)
        Dokument.objects.filter(pk=d.pk).update(fil=d.fil.name)
    d.refresh_from_db()
    return d


def las_bart(exc: BaseException) -> str:
    """A failure as a sentence the förbundschef can act on (Swedish); the trace is in the log."""
    if isinstance(exc, ValidationError):
        return "; ".join(exc.messages)
    if isinstance(exc, UnsafeUrlError):
        return str(exc)
    if isinstance(exc, SoftTimeLimitExceeded):
        return "Dokumentet tog för lång tid att skapa och avbröts. Försök igen; kvarstår felet, kontakta administratören."
    if isinstance(exc, TillfalligtFel):
        return str(exc)
    if isinstance(exc, TILLFALLIGA_FEL):
        return f"Databasen eller lagringen svarade inte ({exc.__class__.__name__}). Försök igen om en stund."
    detalj = f": {exc}" if str(exc) else ""
    return (f"Ett tekniskt fel stoppade dokumentet ({exc.__class__.__name__}{detalj}). Försök igen; kvarstår felet, kontakta administratören.")[:1000]


def avbrutet_fel(antal: int) -> str:
    return (
        f"Arbetet avbröts {antal} gånger innan dokumentet blev klart (bakgrundsprocessen stannade). "
        "Försök igen; kvarstår felet, kontakta administratören."
    )


def dokument_vanta(*, dokument_id: int, sekunder: int) -> None:
    """Note when a job put back in the queue is due again (the reaper uses it if the retry is lost)."""
    Dokument.objects.filter(pk=dokument_id, status=Dokument.Status.KOAD).update(nasta_forsok=timezone.now() + timedelta(seconds=sekunder))


def dokument_misslyckas(*, dokument_id: int, fel: str) -> None:
    """Give up a queued or running job with a readable reason (shown with a Försök igen button)."""
    Dokument.objects.filter(pk=dokument_id, last=False, status__in=[Dokument.Status.KOAD, Dokument.Status.PAGAR]).update(
        status=Dokument.Status.MISSLYCKAD, jobb="", fel=fel[:1000], klar=timezone.now(), framsteg=0, framsteg_text=""
    )


def dokument_aterupta(*, vid_start: bool = False) -> list[int]:
    """The reaper: re-queue every job nobody runs; give up a job that was cut off too many times.

    A running job whose holder died or went silent goes back to the queue (and the old attempt can
    no longer store anything); a queued job overdue by the limit gets a new message (at start-up:
    every queued job, since the previous process may have taken its messages with it).
    """

    nu = timezone.now()
    koade: list[int] = []
    for d in Dokument.objects.filter(status__in=[Dokument.Status.KOAD, Dokument.Status.PAGAR], last=False):
        if d.status == Dokument.Status.PAGAR:
            if not ingen_kor(d, nu):
                continue
            if d.avbrott + 1 >= settings.FINSAM_DOKUMENT_MAX_FORSOK:
                dokument_misslyckas(dokument_id=d.pk, fel=avbrutet_fel(d.avbrott + 1))
                continue
            flyttad = Dokument.objects.filter(pk=d.pk, status=Dokument.Status.PAGAR, jobb=d.jobb).update(
                status=Dokument.Status.KOAD,
                jobb="",
                nasta_forsok=nu + grans(),
                framsteg=0,
                framsteg_text="Återupptas efter ett avbrott",
                avbrott=F("avbrott") + 1,
            )
        else:
            forfallen = d.nasta_forsok or d.bestalld
            if not vid_start and forfallen > nu - grans():
                continue
            flyttad = Dokument.objects.filter(pk=d.pk, status=Dokument.Status.KOAD).update(nasta_forsok=nu + grans())
        if flyttad:
            enqueue(tasks.dokument_rendera_task, d.pk)
            koade.append(d.pk)
    if koade:
        log.warning("Reaper queued document jobs again: %s", koade)
    return koade
