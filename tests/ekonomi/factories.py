"""Factories and builders for the ekonomi tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from ekonomi.models import Budget, Kontokoppling, Tilldelning
from ekonomi.services import bokforing_importera, tilldelning_spara
from finsam.models import Forbund, Medlem
from styrelse.models import Paragraf, Sammantrade
from tests.finsam import factories as kf


class SammantradeFactory(kf.GiltigFactory):
    class Meta:
        model = Sammantrade

    datum = dt.date(2019, 11, 28)
    plats = "Skellefteå"


class ParagrafFactory(kf.GiltigFactory):
    class Meta:
        model = Paragraf

    sammantrade = factory.SubFactory(SammantradeFactory, forbund=factory.SelfAttribute("..forbund"))
    ar = 2019
    nummer = factory.Sequence(lambda n: 70 + n)
    rubrik = "Verksamhetsplan och budget 2020, plan 2021–2022"


medlem = kf.medlem


def tilldelning(forbund: Forbund, ar: int = 2019, belopp: int = 4000, skelleftea: int = 3, norsjo: int = 1) -> Any:
    antal = {"skelleftea": skelleftea, "norsjo": norsjo}
    kommuner = Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)
    return tilldelning_spara(
        forbund=forbund,
        aktor=None,
        ar=ar,
        belopp=Decimal(belopp),
        invanare={k.pk: antal.get(k.kod, 1) for k in kommuner},
    )


# The hand-computed example (see test_rakenskaper.py): result 480, cash 1 000 → 1 400.
SALDOBALANS = """konto;namn;ib;ub;res
1220;Inventarier;0;80;
1510;Fordran Skellefteå kommun;100;300;
1930;Bank;1000;1400;
2010;Eget kapital;-900;-900;
2440;Leverantörsskulder;-200;-400;
3010;Driftbidrag från staten;0;-2000;
3020;Driftbidrag från regionen;0;-1000;
3030;Driftbidrag från Skellefteå kommun;0;-750;
3040;Driftbidrag från Norsjö kommun;0;-250;
4010;Förbundschef;0;3500;
7830;Avskrivningar inventarier;0;20;
"""


def importera_csv(forbund: Forbund, text: str = SALDOBALANS, ar: int = 2019) -> Any:
    return bokforing_importera(forbund=forbund, aktor=None, data=text.encode("utf-8"), filnamn="saldobalans.csv", kalla="csv", ar=ar, ersatt=True)


def kopplingar(forbund: Forbund) -> None:
    """Specify every income, receivable and liability account of SALDOBALANS (the notes then sum)."""
    for fran, till, text, nyckel, kod in [
        (1500, 1599, "Skellefteå kommun", "", None),
        (2400, 2499, "Leverantörsskulder", "", None),
        (3010, 3010, "Driftbidrag från staten", "", "fk"),
        (3020, 3020, "Driftbidrag från landsting/region", "", "region"),
        (3030, 3030, "Driftbidrag från Skellefteå kommun", "", "skelleftea"),
        (3040, 3040, "Driftbidrag från Norsjö kommun", "", "norsjo"),
        (4010, 4010, "Uppdragsersättning förbundschef", "adm-forbundschef", None),
    ]:
        Kontokoppling.objects.create(forbund=forbund, fran=fran, till=till, text=text, nyckel=nyckel, medlem=medlem(forbund, kod) if kod else None)


# --- factory_boy: valid objects through the model rules (full_clean), everything in one förbund ---
class TilldelningFactory(kf.GiltigFactory):
    """The year's allocation from the members (the municipalities' shares by population: `tilldelning()`)."""

    class Meta:
        model = Tilldelning

    forbund = factory.SubFactory(kf.ForbundFactory)
    ar = 2019
    belopp = Decimal(4000)


class KontokopplingFactory(kf.GiltigFactory):
    """An account range mapped to a text (and, for an income account, to a member of the same förbund)."""

    class Meta:
        model = Kontokoppling

    forbund = factory.SubFactory(kf.ForbundFactory)
    fran = 3030
    till = 3030
    text = "Driftbidrag från Skellefteå kommun"
    medlem = factory.LazyAttribute(lambda o: kf.kommun(o.forbund))


class BudgetFactory(kf.GiltigFactory):
    """A draft budget (the year's lines are filled by `budget_skapa`)."""

    class Meta:
        model = Budget

    forbund = factory.SubFactory(kf.ForbundFactory)
    ar = 2020
