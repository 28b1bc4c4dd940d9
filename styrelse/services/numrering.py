"""Continuous numbering per förbund and calendar year (paragraphs, diarium), safe under concurrent saves."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max

from finsam.audit import handelse_logga
from finsam.models import Forbund

from ..models import Handling, Nummerserie, Paragraf


def _hogsta_befintliga(forbund: Forbund, serie: str, ar: int) -> int:
    # Rows created outside the series (other apps' fixtures, imports) are respected too.
    if serie == Nummerserie.Serie.PARAGRAF:
        return int(Paragraf.objects.filter(forbund=forbund, ar=ar).aggregate(m=Max("nummer"))["m"] or 0)
    return int(Handling.objects.filter(forbund=forbund, ar=ar).aggregate(m=Max("lopnummer"))["m"] or 0)


def _las_serie(forbund: Forbund, serie: str, ar: int) -> Nummerserie:
    """The counter row, locked until the surrounding transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("nasta_nummer måste anropas inom en transaktion.")
    rad = Nummerserie.objects.select_for_update().filter(forbund=forbund, serie=serie, ar=ar).first()
    if rad is None:
        try:
            with transaction.atomic():
                Nummerserie.objects.create(forbund=forbund, serie=serie, ar=ar, senaste=0)
        except IntegrityError:
            pass  # created by a concurrent transaction: lock theirs
        rad = Nummerserie.objects.select_for_update().get(forbund=forbund, serie=serie, ar=ar)
    return rad


def nasta_nummer(*, forbund: Forbund, serie: str, ar: int) -> int:
    """Take the next number of the series. Must run inside the transaction that saves the row using it."""
    rad = _las_serie(forbund, serie, ar)
    nummer = max(rad.senaste, _hogsta_befintliga(forbund, serie, ar)) + 1
    rad.senaste = nummer
    rad.save(update_fields=["senaste"])
    return nummer


def nasta_nummer_forhandsvisa(*, forbund: Forbund, serie: str, ar: int) -> int:
    """The number the next save would get (for display only; never used to save)."""
    rad = Nummerserie.objects.filter(forbund=forbund, serie=serie, ar=ar).first()
    return max(rad.senaste if rad else 0, _hogsta_befintliga(forbund, serie, ar)) + 1


@transaction.atomic
def nummerserie_satt_start(*, forbund: Forbund, aktor: Any, serie: str, ar: int, senaste: int) -> Nummerserie:
    """Set the last used number, e.g. when the förbund starts using the system mid-year (§ 68 → next is § 69)."""
    rad = _las_serie(forbund, serie, ar)
    hogsta = _hogsta_befintliga(forbund, serie, ar)
    if senaste < hogsta:
        raise ValidationError(f"Nummer {hogsta} är redan använt {ar}; serien kan inte sättas lägre.")
    fore = rad.senaste
    rad.senaste = senaste
    rad.save(update_fields=["senaste"])
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="nummerserie_satt_start",
        objekt=rad,
        andringar={"senaste": [fore, senaste]},
        detaljer={"serie": serie, "ar": ar},
    )
    return rad
