"""Write use cases of the auditors register (statutes § 14) and reminders about discharge.

Discharge decisions themselves: ekonomi.services.ansvarsfrihet_spara."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ekonomi.models import Ansvarsfrihet
from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem

from ..models.revision import UTSER_FOR, AnsvarsfrihetPaminnelse, Revisor
from ..selectors.revision import ansvarsfrihet_senast

FALT = {"person", "utsedd_av", "ar_fran", "ar_till", "beslut_referens", "beslut_datum"}


def _kontrollera(revisor: Revisor, granskar: list[Medlem]) -> None:
    """The model's rules and the auditor-per-member rule, reported together."""
    fel: dict[str, list[str]] = {}
    try:
        revisor.full_clean()
    except ValidationError as exc:
        fel = dict(exc.message_dict)
    if not granskar:
        fel.setdefault("granskar", []).append("Ange vilka medlemmar revisorn granskar för.")
    if any(m.forbund_id != revisor.forbund_id for m in granskar):
        fel.setdefault("granskar", []).append("En av medlemmarna hör till ett annat förbund.")
    if fel:
        raise ValidationError(fel)
    utsedd_av = revisor.utsedd_av
    tillatna = UTSER_FOR[utsedd_av.typ]
    fel_typ = [m.namn for m in granskar if m.typ not in tillatna]
    if fel_typ:
        vilka = "Försäkringskassan och Arbetsförmedlingen" if utsedd_av.typ == Medlem.Typ.FK else "regionen och kommunerna"
        raise ValidationError(
            {"granskar": f"En revisor som {utsedd_av.namn} utser granskar för {vilka} (förbundsordningen § 14), inte för {', '.join(fel_typ)}."}
        )
    if utsedd_av not in granskar:
        raise ValidationError({"granskar": f"Revisorn granskar för den medlem som utsåg den, {utsedd_av.namn}."})
    andra = Revisor.objects.filter(forbund=revisor.forbund, granskar__in=granskar).exclude(pk=revisor.pk)
    andra = andra.filter(Q(ar_till__isnull=True) | Q(ar_till__gte=revisor.ar_fran))
    if revisor.ar_till is not None:
        andra = andra.filter(ar_fran__lte=revisor.ar_till)
    krock = andra.select_related("person").prefetch_related("granskar").distinct().first()
    if krock is not None:
        gemensamma = ", ".join(m.namn for m in krock.granskar.all() if m in granskar)
        raise ValidationError(
            {"granskar": f"{krock.person} är redan revisor för {gemensamma} ({krock.period_text}); varje medlem har en revisor per år."}
        )


def _logg(revisor: Revisor, granskar: list[Medlem]) -> dict[str, Any]:
    return {**snapshot(revisor), "granskar": sorted(m.pk for m in granskar)}


@transaction.atomic
def revisor_skapa(*, forbund: Forbund, aktor: Any, granskar: Iterable[Medlem], **falt: Any) -> Revisor:
    okanda = set(falt) - FALT
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    medlemmar = list(granskar)
    revisor = Revisor(forbund=forbund, **falt)
    _kontrollera(revisor, medlemmar)
    revisor.save()
    revisor.granskar.set(medlemmar)
    handelse_logga(aktor=aktor, forbund=forbund, handling="revisor_skapa", objekt=revisor, andringar=diff({}, _logg(revisor, medlemmar)))
    return revisor


@transaction.atomic
def revisor_andra(*, revisor: Revisor, aktor: Any, granskar: Iterable[Medlem] | None = None, **falt: Any) -> Revisor:
    okanda = set(falt) - FALT
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    revisor = Revisor.objects.select_for_update().get(pk=revisor.pk)
    fore = _logg(revisor, list(revisor.granskar.all()))
    for namn, varde in falt.items():
        setattr(revisor, namn, varde)
    medlemmar = list(granskar if granskar is not None else revisor.granskar.all())
    _kontrollera(revisor, medlemmar)
    if revisor.berattelser.exclude(ar__gte=revisor.ar_fran, ar__lte=revisor.ar_till or 2200).exists():
        raise ValidationError({"ar_fran": "Revisorn har lämnat revisionsberättelse för ett år utanför den nya perioden."})
    revisor.save()
    revisor.granskar.set(medlemmar)
    andringar = diff(fore, _logg(revisor, medlemmar))
    if andringar:
        handelse_logga(aktor=aktor, forbund=revisor.forbund, handling="revisor_andra", objekt=revisor, andringar=andringar)
    return revisor


@transaction.atomic
def ansvarsfrihet_paminnelse_skicka(*, forbund: Forbund, aktor: Any, medlem: Medlem, ar: int, idag: dt.date | None = None) -> AnsvarsfrihetPaminnelse:
    """E-mail a member that has not decided on discharge for `ar` (to its e-mail for matters); every sending is recorded."""
    idag = idag or timezone.localdate()
    if medlem.forbund_id != forbund.pk:
        raise ValidationError({"medlem": "Finns inte i förbundet."})
    if ar >= idag.year:
        raise ValidationError(f"Räkenskapsåret {ar} är inte avslutat; medlemmarna beslutar om ansvarsfrihet efter revisionen året därpå.")
    beslut = Ansvarsfrihet.objects.filter(forbund=forbund, ar=ar, medlem=medlem).exclude(beslut=Ansvarsfrihet.Beslut.EJ_BESLUTAT).first()
    if beslut is not None:
        datum = f" den {beslut.beslutsdatum:%Y-%m-%d}" if beslut.beslutsdatum else ""
        raise ValidationError(
            f"{medlem.namn} har redan beslutat om ansvarsfrihet för {ar} ({beslut.get_beslut_display().lower()}{datum}); ingen påminnelse behövs."
        )
    if not medlem.epost:
        raise ValidationError(
            f"{medlem.namn} har ingen e-postadress för ärenden. Lägg in medlemmens registrator under Förvaltning → Medlemmar och försök igen."
        )
    senast = ansvarsfrihet_senast(ar)
    svar_till = forbund.epost or settings.DEFAULT_FROM_EMAIL
    text = (
        f"Till {medlem.namn}\n\n"
        f"{forbund.namn} har ännu inte fått {medlem.namn}s beslut om ansvarsfrihet för förbundsstyrelsen för räkenskapsåret {ar}.\n"
        f"Enligt förbundsordningen prövar varje medlem ansvarsfriheten för sig; beslutet bör vara fattat senast {senast:%Y-%m-%d}.\n\n"
        f"Skicka protokollsutdraget med beslutet till {svar_till}.\n\n"
        f"Med vänlig hälsning\n{forbund.namn}"
    )
    EmailMessage(
        subject=f"Påminnelse: beslut om ansvarsfrihet för {forbund.namn} {ar}",
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[medlem.epost],
        reply_to=[svar_till],
    ).send()
    obj = AnsvarsfrihetPaminnelse(
        forbund=forbund, medlem=medlem, ar=ar, mottagare=medlem.epost, skickad_av=aktor if getattr(aktor, "is_authenticated", False) else None
    )
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="ansvarsfrihet_paminnelse_skicka",
        objekt=obj,
        andringar=diff({}, snapshot(obj)),
        detaljer={"medlem": medlem.namn, "ar": ar, "mottagare": medlem.epost},
    )
    return obj
