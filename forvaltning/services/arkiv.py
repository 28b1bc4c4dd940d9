"""Write use cases for the records plan, legal holds and gallring (proposed by the system, carried out by the förbundschef)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.documents.services import dokument_bestall, dokument_ta_bort
from finsam.models import Dokument, Forbund
from styrelse.models import Handling, Handlingstyp

from ..arkiv_plan import PLAN, finsam_rader
from ..arkivtyper import arkivtyper
from ..models import Gallring, Gallringsstopp, Planrad
from ..selectors.arkiv import gallring_underlag

PLAN_FALT = ("nummer", "avsnitt", "handling", "media", "sortering", "forvaringsplats", "bevarande", "ar", "regel_text", "anmarkning", "produkttyper")
PROTOKOLLTYP = "gallringsprotokoll"


def _aktor_namn(aktor: Any) -> str:
    if getattr(aktor, "is_authenticated", False):
        return aktor.get_full_name() or aktor.get_username()
    return str(aktor)


@transaction.atomic
def dokumenthanteringsplan_skapa(*, forbund: Forbund, aktor: Any) -> list[Planrad]:
    """Start the förbund's plan from the adopted plan of the seed (22 rows) and the rows for Finsam's own records."""
    if Planrad.objects.filter(forbund=forbund).exists():
        raise ValidationError("Förbundet har redan en dokumenthanteringsplan; ändra den rad för rad.")
    rader = []
    for nummer, (avsnitt, handling, media, sortering, plats, bevarande, ar, regel, anm, typer) in enumerate([*PLAN, *finsam_rader()], start=1):
        rad = Planrad(
            forbund=forbund,
            nummer=nummer,
            avsnitt=avsnitt,
            handling=handling,
            media=media,
            sortering=sortering,
            forvaringsplats=plats,
            bevarande=bevarande,
            ar=ar,
            regel_text=regel,
            anmarkning=anm,
            produkttyper=list(typer),
        )
        rad.full_clean()
        rad.save()
        rader.append(rad)
    handelse_logga(aktor=aktor, forbund=forbund, handling="dokumenthanteringsplan_skapa", detaljer={"rader": len(rader)})
    return rader


def _kontrollera_produkttyper(rad: Planrad) -> None:
    kanda = arkivtyper()
    okanda = [k for k in rad.produkttyper if k not in kanda]
    if okanda:
        raise ValidationError({"produkttyper": f"Okänd handling i Finsam: {', '.join(okanda)}."})
    if len(set(rad.produkttyper)) != len(rad.produkttyper):
        raise ValidationError({"produkttyper": "Samma handling anges två gånger."})
    andra = Planrad.objects.filter(forbund=rad.forbund).exclude(pk=rad.pk)
    for annan in andra:
        dubbel = set(annan.produkttyper) & set(rad.produkttyper)
        if dubbel:
            namn = ", ".join(kanda[k] for k in sorted(dubbel))
            raise ValidationError({"produkttyper": f"{namn} hör redan till raden ”{annan.handling}”. En handling följer en enda regel."})


@transaction.atomic
def planrad_spara(*, forbund: Forbund, aktor: Any, rad: Planrad | None = None, **falt: Any) -> Planrad:
    okanda = set(falt) - set(PLAN_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    if rad is not None and rad.forbund_id != forbund.pk:
        raise ValidationError("Raden hör till ett annat förbund.")
    fore = snapshot(rad) if rad is not None else {}
    if rad is None:
        rad = Planrad(forbund=forbund, nummer=(Planrad.objects.filter(forbund=forbund).aggregate(m=Max("nummer"))["m"] or 0) + 1)
    for namn, varde in falt.items():
        setattr(rad, namn, varde.strip() if isinstance(varde, str) else varde)
    if rad.bevarande == "gallras" and rad.pk and fore.get("bevarande") == "bevaras":
        # A rule that said "bevaras" cannot later let a run destroy what was kept under it.
        raise ValidationError({"bevarande": "En handlingstyp som bevaras kan inte ändras till att gallras; lägg till en ny rad för nya handlingar."})
    rad.full_clean()
    _kontrollera_produkttyper(rad)
    rad.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="planrad_spara", objekt=rad, andringar=diff(fore, snapshot(rad)))
    return rad


@transaction.atomic
def planrad_ta_bort(*, rad: Planrad, aktor: Any) -> None:
    typer = list(Handlingstyp.objects.filter(planrad=rad).values_list("namn", flat=True))
    if typer:
        raise ValidationError(f"Raden används av diariets handlingstyper: {', '.join(typer)}. Klassa dem under en annan rad först.")
    handelse_logga(aktor=aktor, forbund=rad.forbund, handling="planrad_ta_bort", objekt=rad, andringar=diff(snapshot(rad), {}))
    rad.delete()


@transaction.atomic
def handlingstyp_klassa(*, handlingstyp: Handlingstyp, planrad: Planrad | None, aktor: Any) -> Handlingstyp:
    """Put a diarium document type under a row of the plan (its retention follows the row)."""
    if planrad is None:
        raise ValidationError({"planrad": "Välj den rad i dokumenthanteringsplanen som handlingstypen följer."})
    if planrad.forbund_id != handlingstyp.forbund_id:
        raise ValidationError({"planrad": "Raden hör till ett annat förbund."})
    fore = snapshot(handlingstyp)
    handlingstyp.planrad = planrad
    handlingstyp.save(update_fields=["planrad"])
    handelse_logga(
        aktor=aktor, forbund=planrad.forbund, handling="handlingstyp_klassa", objekt=handlingstyp, andringar=diff(fore, snapshot(handlingstyp))
    )
    return handlingstyp


@transaction.atomic
def gallringsstopp_registrera(*, forbund: Forbund, aktor: Any, arende: str, orsak: str, fran: dt.date | None = None) -> Gallringsstopp:
    if not (arende or "").strip():
        raise ValidationError({"arende": "Ange ärendet vars handlingar inte får gallras."})
    if not (orsak or "").strip():
        raise ValidationError({"orsak": "Ange varför handlingarna inte får gallras (t.ex. tvist, begäran om utlämnande)."})
    stopp = Gallringsstopp(
        forbund=forbund,
        arende=arende.strip(),
        orsak=orsak.strip(),
        fran=fran or timezone.localdate(),
        registrerat_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    stopp.full_clean()
    stopp.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="gallringsstopp_registrera", objekt=stopp, andringar=diff({}, snapshot(stopp)))
    return stopp


@transaction.atomic
def gallringsstopp_hav(*, stopp: Gallringsstopp, aktor: Any, datum: dt.date | None = None) -> Gallringsstopp:
    stopp = Gallringsstopp.objects.select_for_update().get(pk=stopp.pk)
    if stopp.havt is not None:
        raise ValidationError("Gallringsstoppet är redan hävt.")
    fore = snapshot(stopp)
    stopp.havt = datum or timezone.localdate()
    stopp.save(update_fields=["havt"])
    handelse_logga(aktor=aktor, forbund=stopp.forbund, handling="gallringsstopp_hav", objekt=stopp, andringar=diff(fore, snapshot(stopp)))
    return stopp


@transaction.atomic
def gallring_foresla(*, forbund: Forbund, aktor: Any = "system", idag: dt.date | None = None) -> Gallring:
    """The system's proposal: what is due in this calendar year. A rerun replaces the open proposal."""
    idag = idag or timezone.localdate()
    due, kept = gallring_underlag(forbund, idag.year)
    gallring = Gallring.objects.select_for_update().filter(forbund=forbund, status=Gallring.Status.FORSLAG).first()
    if gallring is None:
        nummer = (Gallring.objects.filter(forbund=forbund).aggregate(m=Max("nummer"))["m"] or 0) + 1
        gallring = Gallring(forbund=forbund, nummer=nummer)
    gallring.ar = idag.year
    gallring.foreslagen = timezone.now()
    gallring.poster, gallring.behalls = due, kept
    gallring.full_clean()
    gallring.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="gallring_foresla",
        objekt=gallring,
        detaljer={"ar": gallring.ar, "poster": len(due), "behalls": len(kept)},
    )
    return gallring


@transaction.atomic
def gallring_genomfor(*, gallring: Gallring, aktor: Any, idag: dt.date | None = None) -> Gallring:
    """The förbundschef approves the proposal: what is still due is destroyed, the rest is kept with the reason.

    A diarium document keeps its entry (diarienummer, rubrik) with `gallrad` set and its file removed;
    one of Finsam's own PDFs is deleted with its file. Nothing under a "bevaras" row, under a legal hold
    or locked is ever destroyed: the due list is computed again now, not trusted from the proposal.
    The gallringsprotokoll (PDF/A, locked when rendered) lists who, when, what and under which row.
    """
    idag = idag or timezone.localdate()
    gallring = Gallring.objects.select_for_update().get(pk=gallring.pk)
    gallring.kontrollera_overgang(Gallring.Status.GENOMFORD, "Gallringen är redan genomförd.")
    due, kept_nu = gallring_underlag(gallring.forbund, idag.year)
    nu = {(p["slag"], p["id"]): p for p in due}
    gallrat: list[dict[str, Any]] = []
    behalls = [*gallring.behalls]
    for post in gallring.poster:
        aktuell = nu.get((post["slag"], post["id"]))
        if aktuell is None:
            skal = next((k["skal"] for k in kept_nu if (k["slag"], k["id"]) == (post["slag"], post["id"])), "")
            behalls.append({**post, "skal": skal or "Inte längre gallringsbar när gallringen genomfördes (planen eller handlingen har ändrats)."})
            continue
        if aktuell["slag"] == "handling":
            _gallra_handling(aktuell["id"], idag)
        else:
            dokument_ta_bort(dokument=Dokument.objects.get(pk=aktuell["id"]), aktor=aktor)
        gallrat.append({**aktuell, "gallrad": idag.isoformat()})
    fore = snapshot(gallring, ["status", "genomford"])
    gallring.utfall, gallring.behalls = gallrat, behalls
    gallring.status = Gallring.Status.GENOMFORD
    gallring.genomford = timezone.now()
    gallring.genomford_av = aktor if getattr(aktor, "is_authenticated", False) else None
    gallring.genomford_av_namn = _aktor_namn(aktor)
    gallring.save()
    handelse_logga(
        aktor=aktor,
        forbund=gallring.forbund,
        handling="gallring_genomfora",
        objekt=gallring,
        andringar=diff(fore, snapshot(gallring, ["status", "genomford"])),
        detaljer={
            "gallrat": [{k: p[k] for k in ("slag", "id", "beskrivning", "planrad", "regel")} for p in gallrat],
            "behalls": [{k: p.get(k) for k in ("slag", "id", "beskrivning", "skal")} for p in behalls],
        },
    )
    gallring.protokoll = dokument_bestall(
        forbund=gallring.forbund,
        aktor=aktor,
        typ=PROTOKOLLTYP,
        titel=f"Gallringsprotokoll nr {gallring.nummer} ({gallring.ar})",
        nyckel=f"gallringsprotokoll:{gallring.pk}",
        parametrar={"gallring": gallring.pk},
    )
    gallring.save(update_fields=["protokoll"])
    return gallring


def _gallra_handling(pk: int, idag: dt.date) -> None:
    h = Handling.objects.select_for_update(of=("self",)).select_related("handlingstyp__planrad").get(pk=pk)
    rad = h.handlingstyp.planrad
    if rad is None or rad.bevaras:  # belt and braces: the due list never holds these
        raise ValidationError(f"{h.diarienummer} ska bevaras och får inte gallras.")
    fil = h.fil.name
    h.fil = ""  # type: ignore[assignment]
    h.gallrad = idag
    h.save(update_fields=["fil", "gallrad"])
    if fil:
        transaction.on_commit(lambda: Handling._meta.get_field("fil").storage.delete(fil))  # type: ignore[attr-defined]
