"""Reads of the auditors and discharge register: who audits whom per year, which reports and decisions are missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from finsam.formatting import datum
from finsam.models import Forbund, Medlem
from finsam.permissions import Kontext
from finsam.startsida import Notis

from ..models.revision import AnsvarsfrihetPaminnelse, Revisor


def ansvarsfrihet_senast(ar: int) -> dt.date:
    """The date by which the members should have decided on discharge for `ar` (the end of June the year after)."""
    return dt.date(ar + 1, 6, 30)


def revisorer(forbund: Forbund, ar: int | None = None) -> QuerySet[Revisor]:
    qs = Revisor.objects.filter(forbund=forbund).select_related("person", "utsedd_av").prefetch_related("granskar")
    if ar is not None:
        qs = qs.filter(ar_fran__lte=ar).filter(Q(ar_till__isnull=True) | Q(ar_till__gte=ar))
    return qs.order_by("-ar_fran", "utsedd_av__ordning", "pk")


def revisoruppdrag_for(forbund: Forbund, user: Any, ar: int) -> Revisor | None:
    """The signed-in auditor's appointment covering `ar`, if the user is registered as an auditor."""
    if not getattr(user, "is_authenticated", False):
        return None
    return revisorer(forbund, ar).filter(person__user_id=user.pk).first()


@dataclass
class Revisionslage:
    """One year's audit: each auditor with their report, members no auditor covers, and the members' discharge."""

    ar: int
    revisorer: list[tuple[Revisor, Revisionsberattelse | None]] = field(default_factory=list)
    utan_revisor: list[Medlem] = field(default_factory=list)
    ansvarsfrihet: list[tuple[Medlem, Ansvarsfrihet | None]] = field(default_factory=list)
    senast: dt.date | None = None
    paminnelser: dict[int, list[AnsvarsfrihetPaminnelse]] = field(default_factory=dict)

    @property
    def ansvarsfrihet_rader(self) -> list[tuple[Medlem, Ansvarsfrihet | None, list[AnsvarsfrihetPaminnelse]]]:
        """Each member with its decision and the reminders sent to it about the year, newest first."""
        return [(m, a, self.paminnelser.get(m.pk, [])) for m, a in self.ansvarsfrihet]

    @property
    def saknade_berattelser(self) -> list[Revisor]:
        return [r for r, b in self.revisorer if b is None]

    @property
    def revision_komplett(self) -> bool:
        """Every member is audited and every auditor has handed in a report: the annual accounts can be completed."""
        return bool(self.revisorer) and not self.utan_revisor and not self.saknade_berattelser

    @property
    def ej_beslutat(self) -> list[Medlem]:
        return [m for m, a in self.ansvarsfrihet if a is None or not a.beslutat]


def revisionslage(forbund: Forbund, ar: int) -> Revisionslage:
    """A fixed number of queries whatever the number of members and auditors."""
    medlemmar = list(Medlem.objects.filter(forbund=forbund).order_by("ordning", "namn"))
    uppdrag = list(revisorer(forbund, ar))
    berattelser = {
        b.revisor_uppdrag_id: b for b in Revisionsberattelse.objects.filter(forbund=forbund, ar=ar, revisor_uppdrag__in=[r.pk for r in uppdrag])
    }
    granskade = {m.pk for r in uppdrag for m in r.granskar.all()}
    beslut = {a.medlem_id: a for a in Ansvarsfrihet.objects.filter(forbund=forbund, ar=ar).select_related("paragraf")}
    paminnelser: dict[int, list[AnsvarsfrihetPaminnelse]] = {}
    for p in AnsvarsfrihetPaminnelse.objects.filter(forbund=forbund, ar=ar).order_by("-skickad"):
        paminnelser.setdefault(p.medlem_id, []).append(p)
    return Revisionslage(
        ar=ar,
        revisorer=[(r, berattelser.get(r.pk)) for r in uppdrag],
        utan_revisor=[m for m in medlemmar if m.pk not in granskade],
        ansvarsfrihet=[(m, beslut.get(m.pk)) for m in medlemmar],
        senast=ansvarsfrihet_senast(ar),
        paminnelser=paminnelser,
    )


def ansvarsfrihet_paminnelser(forbund: Forbund, idag: dt.date | None = None) -> list[tuple[int, list[str]]]:
    """(year, member names) for the two latest audited years whose discharge date has passed with members undecided."""
    idag = idag or timezone.localdate()
    ar_med_revision = set(Ansvarsfrihet.objects.filter(forbund=forbund).values_list("ar", flat=True))
    ar_med_revision |= set(Revisionsberattelse.objects.filter(forbund=forbund).values_list("ar", flat=True))
    aktuella = sorted((a for a in ar_med_revision if ansvarsfrihet_senast(a) < idag), reverse=True)[:2]
    if not aktuella:
        return []
    medlemmar = list(Medlem.objects.filter(forbund=forbund).order_by("ordning", "namn"))
    beslutade = set(
        Ansvarsfrihet.objects.filter(forbund=forbund, ar__in=aktuella).exclude(beslut=Ansvarsfrihet.Beslut.EJ_BESLUTAT).values_list("ar", "medlem_id")
    )
    ut = []
    for ar in aktuella:
        saknas = [m.namn for m in medlemmar if (ar, m.pk) not in beslutade]
        if saknas:
            ut.append((ar, saknas))
    return ut


def startsida_notiser(kontext: Kontext, user: Any) -> list[Notis]:
    """The förbundschef is reminded of members that have not decided on discharge by the end of June."""
    if not kontext.kan("forbund.redigera"):
        return []
    return [
        Notis(
            f"Ansvarsfrihet {ar}: {', '.join(namn)} har inte beslutat (senast {datum(ansvarsfrihet_senast(ar))}).",
            f"{reverse('forvaltning:revision')}?ar={ar}",
            "varning",
        )
        for ar, namn in ansvarsfrihet_paminnelser(kontext.forbund)
    ]


def revision_tabell(forbund: Forbund) -> list[list[Any]]:
    """Auditors and discharge decisions as rows for CSV/XLSX (typed values)."""
    rader: list[list[Any]] = [["Avsnitt", "År", "Namn", "Utsedd av / medlem", "Granskar / beslut", "Beslut (referens)", "Datum"]]
    for r in revisorer(forbund):
        rader.append(["Revisor", r.period_text, r.person.namn, r.utsedd_av.namn, r.granskar_text, r.beslut_referens, r.beslut_datum])
    for a in Ansvarsfrihet.objects.filter(forbund=forbund).select_related("medlem").order_by("-ar", "medlem__ordning"):
        rader.append(["Ansvarsfrihet", a.ar, a.beslutsorgan, a.medlem.namn, a.get_beslut_display(), a.referens, a.beslutsdatum])
    return rader
