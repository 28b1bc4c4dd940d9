"""Justering (one's own confirmed by re-authentication), and the PAdES signature on the final minutes."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.models import Person
from finsam.permissions import Kontext

from ..models import Justering, Sammantrade, Signatur
from ..signering import Autentisering, Signaturrad, metod_for, signera_pdf
from .beslut import justering_kontrollera, justering_registrera


def justering_bekrafta(
    *,
    sammantrade: Sammantrade,
    kontext: Kontext,
    aktor: Any,
    person: Person,
    roll: str,
    plats: str = "",
    autentisering: dict[str, Any] | None = None,
    metod: str = Signatur.Metod.LOSENORD,
    begaran: HttpRequest | None = None,
) -> Justering:
    """Confirm the minutes as chair, secretary or justerare, recording time and place: the one door for page, API and demo.

    One's own justering always needs re-authentication at that moment (`autentisering`: the password now,
    BankID later; see docs/signering.md): it is recorded (Signatur) and listed on the signed minutes, and a
    failed proof is audited and counted by the login lockout. The förbundschef may instead record another
    person's justering signed on paper (marked as such). The last justering locks the minutes and orders the
    final, signed PDF.
    """
    kontext.kraver("styrelse.justera")
    # The rules first (nothing to prove for minutes that cannot be justered now), then who may, then the proof.
    justering_kontrollera(Sammantrade.objects.get(pk=sammantrade.pk), person=person, roll=roll)
    egen = person.user_id is not None and person.user_id == getattr(aktor, "pk", None)
    if not egen and not kontext.kan("styrelse.redigera"):
        raise PermissionDenied("Du kan bara bekräfta din egen justering.")
    auth = _autentisera(sammantrade, aktor, person, roll, metod, autentisering or {}, begaran) if egen else None
    with transaction.atomic():
        if auth is not None:
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
        return justering_registrera(sammantrade=sammantrade, aktor=aktor, person=person, roll=roll, plats=plats, egen=egen)


def _autentisera(
    mote: Sammantrade, aktor: Any, person: Person, roll: str, metod: str, indata: dict[str, Any], begaran: HttpRequest | None
) -> Autentisering:
    """The signatory's proof of identity; a failure is audited (outside any transaction, so it stays) and re-raised."""
    try:
        return metod_for(metod).slutfor(user=aktor, indata=indata, begaran=begaran)
    except (ValidationError, PermissionDenied) as exc:
        if "losenord" in getattr(exc, "error_dict", {}) and not indata.get("losenord"):
            raise  # nothing was tried: not a failed attempt
        handelse_logga(
            aktor=aktor,
            forbund=mote.forbund,
            handling="justering_autentisering_nekad",
            objekt=mote,
            detaljer={"person": person.namn, "roll": roll, "metod": metod, "sparrad": isinstance(exc, PermissionDenied)},
        )
        raise


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
