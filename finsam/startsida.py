"""The start page per role: what this role can do, and what needs attention now.

Apps add their own tiles and attention items with `registrera_bidrag` in their AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse

from .models import RollTyp
from .permissions import Kontext


@dataclass(frozen=True)
class Ruta:
    rubrik: str
    text: str
    url_namn: str
    behorighet: str
    ordning: int = 50

    def url(self) -> str | None:
        try:
            return reverse(self.url_namn)
        except NoReverseMatch:
            return None


@dataclass(frozen=True)
class Notis:
    text: str
    url: str = ""
    niva: str = "info"  # info, varning, fel


@dataclass
class Startsida:
    rubrik: str
    ingress: str
    rutor: list[tuple[Ruta, str]] = field(default_factory=list)
    notiser: list[Notis] = field(default_factory=list)


INGRESS = {
    RollTyp.FORBUNDSCHEF: "Förbered och protokollför styrelsemöten, följ upp uppdrag, insatser och ekonomi.",
    RollTyp.ADMINISTRATOR: "Registrera deltagare och avslut, en och en eller från kalkylblad.",
    RollTyp.STYRELSELEDAMOT: "Läs kallelser, handlingar, protokoll och rapporter inför och efter styrelsens möten.",
    RollTyp.REVISOR: "Ladda ned räkenskaper och protokoll för granskningen och lämna revisionsberättelse.",
}

RUTOR: list[Ruta] = [
    Ruta("Organisation", "Medlemmar, styrelse och kansli; organisationsblad som PDF.", "organisation", "forbund.visa", 90),
    Ruta("Dokument", "Skapade PDF-dokument och deras status.", "dokument_lista", "dokument.visa", 91),
    Ruta("Händelselogg", "Vem gjorde vad och när.", "handelser", "handelse.visa", 95),
]
Bidrag = Callable[[Kontext, Any], list[Notis]]
BIDRAG: list[Bidrag] = []
# A role's own start page (the board member's is Mina möten): (permission it needs, view(request, kontext, start)).
Startvy = Callable[[Any, Kontext, "Startsida"], Any]
STARTVYER: dict[str, tuple[str, Startvy]] = {}


def registrera_rutor(*rutor: Ruta) -> None:
    RUTOR.extend(rutor)


def registrera_bidrag(bidrag: Bidrag) -> None:
    BIDRAG.append(bidrag)


def registrera_startvy(roll: str, behorighet: str, vy: Startvy) -> None:
    """Give a role its own start page; it gets the general start page's notices and tiles to show as well."""
    STARTVYER[roll] = (behorighet, vy)


def startvy_for(kontext: Kontext) -> Startvy | None:
    post = STARTVYER.get(kontext.roll)
    return post[1] if post and kontext.kan(post[0]) else None


def startsida_for(kontext: Kontext, user: Any) -> Startsida:
    roll = RollTyp(kontext.roll)
    sida = Startsida(rubrik=f"Start – {roll.label}", ingress=INGRESS[roll])
    for ruta in sorted(RUTOR, key=lambda r: r.ordning):
        if kontext.kan(ruta.behorighet):
            url = ruta.url()
            if url:
                sida.rutor.append((ruta, url))
    for bidrag in BIDRAG:
        sida.notiser.extend(bidrag(kontext, user))
    return sida
