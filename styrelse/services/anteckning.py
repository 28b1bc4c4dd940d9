"""Private notes: written, changed and removed by their author only; removed after justering by the records plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.models import Forbund

from ..models import Anteckning, Arende, Bilaga, Sammantrade
from ..selectors.mote_las import gallringsdatum


@transaction.atomic
def anteckning_spara(
    *,
    forbund: Forbund,
    aktor: Any,
    text: str,
    arende: Arende | None = None,
    bilaga: Bilaga | None = None,
) -> Anteckning | None:
    """Write (or replace) the author's note on one agenda item or attachment. Empty text removes the note."""
    if not getattr(aktor, "is_authenticated", False):
        raise ValidationError("Anteckningar kräver inloggning.")
    handling = arende or bilaga
    if handling is None or (arende is not None and bilaga is not None):
        raise ValidationError("Välj ett ärende eller en bilaga att anteckna på.")
    if handling.forbund_id != forbund.pk:
        raise ValidationError("Handlingen hör inte till förbundet.")
    mote = Sammantrade.objects.get(pk=handling.sammantrade_id)
    if gallringsdatum(mote) is not None and gallringsdatum(mote) <= timezone.localdate():  # type: ignore[operator]
        raise ValidationError("Protokollet är justerat och anteckningstiden har gått ut; anteckningar gallras.")
    befintlig = (
        Anteckning.objects.for_forfattare(aktor).order_by("pk").select_for_update().filter(forbund=forbund, arende=arende, bilaga=bilaga).first()
    )
    text = (text or "").strip()
    if not text:
        if befintlig is not None:
            anteckning_ta_bort(anteckning=befintlig, aktor=aktor)
        return None
    a = befintlig or Anteckning(forbund=forbund, forfattare=aktor, sammantrade=mote, arende=arende, bilaga=bilaga)
    a.text = text
    a.full_clean()
    a.save()
    # The audit row records that a note exists, never its text (the note is the author's alone).
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="anteckning_spara",
        objekt=a,
        detaljer={
            "sammantrade": mote.pk,
            "arende": arende.pk if arende else None,
            "bilaga": bilaga.pk if bilaga else None,
            "ny": befintlig is None,
            "tecken": len(text),
        },
    )
    return a


@transaction.atomic
def anteckning_ta_bort(*, anteckning: Anteckning, aktor: Any) -> None:
    if anteckning.forfattare_id != getattr(aktor, "pk", None):
        raise ValidationError("Anteckningen finns inte.")  # another's note does not exist for you
    handelse_logga(
        aktor=aktor, forbund=anteckning.forbund, handling="anteckning_ta_bort", objekt=anteckning, detaljer={"sammantrade": anteckning.sammantrade_id}
    )
    anteckning.delete()


@transaction.atomic
def anteckningar_gallra(*, idag: dt.date | None = None, aktor: Any = "system") -> int:
    """Remove every note on meetings justered more than FINSAM_ANTECKNING_GALLRING_DAGAR days ago. Idempotent."""
    idag = idag or timezone.localdate()
    grans = timezone.make_aware(dt.datetime.combine(idag - dt.timedelta(days=settings.FINSAM_ANTECKNING_GALLRING_DAGAR), dt.time.max))
    moten = list(Sammantrade.objects.filter(justerat__isnull=False, justerat__lte=grans).values_list("pk", "forbund_id"))
    totalt = 0
    per_forbund: dict[int, list[int]] = {}
    for pk, forbund_id in moten:
        per_forbund.setdefault(forbund_id, []).append(pk)
    for forbund_id, mote_ids in per_forbund.items():
        qs = Anteckning.objects.filter(forbund_id=forbund_id, sammantrade_id__in=mote_ids)
        antal = qs.count()
        if antal:
            qs.delete()
            totalt += antal
            handelse_logga(
                aktor=aktor,
                forbund=Forbund.objects.get(pk=forbund_id),
                handling="anteckningar_gallra",
                detaljer={"antal": antal, "sammantraden": sorted(mote_ids), "dagar_efter_justering": settings.FINSAM_ANTECKNING_GALLRING_DAGAR},
            )
    return totalt
