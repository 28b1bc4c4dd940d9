"""The audit trail: every write made through a service records an event here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile

from .handlingar import Handling
from .models import Forbund, Handelse

__all__ = ["Handling", "Vagrad", "diff", "handelse_logga", "snapshot", "vagrad", "vagran_logga"]


def _jsonable(value: Any) -> Any:
    if isinstance(value, FieldFile):  # before anything that touches .url (raises when empty)
        return value.name or ""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The current values of a model's concrete fields, JSON-ready."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        data[field.name] = _jsonable(getattr(instance, field.attname))
    return data


def diff(fore: dict[str, Any], efter: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [before, after]} for the fields that changed (new objects: before is None)."""
    keys = set(fore) | set(efter)
    return {k: [fore.get(k), efter.get(k)] for k in sorted(keys) if fore.get(k) != efter.get(k)}


def handelse_logga(
    *,
    aktor: Any,
    forbund: Forbund | None,
    handling: Handling | str,
    objekt: models.Model | None = None,
    andringar: dict[str, Any] | None = None,
    detaljer: dict[str, Any] | None = None,
) -> Handelse:
    user = aktor if getattr(aktor, "is_authenticated", False) else None
    return Handelse.objects.create(
        forbund=forbund,
        aktor=user,
        aktor_namn=(user.get_username() if user else str(aktor or "system"))[:150],
        handling=handling,
        objekttyp=objekt._meta.label_lower if objekt is not None else "",
        objekt_id=str(objekt.pk) if objekt is not None else "",
        objekt_text=str(objekt)[:255] if objekt is not None else "",
        andringar=_jsonable(andringar or {}),
        detaljer=_jsonable(detaljer or {}),
    )


class Vagrad(ValidationError):
    """A write refused because the record is locked (justered minutes, a locked document, ...).

    The service raises it inside its transaction, which then rolls back; the door that catches it
    (finsam.web's helpers, the API's exception handler) records the audit event afterwards with
    `vagran_logga`, so that the refusal is kept although nothing else is.
    """

    def __init__(
        self,
        meddelande: str,
        *,
        forbund: Forbund | None,
        objekt: models.Model | None,
        handling: str = "",
        detaljer: dict[str, Any] | None = None,
        code: str = "last",
    ) -> None:
        super().__init__(meddelande, code=code)
        self.forbund = forbund
        self.objekt = objekt
        self.handling = handling
        self.detaljer = detaljer or {}
        self.loggad = False


def vagrad(
    meddelande: str, *, forbund: Forbund | None, objekt: models.Model | None = None, handling: str = "", detaljer: dict[str, Any] | None = None
) -> Vagrad:
    """The exception to raise when a write on a locked record is refused: `raise vagrad("…", forbund=…, objekt=…)`.

    `handling` names the refused action. A service that refuses before its transaction starts may record
    the event at once (`vagran_logga(exc, aktor=aktor)` then `raise exc`); the door will not record it twice.
    """
    return Vagrad(meddelande, forbund=forbund, objekt=objekt, handling=handling, detaljer=detaljer)


def vagran_logga(exc: BaseException, *, aktor: Any, vag: str = "") -> Handelse | None:
    """Record a refused write on a locked record (once), after the service's transaction rolled back."""
    if not isinstance(exc, Vagrad) or exc.loggad:
        return None
    exc.loggad = True
    detaljer: dict[str, Any] = {"skal": " ".join(exc.messages), **exc.detaljer}
    if exc.handling:
        detaljer["handling"] = exc.handling
    if vag:
        detaljer["vag"] = vag
    return handelse_logga(aktor=aktor, forbund=exc.forbund, handling=Handling.SKRIVNING_VAGRA, objekt=exc.objekt, detaljer=detaljer)
