"""The year's allocation and the municipalities' population key."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem

from ..models import Kommunandel, Tilldelning


@transaction.atomic
def tilldelning_spara(*, forbund: Forbund, aktor: Any, ar: int, belopp: Decimal, invanare: dict[int, int], kommentar: str = "") -> Tilldelning:
    """Create or update the allocation for `ar`; `invanare` maps each municipality (Medlem id) to its population 18–64."""
    kommuner = {m.pk: m for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)}
    okanda = set(invanare) - set(kommuner)
    if okanda:
        raise ValidationError("Invånarantal kan bara anges för förbundets kommuner.")
    saknas = [kommuner[k].namn for k in kommuner if k not in invanare]
    if saknas:
        raise ValidationError(f"Ange invånare 18–64 år för {', '.join(saknas)}.")
    if any(v < 0 for v in invanare.values()):
        raise ValidationError("Invånarantalet kan inte vara negativt.")
    if kommuner and sum(invanare.values()) <= 0:
        raise ValidationError("Kommunernas sammanlagda invånarantal 18–64 år måste vara större än noll.")
    tilldelning = Tilldelning.objects.select_for_update().filter(forbund=forbund, ar=ar).first()
    fore = snapshot(tilldelning) if tilldelning else {}
    fore_inv = {str(k.medlem_id): k.invanare for k in tilldelning.kommunandelar.all()} if tilldelning else {}
    if tilldelning is None:
        tilldelning = Tilldelning(forbund=forbund, ar=ar)
    tilldelning.belopp = Decimal(belopp)
    tilldelning.kommentar = kommentar
    tilldelning.full_clean()
    tilldelning.save()
    for medlem_id, antal in invanare.items():
        Kommunandel.objects.update_or_create(forbund=forbund, tilldelning=tilldelning, medlem_id=medlem_id, defaults={"invanare": antal})
    efter_inv = {str(k): v for k, v in invanare.items()}
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="tilldelning_spara",
        objekt=tilldelning,
        andringar=diff(fore, snapshot(tilldelning)),
        detaljer={"invanare": [fore_inv, efter_inv]} if fore_inv != efter_inv else {},
    )
    return tilldelning
