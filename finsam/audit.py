"""The audit trail: every write made through a service records an event here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models.fields.files import FieldFile

from .models import Forbund, Handelse


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
    handling: str,
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
