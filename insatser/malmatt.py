"""Reads for the goal tree: the value of a goal's measure for a year, from the data the product already holds, and the
assessment it proposes. Selectors only (no writes); the services in `services/malstruktur.py` store the result."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ekonomi.selectors import rakenskaper
from finsam.models import Forbund
from uppfoljning.selectors import narvaro_andel, utfall, vantetid_median

from .models import Indikatorvarde, Malbedomning, Malnod, Malnodbedomning

HUNDRA = Decimal(100)
# "Delvis uppfyllt": within a tenth of the target on the wrong side (≥ 90 % of a minimum, ≤ 110 % of a maximum).
DELVIS_MARGINAL = Decimal("0.10")
B = Malbedomning.Bedomning


def _procent(kvot: Any) -> Decimal | None:
    if kvot is None:
        return None
    return (Decimal(str(kvot)) * HUNDRA).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _utfallspost(forbund: Forbund, nod: Malnod, ar: int) -> dict[str, Any] | None:
    data = utfall(forbund, ar)
    if nod.insats_id is None:
        return data["totalt"]  # type: ignore[no-any-return]
    insats = nod.insats
    return next((r for r in data["insatser"] if insats is not None and r["kortnamn"] == insats.kortnamn), None)


def matt_varde(forbund: Forbund, nod: Malnod, ar: int) -> Decimal | None:
    """The measured value of a delmål's measure in `ar`; None when there is no data to measure."""
    M = Malnod.Matt
    if nod.matt == M.INDIKATOR:
        return Indikatorvarde.objects.filter(forbund=forbund, malnod=nod, ar=ar).values_list("varde", flat=True).first()
    if nod.matt == M.BUDGETUTFALL:
        data = rakenskaper(forbund, ar)
        return Decimal(data["arets_resultat"]) if data["finns"] else None
    if nod.matt == M.VANTETID:
        return vantetid_median(forbund, ar, nod.insats_id)
    if nod.matt == M.NARVARO:
        return narvaro_andel(forbund, ar, nod.insats_id)
    if nod.matt in (M.GENOMSTROMNING, M.ARBETE_STUDIER, M.DELTAGARE_KVINNOR, M.DELTAGARE_MAN):
        post = _utfallspost(forbund, nod, ar)
        if post is None:
            return None
        if nod.matt == M.GENOMSTROMNING:
            return _procent(post["genomstromning"]) if post["deltagare"]["totalt"] else None
        if nod.matt == M.ARBETE_STUDIER:
            return _procent(post["andel_arbete_studier"])
        return Decimal(post["deltagare"]["kvinna" if nod.matt == M.DELTAGARE_KVINNOR else "man"])
    return None


def foreslagen_bedomning(nod: Malnod, varde: Decimal | None) -> str:
    """uppfyllt / delvis_uppfyllt / ej_uppfyllt from the value against the target; "" when nothing was measured."""
    if varde is None or nod.malvarde is None or not nod.jamforelse:
        return ""
    mal = nod.malvarde
    if nod.jamforelse == Malnod.Jamforelse.MINST:
        if varde >= mal:
            return B.UPPFYLLT
        return B.DELVIS_UPPFYLLT if varde >= mal * (1 - DELVIS_MARGINAL) else B.EJ_UPPFYLLT
    if varde <= mal:
        return B.UPPFYLLT
    return B.DELVIS_UPPFYLLT if varde <= mal * (1 + DELVIS_MARGINAL) else B.EJ_UPPFYLLT


def malnod_forslag(forbund: Forbund, nod: Malnod, ar: int) -> tuple[Decimal | None, str]:
    """(measured value, proposed assessment) of a goal for a year."""
    varde = matt_varde(forbund, nod, ar)
    return varde, foreslagen_bedomning(nod, varde)


def maltrad(forbund: Forbund, ar: int | None = None) -> list[dict[str, Any]]:
    """The tree as nested dicts {nod, bedomning (of `ar`), barn}, in two queries; only nodes applying in `ar` if given."""
    noder = list(Malnod.objects.filter(forbund=forbund).select_related("insats").order_by("ordning", "id"))
    if ar is not None:
        noder = [n for n in noder if n.galler(ar)]
    bedomningar = {b.malnod_id: b for b in Malnodbedomning.objects.filter(forbund=forbund, ar=ar)} if ar is not None else {}
    per_forelder: dict[int | None, list[Malnod]] = {}
    for n in noder:
        per_forelder.setdefault(n.forelder_id, []).append(n)

    def gren(forelder: int | None) -> list[dict[str, Any]]:
        return [{"nod": n, "bedomning": bedomningar.get(n.pk), "barn": gren(n.pk)} for n in per_forelder.get(forelder, [])]

    return gren(None)
