"""Booked income per member against the statutes' split, with the förbund's rounding rule and explained adjustments.

The statutes' split is computed to the krona (`selectors.bidrag.medlemsbidrag`). A recorded rounding rule (e.g. whole
thousands) and adjustments adopted by a paragraph explain a difference; the check then passes with the explanation
printed. Any other difference fails with its exact amount.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from finsam.formatting import kr
from finsam.models import Forbund

from ..models import Bidragsavrundning, Bidragsjustering
from .data import NOLL


def _kr(v: Decimal) -> str:
    return str(kr(v))


def avrunda(belopp: Decimal, steg: int) -> Decimal:
    """Round to the nearest multiple of `steg` kronor, halves away from zero (1 453 500 → 1 454 000)."""
    if steg <= 1:
        return belopp
    return (belopp / steg).quantize(Decimal(1), rounding=ROUND_HALF_UP) * steg


def _paragraf_text(p: Any) -> str:
    return f"§ {p.nummer}/{p.ar} ({p.sammantrade.datum.isoformat()})" if p is not None else ""


def bidragsregler(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The year's rounding rule and adjustments (two queries)."""
    regel = Bidragsavrundning.objects.filter(forbund=forbund, ar=ar).select_related("paragraf__sammantrade").first()
    justeringar = list(Bidragsjustering.objects.filter(forbund=forbund, ar=ar).select_related("paragraf__sammantrade", "medlem"))
    return {"regel": regel, "justeringar": justeringar}


def medlemskontroller(
    per_medlem: dict[int, Decimal], bidrag: dict[str, Any], medlemsnamn: dict[int, str], regler: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """One check per member: booked income = the statutes' share, rounded by the rule, plus adopted adjustments."""
    regler = regler or {"regel": None, "justeringar": []}
    regel: Bidragsavrundning | None = regler["regel"]
    steg = Bidragsavrundning.STEG.get(regel.regel, 1) if regel else 1  # type: ignore[call-overload]
    ordning = list(medlemsnamn)
    ut = []
    for medlem_id in sorted(set(per_medlem) | set(bidrag["per_medlem"]), key=lambda m: ordning.index(m) if m in ordning else len(ordning)):
        exakt = bidrag["per_medlem"].get(medlem_id, NOLL)
        forvantat = avrunda(exakt, steg)
        delar = []
        if forvantat != exakt:
            delar.append(
                f"stadgarnas fördelning {_kr(exakt)} avrundad {regel.get_regel_display().lower()} "  # type: ignore[union-attr]
                f"till {_kr(forvantat)}"
                + (f" enligt {_paragraf_text(regel.paragraf)}" if regel and regel.paragraf else "")  # type: ignore[union-attr]
                + (f": {regel.forklaring}" if regel and regel.forklaring else "")
            )  # type: ignore[union-attr]
        for j in regler["justeringar"]:
            if j.medlem_id == medlem_id:
                forvantat += j.belopp
                delar.append(f"justering {_kr(j.belopp)} enligt {_paragraf_text(j.paragraf)}: {j.forklaring}")
        differens = per_medlem.get(medlem_id, NOLL) - forvantat
        text = f"Intäkt från {medlemsnamn.get(medlem_id, medlem_id)} = medlemsbidraget"
        detalj = "; ".join(delar)
        if differens and delar:
            detalj += f"; därutöver oförklarad differens {_kr(differens)}"
        ut.append({"kontroll": text, "ok": differens == 0, "differens": differens, "detalj": detalj[:1].upper() + detalj[1:]})
    return ut
