"""How a signatory proves, at the moment of justering, that it is really them.

A method takes a user and what the user supplied (a password; for BankID an order reference
after the collect loop) and returns an `Autentisering`: who, when, how, and the evidence to keep.
It raises ValidationError with a Swedish message when the proof fails, and PermissionDenied when the
account is locked out after too many failures (django-axes, the same lockout as at login). The
justering service stores the result (a `Signatur` row) and the minutes' signature page lists it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
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
    "complete") and returns who was authenticated, or raises ValidationError. `begaran` is the HTTP
    request the proof came with (the client's address; the lockout counts failures per user and address).
    """

    kod: str
    namn: str

    def starta(self, *, user: Any, text_att_signera: str, begaran: HttpRequest | None = None) -> dict[str, Any]: ...

    def slutfor(self, *, user: Any, indata: dict[str, Any], begaran: HttpRequest | None = None) -> Autentisering: ...


def klientadress(begaran: HttpRequest | None) -> str:
    return str((begaran.META.get("REMOTE_ADDR") if begaran is not None else "") or "")[:45]


SAKNAT_LOSENORD = "Ange ditt lösenord för att bekräfta justeringen."
FEL_LOSENORD = "Fel lösenord. Justeringen är inte bekräftad."
SPARRAT = "För många felaktiga lösenord. Kontot är tillfälligt spärrat, också för inloggning; försök igen om en stund."


class LosenordMetod:
    """Re-authentication with the user's own password (the first implementation of the interface).

    The password is checked through Django's `authenticate` with the request, so django-axes counts a wrong
    password here exactly as a failed login, and a locked-out account cannot justera either.
    """

    kod = "losenord"
    namn = "Lösenord (förnyad inloggning)"

    def starta(self, *, user: Any, text_att_signera: str, begaran: HttpRequest | None = None) -> dict[str, Any]:
        return {}

    def slutfor(self, *, user: Any, indata: dict[str, Any], begaran: HttpRequest | None = None) -> Autentisering:
        losenord = str(indata.get("losenord") or "")
        if not losenord:
            raise ValidationError({"losenord": ValidationError(SAKNAT_LOSENORD, code="required")})
        if user is None or not getattr(user, "is_authenticated", False):
            raise ValidationError("Du måste vara inloggad för att justera.")
        # Outside a web request (a shell, a test) an empty request: axes then counts by user name alone.
        begaran = begaran if begaran is not None else HttpRequest()
        bekraftad = authenticate(begaran, username=user.get_username(), password=losenord)
        if getattr(begaran, "axes_locked_out", False):
            raise PermissionDenied(SPARRAT)
        if bekraftad is None or bekraftad.pk != user.pk:
            raise ValidationError({"losenord": ValidationError(FEL_LOSENORD, code="fel_losenord")})
        if settings.AXES_RESET_ON_SUCCESS:
            # The right password proven: earlier failures are cleared, as a successful login clears them.
            AxesProxyHandler.get_implementation().reset_user_attempts(begaran, {"username": user.get_username()})
        return Autentisering(
            metod=self.kod,
            metod_text=self.namn,
            tidpunkt=timezone.now(),
            user_id=user.pk,
            bevis={"anvandarnamn": user.get_username(), "ip": klientadress(begaran)},
        )


METODER: dict[str, Autentiseringsmetod] = {LosenordMetod.kod: LosenordMetod()}


def metod_for(kod: str) -> Autentiseringsmetod:
    try:
        return METODER[kod]
    except KeyError as exc:
        raise ValidationError(f"Okänd autentiseringsmetod: {kod}.") from exc
