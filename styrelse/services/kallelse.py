"""The notice (kallelse): recipients, sending with PDF and calendar invitation, calendar updates and cancellation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.tasking import enqueue

from .. import tasks, utskick
from ..models import KallelseMottagare, Kallelseutskick, Sammantrade
from ..selectors.mote_las import kallelse_mottagare
from .kallelsetid import kallelsetid_for
from .mote import _ej_last, _las_mote
from .regler import beslutsregler_for


@transaction.atomic
def kallelse_skicka(*, sammantrade: Sammantrade, aktor: Any, idag: dt.date | None = None) -> Kallelseutskick:
    """Send the notice with the agenda PDF and a calendar invitation to ledamöter, ersättare and staff (in a task)."""

    mote = _las_mote(sammantrade)
    _ej_last(mote)
    idag = idag or timezone.localdate()
    if mote.avslutat is not None:
        raise ValidationError("Mötet är redan genomfört.")
    if mote.status != Sammantrade.Status.KALLAT:  # sending again keeps the status
        mote.kontrollera_overgang(Sammantrade.Status.KALLAT)
    if not mote.arenden.exists():
        raise ValidationError("Dagordningen är tom. Lägg till ärenden innan kallelsen skickas.")
    regler = beslutsregler_for(mote.forbund)
    kallelsetid = kallelsetid_for(mote, regler)  # shortened for an extra meeting (ExtraSammantrade)
    senast = mote.datum - dt.timedelta(days=kallelsetid)
    if idag > senast:
        raise ValidationError(
            f"Kallelsen ska skickas senast {kallelsetid} dagar före mötet, dvs. senast {senast:%Y-%m-%d}. "
            "Ändra mötesdatum eller kallelsetiden i beslutsreglerna."
        )
    mottagare = kallelse_mottagare(mote)
    if not any(egenskap == "Ledamot" for _, egenskap in mottagare):
        raise ValidationError(
            f"Kallelsen skickades inte: styrelsen har inga ledamöter i tjänst {mote.datum:%Y-%m-%d}. "
            "Registrera mandaten för mandatperioden under Styrelse → Mandat."
        )
    utan_epost = [f"{p.namn} ({egenskap.lower()})" for p, egenskap in mottagare if not p.epost]
    if utan_epost:
        raise ValidationError(
            f"Kallelsen skickades inte. Dessa skulle inte få den eftersom e-postadress saknas: {', '.join(utan_epost)}. "
            "Komplettera under Organisation."
        )
    utskick = Kallelseutskick.objects.create(
        forbund=mote.forbund, sammantrade=mote, begard=timezone.now(), begard_av=aktor if getattr(aktor, "is_authenticated", False) else None
    )
    for p, egenskap in mottagare:
        KallelseMottagare.objects.create(forbund=mote.forbund, utskick=utskick, person=p, epost=p.epost, egenskap=egenskap)
    fore = snapshot(mote)
    mote.kallelse_skickad = utskick.begard
    if mote.status == Sammantrade.Status.PLANERAT:
        mote.status = Sammantrade.Status.KALLAT
    mote.save(update_fields=["kallelse_skickad", "status"])
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="kallelse_skicka",
        objekt=mote,
        andringar=diff(fore, snapshot(mote)),
        detaljer={"utskick": utskick.pk, "mottagare": [p.namn for p, _ in mottagare]},
    )
    enqueue(tasks.kallelse_skicka_task, utskick.pk)
    return utskick


@transaction.atomic
def kalender_uppdatering_skicka(*, sammantrade: Sammantrade, aktor: Any) -> Sammantrade:
    """Send the changed time or place to everyone the notice went to (the same calendar entry, a higher SEQUENCE)."""

    mote = _las_mote(sammantrade)
    if mote.kallelse_skickad is None:
        raise ValidationError("Kallelsen är inte skickad; ändringen kommer med när kallelsen skickas.")
    if not mote.kalender_inaktuell:
        raise ValidationError("Kalenderinbjudan är redan aktuell.")
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="kalender_uppdatering_skicka", objekt=mote, detaljer={"sekvens": mote.kalendersekvens})
    enqueue(utskick.kalender_uppdatering_task, mote.pk)
    return mote


@transaction.atomic
def sammantrade_stall_in(*, sammantrade: Sammantrade, aktor: Any, orsak: str = "") -> Sammantrade:
    """Cancel a meeting that has not been held; those who got the notice get a calendar cancellation (METHOD:CANCEL)."""

    mote = _las_mote(sammantrade)
    if mote.avslutat is not None or mote.paragrafer.exists():
        raise ValidationError("Mötet har beslut och kan inte ställas in.")
    mote.kontrollera_overgang(Sammantrade.Status.INSTALLT)
    fore = snapshot(mote)
    mote.status = Sammantrade.Status.INSTALLT
    mote.kalendersekvens += 1
    mote.save(update_fields=["status", "kalendersekvens"])
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="sammantrade_stall_in",
        objekt=mote,
        andringar=diff(fore, snapshot(mote)),
        detaljer={"orsak": orsak},
    )
    if mote.kallelse_skickad is not None:
        enqueue(utskick.kalender_uppdatering_task, mote.pk, True)
    return mote
