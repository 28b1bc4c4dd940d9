"""How a signatory proves, at the moment of justering, that it is really them.

A method takes a user and what the user supplied (a password; for BankID an order reference
after the collect loop) and returns an `Autentisering`: who, when, how, and the evidence to keep.
It raises ValidationError with a Swedish message when the proof fails. The justering service
stores the result (a `Signatur` row) and the minutes' signature page lists it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.core.exceptions import ValidationError
from django.utils import timezone


@dataclass(frozen=True)
class Autentisering:
    """The result of one successful re-authentication."""

    metod: str  # a Signatur.Metod value: "losenord", "bankid"
    metod_text: str  # shown on the signature page, e.g. "Lösenord (förnyad inloggning)"
    tidpunkt: dt.datetime
    user_id: int
    bevis: dict[str, Any] = field(default_factory=dict)  # kept with the Signatur (never a secret)


class Autentiseringsmetod(Protocol):
    """The interface an authentication method implements (the password method now; a BankID adapter later).

    `starta` begins the method (for the password method there is nothing to start; BankID calls
    /rp/v6.0/sign and returns orderRef, autoStartToken and QR data for the page). `slutfor`
    completes it with what the user supplied (password; BankID: the orderRef, after /collect says
    "complete") and returns who was authenticated, or raises ValidationError.
    """

    kod: str
    namn: str

    def starta(self, *, user: Any, text_att_signera: str, ip: str = "") -> dict[str, Any]: ...

    def slutfor(self, *, user: Any, indata: dict[str, Any], ip: str = "") -> Autentisering: ...


class LosenordMetod:
    """Re-authentication with the user's own password (the first implementation of the interface)."""

    kod = "losenord"
    namn = "Lösenord (förnyad inloggning)"

    def starta(self, *, user: Any, text_att_signera: str, ip: str = "") -> dict[str, Any]:
        return {}

    def slutfor(self, *, user: Any, indata: dict[str, Any], ip: str = "") -> Autentisering:
        losenord = str(indata.get("losenord") or "")
        if not losenord:
            raise ValidationError({"losenord": ["Ange ditt lösenord för att bekräfta justeringen."]})
        if user is None or not getattr(user, "is_authenticated", False):
            raise ValidationError("Du måste vara inloggad för att justera.")
        if not user.is_active or not user.check_password(losenord):
            raise ValidationError({"losenord": ["Fel lösenord. Justeringen är inte bekräftad."]})
        return Autentisering(
            metod=self.kod, metod_text=self.namn, tidpunkt=timezone.now(), user_id=user.pk, bevis={"anvandarnamn": user.get_username(), "ip": ip}
        )


METODER: dict[str, Autentiseringsmetod] = {LosenordMetod.kod: LosenordMetod()}


def metod_for(kod: str) -> Autentiseringsmetod:
    try:
        return METODER[kod]
    except KeyError as exc:
        raise ValidationError(f"Okänd autentiseringsmetod: {kod}.") from exc
