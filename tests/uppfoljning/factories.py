"""Factories for the follow-up register: interventions (minimal), participants and enrolments."""

from __future__ import annotations

import datetime as dt
from typing import Any

import factory

from finsam.models import Forbund
from insatser.models import Insats
from tests.finsam import factories as kf
from tests.insatser.factories import InsatsFactory
from uppfoljning.models import Deltagare, Inskrivning


def insats(
    forbund: Forbund,
    kortnamn: str,
    *,
    namn: str = "",
    inriktning: str = "individ",
    start: dt.date = dt.date(2015, 1, 1),
    slut: dt.date | None = None,
    alder_fran: int | None = None,
    alder_till: int | None = None,
) -> Insats:
    """The intervention `kortnamn` of the förbund (made once, owned by a member and without parties)."""
    befintlig = Insats.objects.filter(forbund=forbund, kortnamn=kortnamn).first()
    return befintlig or InsatsFactory(
        forbund=forbund,
        kortnamn=kortnamn,
        namn=namn or kortnamn,
        inriktning=inriktning,
        startdatum=start,
        slutdatum=slut,
        alder_fran=alder_fran,
        alder_till=alder_till,
        parter=(),
    )


def deltagare(forbund: Forbund, kod: str) -> Deltagare:
    return Deltagare.objects.filter(forbund=forbund, kod=kod).first() or DeltagareFactory(forbund=forbund, kod=kod)


def inskrivning(
    forbund: Forbund,
    insats_: Insats,
    kod: str,
    *,
    kon: str = "kvinna",
    fodelsear: int | None = 1990,
    inskriven: dt.date | None = dt.date(2019, 1, 1),
    avslutad: dt.date | None = None,
    forsorjning_ut: str = "",
    remittent: str = "af",
    utbildning: str = "gymnasium",
    forsorjning_in: str = "forsorjningsstod",
    samtycke: bool = True,
    **extra: Any,
) -> Inskrivning:
    obj = Inskrivning(
        forbund=forbund,
        insats=insats_,
        deltagare=deltagare(forbund, kod),
        kon=kon,
        fodelsear=fodelsear,
        inskriven=inskriven,
        avslutad=avslutad,
        forsorjning_ut=forsorjning_ut,
        remittent=remittent,
        utbildning=utbildning,
        forsorjning_in=forsorjning_in,
        samtycke=samtycke,
        **extra,
    )
    obj.full_clean(validate_constraints=False)
    obj.save()
    return obj


# --- factory_boy: valid objects through the model rules (full_clean), everything in one förbund ---
class DeltagareFactory(kf.GiltigFactory):
    class Meta:
        model = Deltagare

    forbund = factory.SubFactory(kf.ForbundFactory)
    kod = factory.Sequence(lambda n: f"d{n}")


class InskrivningFactory(kf.GiltigFactory):
    """An enrolment in 2019 of a participant in an intervention, both of the enrolment's förbund."""

    class Meta:
        model = Inskrivning

    forbund = factory.SubFactory(kf.ForbundFactory)
    insats = factory.SubFactory(InsatsFactory, forbund=factory.SelfAttribute("..forbund"), startdatum=dt.date(2015, 1, 1))
    deltagare = factory.SubFactory(DeltagareFactory, forbund=factory.SelfAttribute("..forbund"))
    kon = "kvinna"
    fodelsear = 1990
    inskriven = dt.date(2019, 1, 1)
    remittent = "af"
    utbildning = "gymnasium"
    forsorjning_in = "forsorjningsstod"
    samtycke = True
