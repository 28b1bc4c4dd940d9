"""Test data for the board: a 5+5 board per the statutes, meetings, items and attendance."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import factory

from finsam.models import Forbund, Medlem
from styrelse.models import Arende, Mandat, Narvaro, Paragraf, Sammantrade
from tests.finsam import factories as kf

KODER = ["skelleftea", "af", "region", "fk", "norsjo"]


def _adress(namn: str) -> str:
    """An e-mail address from a name, in ASCII (Ersättare fk → ersattare.fk@example.se)."""
    ascii_ = unicodedata.normalize("NFKD", namn).encode("ascii", "ignore").decode()
    return f"{ascii_.lower().replace(' ', '.')}@example.se"


class PersonFactory(kf.PersonFactory):
    epost = factory.LazyAttribute(lambda o: _adress(o.namn))


class SammantradeFactory(kf.GiltigFactory):
    class Meta:
        model = Sammantrade

    forbund = factory.SubFactory(kf.ForbundFactory)
    datum = factory.LazyFunction(dt.date.today)
    starttid = dt.time(9, 0)
    sluttid = dt.time(15, 0)
    plats = "Hörnellgatan 17, vån 3"


class ArendeFactory(kf.GiltigFactory):
    class Meta:
        model = Arende

    sammantrade = factory.SubFactory(SammantradeFactory)
    forbund = factory.LazyAttribute(lambda o: o.sammantrade.forbund)
    ordning = factory.Sequence(lambda n: n + 1)
    rubrik = factory.Sequence(lambda n: f"Ärende {n}")
    forslag = "godkänna förslaget"


class ParagrafFactory(kf.GiltigFactory):
    """A paragraph of a meeting of the same förbund, numbered within the meeting's year."""

    class Meta:
        model = Paragraf

    forbund = factory.SubFactory(kf.ForbundFactory)
    sammantrade = factory.SubFactory(SammantradeFactory, forbund=factory.SelfAttribute("..forbund"), status=Sammantrade.Status.JUSTERAT)
    ar = factory.LazyAttribute(lambda o: o.sammantrade.datum.year)
    nummer = factory.Sequence(lambda n: n + 1)
    rubrik = factory.Sequence(lambda n: f"Beslut {n}")
    text = "Samordningsförbundet beslutar: att godkänna förslaget."


class MandatFactory(kf.GiltigFactory):
    """A ledamot's mandate for a member of the same förbund, from 2019."""

    class Meta:
        model = Mandat

    forbund = factory.SubFactory(kf.ForbundFactory)
    person = factory.SubFactory(PersonFactory, forbund=factory.SelfAttribute("..forbund"))
    medlem = factory.LazyAttribute(lambda o: kf.kommun(o.forbund))
    typ = Mandat.Typ.LEDAMOT
    fran = dt.date(2019, 1, 1)


def styrelse(forbund: Forbund, fran: dt.date = dt.date(2019, 1, 1)) -> dict[str, Any]:
    """Ledamot L-<kod> and ersättare E-<kod> for each of the five members, a chair and the staff."""
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    led: dict[str, Mandat] = {}
    ers: dict[str, Mandat] = {}
    for kod in [k for k in KODER if k in medlem] + [k for k in medlem if k not in KODER]:
        pl = PersonFactory(forbund=forbund, namn=f"Ledamot {kod}")
        pe = PersonFactory(forbund=forbund, namn=f"Ersättare {kod}")
        led[kod] = MandatFactory(
            forbund=forbund, person=pl, medlem=medlem[kod], fran=fran, uppdrag="ordforande" if kod in {"skelleftea", "annanstad"} else ""
        )
        ers[kod] = MandatFactory(forbund=forbund, person=pe, medlem=medlem[kod], typ=Mandat.Typ.ERSATTARE, fran=fran)
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
