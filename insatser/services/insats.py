"""Services for the intervention register: create, update, guarded status transitions, staffing."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Medlem

from ..models import Bemanning, Insats

INSATS_FALT = {
    "kortnamn",
    "namn",
    "typ",
    "inriktning",
    "startdatum",
    "slutdatum",
    "agare_medlem",
    "agare_extern",
    "malgrupp",
    "alder_fran",
    "alder_till",
    "syfte",
    "styrgrupp",
    "kontaktperson",
}

MINSTA_ANTAL_PARTER = 2


def kontrollera_finansierbar(insats: Insats, parter: Iterable[Medlem] | None = None) -> None:
    """The funding rule (lag 2003:1210 and the application rules): at least two members must take part."""
    antal = len(list(parter)) if parter is not None else insats.parter.count()
    if antal < MINSTA_ANTAL_PARTER:
        raise ValidationError(
            f"{insats.kortnamn} kan inte beviljas medel: minst två medlemmar måste delta i insatsen "
            f"(nu {antal}). Lägg till deltagande medlemmar först."
        )


def _kontrollera_medlemmar(forbund: Forbund, medlemmar: Iterable[Medlem]) -> list[Medlem]:
    lista = list(medlemmar)
    for m in lista:
        if m.forbund_id != forbund.pk:
            raise ValidationError("En deltagande medlem tillhör ett annat förbund.")
    return lista


def _kontrollera_falt(data: dict[str, Any]) -> None:
    okanda = set(data) - INSATS_FALT
    if okanda:
        raise ValidationError(f"Fältet {sorted(okanda)[0]} kan inte sättas här.")


def _unikt_kortnamn(insats: Insats) -> None:
    finns = Insats.objects.filter(forbund_id=insats.forbund_id, kortnamn__iexact=insats.kortnamn).exclude(pk=insats.pk).exists()
    if finns:
        raise ValidationError({"kortnamn": f"Det finns redan en insats med kortnamnet {insats.kortnamn}."})


@transaction.atomic
def insats_create(*, forbund: Forbund, aktor: Any, parter: Iterable[Medlem] = (), **data: Any) -> Insats:
    _kontrollera_falt(data)
    lista = _kontrollera_medlemmar(forbund, parter)
    agare = data.get("agare_medlem")
    if agare is not None and agare.forbund_id != forbund.pk:
        raise ValidationError("Ägaren tillhör ett annat förbund.")
    insats = Insats(forbund=forbund, **data)
    _unikt_kortnamn(insats)
    insats.full_clean()
    insats.save()
    insats.parter.set(lista)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="insats_skapa",
        objekt=insats,
        andringar=diff({}, snapshot(insats)),
        detaljer={"parter": sorted(m.kod for m in lista)},
    )
    return insats


@transaction.atomic
def insats_update(*, insats: Insats, aktor: Any, parter: Iterable[Medlem] | None = None, **data: Any) -> Insats:
    _kontrollera_falt(data)
    insats = Insats.objects.select_for_update().get(pk=insats.pk)
    fore = snapshot(insats)
    fore_parter = sorted(insats.parter.values_list("kod", flat=True))
    for key, value in data.items():
        setattr(insats, key, value)
    agare = data.get("agare_medlem")
    if agare is not None and agare.forbund_id != insats.forbund_id:
        raise ValidationError("Ägaren tillhör ett annat förbund.")
    _unikt_kortnamn(insats)
    insats.full_clean()
    nya_parter: list[str] = fore_parter
    if parter is not None:
        lista = _kontrollera_medlemmar(insats.forbund, parter)
        if insats.beviljanden.exists():
            kontrollera_finansierbar(insats, lista)
        nya_parter = sorted(m.kod for m in lista)
    insats.save()
    if parter is not None:
        insats.parter.set(lista)
    andringar = diff(fore, snapshot(insats))
    if nya_parter != fore_parter:
        andringar["parter"] = [fore_parter, nya_parter]
    if andringar:
        handelse_logga(aktor=aktor, forbund=insats.forbund, handling="insats_andra", objekt=insats, andringar=andringar)
    return insats


@transaction.atomic
def insats_status_andra(*, insats: Insats, aktor: Any, status: str) -> Insats:
    insats = Insats.objects.select_for_update().get(pk=insats.pk)
    insats.kontrollera_overgang(status)
    fore = snapshot(insats)
    idag = timezone.localdate()
    if status == Insats.Status.PAGAENDE and insats.parter.count() < MINSTA_ANTAL_PARTER:
        raise ValidationError("En insats kan inte starta innan minst två medlemmar deltar.")
    if status == Insats.Status.AVSLUTAD and insats.slutdatum is None:
        if insats.startdatum > idag:
            raise ValidationError("Ange slutdatum innan insatsen avslutas; startdatum har inte passerats.")
        insats.slutdatum = idag
    insats.status = status
    insats.full_clean()
    insats.save()
    handelse_logga(aktor=aktor, forbund=insats.forbund, handling="insats_status_andra", objekt=insats, andringar=diff(fore, snapshot(insats)))
    return insats


@transaction.atomic
def bemanning_create(*, insats: Insats, aktor: Any, medlem: Medlem, **data: Any) -> Bemanning:
    if medlem.forbund_id != insats.forbund_id:
        raise ValidationError("Medlemmen tillhör ett annat förbund.")
    rad = Bemanning(forbund_id=insats.forbund_id, insats=insats, medlem=medlem, **data)
    rad.full_clean()
    rad.save()
    handelse_logga(
        aktor=aktor,
        forbund=insats.forbund,
        handling="bemanning_skapa",
        objekt=rad,
        andringar=diff({}, snapshot(rad)),
        detaljer={"insats": insats.kortnamn},
    )
    return rad


@transaction.atomic
def bemanning_delete(*, bemanning: Bemanning, aktor: Any) -> None:
    fore = snapshot(bemanning)
    text = str(bemanning)
    insats = bemanning.insats
    bemanning.delete()
    handelse_logga(aktor=aktor, forbund=insats.forbund, handling="bemanning_ta_bort", objekt=insats, andringar=diff(fore, {}), detaljer={"rad": text})
