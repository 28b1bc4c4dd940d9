"""The meeting page's agenda rows: every row's links and button targets built from URLs reversed once per page.

A meeting of 200 items used to call `reverse()` six times and render four to six POST forms with their own
CSRF field per row (85 % of the page's time). Here each URL pattern is reversed once with a marker id and the
row's id is put in its place; the row's buttons submit one shared form (`form="rad-atgard"` with `formaction`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from ..models import Arende, Bilaga
from ..selectors import Motesida
from ..services.regler import Lage

# An id no row has: reversed once, then replaced by the row's id (the patterns take `<int:…>`).
_MARKOR = 987654321


class UrlMall:
    """One reversed URL with a marker in place of the last id: `mall.med(pk)` is `reverse(namn, args=[..., pk])`."""

    def __init__(self, namn: str, *args: int) -> None:
        url = reverse(namn, args=[*args, _MARKOR])
        fore, _, efter = url.rpartition(str(_MARKOR))
        self._fore, self._efter = fore, efter

    def med(self, pk: int) -> str:
        return f"{self._fore}{pk}{self._efter}"


@dataclass(frozen=True, slots=True)
class Bilagelank:
    bilaga: Bilaga
    url: str


@dataclass(frozen=True, slots=True)
class Rad:
    arende: Arende
    bilagor: list[Bilagelank]
    lage: Lage | None
    beslut: str
    andra: str
    flytta: str
    ta_bort: str
    ladda_upp: str
    paragraf_andra: str
    omedelbar_justering: str
    utdrag: str
    expediera: str


def rader(sida: Motesida) -> list[Rad]:
    """The agenda rows of the meeting page, with every URL the row links to or posts to."""
    pk = sida.mote.pk
    bilaga = UrlMall("styrelse:bilaga_ladda_ned", pk)
    beslut = UrlMall("styrelse:beslut", pk)
    andra = UrlMall("styrelse:arende_redigera", pk)
    flytta = UrlMall("styrelse:arende_flytta", pk)
    ta_bort = UrlMall("styrelse:arende_ta_bort", pk)
    ladda_upp = UrlMall("styrelse:bilaga_ladda_upp", pk)
    paragraf_andra = UrlMall("styrelse:paragraf_redigera")
    omedelbar = UrlMall("styrelse:omedelbar_justering")
    utdrag = UrlMall("styrelse:utdrag_bestall")
    expediera = UrlMall("styrelse:utdrag_expediera")
    resultat = []
    for a in sida.arenden:
        p = a.paragraf
        ppk = p.pk if p is not None else 0
        resultat.append(
            Rad(
                arende=a,
                bilagor=[Bilagelank(b, bilaga.med(b.pk)) for b in a.bilagor.all()],
                lage=sida.lage_per_paragraf.get(ppk) if p is not None else None,
                beslut=beslut.med(a.pk),
                andra=andra.med(a.pk),
                flytta=flytta.med(a.pk),
                ta_bort=ta_bort.med(a.pk),
                ladda_upp=ladda_upp.med(a.pk),
                paragraf_andra=paragraf_andra.med(ppk) if p is not None else "",
                omedelbar_justering=omedelbar.med(ppk) if p is not None else "",
                utdrag=utdrag.med(ppk) if p is not None else "",
                expediera=expediera.med(ppk) if p is not None else "",
            )
        )
    return resultat
