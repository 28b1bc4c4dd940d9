"""Justering confirmed by re-authentication, and the PAdES signature on the final minutes."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.models import Person
from finsam.permissions import Kontext

from ..models import Justering, Sammantrade, Signatur
from ..signering import Signaturrad, metod_for, signera_pdf
from .beslut import justering_bekrafta


def justering_signera(
    *,
    sammantrade: Sammantrade,
    kontext: Kontext,
    aktor: Any,
    person: Person,
    roll: str,
    indata: dict[str, Any],
    metod: str = Signatur.Metod.LOSENORD,
    ip: str = "",
) -> Justering:
    """Confirm one's own justering and prove who one is at that moment (password now, BankID later).

    The re-authentication is recorded (Signatur) and listed on the signed minutes. A failed proof is
    audited and nothing else changes.
    """
    kontext.kraver("styrelse.justera")
    if person.user_id is None or person.user_id != getattr(aktor, "pk", None):
        raise PermissionDenied("Du kan bara signera din egen justering.")
    try:
        auth = metod_for(metod).slutfor(user=aktor, indata=indata, ip=ip)
    except ValidationError:
        handelse_logga(
            aktor=aktor,
            forbund=sammantrade.forbund,
            handling="justering_autentisering_nekad",
            objekt=sammantrade,
            detaljer={"person": person.namn, "roll": roll, "metod": metod},
        )
        raise
    with transaction.atomic():
        if Signatur.objects.filter(sammantrade=sammantrade, person=person, roll=roll).exists():
            raise ValidationError(f"{person} har redan bekräftat.")
        s = Signatur.objects.create(
            forbund=sammantrade.forbund,
            sammantrade=sammantrade,
            person=person,
            roll=roll,
            user=aktor,
            metod=auth.metod,
            tidpunkt=auth.tidpunkt,
            bevis=auth.bevis,
        )
        handelse_logga(
            aktor=aktor,
            forbund=sammantrade.forbund,
            handling="justering_signera",
            objekt=s,
            detaljer={"person": person.namn, "roll": roll, "metod": auth.metod, "tidpunkt": auth.tidpunkt.isoformat()},
        )
        # Locks the minutes (and orders the final, signed PDF) when this was the last justering.
        return justering_bekrafta(sammantrade=sammantrade, kontext=kontext, aktor=aktor, person=person, roll=roll)


def signaturrader(mote: Sammantrade) -> list[Signaturrad]:
    """One line per justering: who, in which role, when, and how they authenticated."""
    signaturer = {(s.person_id, s.roll): s for s in Signatur.objects.filter(sammantrade=mote)}
    rader = []
    for j in Justering.objects.filter(sammantrade=mote).select_related("person", "bekraftad_av").order_by("tidpunkt", "id"):
        s = signaturer.get((j.person_id, j.roll))
        if s is not None:
            metod, tid = s.get_metod_display(), s.tidpunkt
        elif j.for_annan:
            av = j.bekraftad_av.get_username() if j.bekraftad_av else "kansliet"
            metod, tid = f"Underskrift på papper, registrerad i Finsam av {av}", j.tidpunkt
        else:
            metod, tid = "Bekräftad i inloggad session (utan förnyad autentisering)", j.tidpunkt
        rader.append(Signaturrad(namn=j.person.namn, roll=j.get_roll_display(), tidpunkt=timezone.localtime(tid), metod=metod))
    return rader


def protokoll_signera(*, sammantrade: Sammantrade, pdf: bytes, aktor: Any = "system") -> bytes:
    """The final minutes with the signature page and the förbund's PAdES signature (called when the locked minutes are rendered)."""
    if sammantrade.justerat is None:
        raise ValidationError("Bara justerade protokoll signeras.")
    rader = signaturrader(sammantrade)
    if not rader:
        raise ValidationError("Protokollet saknar justeringar att signera.")
    signerad = signera_pdf(
        pdf, rader, rubrik=f"Protokoll från {sammantrade.get_typ_display().lower()} {sammantrade.datum:%Y-%m-%d}", utfardare=sammantrade.forbund.namn
    )
    handelse_logga(
        aktor=aktor,
        forbund=sammantrade.forbund,
        handling="protokoll_signera",
        objekt=sammantrade,
        detaljer={
            "sha256": hashlib.sha256(signerad).hexdigest(),
            "osignerad_sha256": hashlib.sha256(pdf).hexdigest(),
            "signaturer": [{"namn": r.namn, "roll": r.roll, "tidpunkt": r.tidpunkt.isoformat(), "metod": r.metod} for r in rader],
        },
    )
    return signerad
