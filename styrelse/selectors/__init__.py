"""Board reads, scoped to one förbund; a fixed number of queries whatever the data size."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from finsam.models import Dokument, Forbund, Person
from finsam.permissions import Kontext
from finsam.sortering import nyckel, personordning, svensk
from finsam.tenancy import hamta

# insatser.models imports styrelse.models only (never these selectors), so no import circle
from insatser.models import Insats

from ..models import (
    Anslag,
    Arende,
    Beslutsregler,
    Bilaga,
    Delegationsbeslut,
    Handling,
    Justering,
    KallelseMottagare,
    Kallelseutskick,
    Mandat,
    Narvaro,
    Nummerserie,
    Paragraf,
    Rost,
    Sammantrade,
    Uppdrag,
    Yrkande,
)
from .mote_las import justering_kravs, kallelse_mottagare, nasta_nummer_forhandsvisa
from .regler import Lage, lage_vid, regler_vid


def paragrafer_for_val(forbund: Forbund) -> QuerySet[Paragraf]:
    """Decision paragraphs for a pick list (other apps link grants, budgets, reports to them), newest first."""
    return Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")


def beslut_sok(forbund: Forbund, *, q: str = "", ar: int | None = None, nummer: int | None = None, insats: int | None = None) -> QuerySet[Paragraf]:
    """Search decisions by text (heading, text, decision), year, paragraph number and intervention."""
    qs = paragrafer_for_val(forbund)
    if q:
        for ord_ in q.split():
            qs = qs.filter(Q(rubrik__icontains=ord_) | Q(text__icontains=ord_) | Q(beslut__icontains=ord_))
    if ar:
        qs = qs.filter(ar=ar)
    if nummer:
        qs = qs.filter(nummer=nummer)
    if insats:
        i = Insats.objects.filter(forbund=forbund, pk=insats).first()
        if i is None:
            return qs.none()
        villkor = Q(text__icontains=i.kortnamn) | Q(rubrik__icontains=i.kortnamn) | Q(beslut__icontains=i.kortnamn)
        villkor |= Q(beviljanden__insats_id=insats) | Q(ansokningar__insats_id=insats)
        qs = qs.filter(villkor).distinct()
    return qs


def mandat_for_ar(forbund: Forbund, ar: int) -> list[Mandat]:
    """The board for a year: every mandate (ledamöter and ersättare) that overlaps the year, in the members' order."""
    start, slut = dt.date(ar, 1, 1), dt.date(ar, 12, 31)
    return list(
        Mandat.objects.filter(forbund=forbund, fran__lte=slut)
        .filter(Q(till__isnull=True) | Q(till__gte=start))
        .select_related("person", "medlem")
        .order_by("medlem__ordning", svensk("medlem__namn"), "fran", *personordning("person__"))
    )


def insatser_for_val(forbund: Forbund) -> list[tuple[int, str]]:
    return [(i.pk, str(i)) for i in Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))]


def sammantraden(forbund: Forbund) -> QuerySet[Sammantrade]:
    """Meetings with item count and paragraph range, computed in the database."""
    return (
        Sammantrade.objects.filter(forbund=forbund)
        .annotate(antal_arenden=Count("arenden", distinct=True), forsta_nr=Min("paragrafer__nummer"), sista_nr=Max("paragrafer__nummer"))
        .select_related("anslag")
        .order_by("-datum", "-id")
    )


def sammantrade_hamta(kontext: Kontext, pk: int) -> Sammantrade:
    kontext.kraver("styrelse.visa")
    return hamta(Sammantrade.objects.select_related("forbund", "ordforande", "sekreterare", "sammankallande", "anslag"), kontext.forbund, pk=pk)


@dataclass
class Motesida:
    mote: Sammantrade
    arenden: list[Arende]
    narvaro: list[Narvaro]
    lage: Lage
    nasta_nummer: int
    lage_per_paragraf: dict[int, Lage]
    justerare: list[Person]
    justeringar: list[Justering]
    saknade_justeringar: list[tuple[str, Person]]
    dokument: dict[str, Dokument]
    mandat: list[Mandat]
    mottagare: list[KallelseMottagare]
    personer: list[Person]
    ledamotsmandat: list[Mandat]
    kallas: list[tuple[Person, str]]
    regler: Beslutsregler

    @property
    def kallas_utan_epost(self) -> list[tuple[Person, str]]:
        return [(p, e) for p, e in self.kallas if not p.epost]

    @property
    def kallas_ledamoter(self) -> int:
        return sum(1 for _, e in self.kallas if e == "Ledamot")


def motesida(kontext: Kontext, pk: int) -> Motesida:
    """Everything the meeting page shows, in a fixed number of queries."""
    mote = sammantrade_hamta(kontext, pk)
    forbund = mote.forbund
    arenden = list(Arende.objects.filter(sammantrade=mote).select_related("paragraf").order_by("ordning", "id"))
    # The attachments and votes in one query each, grouped here: prefetch_related builds a filtered queryset per
    # agenda item (a third of a 200-item page's time) and skips its query when no item has a paragraph (issue 16).
    bilagor: dict[int, list[Bilaga]] = defaultdict(list)
    for b in Bilaga.objects.filter(arende__sammantrade=mote).order_by("nummer"):
        bilagor[b.arende_id].append(b)  # type: ignore[index]
    roster: dict[int, list[Rost]] = defaultdict(list)
    for r in Rost.objects.filter(paragraf__sammantrade=mote).select_related("person"):
        roster[r.paragraf_id].append(r)
    for a in arenden:
        a._prefetched_objects_cache = {"bilagor": bilagor.get(a.pk, [])}  # type: ignore[attr-defined]
        if a.paragraf is not None:
            a.paragraf._prefetched_objects_cache = {"roster": roster.get(a.paragraf.pk, [])}  # type: ignore[attr-defined]
    narvaro = list(Narvaro.objects.filter(sammantrade=mote).select_related("person", "mandat__medlem", "ersatter__person", "ersatter__medlem"))
    regler, antal = regler_vid(forbund, mote.datum)
    nasta = nasta_nummer_forhandsvisa(forbund=forbund, serie=Nummerserie.Serie.PARAGRAF, ar=mote.datum.year)
    per_paragraf = {}
    for a in arenden:
        if a.paragraf:
            jav = [r.person_id for r in a.paragraf.roster.all() if r.val == Rost.Val.JAV]
            per_paragraf[a.paragraf.pk] = lage_vid(
                regler=regler, antal_ledamoter=antal, narvaro=narvaro, nummer=a.paragraf.nummer, javiga_person_ids=jav
            )
    justerare = list(mote.justerare.all())
    justeringar = list(Justering.objects.filter(sammantrade=mote).select_related("person", "bekraftad_av"))
    gjorda = {(j.roll, j.person_id) for j in justeringar}
    mote._prefetched_objects_cache = {"justerare": justerare}  # type: ignore[attr-defined]
    saknade = [(r, p) for r, p in justering_kravs(mote) if (r, p.pk) not in gjorda]
    nycklar = [f"styrelse:kallelse:{mote.pk}", f"styrelse:protokoll:{mote.pk}", f"styrelse:anslagsbevis:{mote.pk}"]
    dokument = {d.typ: d for d in Dokument.objects.filter(forbund=forbund, nyckel__in=nycklar)}
    mandat = list(
        Mandat.objects.filter(forbund=forbund, fran__lte=mote.datum)
        .filter(Q(till__isnull=True) | Q(till__gte=mote.datum))
        .select_related("person", "medlem")
        .order_by("typ", "medlem__ordning")
    )
    return Motesida(
        mote=mote,
        arenden=arenden,
        narvaro=sorted(narvaro, key=lambda n: (list(Narvaro.Kategori.values).index(n.kategori), nyckel(n.person.efternamn), nyckel(n.person.namn))),
        lage=lage_vid(regler=regler, antal_ledamoter=antal, narvaro=narvaro, nummer=nasta),
        nasta_nummer=nasta,
        lage_per_paragraf=per_paragraf,
        justerare=justerare,
        justeringar=justeringar,
        saknade_justeringar=saknade,
        dokument=dokument,
        mandat=mandat,
        mottagare=_senaste_mottagare(mote),
        personer=list(Person.objects.filter(forbund=forbund).order_by(*personordning())),
        ledamotsmandat=[m for m in mandat if m.typ == Mandat.Typ.LEDAMOT],
        kallas=kallelse_mottagare(mote) if mote.avslutat is None else [],
        regler=regler,
    )


def far_lasa_protokollsutkast(kontext: Kontext, mote: Sammantrade, user: Any) -> bool:
    """Before justering the full draft is read by the förbundschef (and who may edit) and by this meeting's chair,
    secretary and justerare; after justering the locked minutes are for everyone who may see the board's papers."""
    if not kontext.kan("styrelse.visa"):
        return False
    if kontext.kan("styrelse.redigera"):
        return True
    person_ids = set(Person.objects.filter(forbund=kontext.forbund, user_id=getattr(user, "pk", None) or 0).values_list("pk", flat=True))
    if not person_ids:
        return False
    if mote.ordforande_id in person_ids or mote.sekreterare_id in person_ids:
        return True
    return any(p.pk in person_ids for p in mote.justerare.all())


def protokollsutkast_kontrollera(kontext: Kontext, mote: Sammantrade, user: Any) -> None:
    if not far_lasa_protokollsutkast(kontext, mote, user):
        raise PermissionDenied("Protokollsutkastet läses före justeringen av ordförande, sekreterare och justerare.")


def _senaste_mottagare(mote: Sammantrade) -> list[KallelseMottagare]:
    senaste = Kallelseutskick.objects.filter(sammantrade=mote).order_by("-begard").values_list("pk", flat=True)[:1]
    return list(KallelseMottagare.objects.filter(utskick__in=senaste).select_related("person").order_by(*personordning("person__")))


def justering_kravs_lista(ordforande: Person | None, sekreterare: Person | None, justerare: list[Person]) -> list[tuple[str, Person]]:
    ut: list[tuple[str, Person]] = []
    if ordforande:
        ut.append((Justering.Roll.ORDFORANDE, ordforande))
    if sekreterare:
        ut.append((Justering.Roll.SEKRETERARE, sekreterare))
    ut.extend((Justering.Roll.JUSTERARE, p) for p in justerare)
    return ut


def protokoll_data(mote: Sammantrade) -> dict[str, Any]:
    """The minutes as data (for the PDF): attendance blocks, justering, paragraphs in number order."""
    narvaro = list(Narvaro.objects.filter(sammantrade=mote).select_related("person", "mandat__medlem", "ersatter__medlem", "ersatter__person"))
    paragrafer = list(
        Paragraf.objects.filter(sammantrade=mote)
        .prefetch_related(
            Prefetch("roster", queryset=Rost.objects.select_related("person")),
            Prefetch("yrkanden", queryset=Yrkande.objects.select_related("person").order_by("ordning", "id")),
            Prefetch("uppdrag", queryset=Uppdrag.objects.order_by("id")),
        )
        .select_related("arende")
        .order_by("nummer")
    )
    block: dict[str, list[Narvaro]] = {k: [] for k in Narvaro.Kategori.values}
    for n in narvaro:
        block[n.kategori].append(n)
    for lista in block.values():
        lista.sort(key=lambda n: (n.mandat.medlem.ordning if n.mandat else 99, nyckel(n.person.efternamn), nyckel(n.person.namn)))
    justeringar = list(Justering.objects.filter(sammantrade=mote).select_related("person").order_by("tidpunkt"))
    justerare = list(mote.justerare.all())
    gjorda = {(j.roll, j.person_id): j for j in justeringar}
    # The seed's order: ordförande and sekreterare, then the justerare.
    underskrifter = [
        (str(Justering.Roll(roll).label).lower(), person, gjorda.get((roll, person.pk)))
        for roll, person in justering_kravs_lista(mote.ordforande, mote.sekreterare, justerare)
    ]
    return {
        "mote": mote,
        "forbund": mote.forbund,
        "paragrafer": paragrafer,
        "grupper": block,
        "justerare": justerare,
        "justeringar": justeringar,
        "underskrifter": underskrifter,
        "val_av_justerare": next((p for p in paragrafer if p.rubrik.lower().startswith("val av justerare")), None),
        "forsta": paragrafer[0].nummer if paragrafer else None,
        "sista": paragrafer[-1].nummer if paragrafer else None,
        "anslag": Anslag.objects.filter(sammantrade=mote).first(),
    }


def utdrag_data(paragraf: Paragraf) -> dict[str, Any]:
    """One paragraph with its motions, votes and the meeting's justering, for a protokollsutdrag."""
    p = (
        Paragraf.objects.select_related("sammantrade__forbund", "arende")
        .prefetch_related(
            Prefetch("roster", queryset=Rost.objects.select_related("person")),
            Prefetch("yrkanden", queryset=Yrkande.objects.select_related("person").order_by("ordning", "id")),
        )
        .get(pk=paragraf.pk)
    )
    data = protokoll_data(p.sammantrade)
    return {
        "paragraf": p,
        "mote": p.sammantrade,
        "forbund": p.forbund,
        "justering": data["justeringar"],
        "justeringar": data["justeringar"],
        "justerare": data["justerare"],
    }


def kallelse_data(mote: Sammantrade) -> dict[str, Any]:
    arenden = list(
        Arende.objects.filter(sammantrade=mote)
        .prefetch_related(Prefetch("bilagor", queryset=Bilaga.objects.order_by("nummer")))
        .order_by("ordning", "id")
    )
    mottagare = kallelse_mottagare(mote)
    return {
        "mote": mote,
        "forbund": mote.forbund,
        "arenden": arenden,
        "ledamoter": [p for p, e in mottagare if e == "Ledamot"],
        "ersattare": [p for p, e in mottagare if e == "Ersättare"],
        "kansli": [p for p, e in mottagare if e == "Tjänsteperson"],
        "ordforande_mandat": {m.person_id: m.get_uppdrag_display() for m in Mandat.objects.filter(forbund=mote.forbund).exclude(uppdrag="")},
    }


def uppdrag_lista(forbund: Forbund, *, bara_oppna: bool = True) -> QuerySet[Uppdrag]:
    qs = Uppdrag.objects.filter(forbund=forbund).select_related("paragraf", "ansvarig", "aterrapport", "klart_paragraf")
    if bara_oppna:
        qs = qs.filter(status=Uppdrag.Status.OPPET)
    return qs.order_by("status", "aterrapport__datum", "paragraf__ar", "paragraf__nummer")


def delegationsbeslut_lista(forbund: Forbund) -> QuerySet[Delegationsbeslut]:
    relaterade = ("delegation", "delegation__ordning", "delegation__delegat_person", "delegat", "anmald_i")
    return Delegationsbeslut.objects.filter(forbund=forbund).select_related(*relaterade).order_by("-datum", "-id")


def diarium(kontext: Kontext, *, q: str = "", ar: int | None = None) -> QuerySet[Handling]:
    kontext.kraver("diarium.visa")
    qs = (
        Handling.objects.filter(forbund=kontext.forbund)
        .select_related("handlingstyp", "handlingstyp__planrad", "forbund")
        .prefetch_related("paragrafer")
    )
    if q:
        qs = qs.filter(Q(rubrik__icontains=q) | Q(arende__icontains=q) | Q(motpart__icontains=q))
    if ar:
        qs = qs.filter(ar=ar)
    return qs.order_by("-ar", "-lopnummer")


def handling_far_oppnas(kontext: Kontext, handling: Handling) -> bool:
    return not handling.sekretess or kontext.kan("diarium.sekretess")


def gallring_forfallna(forbund: Forbund, ar: int) -> list[Handling]:
    """Documents whose retention period has run out by `ar` and that are not yet destroyed."""
    kandidater = (
        Handling.objects.filter(forbund=forbund, gallrad__isnull=True, handlingstyp__planrad__ar__isnull=False)
        .exclude(handlingstyp__planrad__bevarande="bevaras")
        .select_related("handlingstyp", "handlingstyp__planrad", "forbund")
    )
    return [h for h in kandidater.order_by("ar", "lopnummer") if h.gallras_ar is not None and h.gallras_ar <= ar]


def anslag_aktuella(idag: dt.date | None = None) -> QuerySet[Anslag]:
    """Postings on the public notice board today, across förbund (no login)."""
    idag = idag or timezone.localdate()
    return (
        Anslag.objects.filter(uppsatt__lte=idag, nedtas__gte=idag, sammantrade__justerat__isnull=False)
        .select_related("sammantrade", "forbund")
        .annotate(forsta_nr=Min("sammantrade__paragrafer__nummer"), sista_nr=Max("sammantrade__paragrafer__nummer"))
        .order_by(svensk("forbund__namn"), "-uppsatt")
    )


def publikt_protokoll(anslag: Anslag) -> Dokument | None:
    return Dokument.objects.filter(
        forbund=anslag.forbund, nyckel=f"styrelse:protokoll:{anslag.sammantrade_id}", status=Dokument.Status.KLAR, last=True
    ).first()
