"""Reads of a meeting that the services and the selectors share (who justers, who is called, the next §, the
versions a member has read): no writes, and no service imported here."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.db.models import Max, Q
from django.utils import timezone

from finsam.models import Forbund, Person
from finsam.sortering import personordning

from ..models import Arende, Bilaga, Handling, Justering, Mandat, Nummerserie, Paragraf, Sammantrade


def justering_kravs(mote: Sammantrade) -> list[tuple[str, Person]]:
    krav: list[tuple[str, Person]] = []
    if mote.ordforande:
        krav.append((Justering.Roll.ORDFORANDE, mote.ordforande))
    if mote.sekreterare:
        krav.append((Justering.Roll.SEKRETERARE, mote.sekreterare))
    krav.extend((Justering.Roll.JUSTERARE, p) for p in mote.justerare.all())
    return krav


def kallelse_mottagare(mote: Sammantrade) -> list[tuple[Person, str]]:
    """Ledamöter and ersättare in office on the meeting date, then the staff (kansliet)."""
    mandat = (
        Mandat.objects.filter(forbund=mote.forbund, fran__lte=mote.datum)
        .filter(Q(till__isnull=True) | Q(till__gte=mote.datum))
        .select_related("person", "medlem")
        .order_by("typ", "medlem__ordning")
    )
    ut: list[tuple[Person, str]] = []
    sedda: set[int] = set()
    forst = {"ordforande": 0, "vice_ordforande": 1}
    for m in sorted(mandat, key=lambda m: (m.typ != "ledamot", forst.get(m.uppdrag, 2), m.medlem.ordning)):
        if m.person_id not in sedda:
            ut.append((m.person, m.get_typ_display()))
            sedda.add(m.person_id)
    for p in Person.objects.filter(forbund=mote.forbund, ar_personal=True).order_by(*personordning()):
        if p.pk not in sedda and "t.o.m." not in p.befattning:
            ut.append((p, "Tjänsteperson"))
            sedda.add(p.pk)
    return ut


def _hogsta_befintliga(forbund: Forbund, serie: str, ar: int) -> int:
    # Rows created outside the series (other apps' fixtures, imports) are respected too.
    if serie == Nummerserie.Serie.PARAGRAF:
        return int(Paragraf.objects.filter(forbund=forbund, ar=ar).aggregate(m=Max("nummer"))["m"] or 0)
    return int(Handling.objects.filter(forbund=forbund, ar=ar).aggregate(m=Max("lopnummer"))["m"] or 0)


def nasta_nummer_forhandsvisa(*, forbund: Forbund, serie: str, ar: int) -> int:
    """The number the next save would get (for display only; never used to save)."""
    rad = Nummerserie.objects.filter(forbund=forbund, serie=serie, ar=ar).first()
    return max(rad.senaste if rad else 0, _hogsta_befintliga(forbund, serie, ar)) + 1


def gallringsdatum(mote: Sammantrade) -> dt.date | None:
    """The day the member's notes on this meeting are removed (None: the minutes are not justered yet)."""
    if mote.justerat is None:
        return None
    return timezone.localtime(mote.justerat).date() + dt.timedelta(days=settings.FINSAM_ANTECKNING_GALLRING_DAGAR)


def har_mandat(person: Person, datum: dt.date) -> bool:
    return Mandat.objects.filter(person=person, fran__lte=datum).filter(Q(till__isnull=True) | Q(till__gte=datum)).exists()


def fingeravtryck(*delar: object) -> str:
    return hashlib.sha256("\x1f".join(str(d) for d in delar).encode()).hexdigest()[:32]


def arende_version(a: Arende) -> str:
    return fingeravtryck(a.rubrik, a.text, a.foredragande, a.forslag)


def bilaga_version(b: Bilaga) -> str:
    return fingeravtryck(b.fil.name, b.storlek)
