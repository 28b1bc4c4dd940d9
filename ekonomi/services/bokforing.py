"""The förbund's account mapping (ranges to statement lines, ranges to note and budget lines). Imports: `importera.py`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund

from ..bokforing.kontoplan import BAS, standard_intervall
from ..models import Kontointervall, Kontokoppling

STANDARDINTERVALL = BAS


def kontoplan_standard(forbund: Forbund) -> int:
    """Create the default ranges for a förbund that has none. Returns how many were created."""
    if Kontointervall.objects.filter(forbund=forbund).exists():
        return 0
    Kontointervall.objects.bulk_create([Kontointervall(forbund=forbund, fran=f, till=t, rad=r) for f, t, r in STANDARDINTERVALL])
    return len(STANDARDINTERVALL)


def _overlapp(modell: type[models.Model], obj: Any) -> None:
    krock = (
        modell._default_manager.filter(forbund=obj.forbund, fran__lte=obj.till, till__gte=obj.fran)  # type: ignore[attr-defined]
        .exclude(pk=obj.pk)
        .first()
    )
    if krock is not None:
        raise ValidationError(f"Kontona {obj.fran}–{obj.till} överlappar {krock}.")


@transaction.atomic
def kontointervall_spara(*, forbund: Forbund, aktor: Any, intervall: Kontointervall | None = None, fran: int, till: int, rad: str) -> Kontointervall:
    if kontoplan_standard(forbund):
        handelse_logga(aktor=aktor, forbund=forbund, handling="kontoplan_skapa", detaljer={"intervall": STANDARDINTERVALL})
    fore = snapshot(intervall) if intervall else {}
    obj = intervall or Kontointervall(forbund=forbund)
    obj.fran, obj.till, obj.rad = fran, till, rad
    obj.full_clean()
    _overlapp(Kontointervall, obj)
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="kontointervall_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def kontointervall_ta_bort(*, intervall: Kontointervall, aktor: Any) -> None:
    handelse_logga(
        aktor=aktor, forbund=intervall.forbund, handling="kontointervall_ta_bort", objekt=intervall, andringar=diff(snapshot(intervall), {})
    )
    intervall.delete()


@transaction.atomic
def kontokoppling_spara(
    *,
    forbund: Forbund,
    aktor: Any,
    koppling: Kontokoppling | None = None,
    fran: int,
    till: int,
    text: str,
    nyckel: str = "",
    medlem: Any = None,
) -> Kontokoppling:
    if medlem is not None and medlem.forbund_id != forbund.pk:
        raise ValidationError({"medlem": "Finns inte i förbundet."})
    fore = snapshot(koppling) if koppling else {}
    obj = koppling or Kontokoppling(forbund=forbund)
    obj.fran, obj.till, obj.text, obj.nyckel, obj.medlem = fran, till, text, nyckel, medlem
    obj.full_clean()
    _overlapp(Kontokoppling, obj)
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="kontokoppling_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def kontokoppling_ta_bort(*, koppling: Kontokoppling, aktor: Any) -> None:
    handelse_logga(aktor=aktor, forbund=koppling.forbund, handling="kontokoppling_ta_bort", objekt=koppling, andringar=diff(snapshot(koppling), {}))
    koppling.delete()


__all__ = [
    "STANDARDINTERVALL",
    "kontointervall_spara",
    "kontointervall_ta_bort",
    "kontokoppling_spara",
    "kontokoppling_ta_bort",
    "kontoplan_standard",
    "standard_intervall",
]
