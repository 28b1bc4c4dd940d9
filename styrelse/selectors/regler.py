"""Quorum (beslutsförhet) and qualified majority (statutes § 6), computed from who is present at a paragraph.

Pure reads and rules: the services (styrelse.services.regler) and the selectors both use them, and this module
imports no service.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q

from finsam.models import Forbund
from forvaltning.selectors.regler import stadgeregler_pa

from ..models import Beslutsregler, Mandat, Narvaro, Rost


def beslutsregler_for(forbund: Forbund) -> Beslutsregler:
    regler = Beslutsregler.objects.filter(forbund=forbund).first()
    return regler or Beslutsregler(forbund=forbund)


def regler_vid(forbund: Forbund, datum: dt.date) -> tuple[Beslutsregler, int]:
    """The decision rules and the number of ledamöter at a meeting on `datum`.

    Read from the förbundsordning in force on that date (forvaltning.selectors.regler); what that version does not
    state comes from the board's own decision rules and the number of ledamöter in service. The returned rules are
    for reading: a copy, never saved.
    """
    regler = beslutsregler_for(forbund)
    stadgar = stadgeregler_pa(forbund, datum)
    if stadgar.majoritet or stadgar.beslutsfor_minst:
        regler = Beslutsregler(
            **{f.attname: getattr(regler, f.attname) for f in Beslutsregler._meta.concrete_fields if f.attname != "id"},
        )
        regler.majoritet = stadgar.majoritet or regler.majoritet
        regler.beslutsfor_minst = stadgar.beslutsfor_minst or regler.beslutsfor_minst
    return regler, stadgar.antal_ledamoter or ledamoter_i_tjanst(forbund, datum)


def ledamoter_i_tjanst(forbund: Forbund, datum: dt.date) -> int:
    return Mandat.objects.filter(forbund=forbund, typ=Mandat.Typ.LEDAMOT, fran__lte=datum).filter(Q(till__isnull=True) | Q(till__gte=datum)).count()


@dataclass
class Lage:
    """Who may decide at one paragraph, and whether the board is quorate there."""

    nummer: int
    antal_ledamoter: int
    kravs_for_beslutsforhet: int
    rostberattigade: list[Narvaro]
    javiga: list[Narvaro] = field(default_factory=list)

    @property
    def antal(self) -> int:
        return len(self.rostberattigade)

    @property
    def beslutsfor(self) -> bool:
        return self.antal >= self.kravs_for_beslutsforhet

    @property
    def text(self) -> str:
        jav = f" ({len(self.javiga)} jäviga deltar inte)" if self.javiga else ""
        if self.beslutsfor:
            return f"Beslutsför: {self.antal} av {self.antal_ledamoter} röstberättigade närvarande{jav}."
        return f"Inte beslutsför: {self.antal} röstberättigade närvarande{jav}, minst {self.kravs_for_beslutsforhet} av {self.antal_ledamoter} krävs."


def lage_vid(*, regler: Beslutsregler, antal_ledamoter: int, narvaro: Iterable[Narvaro], nummer: int, javiga_person_ids: Iterable[int] = ()) -> Lage:
    jav = set(javiga_person_ids)
    narvarande = [n for n in narvaro if n.rostberattigad and n.narvarande_vid(nummer)]
    kravs = regler.beslutsfor_minst or (antal_ledamoter // 2 + 1)
    return Lage(
        nummer=nummer,
        antal_ledamoter=antal_ledamoter,
        kravs_for_beslutsforhet=kravs,
        rostberattigade=[n for n in narvarande if n.person_id not in jav],
        javiga=[n for n in narvarande if n.person_id in jav],
    )


def kravs_for_majoritet(regler: Beslutsregler, antal_rostberattigade: int) -> int:
    andel = regler.andel
    return math.ceil(antal_rostberattigade * andel.numerator / andel.denominator)


@dataclass
class Rakning:
    """The count of a vote (votering) at one paragraph; `votering` is False when decided by acclamation."""

    votering: bool
    ja: int = 0
    nej: int = 0
    avstar: int = 0
    kravs: int = 0
    antal: int = 0
    majoritet: str = ""

    @property
    def kvalificerad(self) -> bool:
        return self.ja >= self.kravs

    @property
    def text(self) -> str:
        if not self.votering:
            return ""
        return f"Omröstning: {self.ja} ja, {self.nej} nej, {self.avstar} avstår ({self.majoritet}-majoritet krävs: {self.kravs} av {self.antal})."


def kontrollera_beslut(*, regler: Beslutsregler, lage: Lage, roster: dict[int, str], har_beslut: bool) -> Rakning:
    """Refuse only what the law forbids: no quorum, a vote by someone without the right to vote, a vote that
    does not add up. Otherwise return the count; whether the proposal carried is decided by the caller.

    `roster` maps person id → Rost.Val for the voting members (no ja/nej/avstår: decided by acclamation).
    """
    if not lage.beslutsfor:
        raise ValidationError(f"Beslutet kan inte fattas vid § {lage.nummer}: {lage.text}")
    ids = {n.person_id for n in lage.rostberattigade}
    okanda = [pid for pid, val in roster.items() if pid not in ids and val != Rost.Val.JAV]
    if okanda:
        raise ValidationError("Bara röstberättigade närvarande får rösta vid paragrafen.")
    if not har_beslut or not any(v in {Rost.Val.JA, Rost.Val.NEJ, Rost.Val.AVSTAR} for v in roster.values()):
        return Rakning(votering=False)
    saknas = [n.person.namn for n in lage.rostberattigade if n.person_id not in roster or not roster[n.person_id]]
    if saknas:
        raise ValidationError(f"Röst saknas för {', '.join(saknas)}. Ange ja, nej, avstår eller jäv för varje röstberättigad.")
    ja = sum(1 for n in lage.rostberattigade if roster.get(n.person_id) == Rost.Val.JA)
    nej = sum(1 for n in lage.rostberattigade if roster.get(n.person_id) == Rost.Val.NEJ)
    return Rakning(
        votering=True,
        ja=ja,
        nej=nej,
        avstar=lage.antal - ja - nej,
        kravs=kravs_for_majoritet(regler, lage.antal),
        antal=lage.antal,
        majoritet=regler.majoritet,
    )
