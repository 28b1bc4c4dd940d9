"""Continuous numbering per förbund and calendar year (paragraphs, diarium), safe under concurrent saves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Min

from finsam.audit import handelse_logga
from finsam.models import Forbund

from ..models import Nummerserie, Paragraf, Sammantrade
from ..selectors.mote_las import _hogsta_befintliga, nasta_nummer_forhandsvisa  # noqa: F401  (re-exported)


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


def _nummer_text(fran: int, till: int) -> str:
    return f"§ {fran}" if fran == till else f"§ {fran}–{till}"


def flytt_kontrollera(*, mote: Sammantrade, datum: dt.date) -> None:
    """Numbering follows the meeting date: a meeting that holds paragraphs keeps its place among the year's meetings.

    Moving it past another meeting of the year that holds paragraphs (later numbers at an earlier date, or the
    reverse) is refused with a message naming that meeting. Takes the year's number series lock, so a concurrent
    decision at another meeting is seen.
    """
    egna = Paragraf.objects.filter(sammantrade=mote).aggregate(fran=Min("nummer"), till=Max("nummer"), ar=Max("ar"))
    if egna["fran"] is None or datum == mote.datum:
        return
    _las_serie(mote.forbund, Nummerserie.Serie.PARAGRAF, egna["ar"])
    andra = (
        Paragraf.objects.filter(forbund=mote.forbund, ar=egna["ar"])
        .exclude(sammantrade=mote)
        .values("sammantrade")
        .annotate(fran=Min("nummer"), till=Max("nummer"))
    )
    moten = Sammantrade.objects.in_bulk([r["sammantrade"] for r in andra])
    for r in sorted(andra, key=lambda r: r["fran"]):
        annat = moten[r["sammantrade"]]
        if (r["fran"] > egna["till"] and annat.datum < datum) or (r["till"] < egna["fran"] and annat.datum > datum):
            raise ValidationError(
                {
                    "datum": [
                        f"Paragraferna numreras i sammanträdenas ordning under året. Mötet har {_nummer_text(egna['fran'], egna['till'])} "
                        f"och kan inte flyttas förbi {annat}, som har {_nummer_text(r['fran'], r['till'])}."
                    ]
                }
            )
