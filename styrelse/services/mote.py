"""Plan a meeting, build the agenda with attachments, send the notice, record attendance, post the minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot, vagrad
from finsam.filkontroll import kontrollera_fil
from finsam.models import Forbund, Person

from ..models import (
    Anslag,
    Arende,
    Bilaga,
    Delegationsbeslut,
    Mandat,
    Narvaro,
    Paragraf,
    Sammantrade,
    Uppdrag,
)
from ..regler import arendeslag_av_rubrik
from .dokument import anslagsbevis_bestall
from .justering import justeringar_aterstall
from .numrering import flytt_kontrollera
from .regler import beslutsregler_for, lage_vid, regler_vid

STANDARDPUNKTER_FORE: list[tuple[str, str, str, str]] = [
    # (typ, rubrik, text, proposal)
    (Arende.Typ.STANDARD, "Mötets öppnande", "Ordförande öppnar mötet.", ""),
    (Arende.Typ.STANDARD, "Val av justerare", "", "utse … att justera protokollet"),
    (Arende.Typ.STANDARD, "Godkännande av dagordning", "Ordförande presenterar dagordningen.", "godkänna dagordningen"),
    (Arende.Typ.STANDARD, "Genomgång av protokoll från föregående möte", "", ""),
]
STANDARDPUNKTER_EFTER: list[tuple[str, str, str, str]] = [
    (Arende.Typ.INFORMATION, "Informationsärenden", "", "notera informationen"),
    (Arende.Typ.INFORMATION, "Rapporter", "", "godkänna rapporterna"),
    (Arende.Typ.STANDARD, "Övriga frågor", "", ""),
    (Arende.Typ.STANDARD, "Nästa möte", "", ""),
]
STANDARD_ANSLAGSPLATS = "Förbundets digitala anslagstavla (/anslagstavla/)"
AVSLUTANDE = [rubrik for _, rubrik, _, _ in STANDARDPUNKTER_EFTER]


def _ej_last(sammantrade: Sammantrade) -> None:
    if sammantrade.justerat is not None:
        # audited by the door after the rollback (finsam.audit.vagran_logga)
        raise vagrad(
            "Protokollet är justerat och låst. En ändring kan bara göras genom ett nytt beslut.", forbund=sammantrade.forbund, objekt=sammantrade
        )


def _las_mote(sammantrade: Sammantrade) -> Sammantrade:
    return Sammantrade.objects.select_for_update().get(pk=sammantrade.pk)


@transaction.atomic
def sammantrade_planera(
    *,
    forbund: Forbund,
    aktor: Any,
    datum: dt.date,
    typ: str = Sammantrade.Typ.STYRELSEMOTE,
    starttid: dt.time | None = None,
    sluttid: dt.time | None = None,
    plats: str = "",
    detaljer: str = "",
    mall: str = "standard",
    kopiera_fran: Sammantrade | None = None,
    sammankallande: Person | None = None,
) -> Sammantrade:
    """A new meeting with its agenda from the standard template, a copy of an earlier agenda, or empty."""
    mote = Sammantrade(
        forbund=forbund, typ=typ, datum=datum, starttid=starttid, sluttid=sluttid, plats=plats, detaljer=detaljer, sammankallande=sammankallande
    )
    if starttid and sluttid and sluttid <= starttid:
        raise ValidationError({"sluttid": ["Sluttiden måste vara efter starttiden."]})
    mote.full_clean()
    mote.save()
    if mall == "kopia":
        if kopiera_fran is None or kopiera_fran.forbund_id != forbund.pk:
            raise ValidationError("Välj ett tidigare sammanträde att kopiera dagordningen från.")
        for i, a in enumerate(kopiera_fran.arenden.order_by("ordning", "id"), start=1):
            Arende.objects.create(
                forbund=forbund, sammantrade=mote, ordning=i, typ=a.typ, rubrik=a.rubrik, text=a.text, foredragande=a.foredragande, forslag=a.forslag
            )
    elif mall == "standard":
        foregaende = Sammantrade.objects.filter(forbund=forbund, datum__lt=datum).order_by("-datum").first()
        punkter = list(STANDARDPUNKTER_FORE) + list(STANDARDPUNKTER_EFTER)
        for i, (atyp, rubrik, text, forslag) in enumerate(punkter, start=1):
            if rubrik.startswith("Genomgång av protokoll") and foregaende:
                text = f"Föreligger protokoll från {foregaende.datum:%Y-%m-%d}."
                forslag = f"godkänna protokollet från {foregaende.datum:%Y-%m-%d} och lägga det till handlingarna"
            Arende.objects.create(forbund=forbund, sammantrade=mote, ordning=i, typ=atyp, rubrik=rubrik, text=text, forslag=forslag)
    elif mall != "tom":
        raise ValidationError("Okänd mall för dagordningen.")
    vilande_arenden_overfor(sammantrade=mote)
    automatiska_punkter_uppdatera(sammantrade=mote)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="sammantrade_planera",
        objekt=mote,
        andringar=diff({}, snapshot(mote)),
        detaljer={"mall": mall, "kopia_av": kopiera_fran.pk if kopiera_fran else None},
    )
    return mote


@transaction.atomic
def sammantrade_andra(*, sammantrade: Sammantrade, aktor: Any, **falt: Any) -> Sammantrade:
    """Change date, time, place, convener, chair and secretary.

    The chair and the secretary come from the attendance once it is recorded (the chair with the right to vote).
    The justerare are elected in the paragraph "Val av justerare", not here. A change of time or place raises the
    calendar version (SEQUENCE); a meeting whose notice was sent then offers to send the update. A change after
    the first justering resets the justeringar.
    """
    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if "justerare" in falt:
        raise ValidationError({"justerare": ["Justerare utses i paragrafen ”Val av justerare” vid mötet."]})
    fore = snapshot(mote)
    fore_ar = mote.datum.year
    tillatna = {"typ", "datum", "starttid", "sluttid", "plats", "detaljer", "sammankallande", "ordforande", "sekreterare", "datumbeslut"}
    for namn, varde in falt.items():
        if namn not in tillatna:
            raise ValueError(namn)
        setattr(mote, namn, varde)
    if mote.starttid and mote.sluttid and mote.sluttid <= mote.starttid:
        raise ValidationError({"sluttid": ["Sluttiden måste vara efter starttiden."]})
    if mote.datum.year != fore_ar and mote.paragrafer.exists():
        raise ValidationError("Mötet har numrerade paragrafer för " + str(fore_ar) + " och kan inte flyttas till ett annat år.")
    flytt_kontrollera(mote=Sammantrade.objects.get(pk=mote.pk), datum=mote.datum)
    for p in [mote.ordforande, mote.sekreterare, mote.sammankallande]:
        if p is not None and p.forbund_id != mote.forbund_id:
            raise ValidationError("Personen hör inte till förbundet.")
    _kontrollera_ordforande_sekreterare(mote)
    tid_eller_plats = any(fore.get(k) != snapshot(mote).get(k) for k in ("datum", "starttid", "sluttid", "plats"))
    if tid_eller_plats:
        mote.kalendersekvens += 1
    mote.full_clean()
    mote.save()
    andringar = diff(fore, snapshot(mote))
    if mote.avslutat is not None and andringar:
        justeringar_aterstall(sammantrade=mote, aktor=aktor, orsak="mötets uppgifter ändrades")
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="sammantrade_andra", objekt=mote, andringar=andringar)
    return mote


def _kontrollera_ordforande_sekreterare(mote: Sammantrade) -> None:
    narvaro = {n.person_id: n for n in Narvaro.objects.filter(sammantrade=mote)}
    if not narvaro:
        return
    if mote.ordforande_id and (mote.ordforande_id not in narvaro or not narvaro[mote.ordforande_id].rostberattigad):
        raise ValidationError({"ordforande": [f"Mötesordföranden ska vara närvarande med rösträtt; {mote.ordforande} finns inte så i närvaron."]})
    if mote.sekreterare_id and mote.sekreterare_id not in narvaro:
        raise ValidationError({"sekreterare": [f"Sekreteraren ska vara närvarande; {mote.sekreterare} finns inte i närvaron."]})


def _nasta_mote_for(forbund: Forbund, datum: dt.date) -> Sammantrade | None:
    return Sammantrade.objects.filter(forbund=forbund, datum__gte=datum, avslutat__isnull=True).order_by("datum", "id").first()


def oanmalda_delegationsbeslut(sammantrade: Sammantrade) -> list[Delegationsbeslut]:
    return list(
        Delegationsbeslut.objects.filter(forbund=sammantrade.forbund, anmald_i__isnull=True, datum__lte=sammantrade.datum, delegation__anmals=True)
        .select_related("delegation", "delegat")
        .order_by("datum", "id")
    )


def uppdrag_att_aterrapportera(sammantrade: Sammantrade) -> list[Uppdrag]:
    return list(
        Uppdrag.objects.filter(aterrapport=sammantrade, status=Uppdrag.Status.OPPET)
        .select_related("paragraf", "ansvarig")
        .order_by("paragraf__ar", "paragraf__nummer")
    )


def automatiska_punkter_uppdatera(*, sammantrade: Sammantrade) -> None:
    """Keep the items 'Återrapportering av uppdrag' and 'Anmälan av delegationsbeslut' in step with the registers."""
    if sammantrade.avslutat is not None or sammantrade.justerat is not None:
        return
    forbund = sammantrade.forbund
    underlag: list[tuple[str, str, str, str]] = []
    uppdrag = uppdrag_att_aterrapportera(sammantrade)
    if uppdrag:
        rader = [f"- {u.paragraf.beteckning}/{u.paragraf.ar}: {u.text} (ansvarig: {u.ansvarig or u.ansvarig_text or '–'})" for u in uppdrag]
        underlag.append((Arende.Typ.UPPDRAG, "Återrapportering av uppdrag", "\n".join(rader), "notera återrapporteringen"))
    beslut = oanmalda_delegationsbeslut(sammantrade)
    if beslut:
        rader = [f"- {b.datum:%Y-%m-%d} {b.arende} – {b.beslut} ({b.delegat}, {b.delegation.delegat})" for b in beslut]
        underlag.append(
            (Arende.Typ.DELEGATION, "Anmälan av delegationsbeslut", "\n".join(rader), "lägga anmälda delegationsbeslut till handlingarna")
        )
    befintliga = {a.typ: a for a in sammantrade.arenden.filter(typ__in=[Arende.Typ.UPPDRAG, Arende.Typ.DELEGATION])}
    for atyp, rubrik, text, forslag in underlag:
        a = befintliga.pop(atyp, None)
        if a is None:
            # Before the information items; the standard items come first.
            efter = sammantrade.arenden.filter(typ=Arende.Typ.INFORMATION).order_by("ordning").first()
            ordning = efter.ordning if efter else (sammantrade.arenden.aggregate(m=Max("ordning"))["m"] or 0) + 1
            sammantrade.arenden.filter(ordning__gte=ordning).update(ordning=models_f_plus_one())
            Arende.objects.create(forbund=forbund, sammantrade=sammantrade, ordning=ordning, typ=atyp, rubrik=rubrik, text=text, forslag=forslag)
        elif a.paragraf_id is None:
            a.text = text
            a.save(update_fields=["text"])
    for a in befintliga.values():
        if a.paragraf_id is None:
            a.delete()


def arende_overfor(*, paragraf: Paragraf, arende: Arende) -> Arende | None:
    """An item sent back (återremiss) or tabled (bordläggning) returns on the next meeting's agenda by itself.

    With no later meeting planned yet, the item waits and is put on the agenda when the next meeting is planned.
    """
    mote = paragraf.sammantrade
    nasta = (
        Sammantrade.objects.select_for_update()
        .filter(forbund=mote.forbund, datum__gt=mote.datum, avslutat__isnull=True)
        .order_by("datum", "id")
        .first()
    )
    if nasta is None:
        return None
    return _aterkommande_skapa(nasta, paragraf, arende)


def _aterkommande_skapa(mote: Sammantrade, paragraf: Paragraf, arende: Arende) -> Arende:
    orsak = "Återremitterat" if paragraf.utfall == "aterremiss" else "Bordlagt"
    text = f"{orsak} vid sammanträdet {paragraf.sammantrade.datum:%Y-%m-%d}, § {paragraf.nummer}."
    if arende.text:
        text += "\n\n" + arende.text
    avslutande = mote.arenden.filter(Q(typ=Arende.Typ.INFORMATION) | Q(rubrik__in=AVSLUTANDE)).order_by("ordning").first()
    ordning = avslutande.ordning if avslutande else _nasta_ordning(mote)
    mote.arenden.filter(ordning__gte=ordning).update(ordning=models_f_plus_one())
    return Arende.objects.create(
        forbund=mote.forbund,
        sammantrade=mote,
        ordning=ordning,
        typ=arende.typ,
        rubrik=arende.rubrik,
        text=text,
        foredragande=arende.foredragande,
        forslag=arende.forslag,
        slag=arende.slag,
        aterkommer_fran=paragraf,
        tillagt=mote.kallelse_skickad is not None,
    )


def vilande_arenden_overfor(*, sammantrade: Sammantrade) -> list[Arende]:
    """Put items tabled or sent back at earlier meetings, and not yet on a later agenda, on this meeting's agenda."""
    vilande = (
        Paragraf.objects.filter(
            forbund=sammantrade.forbund,
            utfall__in=["aterremiss", "bordlagt"],
            sammantrade__datum__lt=sammantrade.datum,
            aterkommande_arenden__isnull=True,
        )
        .select_related("sammantrade", "arende")
        .order_by("ar", "nummer")
    )
    ut = []
    for p in vilande:
        try:
            arende = p.arende
        except Arende.DoesNotExist:
            continue
        ut.append(_aterkommande_skapa(sammantrade, p, arende))
    return ut


def models_f_plus_one() -> Any:
    from django.db.models import F

    return F("ordning") + 1


def _nasta_ordning(sammantrade: Sammantrade) -> int:
    return int(sammantrade.arenden.aggregate(m=Max("ordning"))["m"] or 0) + 1


@transaction.atomic
def arende_skapa(
    *,
    sammantrade: Sammantrade,
    aktor: Any,
    rubrik: str,
    text: str = "",
    foredragande: str = "",
    forslag: str = "",
    typ: str = Arende.Typ.VANLIGT,
    ordning: int | None = None,
    slag: str | None = None,
) -> Arende:
    """Add an item. Its kind (slag: annual report, budget, grant) is taken from the heading unless given."""

    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if mote.avslutat is not None:
        raise ValidationError("Mötet är avslutat. Ett nytt ärende tas upp vid ett senare sammanträde.")
    nasta = _nasta_ordning(mote)
    if ordning is None and mote.kallelse_skickad is None:
        # Before the closing standing items (information, reports, other business, next meeting).
        avslutande = mote.arenden.filter(Q(typ=Arende.Typ.INFORMATION) | Q(rubrik__in=AVSLUTANDE)).order_by("ordning").first()
        ordning = avslutande.ordning if avslutande else None
    if ordning is None or ordning >= nasta:
        ordning = nasta
    else:
        ordning = max(1, ordning)
        mote.arenden.filter(ordning__gte=ordning).update(ordning=models_f_plus_one())
    if slag is None or (slag == "" and typ == Arende.Typ.VANLIGT and arendeslag_av_rubrik(rubrik)):
        slag = arendeslag_av_rubrik(rubrik) if typ == Arende.Typ.VANLIGT else ""
    arende = Arende(
        forbund=mote.forbund,
        sammantrade=mote,
        ordning=ordning,
        typ=typ,
        rubrik=rubrik.strip(),
        text=text,
        foredragande=foredragande,
        forslag=forslag,
        slag=slag,
        tillagt=mote.kallelse_skickad is not None,
    )
    arende.full_clean()
    arende.save()
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="arende_skapa", objekt=arende, andringar=diff({}, snapshot(arende)))
    return arende


@transaction.atomic
def arende_andra(
    *,
    arende: Arende,
    aktor: Any,
    rubrik: str,
    text: str,
    foredragande: str,
    forslag: str,
    slag: str | None = None,
) -> Arende:
    _ej_last(_las_mote(arende.sammantrade))
    arende = Arende.objects.select_for_update().get(pk=arende.pk)
    if arende.paragraf_id:
        raise ValidationError("Ärendet är redan beslutat; ändra paragrafen i protokollet i stället.")
    fore = snapshot(arende)
    arende.rubrik, arende.text, arende.foredragande, arende.forslag = rubrik.strip(), text, foredragande, forslag
    if slag is not None:
        arende.slag = slag
    arende.full_clean()
    arende.save()
    handelse_logga(aktor=aktor, forbund=arende.forbund, handling="arende_andra", objekt=arende, andringar=diff(fore, snapshot(arende)))
    return arende


@transaction.atomic
def arende_flytta(*, arende: Arende, aktor: Any, riktning: str) -> Arende:
    mote = _las_mote(arende.sammantrade)
    _ej_last(mote)
    arenden = list(mote.arenden.order_by("ordning", "id"))
    i = next(i for i, a in enumerate(arenden) if a.pk == arende.pk)
    j = i - 1 if riktning == "upp" else i + 1
    if j < 0 or j >= len(arenden):
        return arende
    arenden[i], arenden[j] = arenden[j], arenden[i]
    for n, a in enumerate(arenden, start=1):
        if a.ordning != n:
            Arende.objects.filter(pk=a.pk).update(ordning=n)
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="arende_flytta", objekt=arende, detaljer={"riktning": riktning})
    arende.refresh_from_db()
    return arende


@transaction.atomic
def arende_ta_bort(*, arende: Arende, aktor: Any) -> None:
    mote = _las_mote(arende.sammantrade)
    _ej_last(mote)
    if arende.paragraf_id:
        raise ValidationError("Ett beslutat ärende kan inte tas bort.")
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="arende_ta_bort", objekt=arende, andringar=diff(snapshot(arende), {}))
    for b in arende.bilagor.all():
        b.fil.delete(save=False)
    arende.delete()
    for n, a in enumerate(mote.arenden.order_by("ordning", "id"), start=1):
        if a.ordning != n:
            Arende.objects.filter(pk=a.pk).update(ordning=n)


@transaction.atomic
def bilaga_ladda_upp(*, arende: Arende, aktor: Any, fil: UploadedFile, titel: str = "") -> Bilaga:
    """Attach a file as the meeting's next 'Bilaga N'. Size, type (extension and content) and active content are checked."""
    mote = _las_mote(arende.sammantrade)
    _ej_last(mote)
    namn = fil.name or "bilaga"
    andelse = kontrollera_fil(fil)
    nummer = int(mote.bilagor.aggregate(m=Max("nummer"))["m"] or 0) + 1
    bilaga = Bilaga(
        forbund=mote.forbund,
        sammantrade=mote,
        arende=arende,
        nummer=nummer,
        titel=(titel or namn)[:200],
        storlek=fil.size or 0,
        innehallstyp=(getattr(fil, "content_type", "") or "")[:100],
    )
    bilaga.fil.save(f"bilaga-{mote.pk}-{nummer}{andelse}", fil, save=False)
    bilaga.save()
    handelse_logga(
        aktor=aktor,
        forbund=mote.forbund,
        handling="bilaga_ladda_upp",
        objekt=bilaga,
        andringar=diff({}, snapshot(bilaga)),
        detaljer={"filnamn": namn, "storlek": fil.size},
    )
    return bilaga


def _overlappar(a_fran: int | None, a_till: int | None, b_fran: int | None, b_till: int | None) -> bool:
    lo_a, hi_a = a_fran or 0, a_till if a_till is not None else 10**9
    lo_b, hi_b = b_fran or 0, b_till if b_till is not None else 10**9
    return lo_a <= hi_b and lo_b <= hi_a


def _mandat_for(person: Person, typ: str, datum: dt.date) -> Mandat | None:
    return (
        Mandat.objects.filter(person=person, typ=typ, fran__lte=datum)
        .filter(Q(till__isnull=True) | Q(till__gte=datum))
        .select_related("medlem")
        .first()
    )


@transaction.atomic
def narvaro_registrera(
    *,
    sammantrade: Sammantrade,
    aktor: Any,
    person: Person,
    kategori: str,
    ersatter: Mandat | None = None,
    fran_nummer: int | None = None,
    till_nummer: int | None = None,
    funktion: str = "",
) -> Narvaro:
    """Record (or change) one person's attendance. An ersättare serves only for an absent ledamot of the same member."""
    mote = _las_mote(sammantrade)
    _ej_last(mote)
    if person.forbund_id != mote.forbund_id:
        raise ValidationError("Personen hör inte till förbundet.")
    if fran_nummer and till_nummer and till_nummer < fran_nummer:
        raise ValidationError("Sista paragrafen kan inte vara före den första.")
    befintlig = Narvaro.objects.filter(sammantrade=mote, person=person).first()
    fore = snapshot(befintlig) if befintlig else {}
    n = befintlig or Narvaro(forbund=mote.forbund, sammantrade=mote, person=person)
    n.kategori, n.fran_nummer, n.till_nummer, n.funktion = kategori, fran_nummer, till_nummer, funktion
    n.mandat, n.ersatter = None, None
    ovriga = list(Narvaro.objects.filter(sammantrade=mote).exclude(person=person).select_related("mandat", "ersatter", "person"))
    if kategori == Narvaro.Kategori.LEDAMOT:
        n.mandat = _mandat_for(person, "ledamot", mote.datum)
        if n.mandat is None:
            raise ValidationError(f"{person} är inte ledamot {mote.datum:%Y-%m-%d}.")
        for o in ovriga:
            if o.ersatter_id == n.mandat.pk and _overlappar(o.fran_nummer, o.till_nummer, fran_nummer, till_nummer):
                raise ValidationError(f"{o.person} tjänstgör för {person} under samma paragrafer. Ändra ersättarens närvaro först.")
    elif kategori in {Narvaro.Kategori.TJANSTGORANDE, Narvaro.Kategori.ERSATTARE}:
        n.mandat = _mandat_for(person, "ersattare", mote.datum)
        if n.mandat is None:
            raise ValidationError(f"{person} är inte ersättare {mote.datum:%Y-%m-%d}.")
        if kategori == Narvaro.Kategori.TJANSTGORANDE:
            if ersatter is None or ersatter.typ != Mandat.Typ.LEDAMOT or ersatter.forbund_id != mote.forbund_id:
                raise ValidationError("Ange vilken ledamot ersättaren tjänstgör för.")
            if ersatter.medlem_id != n.mandat.medlem_id:
                raise ValidationError(
                    f"{person} är ersättare för {n.mandat.medlem} och kan inte tjänstgöra för {ersatter.person}, "
                    f"som är ledamot för {ersatter.medlem}. En ersättare tjänstgör bara för en frånvarande ledamot från samma medlem."
                )
            for o in ovriga:
                if (
                    o.mandat_id == ersatter.pk
                    and o.kategori == Narvaro.Kategori.LEDAMOT
                    and _overlappar(o.fran_nummer, o.till_nummer, fran_nummer, till_nummer)
                ):
                    raise ValidationError(f"{ersatter.person} är närvarande under samma paragrafer; ersättaren kan inte tjänstgöra då.")
                if o.ersatter_id == ersatter.pk and _overlappar(o.fran_nummer, o.till_nummer, fran_nummer, till_nummer):
                    raise ValidationError(f"{o.person} tjänstgör redan för {ersatter.person} under samma paragrafer.")
            n.ersatter = ersatter
    n.full_clean()
    n.save()
    _kontrollera_beslutade_paragrafer(mote)
    andringar = diff(fore, snapshot(n))
    if mote.avslutat is not None and andringar:
        justeringar_aterstall(sammantrade=mote, aktor=aktor, orsak=f"närvaron för {person} ändrades")
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="narvaro_registrera", objekt=n, andringar=andringar)
    return n


def _kontrollera_beslutade_paragrafer(mote: Sammantrade) -> None:
    """An attendance change may not leave an already decided paragraph without quorum."""
    paragrafer = list(mote.paragrafer.prefetch_related("roster"))
    if not paragrafer:
        return
    regler, antal = regler_vid(mote.forbund, mote.datum)
    narvaro = list(Narvaro.objects.filter(sammantrade=mote).select_related("person"))
    for p in paragrafer:
        jav = [r.person_id for r in p.roster.all() if r.val == "jav"]
        lage = lage_vid(regler=regler, antal_ledamoter=antal, narvaro=narvaro, nummer=p.nummer, javiga_person_ids=jav)
        if not lage.beslutsfor:
            raise ValidationError(f"Ändringen gör § {p.nummer} ej beslutsför ({lage.text}) och sparades inte.")


@transaction.atomic
def narvaro_ta_bort(*, narvaro: Narvaro, aktor: Any) -> None:
    mote = _las_mote(narvaro.sammantrade)
    _ej_last(mote)
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="narvaro_ta_bort", objekt=narvaro, andringar=diff(snapshot(narvaro), {}))
    narvaro.delete()
    _kontrollera_beslutade_paragrafer(mote)
    if mote.avslutat is not None:
        justeringar_aterstall(sammantrade=mote, aktor=aktor, orsak=f"{narvaro.person} togs bort ur närvaron")


@transaction.atomic
def anslag_registrera(
    *,
    sammantrade: Sammantrade,
    aktor: Any,
    uppsatt: dt.date,
    nedtas: dt.date,
    forvaringsplats: str = "",
    anslagsplatser: str = "",
) -> Anslag:
    """Post the justered minutes: at most two days after justering, taken down at least three weeks later."""
    mote = _las_mote(sammantrade)
    if mote.justerat is None:
        raise ValidationError("Protokollet måste vara justerat innan det anslås.")
    if Anslag.objects.filter(sammantrade=mote).exists():  # posted minutes are locked: audited by the door
        raise vagrad("Protokollet är redan anslaget.", forbund=mote.forbund, objekt=mote, handling="anslag_registrera")
    justerad = timezone.localtime(mote.justerat).date()
    if uppsatt < justerad:
        raise ValidationError(f"Anslaget kan inte sättas upp före justeringen ({justerad:%Y-%m-%d}).")
    if uppsatt > justerad + dt.timedelta(days=2):
        raise ValidationError(f"Anslaget ska sättas upp senast två dagar efter justeringen, dvs. senast {justerad + dt.timedelta(days=2):%Y-%m-%d}.")
    if nedtas < uppsatt + dt.timedelta(days=21):
        raise ValidationError(f"Anslaget ska sitta uppe minst tre veckor, dvs. tas ned tidigast {uppsatt + dt.timedelta(days=21):%Y-%m-%d}.")
    anslag = Anslag(
        forbund=mote.forbund,
        sammantrade=mote,
        uppsatt=uppsatt,
        nedtas=nedtas,
        forvaringsplats=forvaringsplats or beslutsregler_for(mote.forbund).forvaringsplats,
        anslagsplatser="\n".join(r.strip() for r in (anslagsplatser or STANDARD_ANSLAGSPLATS).splitlines() if r.strip()),
        anslagen_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    anslag.full_clean()
    anslag.save()
    handelse_logga(aktor=aktor, forbund=mote.forbund, handling="anslag_registrera", objekt=anslag, andringar=diff({}, snapshot(anslag)))

    anslagsbevis_bestall(sammantrade=mote, aktor=aktor)
    return anslag
