"""Quorum (beslutsförhet) and qualified majority (statutes § 6), computed from who is present at a paragraph."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund

from ..models import Beslutsregler
from ..selectors.regler import (  # noqa: F401  (the rules are read here too; re-exported for the services)
    Lage,
    Rakning,
    beslutsregler_for,
    kontrollera_beslut,
    kravs_for_majoritet,
    lage_vid,
    ledamoter_i_tjanst,
    regler_vid,
)


@transaction.atomic
def beslutsregler_andra(
    *,
    forbund: Forbund,
    aktor: Any,
    majoritet: str,
    kallelsetid_dagar: int,
    beslutsfor_minst: int | None = None,
    forvaringsplats: str = "",
) -> Beslutsregler:
    regler = Beslutsregler.objects.select_for_update().filter(forbund=forbund).first() or Beslutsregler(forbund=forbund)
    fore = snapshot(regler) if regler.pk else {}
    regler.majoritet = majoritet
    regler.kallelsetid_dagar = kallelsetid_dagar
    regler.beslutsfor_minst = beslutsfor_minst
    regler.forvaringsplats = forvaringsplats or regler.forvaringsplats
    regler.full_clean()
    regler.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="beslutsregler_andra", objekt=regler, andringar=diff(fore, snapshot(regler)))
    return regler
