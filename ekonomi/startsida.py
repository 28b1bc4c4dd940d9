"""Ekonomi on the start page: tiles and what needs attention (budget by 30 November, reconciliation, equity)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from finsam.permissions import Kontext
from finsam.startsida import Notis, Ruta, registrera_bidrag, registrera_rutor


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if not kontext.kan("ekonomi.visa"):
        return []
    from .models import Redovisningsimport
    from .selectors import budget_varning, rakenskaper

    ut: list[Notis] = []
    varning = budget_varning(kontext.forbund)
    if varning and kontext.kan("ekonomi.redigera"):
        niva = "fel" if dt.date.today() > dt.date(dt.date.today().year, 11, 30) else "varning"
        ut.append(Notis(varning, reverse("ekonomi:budget_lista"), niva))
    senaste = Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()
    if senaste is not None:
        data = rakenskaper(kontext.forbund, senaste)
        if not data["avstamning_ok"]:
            antal = sum(1 for k in data["avstamning"] if not k["ok"])
            ut.append(Notis(f"Räkenskaperna {senaste}: {antal} avstämningskontroll(er) stämmer inte.",
                            f"{reverse('ekonomi:rakenskaper')}?ar={senaste}", "varning"))
        if data["eget_kapital"]["varning"]:
            ut.append(Notis(data["eget_kapital"]["varning"], f"{reverse('ekonomi:rakenskaper')}?ar={senaste}", "info"))
    return ut


def registrera() -> None:
    registrera_rutor(
        Ruta("Ekonomi", "Medlemsbidrag, budget, utfall och räkenskaper.", "ekonomi:index", "ekonomi.visa", 40),
        Ruta("Räkenskaper", "Resultat- och balansräkning, kassaflöde, noter och avstämning; ladda ned som PDF, CSV eller Excel.",
             "ekonomi:rakenskaper", "ekonomi.visa", 41),
    )
    registrera_bidrag(notiser)
