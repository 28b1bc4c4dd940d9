"""Decisions with continuous numbering, locked minutes, justering."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot, vagrad, vagran_logga
from finsam.models import Person

from ..models import (
    Arende,
    Beslutsform,
    Justering,
    Narvaro,
    Nummerserie,
    Paragraf,
    Rost,
    Sammantrade,
    Uppdrag,
    Utfall,
    Yrkande,
    att_satser,
)
from ..selectors.mote_las import justering_kravs
from .bradskande import utan_otillaten_distans
from .dokument import protokoll_bestall
from .justering import justeringar_aterstall
from .mina_moten import jav_i_forvag
from .mote import _ej_last, _kontrollera_ordforande_sekreterare, _las_mote, arende_overfor, automatiska_punkter_uppdatera, oanmalda_delegationsbeslut
from .numrering import nasta_nummer
from .regler import Rakning, kontrollera_beslut, lage_vid, regler_vid

MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]
UPPDRAG_RE = re.compile(r"^uppdra(?:r)?\s+(?:åt|till)\s+(?P<vem>.+?)\s+att\s+(?P<vad>.+)$", re.IGNORECASE)


@transaction.atomic
def beslut_fatta(
    *,
    sammantrade: Sammantrade,
    arende: Arende,
    aktor: Any,
    text: str,
    beslut: str,
    rubrik: str = "",
    roster: dict[int, str] | None = None,
    reservationer: dict[int, str] | None = None,
    omedelbar_justering: bool = False,
    utfall: str = "",
    motforslag: str = Utfall.AVSLAG,
    motivering: str = "",
    yrkanden: list[dict[str, Any]] | None = None,
    propositionsordning: str = "",
    anteckningar: dict[int, str] | None = None,
    justerare: list[Person] | None = None,
) -> Paragraf:
    """Record the paragraph for an agenda item with the next number of the year.

    `beslut` holds the "att"-clauses of the proposition put to the board (the proposal, or the proposal as amended).
    Decided by acclamation, `utfall` says what the chair found: bifall (default when there is a proposition),
    andrat, avslag, aterremiss or bordlagt. With a recorded vote (`roster` with ja/nej/avstår), ja is for the
    proposition and nej for `motforslag` (avslag, aterremiss or bordlagt); the count decides: a qualified majority
    of ja carries it, more nej than ja gives `motforslag`, otherwise the proposal is minuted as not carried.

    Refused (nothing saved, no number used) only when the law forbids the decision: no quorum at this paragraph,
    a vote, motion or reservation by someone without the right to vote, a vote that does not add up, or a meeting
    dated before another meeting of the year that already holds paragraphs (numbering follows the meeting dates),
    or a cancelled meeting (never held).
    """
    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if mote.ar_installt:
        raise ValidationError("Mötet är inställt. Beslut registreras bara vid ett sammanträde som hålls.")
    if arende.sammantrade_id != mote.pk:
        raise ValidationError("Ärendet hör inte till sammanträdet.")
    arende = Arende.objects.select_for_update().get(pk=arende.pk)
    if arende.paragraf_id:
        raise ValidationError(f"Ärendet är redan beslutat (§ {arende.paragraf.nummer}).")  # type: ignore[union-attr]
    if mote.datum > timezone.localdate():
        raise ValidationError("Beslut kan registreras först på mötesdagen.")
    if utfall and utfall not in Utfall.values:
        raise ValidationError({"utfall": ["Okänt utfall."]})
    if motforslag not in {Utfall.AVSLAG, Utfall.ATERREMISS, Utfall.BORDLAGT}:
        raise ValidationError({"motforslag": ["Motförslaget i en votering kan vara avslag, återremiss eller bordläggning."]})
    roster = {int(k): v for k, v in (roster or {}).items() if v}
    reservationer = {int(k): v.strip() for k, v in (reservationer or {}).items() if v and v.strip()}
    anteckningar = {int(k): v.strip() for k, v in (anteckningar or {}).items() if v and v.strip()}
    ar = mote.datum.year
    nummer = nasta_nummer(forbund=mote.forbund, serie=Nummerserie.Serie.PARAGRAF, ar=ar)
    senare = numrering_foljer_datum(mote=mote, ar=ar)
    if senare is not None:
        raise ValidationError(
            f"Paragraferna numreras i sammanträdenas ordning under året. {senare} har redan paragrafer, så beslut "
            f"kan inte längre registreras vid sammanträdet {mote.datum:%Y-%m-%d}."
        )
    regler, antal_ledamoter = regler_vid(mote.forbund, mote.datum)  # the statutes in force on the meeting date
    narvaro = list(Narvaro.objects.filter(sammantrade=mote).select_related("person"))
    roster = {**jav_i_forvag(arende, narvaro), **roster}  # jäv declared in advance in Mina möten
    narvaro = utan_otillaten_distans(mote, narvaro, nummer)  # remote participants count only when the board allows it
    jav = [pid for pid, v in roster.items() if v == Rost.Val.JAV]
    lage = lage_vid(regler=regler, antal_ledamoter=antal_ledamoter, narvaro=narvaro, nummer=nummer, javiga_person_ids=jav)
    satser = att_satser(beslut)
    rakning = kontrollera_beslut(regler=regler, lage=lage, roster=roster, har_beslut=bool(satser) or bool(utfall))
    beslutande = {n.person_id for n in lage.rostberattigade}
    narvarande = {n.person_id for n in narvaro if n.narvarande_vid(nummer)}
    for pid in reservationer:
        if pid not in beslutande:
            raise ValidationError("Bara den som deltar i beslutet kan reservera sig.")
    for pid in set(anteckningar) | set(jav):
        if pid not in narvarande:
            raise ValidationError("Jäv eller protokollsanteckning för någon som inte är närvarande vid paragrafen.")
    yrk = _yrkanden_las(yrkanden or [], beslutande)
    slutligt = _utfall(rakning=rakning, utfall=utfall, motforslag=motforslag, satser=satser, forslag=arende.forslag_satser, yrkanden=yrk)
    motivering = (motivering or next((y["text"] for y in yrk if y["typ"] == _YRKANDE_FOR.get(slutligt)), "")).strip()
    if slutligt == Utfall.ATERREMISS and not motivering:
        raise ValidationError({"motivering": ["Ange motiveringen för återremissen (vad förbundschefen ska komplettera)."]})
    valda: list[Person] = []
    if arende.rubrik.lower().startswith("val av justerare") and slutligt in {Utfall.BIFALL, Utfall.ANDRAT}:
        valda, satser = _valda_justerare(lage=lage, narvaro=narvaro, satser=satser, justerare=justerare)
    p = Paragraf(
        forbund=mote.forbund,
        sammantrade=mote,
        ar=ar,
        nummer=nummer,
        rubrik=(rubrik or arende.rubrik).strip(),
        text=text,
        beslut="\n".join(beslutssatser(slutligt, satser, motivering, regler.majoritet)),
        utfall=slutligt,
        beslutsform=(Beslutsform.VOTERING if rakning.votering else Beslutsform.ACKLAMATION) if slutligt else "",
        omrostning=rakning.text,
        propositionsordning=propositionsordning.strip() or _propositionsordning(yrk, rakning, slutligt, motforslag),
    )
    if omedelbar_justering:
        p.omedelbart_justerad = timezone.now()
        p.last = True
    p.full_clean()
    p.save()
    arende.paragraf = p
    arende.save(update_fields=["paragraf"])
    for i, y in enumerate(yrk, start=1):
        Yrkande.objects.create(forbund=mote.forbund, paragraf=p, person_id=y["person"], typ=y["typ"], text=y["text"], ordning=i)
    for pid in set(roster) | set(reservationer) | set(anteckningar):
        Rost.objects.create(
            forbund=mote.forbund,
            paragraf=p,
            person_id=pid,
            val=roster.get(pid, ""),
            reservation=reservationer.get(pid, ""),
            anteckning=anteckningar.get(pid, ""),
        )
    if valda:
        mote.justerare.set(valda)
    nya_uppdrag = _uppdrag_ur_beslut(p, satser) if p.bifallen else []
    for m in {u.aterrapport for u in nya_uppdrag if u.aterrapport is not None}:
        automatiska_punkter_uppdatera(sammantrade=m)
    overfort = arende_overfor(paragraf=p, arende=arende) if slutligt in {Utfall.ATERREMISS, Utfall.BORDLAGT} else None
    anmalda: list[int] = []
    if arende.typ == Arende.Typ.DELEGATION and p.bifallen:
        for d in oanmalda_delegationsbeslut(mote):
            d.anmald_i = p
            d.save(update_fields=["anmald_i"])
            anmalda.append(d.pk)
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="beslut_fatta",
        objekt=p,
        andringar=diff({}, snapshot(p)),
        detaljer={
            "arende": arende.pk,
            "beslutsforhet": lage.text,
            "utfall": slutligt,
            "omrostning": rakning.text,
            "roster": {str(k): v for k, v in roster.items()},
            "reservationer": list(reservationer),
            "yrkanden": [[y["person"], y["typ"]] for y in yrk],
            "justerare": [v.pk for v in valda],
            "uppdrag": [u.pk for u in nya_uppdrag],
            "anmalda_delegationsbeslut": anmalda,
            "overfort_till": overfort.sammantrade_id if overfort else None,
            "omedelbar_justering": omedelbar_justering,
        },
    )
    return p


_YRKANDE_FOR: dict[str, str] = {
    Utfall.ATERREMISS: Yrkande.Typ.ATERREMISS,
    Utfall.BORDLAGT: Yrkande.Typ.BORDLAGGNING,
    Utfall.AVSLAG: Yrkande.Typ.AVSLAG,
}
_YRKANDE_NAMN: dict[str, str] = {
    Yrkande.Typ.AVSLAG: "avslagsyrkandet",
    Yrkande.Typ.ANDRING: "ändringsyrkandet",
    Yrkande.Typ.TILLAGG: "tilläggsyrkandet",
    Yrkande.Typ.ATERREMISS: "återremissyrkandet",
    Yrkande.Typ.BORDLAGGNING: "bordläggningsyrkandet",
}
_UTFALL_FRAS: dict[str, str] = {
    Utfall.BIFALL: "bifaller förslaget till beslut",
    Utfall.ANDRAT: "beslutar enligt ändringsyrkandet",
    Utfall.AVSLAG: "avslår förslaget",
    Utfall.ATERREMISS: "återremitterar ärendet",
    Utfall.BORDLAGT: "bordlägger ärendet",
}


def numrering_foljer_datum(*, mote: Sammantrade, ar: int) -> Sammantrade | None:
    """The first later meeting of the year that already holds paragraphs (then `mote` may not take a number).

    Called while the year's number series is locked, so a concurrent decision at a later meeting is seen.
    """
    p = (
        Paragraf.objects.filter(forbund=mote.forbund, ar=ar, sammantrade__datum__gt=mote.datum)
        .exclude(sammantrade=mote)
        .select_related("sammantrade")
        .order_by("sammantrade__datum")
        .first()
    )
    return p.sammantrade if p is not None else None


def _yrkanden_las(yrkanden: list[dict[str, Any]], beslutande: set[int]) -> list[dict[str, Any]]:
    ut = []
    for y in yrkanden:
        typ = y.get("typ", "")
        if not typ:
            continue
        if typ not in Yrkande.Typ.values:
            raise ValidationError({"yrkanden": [f"Okänt yrkande: {typ}."]})
        person = int(y.get("person") or 0)
        if person not in beslutande:
            raise ValidationError({"yrkanden": ["Bara den som har rösträtt vid paragrafen kan framställa yrkanden."]})
        text = str(y.get("text") or "").strip()
        if typ in {Yrkande.Typ.ANDRING, Yrkande.Typ.TILLAGG} and not text:
            raise ValidationError({"yrkanden": ["Ett ändrings- eller tilläggsyrkande behöver en lydelse."]})
        ut.append({"person": person, "typ": typ, "text": text})
    return ut


def _utfall(*, rakning: Rakning, utfall: str, motforslag: str, satser: list[str], forslag: list[str], yrkanden: list[dict[str, Any]]) -> str:
    andrat = bool(satser) and satser != forslag
    if rakning.votering:
        if rakning.kvalificerad:
            return Utfall.ANDRAT if andrat else Utfall.BIFALL
        return motforslag if rakning.nej > rakning.ja else Utfall.EJ_BIFALLET
    if utfall:
        if utfall in {Utfall.BIFALL, Utfall.ANDRAT} and not satser:
            raise ValidationError({"beslut": ["Skriv beslutet som att-satser."]})
        if utfall == Utfall.EJ_BIFALLET:
            raise ValidationError({"utfall": ["Att ett förslag inte fått kvalificerad majoritet framgår av en votering."]})
        return Utfall.ANDRAT if utfall == Utfall.BIFALL and andrat and any(y["typ"] == Yrkande.Typ.ANDRING for y in yrkanden) else utfall
    return (
        (Utfall.ANDRAT if andrat and any(y["typ"] in {Yrkande.Typ.ANDRING, Yrkande.Typ.TILLAGG} for y in yrkanden) else Utfall.BIFALL)
        if satser
        else ""
    )


def beslutssatser(utfall: str, satser: list[str], motivering: str = "", majoritet: str = "2/3") -> list[str]:
    """The decision as the minutes word it ("Styrelsen beslutar att …"), one clause per line."""
    forslaget = " samt att ".join(satser)
    if utfall == Utfall.AVSLAG:
        return [f"avslå förslaget att {forslaget}" if satser else "avslå förslaget"]
    if utfall == Utfall.ATERREMISS:
        return [f"återremittera ärendet till förbundschefen med motiveringen: {motivering.rstrip('.')}"]
    if utfall == Utfall.BORDLAGT:
        return ["bordlägga ärendet till nästa sammanträde" + (f" med motiveringen: {motivering.rstrip('.')}" if motivering else "")]
    if utfall == Utfall.EJ_BIFALLET:
        return [
            f"förslaget att {forslaget} inte är bifallet, eftersom det inte fick den kvalificerade majoritet ({majoritet} av "
            "de närvarande röstberättigade) som förbundsordningen kräver"
        ]
    return satser


def _propositionsordning(yrkanden: list[dict[str, Any]], rakning: Rakning, utfall: str, motforslag: str) -> str:
    motions = [y for y in yrkanden if y["typ"] != Yrkande.Typ.BIFALL]
    if not motions and not rakning.votering:
        return ""
    alternativ = ["förslaget till beslut", *dict.fromkeys(_YRKANDE_NAMN[y["typ"]] for y in motions)]
    text = f"Ordföranden ställer proposition på {' och '.join(alternativ) if len(alternativ) < 3 else ', '.join(alternativ)}"
    if rakning.votering:
        mot = {"avslag": "avslag", "aterremiss": "återremiss", "bordlagt": "bordläggning"}[motforslag]
        return text + f". Votering begärs och verkställs: ja-röst för förslaget till beslut, nej-röst för {mot}."
    return text + (f" och finner att styrelsen {_UTFALL_FRAS[utfall]}." if utfall in _UTFALL_FRAS else ".")


def _valda_justerare(*, lage: Any, narvaro: list[Narvaro], satser: list[str], justerare: list[Person] | None) -> tuple[list[Person], list[str]]:
    """The justerare elected at "Val av justerare": present and entitled to vote at the paragraph."""
    beslutande = {n.person_id: n.person for n in lage.rostberattigade}
    if justerare:
        valda = list(justerare)
    else:
        text = " ".join(satser)
        valda = [p for p in beslutande.values() if p.namn in text]
    if not valda:
        raise ValidationError({"justerare": ["Ange vem eller vilka som utses att justera protokollet."]})
    fel = [p.namn for p in valda if p.pk not in beslutande]
    if fel:
        raise ValidationError({"justerare": [f"{', '.join(fel)} är inte närvarande med rösträtt och kan inte utses att justera protokollet."]})
    namn = " och ".join(p.namn for p in valda)
    if not satser or all("…" not in s and not any(p.namn in s for p in valda) for s in satser):
        satser = [f"utse {namn} att justera protokollet"]
    else:
        satser = [s.replace("…", namn) for s in satser]
    return valda, satser


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
        ut.append(
            Uppdrag.objects.create(forbund=p.forbund, paragraf=p, text=sats, ansvarig=ansvarig, ansvarig_text=vem, aterrapport=_namnt_mote(p, sats))
        )
    return ut


def _forbundschef(p: Paragraf) -> Person | None:
    return (
        Person.objects.filter(forbund=p.forbund, ar_personal=True, befattning__istartswith="förbundschef")
        .exclude(befattning__icontains="t.o.m.")
        .order_by("pk")
        .first()
    )


def _namnt_mote(p: Paragraf, sats: str) -> Sammantrade | None:
    text = sats.lower()
    for i, manad in enumerate(MANADER, start=1):
        if re.search(rf"\b(?:mötet|styrelsemötet|sammanträdet)\s+(?:i|den\s+\d+)\s+{manad}\b", text) or f"{manad}mötet" in text:
            return Sammantrade.objects.filter(forbund=p.forbund, datum__gt=p.sammantrade.datum, datum__month=i).order_by("datum").first()
    return None


def paragraf_andra(*, paragraf: Paragraf, aktor: Any, rubrik: str, text: str, beslut: str) -> Paragraf:
    """Edit the wording of a paragraph before justering. An attempt on a locked paragraph is refused and audited."""
    paragraf = Paragraf.objects.select_related("sammantrade").get(pk=paragraf.pk)
    if paragraf.last or paragraf.sammantrade.justerat is not None:
        nekad = vagrad(
            f"§ {paragraf.nummer} är justerad och låst. En ändring kan bara göras genom ett nytt beslut.",
            forbund=paragraf.forbund,
            objekt=paragraf,
            handling="paragraf_andra",
            detaljer={"forsok": {"rubrik": rubrik, "text": text, "beslut": beslut}},
        )
        vagran_logga(nekad, aktor=aktor)  # before the transaction: recorded at once
        raise nekad
    with transaction.atomic():
        paragraf = Paragraf.objects.select_for_update().get(pk=paragraf.pk)
        fore = snapshot(paragraf)
        paragraf.rubrik, paragraf.text, paragraf.beslut = rubrik.strip(), text, "\n".join(att_satser(beslut))
        paragraf.full_clean()
        paragraf.save()
        andringar = diff(fore, snapshot(paragraf))
        if andringar:
            justeringar_aterstall(sammantrade=paragraf.sammantrade, aktor=aktor, orsak=f"§ {paragraf.nummer} ändrades")
        handelse_logga(aktor=aktor, forbund=paragraf.forbund, handling="paragraf_andra", objekt=paragraf, andringar=andringar)
    return paragraf


@transaction.atomic
def omedelbar_justering(*, paragraf: Paragraf, aktor: Any) -> Paragraf:
    """Check one urgent paragraph at the meeting: it is final at once."""
    paragraf = Paragraf.objects.select_for_update().get(pk=paragraf.pk)
    if paragraf.last:  # a locked paragraph: audited by the door after the rollback
        raise vagrad(f"§ {paragraf.nummer} är redan justerad.", forbund=paragraf.forbund, objekt=paragraf)
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
    mote.kontrollera_overgang(Sammantrade.Status.GENOMFORT)
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

    protokoll_bestall(sammantrade=mote, aktor=aktor)
    return mote


def justering_kontrollera(mote: Sammantrade, *, person: Person, roll: str) -> None:
    """The rules of justering (read only): checked before the signatory is asked to prove who they are, and again
    under the meeting's lock when the justering is recorded."""
    if mote.justerat is not None:  # a write on locked minutes: audited by the door after the rollback
        raise vagrad("Protokollet är redan justerat.", forbund=mote.forbund, objekt=mote, handling="justering_bekrafta")
    if mote.avslutat is None:
        raise ValidationError("Mötet måste avslutas innan protokollet justeras.")
    if not mote.ordforande or not mote.sekreterare:
        raise ValidationError("Ange mötesordförande och sekreterare under mötets uppgifter innan justeringen.")
    if not mote.justerare.exists():
        raise ValidationError("Inga justerare är utsedda. Justerare utses i paragrafen ”Val av justerare”.")
    _kontrollera_ordforande_sekreterare(mote)
    if (roll, person) not in [(r, p) for r, p in justering_kravs(mote)]:
        raise ValidationError(f"{person} ska inte justera protokollet som {Justering.Roll(roll).label.lower()}.")
    if Justering.objects.filter(sammantrade=mote, person=person, roll=roll).exists():
        raise ValidationError(f"{person} har redan bekräftat.")


@transaction.atomic
def justering_registrera(*, sammantrade: Sammantrade, aktor: Any, person: Person, roll: str, plats: str, egen: bool) -> Justering:
    """Record one justering with its time and place; the last one locks the minutes and orders the final PDF.

    Only `justering_bekrafta` (styrelse.services.signering) calls this: it has checked who may confirm and, for
    one's own justering, re-authenticated the signatory.
    """
    mote = _las_mote(sammantrade)
    justering_kontrollera(mote, person=person, roll=roll)
    j = Justering(
        forbund=mote.forbund,
        sammantrade=mote,
        person=person,
        roll=roll,
        tidpunkt=timezone.now(),
        plats=plats.strip(),
        bekraftad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
        for_annan=not egen,
    )
    j.full_clean()
    j.save()
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="justering_bekrafta",
        objekt=j,
        detaljer={"person": person.namn, "roll": roll, "for_annan": not egen, "plats": j.plats},
    )
    gjorda = set(Justering.objects.filter(sammantrade=mote).values_list("roll", "person_id"))
    if all((r, p.pk) in gjorda for r, p in justering_kravs(mote)):
        _protokoll_las(mote, aktor)
    return j


def _protokoll_las(mote: Sammantrade, aktor: Any) -> None:
    mote.kontrollera_overgang(Sammantrade.Status.JUSTERAT)
    fore = snapshot(mote)
    mote.justerat = timezone.now()
    mote.status = Sammantrade.Status.JUSTERAT
    mote.save(update_fields=["justerat", "status"])
    antal = Paragraf.objects.filter(sammantrade=mote).update(last=True)
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="protokoll_justera",
        objekt=mote,
        andringar=diff(fore, snapshot(mote)),
        detaljer={"paragrafer_lasta": antal},
    )

    protokoll_bestall(sammantrade=mote, aktor=aktor, las=True)
