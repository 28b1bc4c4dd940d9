"""Justering that holds: a change to the minutes after the first justering resets every justering given so far."""

from __future__ import annotations

from typing import Any

from finsam.audit import handelse_logga
from finsam.tasking import enqueue

from .. import utskick
from ..models import Justering, Sammantrade, Signatur


def justeringar_aterstall(*, sammantrade: Sammantrade, aktor: Any, orsak: str) -> list[Justering]:
    """Remove the justeringar of minutes not yet final, audit it and e-mail those who had justered.

    Called by every service that changes the minutes (paragraphs, attendance, the meeting's details), inside its
    transaction; the e-mails go after commit.
    """
    if sammantrade.justerat is not None:
        return []
    gjorda = list(Justering.objects.filter(sammantrade=sammantrade).select_related("person").order_by("tidpunkt"))
    if not gjorda:
        return []
    Justering.objects.filter(pk__in=[j.pk for j in gjorda]).delete()
    # The re-authentications went with them: each signatory proves who they are again when they justera anew.
    Signatur.objects.filter(sammantrade=sammantrade).delete()
    handelse_logga(
        aktor=aktor,
        forbund=sammantrade.forbund,
        handling="justering_aterstall",
        objekt=sammantrade,
        detaljer={"orsak": orsak, "justeringar": [{"person": j.person.namn, "roll": j.roll, "tidpunkt": j.tidpunkt.isoformat()} for j in gjorda]},
    )

    personer = sorted({j.person_id for j in gjorda})
    enqueue(utskick.justering_aterstalld_task, sammantrade.pk, personer, orsak)
    return gjorda
