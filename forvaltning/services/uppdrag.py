"""Board mandates with the member's appointing decision (statutes § 5). The seat rules live in styrelse.services.mandat."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem, Person
from styrelse.models import Mandat
from styrelse.services.mandat import mandat_skapa

from ..models.uppdrag import Utnamning


def _utnamning_spara(*, mandat: Mandat, aktor: Any, organ: str, referens: str, datum: dt.date) -> Utnamning:
    obj = Utnamning.objects.select_for_update().filter(mandat=mandat).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Utnamning(forbund_id=mandat.forbund_id, mandat=mandat)
    obj.organ, obj.referens, obj.datum = organ.strip(), referens.strip(), datum
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=mandat.forbund,
        handling="utnamning_spara",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
        detaljer={"mandat": mandat.pk, "person": str(mandat.person), "medlem": str(mandat.medlem)},
    )
    return obj


@transaction.atomic
def uppdrag_tillsatt(
    *,
    forbund: Forbund,
    aktor: Any,
    person: Person,
    medlem: Medlem,
    typ: str,
    fran: dt.date,
    organ: str,
    referens: str,
    beslutsdatum: dt.date,
    till: dt.date | None = None,
    uppdrag: str = "",
) -> Mandat:
    """Register a ledamot or ersättare with the decision that appointed them. Refuses an overlapping mandate for the
    same seat (one ledamot and one ersättare per member at a time) and a person holding two seats at once."""
    if person.forbund_id == forbund.pk:
        andra = Mandat.objects.filter(forbund=forbund, person=person).filter(Q(till__isnull=True) | Q(till__gte=fran))
        krock = (andra.filter(fran__lte=till) if till else andra).select_related("medlem").first()
        if krock is not None:
            raise ValidationError(
                {"person": f"{person} har redan ett mandat som {krock.get_typ_display().lower()} för {krock.medlem} under perioden."}
            )
    mandat = mandat_skapa(forbund=forbund, aktor=aktor, person=person, medlem=medlem, typ=typ, fran=fran, till=till, uppdrag=uppdrag)
    _utnamning_spara(mandat=mandat, aktor=aktor, organ=organ, referens=referens, datum=beslutsdatum)
    return mandat


@transaction.atomic
def utnamning_spara(*, mandat: Mandat, aktor: Any, organ: str, referens: str, datum: dt.date) -> Utnamning:
    """Record (or correct) the appointing decision of an existing mandate."""
    return _utnamning_spara(mandat=Mandat.objects.select_for_update().get(pk=mandat.pk), aktor=aktor, organ=organ, referens=referens, datum=datum)
