"""Start-page tiles and attention items of the follow-up register."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from finsam.permissions import Kontext
from finsam.startsida import Notis, Ruta

from .models import Inskrivning

RUTOR = [
    Ruta(
        "Registrera avslut",
        "Snabbregistrering av avslut med tangentbordet: kod, datum, försörjning, nästa.",
        "uppfoljning:avslut",
        "deltagare.redigera",
        30,
    ),
    Ruta("Deltagare", "Pseudonymiserat deltagarregister: inskrivningar och avslut per insats.", "uppfoljning:index", "deltagare.visa", 31),
    Ruta(
        "Importera deltagare", "Läs in inskrivningar och avslut från kalkylblad (CSV eller Excel).", "uppfoljning:importera", "deltagare.redigera", 32
    ),
    Ruta("Utfall", "Deltagare, nya och avslutade per insats och kön; jämförelse med föregående år.", "uppfoljning:utfall", "utfall.visa", 33),
]
LANG_TID_AR = 2


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    """Open enrolments older than two years: an exit may be missing."""
    if not kontext.kan("deltagare.redigera"):
        return []
    grans = dt.date.today().replace(month=1, day=1).year - LANG_TID_AR
    antal = Inskrivning.objects.filter(forbund=kontext.forbund, slutar__isnull=True, startar__lt=grans).count()
    if not antal:
        return []
    ord_ = "inskrivning har" if antal == 1 else "inskrivningar har"
    return [
        Notis(
            f"{antal} {ord_} pågått sedan före {grans} utan avslut – kontrollera om avslut saknas.",
            reverse("uppfoljning:index") + "?oppna=on",
            "varning",
        )
    ]
