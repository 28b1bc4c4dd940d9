"""Services for the goal tree: nodes, indicator values per year, and the yearly assessment (proposed, then confirmed)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund

from ..malmatt import malnod_forslag
from ..models import Indikatorvarde, Malbedomning, Malnod, Malnodbedomning

NOD_FALT = {"niva", "forelder", "text", "ansvarig", "ar_fran", "ar_till", "ordning", "kriterium", "matt", "insats", "malvarde", "jamforelse"}


@transaction.atomic
def malnod_skapa(*, forbund: Forbund, aktor: Any, **data: Any) -> Malnod:
    okanda = set(data) - NOD_FALT
    if okanda:
        raise ValidationError(f"Fältet {sorted(okanda)[0]} kan inte sättas här.")
    nod = Malnod(forbund=forbund, **data)
    nod.full_clean()
    nod.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="malnod_skapa", objekt=nod, andringar=diff({}, snapshot(nod)))
    return nod


def _galler(nod: Malnod, ar: int) -> None:
    if not nod.galler(ar):
        slut = nod.ar_till if nod.ar_till is not None else "tills vidare"
        raise ValidationError(f"Målet gäller {nod.ar_fran}–{slut}, inte {ar}.")


@transaction.atomic
def indikatorvarde_spara(*, malnod: Malnod, aktor: Any, ar: int, varde: Decimal) -> Indikatorvarde:
    if malnod.matt != Malnod.Matt.INDIKATOR:
        raise ValidationError("Värden registreras bara för delmål som mäts med ett indikatorvärde.")
    _galler(malnod, ar)
    obj = Indikatorvarde.objects.select_for_update().filter(malnod=malnod, ar=ar).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Indikatorvarde(forbund_id=malnod.forbund_id, malnod=malnod, ar=ar)
    obj.varde = varde
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=malnod.forbund,
        handling="indikatorvarde_spara",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
        detaljer={"malnod": malnod.pk},
    )
    return obj


@transaction.atomic
def malnod_bedomning_foresla(*, malnod: Malnod, aktor: Any, ar: int) -> Malnodbedomning:
    """Measure the goal for the year and store the proposal (a confirmed assessment keeps its confirmation)."""
    if not malnod.matt:
        raise ValidationError("Målet har inget mått; det bedöms i text när bedömningen bekräftas.")
    _galler(malnod, ar)
    varde, forslag = malnod_forslag(malnod.forbund, malnod, ar)
    obj = Malnodbedomning.objects.select_for_update().filter(malnod=malnod, ar=ar).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Malnodbedomning(forbund_id=malnod.forbund_id, malnod=malnod, ar=ar)
    obj.utfall, obj.forslag = varde, forslag
    obj.full_clean()
    obj.save()
    andringar = diff(fore, snapshot(obj))
    if andringar:
        handelse_logga(aktor=aktor, forbund=malnod.forbund, handling="malnod_bedomning_foresla", objekt=obj, andringar=andringar)
    return obj


@transaction.atomic
def malnod_bedomning_bekrafta(*, malnod: Malnod, aktor: Any, ar: int, bedomning: str, kommentar: str) -> Malnodbedomning:
    """The förbundschef's assessment of the year, with a comment (it may differ from the proposal; the comment says why)."""
    _galler(malnod, ar)
    if bedomning not in Malbedomning.Bedomning.values:
        raise ValidationError("Välj bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt.")
    if not kommentar.strip():
        raise ValidationError("Skriv en kommentar till bedömningen.")
    obj = Malnodbedomning.objects.select_for_update().filter(malnod=malnod, ar=ar).first()
    if obj is None and malnod.matt:
        obj = malnod_bedomning_foresla(malnod=malnod, aktor=aktor, ar=ar)
    fore = snapshot(obj) if obj else {}
    obj = obj or Malnodbedomning(forbund_id=malnod.forbund_id, malnod=malnod, ar=ar)
    obj.bedomning, obj.kommentar = bedomning, kommentar.strip()
    obj.bekraftad = timezone.now()
    obj.bekraftad_av = aktor if getattr(aktor, "is_authenticated", False) else None
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=malnod.forbund,
        handling="malnod_bedomning_bekrafta",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
        detaljer={"forslag": obj.forslag},
    )
    return obj


@transaction.atomic
def malnod_bedomningar_foresla(*, forbund: Forbund, aktor: Any, ar: int) -> list[Malnodbedomning]:
    """Propose the year's assessment of every measured goal that applies in `ar`."""
    noder = [n for n in Malnod.objects.filter(forbund=forbund).exclude(matt="").select_related("insats") if n.galler(ar)]
    return [malnod_bedomning_foresla(malnod=n, aktor=aktor, ar=ar) for n in noder]
