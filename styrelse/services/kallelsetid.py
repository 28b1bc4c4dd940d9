"""The notice period that applies to one meeting: the statutes' period, or the shortened one of an extra meeting."""

from __future__ import annotations

from ..models import Beslutsregler, ExtraSammantrade, Sammantrade


def kallelsetid_for(mote: Sammantrade, regler: Beslutsregler) -> int:
    extra = ExtraSammantrade.objects.filter(sammantrade_id=mote.pk).only("kallelsetid_dagar").first()
    return extra.kallelsetid_dagar if extra is not None else regler.kallelsetid_dagar
