"""The reports' tile and attention item on the start page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from finsam.permissions import Kontext
from finsam.startsida import Notis, Ruta, registrera_bidrag, registrera_rutor

from .models import Rapport, RapportTyp


def notiser(kontext: Kontext, user: Any, idag: dt.date | None = None) -> list[Notis]:
    """The förbundschef: last year's annual report must be adopted within three months of year end. One query."""
    if not kontext.kan("rapporter.redigera"):
        return []
    idag = idag or dt.date.today()
    ar = idag.year - 1
    if idag.month > 4:
        return []
    status = Rapport.objects.filter(forbund=kontext.forbund, typ=RapportTyp.ARSREDOVISNING, ar=ar).values_list("status", flat=True).first()
    if status == Rapport.Status.FASTSTALLD:
        return []
    return [
        Notis(
            f"Årsredovisningen för {ar} ska vara klar inom tre månader efter årets slut, senast den 31 mars {idag.year}.",
            reverse("rapporter:rapport", args=[RapportTyp.ARSREDOVISNING.value, ar]),
            "varning" if idag.month >= 3 else "info",
        )
    ]


def registrera() -> None:
    registrera_rutor(Ruta("Rapporter", "Årsredovisning och verksamhetsplan som arkivbeständiga PDF:er.", "rapporter:index", "rapporter.visa", 60))
    registrera_bidrag(notiser)
