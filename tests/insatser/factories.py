"""Test data for the insatser app: board paragraphs (created directly), interventions, applications."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from finsam.models import Forbund, Medlem
from insatser.models import Ansokan, AnsokanBelopp, Beviljande, Insats, Mal
from styrelse.models import Paragraf, Sammantrade


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
        data["agare_extern"] = "Medlefors folkhögskola"
    data.update(kw)
    obj = Insats.objects.create(forbund=forbund, kortnamn=kortnamn, **data)
    obj.parter.set(medlemmar(forbund, *parter))
    return obj


def beviljande(forbund: Forbund, insats_: Insats, ar: int = 2020, belopp: int = 100_000, nummer: int = 9) -> Beviljande:
    return Beviljande.objects.create(forbund=forbund, insats=insats_, paragraf=paragraf(forbund, ar=ar, nummer=nummer), ar=ar, belopp=Decimal(belopp))


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
    return Mal.objects.create(forbund=forbund, insats=insats_, text=text, ordning=ordning)
