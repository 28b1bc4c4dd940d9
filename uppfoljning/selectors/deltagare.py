"""Participant-level reads (kansli only) and the report reads with rules: the role's view of the outcome report, the
enrolments outside their intervention's target group.

The participant list reads only the förbund's rows: the page of participants is chosen and counted on the participant
table alone, then one grouped query over the förbund's enrolments of those participants adds the counts.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Max, Q, QuerySet

from finsam.models import Forbund
from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.tenancy import hamta
from insatser.models import Insats

from .. import regler
from ..models import Deltagare, Inskrivning, Installning
from ..vokabular import personnummer_hash, personnummer_i_kod
from .maskering import maskera_utfall
from .utfall import utfall, utfall_ar

SIDSTORLEK = 50


def utfall_for(kontext: Kontext, ar: int, *, publicering: bool = False) -> dict[str, Any]:
    """The report as this role may see it: roles without `utfall.omaskerat` (and any publication) get masked counts."""
    kontext.kraver("utfall.visa")
    data = utfall(kontext.forbund, ar)
    if publicering or not kontext.kan("utfall.omaskerat"):
        return maskera_utfall(data, kontext.forbund)
    return data


def utfall_med_fore(kontext: Kontext, ar: int, *, publicering: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
    """The year and the year before as this role may see them, from one statement (the outcome page compares them)."""
    kontext.kraver("utfall.visa")
    data = utfall_ar(kontext.forbund, ar, ar - 1)
    nu, fore = data[ar], data[ar - 1]
    if publicering or not kontext.kan("utfall.omaskerat"):
        return maskera_utfall(nu, kontext.forbund), maskera_utfall(fore, kontext.forbund)
    return nu, fore


def utanfor_malgrupp(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Enrolments active in the year whose age at start is outside their intervention's target group, per intervention, with
    the recorded reasons (for the annual report's note). Counts are enrolments; one query."""
    qs = (
        Inskrivning.objects.filter(forbund=forbund, alder__isnull=False)
        .under_ar(ar)
        .filter(
            Q(insats__alder_fran__isnull=False, alder__lt=F("insats__alder_fran"))
            | Q(insats__alder_till__isnull=False, alder__gt=F("insats__alder_till"))
        )
        .values_list("insats__kortnamn", "insats__alder_fran", "insats__alder_till", "alder_skal")
        .order_by(svensk("insats__kortnamn"), "id")
    )
    per_insats: dict[str, dict[str, Any]] = {}
    for kortnamn, fran, till, skal in qs:
        post = per_insats.setdefault(
            kortnamn,
            {
                "kortnamn": kortnamn,
                "malgrupp": regler.malgrupp_text(regler.InsatsRamar(kortnamn, None, None, fran, till)),
                "antal": 0,
                "skal": [],
            },
        )
        post["antal"] += 1
        if skal and skal not in post["skal"]:
            post["skal"].append(skal)
    return list(per_insats.values())


def installning(forbund: Forbund) -> Installning:
    obj = Installning.objects.filter(forbund=forbund).first()
    return obj or Installning(forbund=forbund)


def sokning(text: str) -> dict[str, str]:
    """A code search as it may be kept (in the session): a personnummer only as its keyed hash."""
    text = (text or "").strip()[:40]
    if not text:
        return {}
    pnr = personnummer_i_kod(text)
    if pnr:
        return {"pnr_hash": personnummer_hash(pnr)}
    return {"kod": text}


def _deltagare(
    kontext: Kontext, *, sokning: dict[str, str] | None = None, insats_id: int | None = None, bara_oppna: bool = False
) -> QuerySet[Deltagare]:
    kontext.kraver("deltagare.visa")
    qs = Deltagare.objects.filter(forbund=kontext.forbund, gallrad=False)
    sokning = sokning or {}
    if sokning.get("pnr_hash"):
        qs = qs.filter(pnr_hash=sokning["pnr_hash"])
    elif sokning.get("kod"):
        qs = qs.filter(kod__icontains=sokning["kod"])
    if insats_id:
        qs = qs.filter(id__in=Inskrivning.objects.filter(forbund=kontext.forbund, insats_id=insats_id).values("deltagare_id"))
    if bara_oppna:
        qs = qs.filter(id__in=Inskrivning.objects.filter(forbund=kontext.forbund, slutar__isnull=True).values("deltagare_id"))
    return qs.order_by("kod")


def deltagare_sida(
    kontext: Kontext, *, sokning: dict[str, str] | None = None, insats_id: int | None = None, bara_oppna: bool = False, sida: Any = 1
) -> Page[Deltagare]:
    """One page of the participant list with each participant's enrolment counts (all of them, also outside the filter).

    Three queries whatever the size of the national table: the count and the page on the participant table (scoped to the
    förbund), then the counts grouped over the förbund's enrolments of the page's participants.
    """
    qs = _deltagare(kontext, sokning=sokning, insats_id=insats_id, bara_oppna=bara_oppna).only("id", "kod", "pnr_hash")
    pagina = Paginator(qs, SIDSTORLEK).get_page(sida)
    deltagare = list(pagina.object_list)
    rakning = {
        r["deltagare_id"]: r
        for r in Inskrivning.objects.filter(forbund=kontext.forbund, deltagare_id__in=[d.pk for d in deltagare])
        .values("deltagare_id")
        .order_by()
        .annotate(antal=Count("id"), oppna=Count("id", filter=Q(slutar__isnull=True)), senast=Max("startar"))
    }
    for d in deltagare:
        r: Any = rakning.get(d.pk, {})
        d.antal, d.oppna, d.senast = r.get("antal", 0), r.get("oppna", 0), r.get("senast")  # type: ignore[attr-defined]
    pagina.object_list = deltagare
    return pagina


def deltagare_lista(kontext: Kontext, *, sok: str = "", insats_id: int | None = None, bara_oppna: bool = False) -> QuerySet[Deltagare]:
    """The filtered participants (no counts); the page uses `deltagare_sida`."""
    return _deltagare(kontext, sokning=sokning(sok), insats_id=insats_id, bara_oppna=bara_oppna)


def oppna_inskrivningar(kontext: Kontext, kod: str) -> list[Inskrivning]:
    """Open enrolments of the participant with this code (or this personnummer, compared by keyed hash)."""
    kontext.kraver("deltagare.visa")
    s = sokning(kod)
    qs = Inskrivning.objects.filter(forbund=kontext.forbund, slutar__isnull=True)
    if s.get("pnr_hash"):
        qs = qs.filter(deltagare__pnr_hash=s["pnr_hash"])
    elif s.get("kod"):
        qs = qs.filter(deltagare__kod__iexact=s["kod"])
    else:
        return []
    return list(qs.select_related("insats", "deltagare").order_by(svensk("insats__kortnamn")))


def oppna_inskrivningar_for(kontext: Kontext, deltagare: Deltagare) -> list[Inskrivning]:
    kontext.kraver("deltagare.visa")
    return list(
        Inskrivning.objects.filter(forbund=kontext.forbund, deltagare=deltagare, slutar__isnull=True)
        .select_related("insats", "deltagare")
        .order_by(svensk("insats__kortnamn"))
    )


def inskrivningar_for(kontext: Kontext, deltagare: Deltagare) -> list[Inskrivning]:
    kontext.kraver("deltagare.visa")
    return list(
        Inskrivning.objects.filter(forbund=kontext.forbund, deltagare=deltagare)
        .select_related("insats", "hemkommun")
        .prefetch_related("narvaroperioder")
    )


def insatser_for_export(kontext: Kontext) -> list[Insats]:
    kontext.kraver("deltagare.visa")
    return list(Insats.objects.filter(forbund=kontext.forbund).only("id", "kortnamn", "namn").order_by(svensk("kortnamn")))


def nationell_export(kontext: Kontext, *, kortnamn: str, ar: int) -> tuple[Insats, QuerySet[Inskrivning]]:
    """An intervention's enrolments active in the year, for the national follow-up file (another förbund's intervention: 404)."""
    kontext.kraver("deltagare.visa")
    insats = hamta(Insats.objects.all(), kontext.forbund, kortnamn=kortnamn)
    qs: Any = Inskrivning.objects.filter(forbund=kontext.forbund, insats=insats)
    return insats, qs.under_ar(ar).select_related("insats", "deltagare", "hemkommun").order_by("deltagare__kod", "startar")
