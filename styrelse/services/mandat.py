"""Mandates: one ledamot and one ersättare per member at a time (statutes § 5); chair and vice chair; history kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem, Person

from ..models import Mandat


def _overlappande(qs: Any, fran: dt.date, till: dt.date | None) -> Any:
    qs = qs.filter(Q(till__isnull=True) | Q(till__gte=fran))
    return qs.filter(fran__lte=till) if till else qs


def _kontrollera(m: Mandat) -> None:
    if m.till and m.till < m.fran:
        raise ValidationError("Slutdatum kan inte vara före startdatum.")
    if m.uppdrag and m.typ != Mandat.Typ.LEDAMOT:
        raise ValidationError("Ordförande och vice ordförande väljs bland ledamöterna.")
    andra = Mandat.objects.filter(forbund=m.forbund).exclude(pk=m.pk)
    krock = _overlappande(andra.filter(medlem=m.medlem, typ=m.typ), m.fran, m.till).select_related("person").first()
    if krock:
        period = f"{krock.fran:%Y-%m-%d} – {krock.till:%Y-%m-%d}" if krock.till else f"från {krock.fran:%Y-%m-%d}"
        raise ValidationError(f"{m.medlem} har redan en {m.get_typ_display().lower()} under perioden: {krock.person} ({period}).")
    if m.uppdrag:
        krock = _overlappande(andra.filter(uppdrag=m.uppdrag), m.fran, m.till).select_related("person").first()
        if krock:
            raise ValidationError(f"{krock.person} är redan {m.get_uppdrag_display().lower()} under perioden.")


@transaction.atomic
def mandat_skapa(
    *,
    forbund: Forbund,
    aktor: Any,
    person: Person,
    medlem: Medlem,
    typ: str,
    fran: dt.date,
    till: dt.date | None = None,
    uppdrag: str = "",
) -> Mandat:
    if person.forbund_id != forbund.pk or medlem.forbund_id != forbund.pk:
        raise ValidationError("Personen och medlemmen måste höra till förbundet.")
    m = Mandat(forbund=forbund, person=person, medlem=medlem, typ=typ, fran=fran, till=till, uppdrag=uppdrag)
    m.full_clean()
    _kontrollera(m)
    m.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="mandat_skapa", objekt=m, andringar=diff({}, snapshot(m)))
    return m


@transaction.atomic
def mandat_avsluta(*, mandat: Mandat, aktor: Any, till: dt.date) -> Mandat:
    """End a mandate on a date; the history stays (the annual report lists who served when)."""
    mandat = Mandat.objects.select_for_update().get(pk=mandat.pk)
    fore = snapshot(mandat)
    mandat.till = till
    mandat.full_clean()
    _kontrollera(mandat)
    mandat.save()
    handelse_logga(aktor=aktor, forbund=mandat.forbund, handling="mandat_avsluta", objekt=mandat, andringar=diff(fore, snapshot(mandat)))
    return mandat
