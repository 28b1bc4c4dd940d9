"""Decisions with continuous numbering, locked minutes, justering."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot, vagrad, vagran_logga
from finsam.models import Person
from finsam.permissions import Kontext

from ..models import Arende, Justering, Narvaro, Nummerserie, Paragraf, Rost, Sammantrade, Uppdrag, att_satser
from .mote import _ej_last, _las_mote, automatiska_punkter_uppdatera, oanmalda_delegationsbeslut
from .numrering import nasta_nummer
from .regler import beslutsregler_for, kontrollera_beslut, lage_vid, ledamoter_i_tjanst

MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
UPPDRAG_RE = re.compile(r"^uppdra(?:r)?\s+(?:åt|till)\s+(?P<vem>.+?)\s+att\s+(?P<vad>.+)$", re.IGNORECASE)


@transaction.atomic
def beslut_fatta(
    *, sammantrade: Sammantrade, arende: Arende, aktor: Any, text: str, beslut: str, rubrik: str = "",
    roster: dict[int, str] | None = None, reservationer: dict[int, str] | None = None, omedelbar_justering: bool = False,
) -> Paragraf:
    """Record the paragraph for an agenda item with the next number of the year.

    Refused (nothing saved, no number used) when the board is not quorate at this paragraph, or when
    a vote did not reach the qualified majority.
    """
    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if arende.sammantrade_id != mote.pk:
        raise ValidationError("Ärendet hör inte till sammanträdet.")
    arende = Arende.objects.select_for_update().get(pk=arende.pk)
    if arende.paragraf_id:
        raise ValidationError(f"Ärendet är redan beslutat (§ {arende.paragraf.nummer}).")  # type: ignore[union-attr]
    if mote.datum > timezone.localdate():
        raise ValidationError("Beslut kan registreras först på mötesdagen.")
    roster = {int(k): v for k, v in (roster or {}).items() if v}
    reservationer = {int(k): v.strip() for k, v in (reservationer or {}).items() if v and v.strip()}
    ar = mote.datum.year
    nummer = nasta_nummer(forbund=mote.forbund, serie=Nummerserie.Serie.PARAGRAF, ar=ar)
    regler = beslutsregler_for(mote.forbund)
    narvaro = list(Narvaro.objects.filter(sammantrade=mote).select_related("person"))
    jav = [pid for pid, v in roster.items() if v == Rost.Val.JAV]
    lage = lage_vid(regler=regler, antal_ledamoter=ledamoter_i_tjanst(mote.forbund, mote.datum), narvaro=narvaro,
                    nummer=nummer, javiga_person_ids=jav)
    satser = att_satser(beslut)
    omrostning = kontrollera_beslut(regler=regler, lage=lage, roster=roster, har_beslut=bool(satser))
    for pid in reservationer:
        if pid not in {n.person_id for n in lage.rostberattigade}:
            raise ValidationError("Bara den som deltar i beslutet kan reservera sig.")
    p = Paragraf(forbund=mote.forbund, sammantrade=mote, ar=ar, nummer=nummer, rubrik=(rubrik or arende.rubrik).strip(),
                 text=text, beslut="\n".join(satser))
    if omedelbar_justering:
        p.omedelbart_justerad = timezone.now()
        p.last = True
    p.full_clean()
    p.save()
    arende.paragraf = p
    arende.save(update_fields=["paragraf"])
    personer = {n.person_id for n in narvaro}
    for pid in set(roster) | set(reservationer):
        if pid not in personer:
            raise ValidationError("Röst eller reservation för någon som inte är närvarande.")
        Rost.objects.create(forbund=mote.forbund, paragraf=p, person_id=pid, val=roster.get(pid, ""), reservation=reservationer.get(pid, ""))
    nya_uppdrag = _uppdrag_ur_beslut(p, satser)
    for m in {u.aterrapport for u in nya_uppdrag if u.aterrapport is not None}:
        automatiska_punkter_uppdatera(sammantrade=m)
    anmalda: list[int] = []
    if arende.typ == Arende.Typ.DELEGATION:
        for d in oanmalda_delegationsbeslut(mote):
            d.anmald_i = p
            d.save(update_fields=["anmald_i"])
            anmalda.append(d.pk)
    handelse_logga(
        aktor=aktor, forbund=mote.forbund, handling="beslut_fatta", objekt=p, andringar=diff({}, snapshot(p)),
        detaljer={"arende": arende.pk, "beslutsforhet": lage.text, "omrostning": omrostning,
                  "roster": {str(k): v for k, v in roster.items()}, "reservationer": list(reservationer),
                  "uppdrag": [u.pk for u in nya_uppdrag], "anmalda_delegationsbeslut": anmalda,
                  "omedelbar_justering": omedelbar_justering},
    )
    return p


def _uppdrag_ur_beslut(p: Paragraf, satser: list[str]) -> list[Uppdrag]:
    """Each "att uppdra till X att …" clause becomes an open assignment, due at the meeting it names if planned."""
    ut = []
    for sats in satser:
        m = UPPDRAG_RE.match(sats)
        if not m:
            continue
        vem = m.group("vem").strip()
        ansvarig = None
        if "förbundschef" in vem.lower():
            ansvarig = _forbundschef(p)
        ut.append(Uppdrag.objects.create(forbund=p.forbund, paragraf=p, text=sats, ansvarig=ansvarig, ansvarig_text=vem,
                                         aterrapport=_namnt_mote(p, sats)))
    return ut


def _forbundschef(p: Paragraf) -> Person | None:
    return (Person.objects.filter(forbund=p.forbund, ar_personal=True, befattning__istartswith="förbundschef")
            .exclude(befattning__icontains="t.o.m.").order_by("pk").first())


def _namnt_mote(p: Paragraf, sats: str) -> Sammantrade | None:
    text = sats.lower()
    for i, manad in enumerate(MANADER, start=1):
        if re.search(rf"\b(?:mötet|styrelsemötet|sammanträdet)\s+(?:i|den\s+\d+)\s+{manad}\b", text) or f"{manad}mötet" in text:
            return (Sammantrade.objects.filter(forbund=p.forbund, datum__gt=p.sammantrade.datum, datum__month=i)
                    .order_by("datum").first())
    return None


def paragraf_andra(*, paragraf: Paragraf, aktor: Any, rubrik: str, text: str, beslut: str) -> Paragraf:
    """Edit the wording of a paragraph before justering. An attempt on a locked paragraph is refused and audited."""
    paragraf = Paragraf.objects.select_related("sammantrade").get(pk=paragraf.pk)
    if paragraf.last or paragraf.sammantrade.justerat is not None:
        nekad = vagrad(f"§ {paragraf.nummer} är justerad och låst. En ändring kan bara göras genom ett nytt beslut.",
                       forbund=paragraf.forbund, objekt=paragraf, handling="paragraf_andra",
                       detaljer={"forsok": {"rubrik": rubrik, "text": text, "beslut": beslut}})
        vagran_logga(nekad, aktor=aktor)  # before the transaction: recorded at once
        raise nekad
    with transaction.atomic():
        paragraf = Paragraf.objects.select_for_update().get(pk=paragraf.pk)
        fore = snapshot(paragraf)
        paragraf.rubrik, paragraf.text, paragraf.beslut = rubrik.strip(), text, "\n".join(att_satser(beslut))
        paragraf.full_clean()
        paragraf.save()
        handelse_logga(aktor=aktor, forbund=paragraf.forbund, handling="paragraf_andra", objekt=paragraf,
                       andringar=diff(fore, snapshot(paragraf)))
    return paragraf


@transaction.atomic
def omedelbar_justering(*, paragraf: Paragraf, aktor: Any) -> Paragraf:
    """Check one urgent paragraph at the meeting: it is final at once."""
    paragraf = Paragraf.objects.select_for_update().get(pk=paragraf.pk)
    if paragraf.last:
        raise ValidationError(f"§ {paragraf.nummer} är redan justerad.")
    paragraf.omedelbart_justerad = timezone.now()
    paragraf.last = True
    paragraf.save(update_fields=["omedelbart_justerad", "last"])
    handelse_logga(aktor=aktor, forbund=paragraf.forbund, handling="paragraf_justera_omedelbart", objekt=paragraf)
    return paragraf


@transaction.atomic
def mote_avsluta(*, sammantrade: Sammantrade, aktor: Any) -> Sammantrade:
    """Close the meeting: every item must have its paragraph; the minutes draft is made for justering."""
    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if mote.avslutat is not None:
        raise ValidationError("Mötet är redan avslutat.")
    obeslutade = list(mote.arenden.filter(paragraf__isnull=True).values_list("rubrik", flat=True))
    if obeslutade:
        raise ValidationError(f"Ärenden utan paragraf: {', '.join(obeslutade)}. Besluta eller ta bort dem innan mötet avslutas.")
    if not mote.paragrafer.exists():
        raise ValidationError("Mötet har inga paragrafer.")
    fore = snapshot(mote)
    mote.avslutat = timezone.now()
    mote.status = Sammantrade.Status.GENOMFORT
    mote.save(update_fields=["avslutat", "status"])
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="mote_avsluta", objekt=mote, andringar=diff(fore, snapshot(mote)))
    from .dokument import protokoll_bestall

    protokoll_bestall(sammantrade=mote, aktor=aktor)
    return mote


def justering_kravs(mote: Sammantrade) -> list[tuple[str, Person]]:
    krav: list[tuple[str, Person]] = []
    if mote.ordforande:
        krav.append((Justering.Roll.ORDFORANDE, mote.ordforande))
    if mote.sekreterare:
        krav.append((Justering.Roll.SEKRETERARE, mote.sekreterare))
    krav.extend((Justering.Roll.JUSTERARE, p) for p in mote.justerare.all())
    return krav


@transaction.atomic
def justering_bekrafta(*, sammantrade: Sammantrade, kontext: Kontext, aktor: Any, person: Person, roll: str) -> Justering:
    """Confirm the minutes as chair, secretary or justerare. The person confirms for themself; the
    förbundschef may record a confirmation signed on paper (marked as such). When all have confirmed,
    the minutes are locked and the final PDF is made."""
    kontext.kraver("styrelse.justera")
    mote = _las_mote(sammantrade)
    if mote.justerat is not None:
        raise ValidationError("Protokollet är redan justerat.")
    if mote.avslutat is None:
        raise ValidationError("Mötet måste avslutas innan protokollet justeras.")
    if not mote.ordforande or not mote.sekreterare or not mote.justerare.exists():
        raise ValidationError("Ange mötesordförande, sekreterare och justerare innan justeringen.")
    if (roll, person) not in [(r, p) for r, p in justering_kravs(mote)]:
        raise ValidationError(f"{person} ska inte justera protokollet som {Justering.Roll(roll).label.lower()}.")
    egen = person.user_id is not None and person.user_id == getattr(aktor, "pk", None)
    if not egen and not kontext.kan("styrelse.redigera"):
        raise PermissionDenied("Du kan bara bekräfta din egen justering.")
    if Justering.objects.filter(sammantrade=mote, person=person, roll=roll).exists():
        raise ValidationError(f"{person} har redan bekräftat.")
    j = Justering.objects.create(forbund=mote.forbund, sammantrade=mote, person=person, roll=roll, tidpunkt=timezone.now(),
                                 bekraftad_av=aktor if getattr(aktor, "is_authenticated", False) else None, for_annan=not egen)
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="justering_bekrafta", objekt=j,
                   detaljer={"person": person.namn, "roll": roll, "for_annan": not egen})
    gjorda = set(Justering.objects.filter(sammantrade=mote).values_list("roll", "person_id"))
    if all((r, p.pk) in gjorda for r, p in justering_kravs(mote)):
        _protokoll_las(mote, aktor)
    return j


def _protokoll_las(mote: Sammantrade, aktor: Any) -> None:
    fore = snapshot(mote)
    mote.justerat = timezone.now()
    mote.status = Sammantrade.Status.JUSTERAT
    mote.save(update_fields=["justerat", "status"])
    antal = Paragraf.objects.filter(sammantrade=mote).update(last=True)
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="protokoll_justera", objekt=mote,
                   andringar=diff(fore, snapshot(mote)), detaljer={"paragrafer_lasta": antal})
    from .dokument import protokoll_bestall

    protokoll_bestall(sammantrade=mote, aktor=aktor, las=True)
