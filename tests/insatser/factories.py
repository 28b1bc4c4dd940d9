"""Test data for the insatser app: board paragraphs (created directly), interventions, applications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import factory

from finsam.models import Forbund, Medlem
from insatser.models import Ansokan, AnsokanBelopp, Beviljande, Insats, Mal
from styrelse.models import Paragraf, Sammantrade
from tests.finsam import factories as kf
from tests.styrelse.factories import ParagrafFactory


def medlemmar(forbund: Forbund, *koder: str) -> list[Medlem]:
    return list(Medlem.objects.filter(forbund=forbund, kod__in=koder))


def paragraf(
    forbund: Forbund,
    ar: int = 2020,
    nummer: int = 9,
    rubrik: str = "Projektansökan SIKT 2.0",
    datum: dt.date | None = None,
    status: str = Sammantrade.Status.JUSTERAT,
) -> Paragraf:
    """A paragraph of a held meeting (justerat) unless `status` says otherwise."""
    befintlig = Paragraf.objects.filter(forbund=forbund, ar=ar, nummer=nummer).first()
    if befintlig:
        return befintlig
    mote, _ = Sammantrade.objects.get_or_create(forbund=forbund, datum=datum or dt.date(ar, 2, 13), defaults={"status": status})
    return Paragraf.objects.create(
        forbund=forbund,
        sammantrade=mote,
        ar=ar,
        nummer=nummer,
        rubrik=rubrik,
        text="Samordningsförbundet beslutar: att bevilja medel enligt ansökan.",
    )


def insats(forbund: Forbund, kortnamn: str = "MISAM", parter: tuple[str, ...] = ("fk", "af"), **kw: Any) -> Insats:
    data: dict[str, Any] = {
        "namn": f"{kortnamn} – insats",
        "typ": Insats.Typ.ORDINARIE,
        "inriktning": Insats.Inriktning.INDIVID,
        "status": Insats.Status.PAGAENDE,
        "startdatum": dt.date(2020, 1, 1),
    }
    if "agare_medlem" not in kw:
        data["agare_extern"], data["agare_medlem"] = "Medlefors folkhögskola", None
    data.update(kw)
    return InsatsFactory(forbund=forbund, kortnamn=kortnamn, parter=parter, **data)


def beviljande(forbund: Forbund, insats_: Insats, ar: int = 2020, belopp: int = 100_000, nummer: int = 9) -> Beviljande:
    return BeviljandeFactory(forbund=forbund, insats=insats_, paragraf=paragraf(forbund, ar=ar, nummer=nummer), ar=ar, belopp=Decimal(belopp))


def ansokan(
    forbund: Forbund, titel: str = "SIKT 2.0", sokande: tuple[str, ...] = ("af", "region", "norsjo"), belopp: dict[int, int] | None = None, **kw: Any
) -> Ansokan:
    data: dict[str, Any] = {
        "startdatum": dt.date(2020, 8, 31),
        "slutdatum": dt.date(2023, 2, 28),
        "insats_typ": Insats.Typ.ESF_PROJEKT,
        "inkom": dt.date(2020, 1, 20),
    }
    if "ansvarig_medlem" not in kw:
        data["projektagare_extern"] = "Region Västerbotten"
    data.update(kw)
    obj = Ansokan.objects.create(forbund=forbund, titel=titel, **data)
    obj.sokande.set(medlemmar(forbund, *sokande))
    for ar, b in (belopp or {2020: 30_000, 2021: 40_000, 2022: 30_000}).items():
        AnsokanBelopp.objects.create(forbund=forbund, ansokan=obj, ar=ar, belopp=Decimal(b))
    return obj


def mal(forbund: Forbund, insats_: Insats, text: str = "Minst 40 % går till arbete eller studier", ordning: int = 1) -> Mal:
    return MalFactory(forbund=forbund, insats=insats_, text=text, ordning=ordning)


# --- factory_boy: valid objects through the model rules (full_clean), everything in one förbund ---
class InsatsFactory(kf.GiltigFactory):
    """An ongoing individual intervention owned by a member of its förbund (the owner is required)."""

    class Meta:
        model = Insats
        skip_postgeneration_save = True

    forbund = factory.SubFactory(kf.ForbundFactory)
    kortnamn = factory.Sequence(lambda n: f"INS{n}")
    namn = factory.LazyAttribute(lambda o: f"{o.kortnamn} – insats")
    typ = Insats.Typ.ORDINARIE
    inriktning = Insats.Inriktning.INDIVID
    status = Insats.Status.PAGAENDE
    startdatum = dt.date(2020, 1, 1)
    agare_medlem = factory.LazyAttribute(lambda o: kf.kommun(o.forbund))

    @factory.post_generation
    def parter(self, create: bool, koder: tuple[str, ...] | None, **kwargs: Any) -> None:
        if create:
            self.parter.set(medlemmar(self.forbund, *(("fk", "af") if koder is None else koder)))


class AnsokanFactory(kf.GiltigFactory):
    """An application received, with Arbetsförmedlingen as the responsible member."""

    class Meta:
        model = Ansokan

    forbund = factory.SubFactory(kf.ForbundFactory)
    titel = factory.Sequence(lambda n: f"Ansökan {n}")
    startdatum = dt.date(2020, 8, 31)
    slutdatum = dt.date(2023, 2, 28)
    insats_typ = Insats.Typ.ORDINARIE
    inkom = dt.date(2020, 1, 20)
    ansvarig_medlem = factory.LazyAttribute(lambda o: kf.medlem(o.forbund, "af"))


class BeviljandeFactory(kf.GiltigFactory):
    """A grant to an intervention, decided by a paragraph of the same förbund."""

    class Meta:
        model = Beviljande

    forbund = factory.SubFactory(kf.ForbundFactory)
    insats = factory.SubFactory(InsatsFactory, forbund=factory.SelfAttribute("..forbund"))
    paragraf = factory.SubFactory(
        ParagrafFactory,
        forbund=factory.SelfAttribute("..forbund"),
        sammantrade__datum=dt.date(2020, 2, 13),
    )
    ar = 2020
    belopp = Decimal(100_000)


class MalFactory(kf.GiltigFactory):
    class Meta:
        model = Mal

    forbund = factory.SubFactory(kf.ForbundFactory)
    insats = factory.SubFactory(InsatsFactory, forbund=factory.SelfAttribute("..forbund"))
    text = "Minst 40 % går till arbete eller studier"
    ordning = factory.Sequence(lambda n: n + 1)
