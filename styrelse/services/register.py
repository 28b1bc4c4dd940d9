"""Assignments, delegation decisions and the diarium."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.filkontroll import kontrollera_fil
from finsam.models import Forbund, Person
from forvaltning.models import Delegationsrad

from ..models import Delegationsbeslut, Gallringslista, Handling, Handlingstyp, Nummerserie, Paragraf, Sammantrade, Uppdrag
from ..selectors import gallring_forfallna
from .mote import _nasta_mote_for, automatiska_punkter_uppdatera
from .numrering import nasta_nummer


@transaction.atomic
def uppdrag_skapa(
    *,
    forbund: Forbund,
    aktor: Any,
    paragraf: Paragraf,
    text: str,
    ansvarig: Person | None = None,
    ansvarig_text: str = "",
    aterrapport: Sammantrade | None = None,
) -> Uppdrag:
    """An assignment entered by hand (the decision did not word it as "att uppdra till … att …")."""
    for obj in (paragraf, ansvarig, aterrapport):
        if obj is not None and obj.forbund_id != forbund.pk:
            raise ValidationError("Valet hör inte till förbundet.")
    if not paragraf.bifallen:
        raise ValidationError({"paragraf": [f"§ {paragraf.nummer}/{paragraf.ar} är inget bifall och ger inget uppdrag."]})
    if aterrapport is not None and aterrapport.datum <= paragraf.sammantrade.datum:
        raise ValidationError({"aterrapport": ["Återrapporteringen ska ske vid ett senare sammanträde än beslutet."]})
    u = Uppdrag(
        forbund=forbund, paragraf=paragraf, text=text.strip(), ansvarig=ansvarig, ansvarig_text=ansvarig_text.strip(), aterrapport=aterrapport
    )
    u.full_clean()
    u.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="uppdrag_skapa", objekt=u, andringar=diff({}, snapshot(u)))
    if aterrapport is not None:
        automatiska_punkter_uppdatera(sammantrade=aterrapport)
    return u


@transaction.atomic
def uppdrag_andra(*, uppdrag: Uppdrag, aktor: Any, ansvarig: Person | None, aterrapport: Sammantrade | None) -> Uppdrag:
    uppdrag = Uppdrag.objects.select_for_update().get(pk=uppdrag.pk)
    for obj in (ansvarig, aterrapport):
        if obj is not None and obj.forbund_id != uppdrag.forbund_id:
            raise ValidationError("Valet hör inte till förbundet.")
    gammalt_mote = uppdrag.aterrapport
    fore = snapshot(uppdrag)
    uppdrag.ansvarig, uppdrag.aterrapport = ansvarig, aterrapport
    uppdrag.full_clean()
    uppdrag.save()
    handelse_logga(aktor=aktor, forbund=uppdrag.forbund, handling="uppdrag_andra", objekt=uppdrag, andringar=diff(fore, snapshot(uppdrag)))
    for mote in {gammalt_mote, aterrapport} - {None}:
        automatiska_punkter_uppdatera(sammantrade=mote)  # type: ignore[arg-type]
    return uppdrag


@transaction.atomic
def uppdrag_avsluta(*, uppdrag: Uppdrag, aktor: Any, klart_paragraf: Paragraf | None = None, datum: dt.date | None = None) -> Uppdrag:
    uppdrag = Uppdrag.objects.select_for_update().get(pk=uppdrag.pk)
    uppdrag.kontrollera_overgang(Uppdrag.Status.KLART, "Uppdraget är redan klart.")
    if klart_paragraf is not None and klart_paragraf.forbund_id != uppdrag.forbund_id:
        raise ValidationError("Paragrafen hör inte till förbundet.")
    fore = snapshot(uppdrag)
    uppdrag.status = Uppdrag.Status.KLART
    uppdrag.klart_paragraf = klart_paragraf
    uppdrag.klart_datum = datum or timezone.localdate()
    uppdrag.save()
    handelse_logga(aktor=aktor, forbund=uppdrag.forbund, handling="uppdrag_avsluta", objekt=uppdrag, andringar=diff(fore, snapshot(uppdrag)))
    if uppdrag.aterrapport:
        automatiska_punkter_uppdatera(sammantrade=uppdrag.aterrapport)
    return uppdrag


@transaction.atomic
def delegationsbeslut_registrera(
    *,
    forbund: Forbund,
    aktor: Any,
    delegation: Delegationsrad,
    delegat: Person,
    datum: dt.date,
    arende: str,
    beslut: str,
    diarienummer: str = "",
    belopp: Decimal | None = None,
) -> Delegationsbeslut:
    """Register a decision taken under delegation; it appears on the next meeting's agenda if it is to be reported.

    The delegation order in force on the decision date decides: the row must be of that version, the
    decision maker must hold the delegate's (or ersättare's) role then, and the amount must be within
    the row's limit (forvaltning.Delegationsrad.prova_beslut).
    """
    if delegation.forbund_id != forbund.pk or delegat.forbund_id != forbund.pk:
        raise ValidationError("Delegationen och beslutsfattaren måste höra till förbundet.")
    if datum > timezone.localdate():
        raise ValidationError("Beslutsdatum kan inte vara i framtiden.")
    if belopp is not None and belopp < 0:
        raise ValidationError({"belopp": "Beloppet kan inte vara negativt."})
    delegation.prova_beslut(person=delegat, datum=datum, belopp=belopp)
    d = Delegationsbeslut(
        forbund=forbund,
        delegation=delegation,
        delegat=delegat,
        datum=datum,
        arende=arende.strip(),
        beslut=beslut.strip(),
        diarienummer=diarienummer.strip(),
        belopp=belopp,
        registrerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    d.full_clean()
    d.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="delegationsbeslut_registrera", objekt=d, andringar=diff({}, snapshot(d)))
    if delegation.anmals:
        mote = _nasta_mote_for(forbund, datum)
        if mote is not None:
            automatiska_punkter_uppdatera(sammantrade=mote)
    return d


@transaction.atomic
def handling_registrera(
    *,
    forbund: Forbund,
    aktor: Any,
    riktning: str,
    datum: dt.date,
    rubrik: str,
    handlingstyp: Handlingstyp,
    motpart: str = "",
    arende: str = "",
    sekretess: bool = False,
    fil: UploadedFile | None = None,
    paragrafer: list[Paragraf] | None = None,
) -> Handling:
    """Register a document in the diarium with the next diarienummer of the year."""
    if handlingstyp.forbund_id != forbund.pk or any(p.forbund_id != forbund.pk for p in paragrafer or []):
        raise ValidationError("Handlingstyp och beslut måste höra till förbundet.")
    if fil is not None:
        kontrollera_fil(fil)  # the content, not only the extension (issue 14)
    ar = datum.year
    h = Handling(
        forbund=forbund,
        ar=ar,
        lopnummer=0,
        riktning=riktning,
        datum=datum,
        rubrik=rubrik.strip(),
        motpart=motpart,
        arende=arende,
        handlingstyp=handlingstyp,
        sekretess=sekretess,
        registrerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    h.lopnummer = 1
    h.full_clean(exclude=["lopnummer"])
    h.lopnummer = nasta_nummer(forbund=forbund, serie=Nummerserie.Serie.DIARIUM, ar=ar)
    if fil is not None:
        h.fil.save(f"{forbund.diarieprefix}-{ar}-{h.lopnummer}-{fil.name}", fil, save=False)
    h.save()
    if paragrafer:
        h.paragrafer.set(paragrafer)
    # finsam.audit.snapshot cannot read an empty FileField, so the file is recorded by name.
    falt = [f.name for f in Handling._meta.concrete_fields if f.name != "fil"]
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="handling_registrera",
        objekt=h,
        andringar=diff({}, snapshot(h, falt)),
        detaljer={"diarienummer": h.diarienummer, "fil": h.fil.name if h.fil else "", "paragrafer": [p.pk for p in paragrafer or []]},
    )
    return h


@transaction.atomic
def gallringslista_skapa(*, forbund: Forbund, ar: int, aktor: Any = "system") -> Gallringslista:
    """The documents that may be destroyed in `ar` under the records plan. A rerun replaces the list."""

    rader = [
        {
            "id": h.pk,
            "diarienummer": h.diarienummer,
            "rubrik": h.rubrik,
            "datum": h.datum.isoformat(),
            "handlingstyp": h.handlingstyp.namn,
            "regel": h.handlingstyp.regel,
        }
        for h in gallring_forfallna(forbund, ar)
    ]
    lista, _ = Gallringslista.objects.update_or_create(forbund=forbund, ar=ar, defaults={"handlingar": rader})
    handelse_logga(aktor=aktor, forbund=forbund, handling="gallringslista_skapa", objekt=lista, detaljer={"ar": ar, "antal": len(rader)})
    return lista
