"""Urgent matters the lawful way: ordförandebeslut (KL 6 kap. 39 §), remote participation (6 kap. 24 §), extra meetings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.filkontroll import kontrollera_fil
from finsam.models import Forbund, Person
from forvaltning.models import Delegationsrad

from ..models import (
    Beslutsregler,
    Distansdeltagande,
    ExtraSammantrade,
    Mandat,
    Narvaro,
    Ordforandebeslut,
    OrdforandebeslutHandling,
    Paragraf,
    Sammantrade,
)
from .justering import justeringar_aterstall
from .mote import _ej_last, _las_mote, arende_skapa, sammantrade_planera
from .register import delegationsbeslut_registrera
from .regler import beslutsregler_for

INGEN_DELEGATION = (
    "Delegationsordningen ger inte ordföranden rätt att besluta i ärendet. Ett ordförandebeslut kräver en delegation "
    "för brådskande ärenden (kommunallagen 6 kap. 39 §); annars avgörs ärendet vid ett (extra) sammanträde."
)


def ordforande_mandat(person: Person | None, datum: dt.date) -> Mandat | None:
    """The person's current mandate as chair or vice chair (the vice chair stands in for the chair)."""
    if person is None:
        return None
    return (
        Mandat.objects.filter(
            person=person, typ=Mandat.Typ.LEDAMOT, fran__lte=datum, uppdrag__in=[Mandat.Uppdrag.ORDFORANDE, Mandat.Uppdrag.VICE_ORDFORANDE]
        )
        .filter(Q(till__isnull=True) | Q(till__gte=datum))
        .order_by("uppdrag")
        .first()
    )


@transaction.atomic
def ordforandebeslut_fatta(
    *,
    forbund: Forbund,
    aktor: Any,
    ordforande: Person | None,
    delegation: Delegationsrad | None,
    arende: str,
    beslut: str,
    bradska: str,
    handlingar: list[UploadedFile] | None = None,
    diarienummer: str = "",
) -> Ordforandebeslut:
    """The chair decides an urgent matter on the board's behalf, where the delegation order allows it.

    Registered as a delegationsbeslut, so it is put on the next meeting's agenda under
    "Anmälan av delegationsbeslut" by itself (KL 6 kap. 40 §: reported at the next meeting).
    """
    if delegation is None or not delegation.ordforandebeslut:
        raise ValidationError({"delegation": [INGEN_DELEGATION]})
    if delegation.forbund_id != forbund.pk:
        raise ValidationError({"delegation": [INGEN_DELEGATION]})
    if not delegation.anmals:
        raise ValidationError(
            {
                "delegation": [
                    "Ett ordförandebeslut ska anmälas vid styrelsens nästa sammanträde, men delegationen "
                    "är markerad att inte anmälas. Rätta delegationsordningen."
                ]
            }
        )
    idag = timezone.localdate()
    mandat = ordforande_mandat(ordforande, idag)
    if ordforande is None or ordforande.forbund_id != forbund.pk or mandat is None:
        raise ValidationError("Bara styrelsens ordförande (eller vice ordförande i ordförandens ställe) kan fatta ordförandebeslut.")
    if not (bradska or "").strip():
        raise ValidationError({"bradska": ["Ange varför ärendet är så brådskande att styrelsens avgörande inte kan avvaktas."]})
    if not (arende or "").strip() or not (beslut or "").strip():
        raise ValidationError("Ange ärende och beslut.")
    for fil in handlingar or []:
        kontrollera_fil(fil)
    d = delegationsbeslut_registrera(
        forbund=forbund, aktor=aktor, delegation=delegation, delegat=ordforande, datum=idag, arende=arende, beslut=beslut, diarienummer=diarienummer
    )
    o = Ordforandebeslut(
        forbund=forbund,
        delegationsbeslut=d,
        ordforande=ordforande,
        bradska=bradska.strip(),
        tidpunkt=timezone.now(),
        registrerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    o.full_clean()
    o.save()
    for fil in handlingar or []:
        h = OrdforandebeslutHandling(forbund=forbund, ordforandebeslut=o, titel=(fil.name or "handling")[:200], storlek=fil.size or 0)
        h.fil.save(f"ordforandebeslut-{o.pk}-{fil.name}", fil, save=False)
        h.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="ordforandebeslut_fatta",
        objekt=o,
        andringar=diff({}, snapshot(o)),
        detaljer={
            "delegationsbeslut": d.pk,
            "delegation": delegation.arende,
            "ordforande": ordforande.namn,
            "uppdrag": mandat.uppdrag,
            "handlingar": [fil.name for fil in handlingar or []],
        },
    )
    return o


@transaction.atomic
def distansregler_andra(*, forbund: Forbund, aktor: Any, tillaten: bool, beslut: Paragraf | None) -> Beslutsregler:
    """Record the board's decision (with its §) to allow, or no longer allow, remote participation (KL 6 kap. 24 §)."""
    if tillaten and beslut is None:
        raise ValidationError({"distans_beslut": ["Ange beslutet (§) där styrelsen tillät deltagande på distans."]})
    if beslut is not None and beslut.forbund_id != forbund.pk:
        raise ValidationError({"distans_beslut": ["Beslutet hör inte till förbundet."]})
    regler = Beslutsregler.objects.select_for_update().filter(forbund=forbund).first() or beslutsregler_for(forbund)
    fore = snapshot(regler) if regler.pk else {}
    regler.distans_tillaten = tillaten
    regler.distans_beslut = beslut
    regler.full_clean()
    regler.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="distansregler_andra", objekt=regler, andringar=diff(fore, snapshot(regler)))
    return regler


@transaction.atomic
def distans_registrera(
    *,
    narvaro: Narvaro,
    aktor: Any,
    fran_nummer: int | None = None,
    till_nummer: int | None = None,
) -> Distansdeltagande:
    """Record that a present ledamot or ersättare took part remotely (sound and picture) at these paragraphs."""
    mote = _las_mote(narvaro.sammantrade)
    _ej_last(mote)
    regler = beslutsregler_for(mote.forbund)
    if not regler.distans_tillaten:
        raise ValidationError(
            "Styrelsen har inte beslutat att ledamöter får delta på distans (kommunallagen 6 kap. 24 §). Deltagande på distans kan inte registreras."
        )
    narvaro = Narvaro.objects.select_related("person").get(pk=narvaro.pk)
    if narvaro.kategori not in {Narvaro.Kategori.LEDAMOT, Narvaro.Kategori.TJANSTGORANDE, Narvaro.Kategori.ERSATTARE}:
        raise ValidationError("Deltagande på distans enligt styrelsens beslut gäller ledamöter och ersättare.")
    if fran_nummer and till_nummer and till_nummer < fran_nummer:
        raise ValidationError("Sista paragrafen kan inte vara före den första.")
    for nummer in (fran_nummer, till_nummer):
        if nummer is not None and not narvaro.narvarande_vid(nummer):
            raise ValidationError(f"{narvaro.person} är inte närvarande vid § {nummer}.")
    befintlig = Distansdeltagande.objects.filter(narvaro=narvaro).first()
    fore = snapshot(befintlig) if befintlig else {}
    d = befintlig or Distansdeltagande(forbund=mote.forbund, narvaro=narvaro)
    d.fran_nummer, d.till_nummer = fran_nummer, till_nummer
    d.registrerad_av = aktor if getattr(aktor, "is_authenticated", False) else None
    d.full_clean()
    d.save()
    andringar = diff(fore, snapshot(d))
    if andringar:  # the minutes say who took part remotely
        justeringar_aterstall(sammantrade=mote, aktor=aktor, orsak=f"distansdeltagandet för {narvaro.person} ändrades")
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="distans_registrera",
        objekt=d,
        andringar=andringar,
        detaljer={"person": narvaro.person.namn, "beslut_om_distans": regler.distans_beslut_id},
    )
    return d


@transaction.atomic
def distans_ta_bort(*, distansdeltagande: Distansdeltagande, aktor: Any) -> None:
    mote = _las_mote(distansdeltagande.narvaro.sammantrade)
    _ej_last(mote)
    handelse_logga(
        aktor=aktor, forbund=mote.forbund, handling="distans_ta_bort", objekt=distansdeltagande, andringar=diff(snapshot(distansdeltagande), {})
    )
    distansdeltagande.delete()
    justeringar_aterstall(sammantrade=mote, aktor=aktor, orsak=f"distansdeltagandet för {distansdeltagande.narvaro.person} ändrades")


@transaction.atomic
def extra_sammantrade_kalla(
    *,
    forbund: Forbund,
    aktor: Any,
    datum: dt.date,
    skal: str,
    begart_av: str,
    kallelsetid_dagar: int,
    arenden: list[str],
    starttid: dt.time | None = None,
    sluttid: dt.time | None = None,
    plats: str = "",
    sammankallande: Person | None = None,
    idag: dt.date | None = None,
) -> Sammantrade:
    """An extra meeting at short notice: the urgent items on its agenda and the shortened notice period recorded.

    The notice is then sent as for any meeting (kallelse_skicka), checked against the shortened period.
    """
    idag = idag or timezone.localdate()
    regler = beslutsregler_for(forbund)
    fel: dict[str, list[str]] = {}
    if not (skal or "").strip():
        fel["skal"] = ["Ange skälet till det extra sammanträdet."]
    if not (begart_av or "").strip():
        fel["begart_av"] = ["Ange vem som har begärt sammanträdet."]
    if kallelsetid_dagar >= regler.kallelsetid_dagar:
        fel["kallelsetid_dagar"] = [
            f"Den förkortade kallelsetiden ska vara kortare än den ordinarie ({regler.kallelsetid_dagar} dagar). "
            "Med ordinarie kallelsetid planeras mötet som ett vanligt sammanträde."
        ]
    elif datum < idag + dt.timedelta(days=kallelsetid_dagar):
        fel["datum"] = [
            f"Med {kallelsetid_dagar} dagars kallelsetid kan mötet hållas tidigast {idag + dt.timedelta(days=kallelsetid_dagar):%Y-%m-%d}."
        ]
    rubriker = [r.strip() for r in arenden if r and r.strip()]
    if not rubriker:
        fel["arenden"] = ["Ange minst ett brådskande ärende (ett per rad)."]
    if fel:
        raise ValidationError(fel)
    mote = sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=datum,
        starttid=starttid,
        sluttid=sluttid,
        plats=plats,
        detaljer=f"Extra sammanträde med förkortad kallelsetid ({kallelsetid_dagar} dagar). Skäl: {skal.strip()}",
        mall="tom",
        sammankallande=sammankallande,
    )
    extra = ExtraSammantrade(
        forbund=forbund,
        sammantrade=mote,
        skal=skal.strip(),
        begart_av=begart_av.strip(),
        kallelsetid_dagar=kallelsetid_dagar,
        ordinarie_kallelsetid_dagar=regler.kallelsetid_dagar,
        registrerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    extra.full_clean()
    extra.save()
    for rubrik in rubriker:
        arende_skapa(sammantrade=mote, aktor=aktor, rubrik=rubrik)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="extra_sammantrade_kalla",
        objekt=extra,
        andringar=diff({}, snapshot(extra)),
        detaljer={"sammantrade": mote.pk, "arenden": rubriker},
    )
    return mote


def utan_otillaten_distans(mote: Sammantrade, narvaro: list[Narvaro], nummer: int) -> list[Narvaro]:
    """The attendance that counts at paragraph `nummer`: remote participants count only when the board allows it."""
    if beslutsregler_for(mote.forbund).distans_tillaten:
        return narvaro
    pa_distans = {d.narvaro_id for d in Distansdeltagande.objects.filter(narvaro__sammantrade=mote) if d.pa_distans_vid(nummer)}
    return [n for n in narvaro if n.pk not in pa_distans]
