"""Services for goals and the yearly goal assessment."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot

from ..models import Insats, Mal, Malbedomning


@transaction.atomic
def mal_create(*, insats: Insats, aktor: Any, text: str, matbart: str = "", ordning: int | None = None) -> Mal:
    if ordning is None:
        ordning = (insats.mal.order_by("-ordning").values_list("ordning", flat=True).first() or 0) + 1
    mal = Mal(forbund_id=insats.forbund_id, insats=insats, text=text.strip(), matbart=matbart.strip(), ordning=ordning)
    mal.full_clean()
    mal.save()
    handelse_logga(
        aktor=aktor, forbund=insats.forbund, handling="mal_skapa", objekt=mal, andringar=diff({}, snapshot(mal)), detaljer={"insats": insats.kortnamn}
    )
    return mal


@transaction.atomic
def mal_update(*, mal: Mal, aktor: Any, **data: Any) -> Mal:
    okanda = set(data) - {"text", "matbart", "ordning"}
    if okanda:
        raise ValidationError(f"Fältet {sorted(okanda)[0]} kan inte ändras.")
    fore = snapshot(mal)
    for key, value in data.items():
        setattr(mal, key, value)
    mal.full_clean()
    mal.save()
    andringar = diff(fore, snapshot(mal))
    if andringar:
        handelse_logga(aktor=aktor, forbund=mal.insats.forbund, handling="mal_andra", objekt=mal, andringar=andringar)
    return mal


@transaction.atomic
def mal_delete(*, mal: Mal, aktor: Any) -> None:
    if mal.bedomningar.exists():
        raise ValidationError("Målet har bedömningar och kan inte tas bort; de ingår i tidigare årsredovisningar.")
    fore = snapshot(mal)
    insats = mal.insats
    mal.delete()
    handelse_logga(aktor=aktor, forbund=insats.forbund, handling="mal_ta_bort", objekt=insats, andringar=diff(fore, {}))


@transaction.atomic
def malbedomning_spara(*, mal: Mal, aktor: Any, ar: int, bedomning: str, kommentar: str = "") -> Malbedomning:
    """Create or replace the assessment of a goal for a year."""
    if bedomning not in Malbedomning.Bedomning.values:
        raise ValidationError("Välj bedömning: uppfyllt, delvis uppfyllt eller ej uppfyllt.")
    insats = mal.insats
    if ar < insats.startdatum.year or (insats.slutdatum and ar > insats.slutdatum.year):
        raise ValidationError(f"{insats.kortnamn} pågick inte {ar}; målet kan inte bedömas det året.")
    obj = Malbedomning.objects.select_for_update().filter(mal=mal, ar=ar).first()
    fore = snapshot(obj) if obj else {}
    if obj is None:
        obj = Malbedomning(forbund_id=mal.forbund_id, mal=mal, ar=ar)
    obj.bedomning = bedomning
    obj.kommentar = kommentar.strip()
    obj.full_clean()
    obj.save()
    andringar = diff(fore, snapshot(obj))
    if andringar:
        handelse_logga(
            aktor=aktor,
            forbund=insats.forbund,
            handling="malbedomning_spara",
            objekt=obj,
            andringar=andringar,
            detaljer={"insats": insats.kortnamn, "mal": mal.pk},
        )
    return obj


@transaction.atomic
def malbedomningar_spara(*, insats: Insats, aktor: Any, ar: int, bedomningar: dict[Mal, tuple[str, str]]) -> list[Malbedomning]:
    """Assess several goals of one intervention for a year, all or nothing; errors are keyed `bedomning_<goal id>`."""
    sparade: list[Malbedomning] = []
    fel: dict[str, list[str]] = {}
    for mal, (bedomning, kommentar) in bedomningar.items():
        if mal.insats_id != insats.pk:
            raise ValidationError("Målet hör till en annan insats.")
        try:
            sparade.append(malbedomning_spara(mal=mal, aktor=aktor, ar=ar, bedomning=bedomning, kommentar=kommentar))
        except ValidationError as exc:
            fel[f"bedomning_{mal.pk}"] = exc.messages
    if fel:
        raise ValidationError(fel)
    return sparade
