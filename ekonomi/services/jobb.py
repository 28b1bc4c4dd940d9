"""The bookkeeping import as a background job with progress: ordered by the page, the API and `import_sie` alike."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.documents.services import dokument_bestall
from finsam.models import Forbund
from finsam.tasking import enqueue

from .. import tasks
from ..models import Bokforingsjobb, Redovisningsimport
from ..selectors.budget import aktuell_budget
from .importera import bokforing_jamforelse, bokforing_kontrollera, bokforing_las, bokforing_spara


def bokforing_import_bestall(
    *,
    forbund: Forbund,
    aktor: Any,
    data: bytes,
    filnamn: str,
    kalla: str = "sie",
    ar: int | None = None,
    tom: dt.date | None = None,
    ersatt: bool = False,
    tillagg: bool = False,
) -> Bokforingsjobb:
    """Queue an import. The file is read and checked completely first (`bokforing_kontrollera`: no database writes), so
    a bad file is refused here, with its row, whatever runs the jobs; only the write (and the confirmation of replacing
    a year) is left to the job."""
    bokforing_kontrollera(forbund=forbund, data=data, kalla=kalla, ar=ar, tom=tom)
    return _bestall(forbund=forbund, aktor=aktor, data=data, filnamn=filnamn, kalla=kalla, ar=ar, tom=tom, ersatt=ersatt, tillagg=tillagg)


@transaction.atomic
def _bestall(
    *,
    forbund: Forbund,
    aktor: Any,
    data: bytes,
    filnamn: str,
    kalla: str,
    ar: int | None,
    tom: dt.date | None,
    ersatt: bool,
    tillagg: bool,
) -> Bokforingsjobb:
    jobb = Bokforingsjobb.objects.create(
        forbund=forbund,
        filnamn=filnamn[:255],
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        kalla=kalla,
        ar=ar,
        tom=tom,
        ersatt=ersatt,
        tillagg=tillagg,
        bestalld_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="bokforing_import_bestall",
        objekt=jobb,
        detaljer={"filnamn": jobb.filnamn, "sha256": jobb.sha256, "storlek": len(data)},
    )

    enqueue(tasks.bokforing_import_task, jobb.pk)
    return jobb


@transaction.atomic
def bokforing_jobb_bekrafta(*, jobb: Bokforingsjobb, aktor: Any) -> Bokforingsjobb:
    """Confirm what a job waits for (replacing the year, or adding a SIE 4I file's vouchers) and run it again."""
    jobb = Bokforingsjobb.objects.select_for_update().get(pk=jobb.pk)
    if jobb.status != Bokforingsjobb.Status.BEKRAFTA:
        raise ValidationError("Importen väntar inte på någon bekräftelse.")
    if jobb.jamforelse.get("typ") == "tillagg":
        jobb.tillagg = True
    else:
        jobb.ersatt = True
    jobb.status, jobb.framsteg, jobb.steg = Bokforingsjobb.Status.KOAD, 0, ""
    jobb.save(update_fields=["tillagg", "ersatt", "status", "framsteg", "steg"])
    handelse_logga(aktor=aktor, forbund=jobb.forbund, handling="bokforing_import_bekrafta", objekt=jobb, detaljer=jobb.jamforelse)

    enqueue(tasks.bokforing_import_task, jobb.pk)
    return jobb


def _satt(jobb_id: int, **falt: Any) -> None:
    Bokforingsjobb.objects.filter(pk=jobb_id).update(**falt)


def bokforing_jobb_kor(*, jobb_id: int) -> Bokforingsjobb | None:
    """Run a queued job once (idempotent: a finished or waiting job is left as it is). Progress is written to the job row
    while the file is read (outside the import's transaction, so the page sees it)."""
    with transaction.atomic():
        jobb = Bokforingsjobb.objects.select_for_update(of=("self",)).select_related("forbund", "bestalld_av").filter(pk=jobb_id).first()
        if jobb is None or jobb.status != Bokforingsjobb.Status.KOAD:
            return jobb
        jobb.status = Bokforingsjobb.Status.PAGAR
        jobb.save(update_fields=["status"])
    senast = [-1]

    def framsteg(procent: int, steg: str) -> None:
        if procent != senast[0]:
            senast[0] = procent
            _satt(jobb.pk, framsteg=procent, steg=steg)

    aktor = jobb.bestalld_av or "import_sie"
    data = bytes(jobb.data)
    try:
        tolkad = bokforing_las(data=data, kalla=jobb.kalla, ar=jobb.ar, tom=jobb.tom, framsteg=framsteg)
        try:
            jamforelse = bokforing_jamforelse(forbund=jobb.forbund, tolkad=tolkad)
            behover = jamforelse is not None and not (jobb.tillagg if jamforelse["typ"] == "tillagg" else jobb.ersatt)
            if behover:
                jobb.status, jobb.jamforelse, jobb.framsteg, jobb.steg = Bokforingsjobb.Status.BEKRAFTA, jamforelse, 80, "Väntar på bekräftelse"
                jobb.save(update_fields=["status", "jamforelse", "framsteg", "steg"])
                return jobb
            framsteg(85, "Sparar")
            imp = bokforing_spara(forbund=jobb.forbund, aktor=aktor, tolkad=tolkad, filnamn=jobb.filnamn, ersatt=jobb.ersatt, tillagg=jobb.tillagg)
        finally:
            if tolkad.rader is not None:
                tolkad.rader.close()
    except ValidationError as exc:
        jobb.status, jobb.fel = Bokforingsjobb.Status.AVVISAD, exc.messages
    else:
        jobb.status, jobb.redovisningsimport, jobb.jamforelse = Bokforingsjobb.Status.KLAR, imp, jamforelse or {}
        jobb.framsteg, jobb.steg = 100, "Klar"
    jobb.data = b""
    jobb.klar = timezone.now()
    jobb.save(update_fields=["status", "fel", "redovisningsimport", "jamforelse", "framsteg", "steg", "data", "klar"])
    return jobb


def bokforing_import_starta(
    *,
    forbund: Forbund,
    aktor: Any,
    data: bytes,
    filnamn: str,
    kalla: str = "sie",
    ar: int | None = None,
    tom: dt.date | None = None,
    ersatt: bool = False,
    tillagg: bool = False,
) -> Bokforingsjobb:
    """The one door of page, API and command: order the job; when it has already been refused by the time this returns
    (the job ran at once), the refusal is raised so both doors answer 400 with the same message."""
    jobb = bokforing_import_bestall(
        forbund=forbund, aktor=aktor, data=data, filnamn=filnamn, kalla=kalla, ar=ar, tom=tom, ersatt=ersatt, tillagg=tillagg
    )
    jobb.refresh_from_db()
    if jobb.status == Bokforingsjobb.Status.AVVISAD:
        raise ValidationError(jobb.fel)
    return jobb


def rakenskaper_bestall(*, forbund: Forbund, aktor: Any, ar: int) -> Any:
    """Order the year's accounts as a PDF (rendered in the background). Needs the year's bookkeeping."""
    if not Redovisningsimport.objects.filter(forbund=forbund, ar=ar).exists():
        raise ValidationError(f"Det finns ingen bokföring för {ar} att skapa räkenskaper av.")
    return dokument_bestall(
        forbund=forbund, aktor=aktor, typ="rakenskaper", titel=f"Räkenskaper {ar}", nyckel=f"rakenskaper:{ar}", parametrar={"ar": ar}
    )


def kvartalsrapport_bestall(*, forbund: Forbund, aktor: Any, ar: int, kvartal: int) -> Any:
    """Order the quarter's follow-up as a PDF for the board. Needs the year's budget."""

    if kvartal not in (1, 2, 3, 4):
        raise ValidationError({"kvartal": "Kvartalet ska vara 1–4."})
    if aktuell_budget(forbund, ar) is None:
        raise ValidationError(f"Det finns ingen budget för {ar} att följa upp.")
    return dokument_bestall(
        forbund=forbund,
        aktor=aktor,
        typ="kvartalsrapport",
        titel=f"Ekonomisk kvartalsrapport {kvartal} {ar}",
        nyckel=f"kvartalsrapport:{ar}:{kvartal}",
        parametrar={"ar": ar, "kvartal": kvartal},
    )
