"""Ekonomi on the start page: tiles and what needs attention (budget by 30 November, reconciliation, equity).

The start page must not build the annual accounts on every visit (issue 16). The two notices taken from the accounts
(failing reconciliation checks, equity above the recommendation) are kept as small precomputed values in the cache,
keyed by the förbund's latest audit event: every write goes through an audited service, so a new event is the only
way the accounts can change. A visit costs one narrow query (latest import year and latest event together); the
accounts are rebuilt only on the first visit after a change.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.cache import cache
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from finsam.models import Forbund, Handelse
from finsam.permissions import Kontext
from finsam.startsida import Notis, Ruta, registrera_bidrag, registrera_rutor

from .models import Redovisningsimport
from .selectors import budget_varning, rakenskaper


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if not kontext.kan("ekonomi.visa"):
        return []

    ut: list[Notis] = []
    if kontext.kan("ekonomi.redigera"):
        varning = budget_varning(kontext.forbund)
        if varning:
            niva = "fel" if dt.date.today() > dt.date(dt.date.today().year, 11, 30) else "varning"
            ut.append(Notis(varning, reverse("ekonomi:budget_lista"), niva))
    senaste, antal_fel, kapitalvarning = rakenskapsnotiser(kontext.forbund)
    if senaste is not None:
        if antal_fel:
            ut.append(
                Notis(
                    f"Räkenskaperna {senaste}: {antal_fel} avstämningskontroll(er) stämmer inte.",
                    f"{reverse('ekonomi:rakenskaper')}?ar={senaste}",
                    "varning",
                )
            )
        if kapitalvarning:
            ut.append(Notis(kapitalvarning, f"{reverse('ekonomi:rakenskaper')}?ar={senaste}", "info"))
    return ut


CACHE_SEKUNDER = 6 * 60 * 60  # a safety net only: a change is seen at once through the latest audit event


def rakenskapsnotiser(forbund: Forbund) -> tuple[int | None, int, str]:
    """(latest imported year or None, number of failing reconciliation checks, equity warning) in one narrow query
    when nothing has been written since the last visit."""

    rad = (
        Forbund.objects.filter(pk=forbund.pk)
        .annotate(
            senaste_ar=Subquery(Redovisningsimport.objects.filter(forbund=OuterRef("pk")).order_by("-ar").values("ar")[:1]),
            handelse_id=Subquery(Handelse.objects.filter(forbund=OuterRef("pk")).order_by("-id").values("id")[:1]),
            handelse_tid=Subquery(Handelse.objects.filter(forbund=OuterRef("pk")).order_by("-id").values("tidpunkt")[:1]),
        )
        .values("senaste_ar", "handelse_id", "handelse_tid")
        .first()
    )
    if rad is None or rad["senaste_ar"] is None:
        return None, 0, ""
    ar = int(rad["senaste_ar"])
    tid = int(rad["handelse_tid"].timestamp() * 1_000_000) if rad["handelse_tid"] else 0
    nyckel = f"ekonomi-startsida-{forbund.pk}-{ar}-{rad['handelse_id']}-{tid}"
    varde: tuple[int, str] | None = cache.get(nyckel)
    if varde is None:
        data = rakenskaper(forbund, ar)
        varde = (sum(1 for k in data["avstamning"] if not k["ok"]), str(data["eget_kapital"]["varning"] or ""))
        cache.set(nyckel, varde, CACHE_SEKUNDER)
    return ar, varde[0], varde[1]


def registrera() -> None:
    registrera_rutor(
        Ruta("Ekonomi", "Medlemsbidrag, budget, utfall och räkenskaper.", "ekonomi:index", "ekonomi.visa", 40),
        Ruta(
            "Räkenskaper",
            "Resultat- och balansräkning, kassaflöde, noter och avstämning; ladda ned som PDF, CSV eller Excel.",
            "ekonomi:rakenskaper",
            "ekonomi.visa",
            41,
        ),
    )
    registrera_bidrag(notiser)
