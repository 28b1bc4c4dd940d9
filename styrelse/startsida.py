"""Attention items for the start page: meetings needing a notice, minutes waiting for justering, assignments due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from finsam.permissions import Kontext
from finsam.startsida import Notis

from .models import Justering, Sammantrade, Uppdrag


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if not kontext.kan("styrelse.visa"):
        return []
    idag = timezone.localdate()
    ut: list[Notis] = []
    moten = list(
        Sammantrade.objects.filter(forbund=kontext.forbund, justerat__isnull=True, datum__gte=idag - dt.timedelta(days=60)).order_by("datum")[:10]
    )
    for m in moten:
        url = reverse("styrelse:mote", args=[m.pk])
        if kontext.kan("styrelse.redigera") and m.kallelse_skickad is None and m.datum >= idag:
            ut.append(Notis(f"Kallelse ej skickad till {m.get_typ_display().lower()} {m.datum:%Y-%m-%d}.", url, "varning"))
        if m.avslutat is not None:
            ut.append(Notis(f"Protokollet från {m.datum:%Y-%m-%d} väntar på justering.", url, "info"))
    if kontext.kan("styrelse.redigera"):
        grans = idag + dt.timedelta(days=30)
        oppna = Uppdrag.objects.filter(forbund=kontext.forbund, status=Uppdrag.Status.OPPET, aterrapport__datum__lte=grans).count()
        if oppna:
            ut.append(Notis(f"{oppna} uppdrag ska återrapporteras inom 30 dagar.", reverse("styrelse:uppdrag"), "info"))
    if user is not None and getattr(user, "pk", None):
        egna = Sammantrade.objects.filter(forbund=kontext.forbund, avslutat__isnull=False, justerat__isnull=True, justerare__user=user)
        for m in egna.exclude(justeringar__roll=Justering.Roll.JUSTERARE, justeringar__person__user=user):
            ut.append(Notis(f"Du är justerare för protokollet {m.datum:%Y-%m-%d}.", reverse("styrelse:mote", args=[m.pk]), "varning"))
    return ut
