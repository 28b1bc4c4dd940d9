"""Recording how the member shares are invoiced: the rounding rule of a year and explained adjustments adopted by a §."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem
from styrelse.models import Sammantrade

from ..models import Bidragsavrundning, Bidragsjustering


def _paragraf_fran_hallet_mote(forbund: Forbund, paragraf: Any) -> None:
    """The adopting § must be the förbund's own, from a meeting that has been held."""
    if paragraf is None:
        raise ValidationError({"paragraf": "Ange styrelsens beslutsparagraf."})
    if paragraf.forbund_id != forbund.pk:
        raise ValidationError({"paragraf": "Paragrafen tillhör inte förbundet."})
    if paragraf.sammantrade.status not in {Sammantrade.Status.GENOMFORT, Sammantrade.Status.JUSTERAT}:
        raise ValidationError({"paragraf": f"§ {paragraf.nummer} hör till ett sammanträde som inte är genomfört."})


@transaction.atomic
def bidragsavrundning_spara(*, forbund: Forbund, aktor: Any, ar: int, regel: str, paragraf: Any = None, forklaring: str = "") -> Bidragsavrundning:
    """Record the year's rounding rule. A rule other than to the krona needs the board's § (of a held meeting)."""
    if regel not in Bidragsavrundning.Regel.values:
        raise ValidationError({"regel": "Okänd avrundningsregel."})
    if regel != Bidragsavrundning.Regel.KRONA:
        _paragraf_fran_hallet_mote(forbund, paragraf)
    obj = Bidragsavrundning.objects.select_for_update().filter(forbund=forbund, ar=ar).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Bidragsavrundning(forbund=forbund, ar=ar)
    obj.regel, obj.paragraf, obj.forklaring = regel, paragraf, (forklaring or "").strip()
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="bidragsavrundning_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def bidragsjustering_spara(
    *, forbund: Forbund, aktor: Any, ar: int, medlem: Medlem, belopp: Decimal, forklaring: str, paragraf: Any
) -> Bidragsjustering:
    """Record an explained adjustment of one member's invoiced share, adopted by a § of a held meeting."""
    if medlem.forbund_id != forbund.pk:
        raise ValidationError({"medlem": "Medlemmen tillhör inte förbundet."})
    if not Decimal(belopp):
        raise ValidationError({"belopp": "En justering kan inte vara noll kronor."})
    if not (forklaring or "").strip():  # one message, not the model's generic "may not be empty" as well
        raise ValidationError({"forklaring": "En justering av medlemsbidraget måste förklaras."})
    _paragraf_fran_hallet_mote(forbund, paragraf)
    obj = Bidragsjustering(forbund=forbund, ar=ar, medlem=medlem, belopp=Decimal(belopp), forklaring=(forklaring or "").strip(), paragraf=paragraf)
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="bidragsjustering_spara", objekt=obj, andringar=diff({}, snapshot(obj)))
    return obj
