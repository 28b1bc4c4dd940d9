"""Reads for the board member's side: Mina möten, the member's own notes, urgent matters. Scoped to the förbund and the user."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, Q
from django.utils import timezone

from finsam.models import Dokument, Person
from finsam.permissions import Kontext
from finsam.sortering import personordning
from finsam.tenancy import hamta

from ..models import (
    Anteckning,
    Arende,
    Bilaga,
    Distansdeltagande,
    ExtraSammantrade,
    Javsanmalan,
    Justering,
    Lasning,
    Ordforandebeslut,
    Sammantrade,
)
from . import sammantrade_hamta
from .mote_las import arende_version, bilaga_version, fingeravtryck, gallringsdatum, har_mandat, justering_kravs


@dataclass
class BilagaVy:
    bilaga: Bilaga
    olast: bool
    anteckning: Anteckning | None


@dataclass
class ArendeVy:
    arende: Arende
    ny: bool
    bilagor: list[BilagaVy]
    anteckning: Anteckning | None
    jav: Javsanmalan | None


@dataclass
class MotesVy:
    mote: Sammantrade
    arenden: list[ArendeVy]
    kallelse: Dokument | None
    kallelse_ny: bool
    protokoll: Dokument | None
    extra: ExtraSammantrade | None
    gallras: dt.date | None
    antal_anteckningar: int
    antal_nya: int
    lasta_versioner: dict[str, str]  # what the page showed: marked as read after rendering
    har_mandat: bool = False  # the member holds a seat on the meeting date (may declare jäv)

    @property
    def har_papper(self) -> bool:
        return bool(self.arenden)


@dataclass
class Justeringsuppgift:
    mote: Sammantrade
    roll: str
    roll_text: str


@dataclass
class MinaMoten:
    person: Person | None
    nasta: MotesVy | None
    tidigare: list[tuple[Sammantrade, Dokument | None, dt.date | None]]
    justeringar: list[Justeringsuppgift]
    ordforandebeslut: list[Ordforandebeslut]
    extra_moten: list[ExtraSammantrade]
    gallring_dagar: int = field(default_factory=lambda: settings.FINSAM_ANTECKNING_GALLRING_DAGAR)


def person_for(kontext: Kontext, user: Any) -> Person | None:
    if not getattr(user, "pk", None):
        return None
    return Person.objects.filter(forbund=kontext.forbund, user_id=user.pk).first()


def motesvy(kontext: Kontext, user: Any, mote: Sammantrade, person: Person | None) -> MotesVy:
    """One meeting as the member sees it: agenda, proposals, attachments with unread marks, own notes and jäv."""
    arenden = list(
        Arende.objects.filter(sammantrade=mote)
        .prefetch_related(Prefetch("bilagor", queryset=Bilaga.objects.order_by("nummer")))
        .order_by("ordning", "id")
    )
    lasta = dict(Lasning.objects.filter(user_id=user.pk, sammantrade=mote).values_list("nyckel", "fingeravtryck"))
    anteckningar = list(Anteckning.objects.for_forfattare(user).filter(forbund=kontext.forbund, sammantrade=mote))
    per_arende = {a.arende_id: a for a in anteckningar if a.arende_id}
    per_bilaga = {a.bilaga_id: a for a in anteckningar if a.bilaga_id}
    jav = {j.arende_id: j for j in Javsanmalan.objects.filter(arende__sammantrade=mote, person=person)} if person else {}
    dokument = {
        d.typ: d
        for d in Dokument.objects.filter(forbund=kontext.forbund, nyckel__in=[f"styrelse:kallelse:{mote.pk}", f"styrelse:protokoll:{mote.pk}"])
    }
    versioner: dict[str, str] = {}
    vyer = []
    for a in arenden:
        nyckel, version = f"arende:{a.pk}", arende_version(a)
        versioner[nyckel] = version
        bilagor = [BilagaVy(b, lasta.get(f"bilaga:{b.pk}") != bilaga_version(b), per_bilaga.get(b.pk)) for b in a.bilagor.all()]
        vyer.append(ArendeVy(a, lasta.get(nyckel) != version, bilagor, per_arende.get(a.pk), jav.get(a.pk)))
    kallelse_ny = False
    if mote.kallelse_skickad:
        versioner["kallelse"] = fingeravtryck(mote.kallelse_skickad.isoformat())
        kallelse_ny = lasta.get("kallelse") != versioner["kallelse"]
    extra = ExtraSammantrade.objects.filter(sammantrade=mote).first()
    antal_nya = sum(v.ny for v in vyer) + sum(b.olast for v in vyer for b in v.bilagor) + int(kallelse_ny)
    return MotesVy(
        mote=mote,
        arenden=vyer,
        kallelse=dokument.get("styrelse_kallelse"),
        kallelse_ny=kallelse_ny,
        protokoll=_las_bar(kontext, dokument.get("styrelse_protokoll")),
        extra=extra,
        gallras=gallringsdatum(mote),
        antal_anteckningar=len(anteckningar),
        antal_nya=antal_nya,
        lasta_versioner=versioner,
        har_mandat=person is not None and har_mandat(person, mote.datum),
    )


def nya_handlingar(user: Any, mote: Sammantrade) -> tuple[int, bool]:
    """(new or changed papers since the member's last visit, whether it is an extra meeting) for the start page's
    notice, counted as `motesvy` counts them, in four narrow queries instead of the whole meeting view (issue 16)."""
    lasta = dict(Lasning.objects.filter(user_id=user.pk, sammantrade=mote).values_list("nyckel", "fingeravtryck"))
    nya = sum(
        lasta.get(f"arende:{a.pk}") != arende_version(a)
        for a in Arende.objects.filter(sammantrade=mote).only("pk", "rubrik", "text", "foredragande", "forslag")
    )
    nya += sum(lasta.get(f"bilaga:{b.pk}") != bilaga_version(b) for b in Bilaga.objects.filter(arende__sammantrade=mote).only("pk", "fil", "storlek"))
    if mote.kallelse_skickad:
        nya += lasta.get("kallelse") != fingeravtryck(mote.kallelse_skickad.isoformat())
    return nya, ExtraSammantrade.objects.filter(sammantrade=mote).exists()


def _las_bar(kontext: Kontext, d: Dokument | None) -> Dokument | None:
    """The minutes for a board member: only the justered (locked) version."""
    if d is None or not (d.last or kontext.kan("styrelse.redigera")):
        return None
    return d


def nasta_mote(kontext: Kontext, idag: dt.date | None = None) -> Sammantrade | None:
    idag = idag or timezone.localdate()
    return (
        Sammantrade.objects.filter(forbund=kontext.forbund, datum__gte=idag, avslutat__isnull=True)
        .select_related("forbund")
        .order_by("datum", "starttid", "id")
        .first()
    )


def justeringsuppgifter(kontext: Kontext, person: Person | None) -> list[Justeringsuppgift]:
    """The minutes this person is still to justera (as chair, secretary or justerare)."""
    if person is None:
        return []
    moten = list(
        Sammantrade.objects.filter(forbund=kontext.forbund, avslutat__isnull=False, justerat__isnull=True)
        .filter(Q(ordforande=person) | Q(sekreterare=person) | Q(justerare=person))
        .distinct()
        .select_related("ordforande", "sekreterare")
        .prefetch_related("justerare")
        .order_by("datum")
    )
    gjorda = set(Justering.objects.filter(sammantrade__in=moten, person=person).values_list("sammantrade_id", "roll"))
    roller = dict(Justering.Roll.choices)
    return [Justeringsuppgift(m, r, roller[r]) for m in moten for r, p in justering_kravs(m) if p.pk == person.pk and (m.pk, r) not in gjorda]


def mina_moten(kontext: Kontext, user: Any, idag: dt.date | None = None) -> MinaMoten:
    idag = idag or timezone.localdate()
    person = person_for(kontext, user)
    nasta = nasta_mote(kontext, idag)
    tidigare_moten = list(Sammantrade.objects.filter(forbund=kontext.forbund, avslutat__isnull=False).order_by("-datum", "-id")[:8])
    protokoll = {
        d.nyckel: d
        for d in Dokument.objects.filter(forbund=kontext.forbund, last=True, nyckel__in=[f"styrelse:protokoll:{m.pk}" for m in tidigare_moten])
    }
    return MinaMoten(
        person=person,
        nasta=motesvy(kontext, user, nasta, person) if nasta else None,
        tidigare=[(m, protokoll.get(f"styrelse:protokoll:{m.pk}"), gallringsdatum(m)) for m in tidigare_moten],
        justeringar=justeringsuppgifter(kontext, person),
        ordforandebeslut=bradskande_beslut(kontext, idag),
        extra_moten=list(
            ExtraSammantrade.objects.filter(forbund=kontext.forbund, sammantrade__datum__gte=idag)
            .select_related("sammantrade")
            .order_by("sammantrade__datum")
        ),
    )


def bradskande_beslut(kontext: Kontext, idag: dt.date | None = None) -> list[Ordforandebeslut]:
    """Ordförandebeslut not yet reported to the board, and those of the last year."""
    idag = idag or timezone.localdate()
    return list(
        Ordforandebeslut.objects.filter(forbund=kontext.forbund)
        .filter(Q(delegationsbeslut__anmald_i__isnull=True) | Q(tidpunkt__date__gte=idag - dt.timedelta(days=365)))
        .select_related("delegationsbeslut__delegation", "delegationsbeslut__anmald_i__sammantrade", "ordforande")
        .prefetch_related("handlingar")
        .order_by("-tidpunkt")
    )


def ordforandebeslut_hamta(kontext: Kontext, pk: int) -> Ordforandebeslut:
    kontext.kraver("styrelse.visa")
    return hamta(
        Ordforandebeslut.objects.select_related(
            "delegationsbeslut__delegation", "delegationsbeslut__anmald_i__sammantrade", "ordforande"
        ).prefetch_related("handlingar"),
        kontext.forbund,
        pk=pk,
    )


def egna_anteckningar(kontext: Kontext, user: Any, mote: Sammantrade) -> list[Anteckning]:
    kontext.kraver("styrelse.anteckna")
    return list(
        Anteckning.objects.for_forfattare(user)
        .filter(forbund=kontext.forbund, sammantrade=mote)
        .select_related("arende", "bilaga__arende")
        .order_by("id")
    )


def anteckningar_markdown(mote: Sammantrade, anteckningar: list[Anteckning], namn: str) -> str:
    """The member's notes on one meeting as Markdown, in agenda order."""

    def ordning(a: Anteckning) -> tuple[int, int, int]:
        arende = a.arende or a.bilaga.arende  # type: ignore[union-attr]
        return (arende.ordning, 1 if a.bilaga_id else 0, a.bilaga.nummer if a.bilaga else 0)

    rader = [
        f"# Mina anteckningar – {mote.get_typ_display().lower()} {mote.datum:%Y-%m-%d}",
        "",
        f"{namn}. Exporterat {timezone.localtime():%Y-%m-%d %H:%M}. Anteckningarna är personliga arbetsanteckningar.",
        "",
    ]
    for a in sorted(anteckningar, key=ordning):
        rubrik = f"{a.arende.ordning}. {a.arende.rubrik}" if a.arende else f"Bilaga {a.bilaga.nummer}: {a.bilaga.titel}"  # type: ignore[union-attr]
        rader += [f"## {rubrik}", "", a.text.strip(), ""]
    if not anteckningar:
        rader.append("Inga anteckningar.")
    return "\n".join(rader).rstrip() + "\n"


def distans_for_mote(mote: Sammantrade) -> list[Distansdeltagande]:
    return list(
        Distansdeltagande.objects.filter(narvaro__sammantrade=mote).select_related("narvaro__person").order_by(*personordning("narvaro__person__"))
    )


def mote_for_ledamot(kontext: Kontext, pk: int) -> Sammantrade:
    return sammantrade_hamta(kontext, pk)
