"""Write use cases for agreements. Page, API and admin call these; each write leaves an audit event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.filkontroll import PDF, kontrollera_fil
from finsam.models import Forbund, Medlem

from ..models import Avtal, AvtalDokument

FALT = set(Avtal.SKRIVBARA_FALT) - {"medlemmar"}  # the parties are set apart


def _kontrollera(avtal: Avtal, parter: list[Medlem]) -> None:
    """The model's rules and the parties, reported together so the user sees every problem at once."""
    fel: dict[str, list[str]] = {}
    try:
        avtal.full_clean()
    except ValidationError as exc:
        fel = dict(exc.message_dict)
    if any(m.forbund_id != avtal.forbund_id for m in parter):
        fel.setdefault("medlemmar", []).append("En av parterna hör till ett annat förbund.")
    if not parter and not avtal.motpart.strip():
        fel.setdefault("motpart", []).append("Ange avtalets motpart: en eller flera medlemmar eller en extern motpart.")
    if fel:
        raise ValidationError(fel)


@transaction.atomic
def avtal_skapa(*, forbund: Forbund, aktor: Any, medlemmar: Iterable[Medlem] = (), **falt: Any) -> Avtal:
    okanda = set(falt) - FALT
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    parter = list(medlemmar)
    avtal = Avtal(forbund=forbund, **falt)
    _kontrollera(avtal, parter)
    avtal.save()
    avtal.medlemmar.set(parter)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="avtal_skapa",
        objekt=avtal,
        andringar=diff({}, {**snapshot(avtal), "medlemmar": sorted(m.pk for m in parter)}),
    )
    return avtal


@transaction.atomic
def avtal_andra(*, avtal: Avtal, aktor: Any, medlemmar: Iterable[Medlem] | None = None, **falt: Any) -> Avtal:
    okanda = set(falt) - FALT
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    avtal = Avtal.objects.select_for_update().get(pk=avtal.pk)
    if avtal.status == Avtal.Status.AVSLUTAT:
        raise ValidationError("Ett avslutat avtal kan inte ändras.")
    fore = {**snapshot(avtal), "medlemmar": sorted(avtal.medlemmar.values_list("pk", flat=True))}
    for namn, varde in falt.items():
        setattr(avtal, namn, varde)
    parter = list(medlemmar if medlemmar is not None else avtal.medlemmar.all())
    _kontrollera(avtal, parter)
    avtal.save()
    avtal.medlemmar.set(parter)
    efter = {**snapshot(avtal), "medlemmar": sorted(m.pk for m in parter)}
    handelse_logga(aktor=aktor, forbund=avtal.forbund, handling="avtal_andra", objekt=avtal, andringar=diff(fore, efter))
    return avtal


@transaction.atomic
def avtal_sag_upp(*, avtal: Avtal, aktor: Any, datum: dt.date) -> Avtal:
    """Record that notice was given on `datum`; the agreement ends when its notice period (or period) has run."""
    avtal = Avtal.objects.select_for_update().get(pk=avtal.pk)
    avtal.kontrollera_overgang(Avtal.Status.UPPSAGT, f"Avtalet är redan {avtal.get_status_display().lower()}.")
    if datum < avtal.startdatum:
        raise ValidationError({"datum": "Uppsägningen kan inte vara före avtalets startdatum."})
    fore = snapshot(avtal)
    avtal.status = Avtal.Status.UPPSAGT
    avtal.uppsagt_datum = datum
    avtal.upphor_datum = avtal.upphor_vid_uppsagning(datum)
    avtal.full_clean()
    avtal.save()
    handelse_logga(aktor=aktor, forbund=avtal.forbund, handling="avtal_sag_upp", objekt=avtal, andringar=diff(fore, snapshot(avtal)))
    return avtal


@transaction.atomic
def avtal_dokument_ladda_upp(*, avtal: Avtal, aktor: Any, fil: Any, titel: str = "") -> AvtalDokument:
    """Add a PDF to an agreement (checked for content first); earlier documents are kept."""
    avtal = Avtal.objects.select_for_update().get(pk=avtal.pk)
    if not fil:
        raise ValidationError({"fil": "Välj en PDF att ladda upp."})
    kontrollera_fil(fil, tillatna=PDF)
    dok = AvtalDokument(
        forbund_id=avtal.forbund_id,
        avtal=avtal,
        titel=(titel or "").strip() or str(getattr(fil, "name", "") or "Avtal")[:200],
        fil=fil,
        uppladdad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    dok.full_clean()
    dok.save()
    handelse_logga(
        aktor=aktor,
        forbund=avtal.forbund,
        handling="avtal_dokument_ladda_upp",
        objekt=avtal,
        detaljer={"dokument": dok.pk, "titel": dok.titel, "fil": dok.fil.name},
    )
    return dok
