"""Bulk writes for the import: COPY on PostgreSQL, one executemany elsewhere (rows as tuples in the order of the field names)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Model


def _konverterare(falt: list[Any]) -> list[Any]:
    ops = connection.ops
    konv: list[Any] = []
    for f in falt:
        typ = f.get_internal_type()
        konv.append(ops.adapt_datefield_value if typ == "DateField" else ops.adapt_datetimefield_value if typ == "DateTimeField" else None)
    return konv


def _anpassa(rader: list[tuple[Any, ...]], konv: list[Any]) -> list[list[Any]]:
    if not any(konv):
        return [list(r) for r in rader]
    return [[k(v) if k is not None and v is not None else v for k, v in zip(konv, r, strict=False)] for r in rader]


def infoga(model: type[Model], rader: list[tuple[Any, ...]], faltnamn: list[str]) -> None:
    """INSERT many rows at once (Django's bulk_create spends most of an import preparing values)."""
    falt: list[Any] = [model._meta.get_field(n) for n in faltnamn]
    ops = connection.ops
    kolumner = ", ".join(ops.quote_name(f.column) for f in falt)
    tabell = ops.quote_name(model._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {tabell} ({kolumner}) FROM STDIN") as kopia:
            for rad in rader:
                kopia.write_row(rad)
        return
    sql = f"INSERT INTO {tabell} ({kolumner}) VALUES ({', '.join(['%s'] * len(falt))})"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, _anpassa(rader, _konverterare(falt)))


def uppdatera(model: type[Model], rader: list[tuple[Any, ...]], faltnamn: list[str]) -> None:
    """UPDATE many rows by primary key with one executemany; each row is (values in the order of `faltnamn`…, pk)."""
    ops = connection.ops
    falt: list[Any] = [model._meta.get_field(n) for n in faltnamn]
    satt = ", ".join(ops.quote_name(f.column) + " = %s" for f in falt)
    sql = f"UPDATE {ops.quote_name(model._meta.db_table)} SET {satt} WHERE {ops.quote_name(str(model._meta.pk.column))} = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.executemany(sql, _anpassa(rader, [*_konverterare(falt), None]))
