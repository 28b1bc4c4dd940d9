"""Test data for the board: a 5+5 board per the statutes, meetings, items and attendance."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from finsam.models import Forbund, Medlem, Person
from styrelse.models import Arende, Mandat, Narvaro, Sammantrade

KODER = ["skelleftea", "af", "region", "fk", "norsjo"]


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    namn = factory.Sequence(lambda n: f"Person {n}")
    epost = factory.LazyAttribute(lambda o: f"{o.namn.lower().replace(' ', '.')}@example.se")


class SammantradeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sammantrade

    datum = factory.LazyFunction(dt.date.today)
    starttid = dt.time(9, 0)
    sluttid = dt.time(15, 0)
    plats = "Hörnellgatan 17, vån 3"


class ArendeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arende

    forbund = factory.LazyAttribute(lambda o: o.sammantrade.forbund)
    ordning = factory.Sequence(lambda n: n + 1)
    rubrik = factory.Sequence(lambda n: f"Ärende {n}")
    forslag = "godkänna förslaget"


def styrelse(forbund: Forbund, fran: dt.date = dt.date(2019, 1, 1)) -> dict[str, Any]:
    """Ledamot L-<kod> and ersättare E-<kod> for each of the five members, a chair and the staff."""
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    led: dict[str, Mandat] = {}
    ers: dict[str, Mandat] = {}
    for kod in [k for k in KODER if k in medlem] + [k for k in medlem if k not in KODER]:
        pl = PersonFactory(forbund=forbund, namn=f"Ledamot {kod}")
        pe = PersonFactory(forbund=forbund, namn=f"Ersättare {kod}")
        led[kod] = Mandat.objects.create(
            forbund=forbund,
            person=pl,
            medlem=medlem[kod],
            typ="ledamot",
            fran=fran,
            uppdrag="ordforande" if kod in {"skelleftea", "annanstad"} else "",
        )
        ers[kod] = Mandat.objects.create(forbund=forbund, person=pe, medlem=medlem[kod], typ="ersattare", fran=fran)
    chef = PersonFactory(forbund=forbund, namn="Förbundschefen", befattning="Förbundschef", ar_personal=True)
    return {"ledamot": led, "ersattare": ers, "chef": chef}


def narvaro(
    mote: Sammantrade, mandat: Mandat, kategori: str = "ledamot", ersatter: Mandat | None = None, fran: int | None = None, till: int | None = None
) -> Narvaro:
    return Narvaro.objects.create(
        forbund=mote.forbund,
        sammantrade=mote,
        person=mandat.person,
        kategori=kategori,
        mandat=mandat,
        ersatter=ersatter,
        fran_nummer=fran,
        till_nummer=till,
    )
