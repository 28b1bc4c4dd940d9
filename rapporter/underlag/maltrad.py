"""The goal tree of a year as plain data for the reports (insatser owns it): each goal with its measure, target, the
year's measured outcome and the confirmed assessment. The annual report shows the måluppfyllelse; the business plan
shows the goals with their measures and targets for the plan years."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.formatting import tal
from finsam.models import Forbund
from insatser.malmatt import maltrad
from insatser.models import Malnod

SYMBOL = {"minst": "≥", "hogst": "≤"}


def enhet_for(matt_namn: str) -> str:
    """The unit from the measure's label: "Genomströmning (%)" → "%", "(kr)" → "kr", "(antal)" → ""."""
    if matt_namn.endswith(")") and "(" in matt_namn:
        enhet = matt_namn.rsplit("(", 1)[1][:-1]
        return "" if enhet == "antal" else enhet
    return ""


def _varde(v: Decimal | None, enhet: str) -> str:
    """A target or an outcome as text: whole numbers without decimals, else one decimal (35 %, 41,7 %, 480 000 kr)."""
    if v is None:
        return ""
    text = tal(v, 0 if v == v.to_integral_value() else 1)
    return f"{text} {enhet}" if enhet else text


def _nod(n: Malnod, bedomning: Any, djup: int) -> dict[str, Any]:
    matt_namn = n.get_matt_display() if n.matt else ""
    enhet = enhet_for(matt_namn)
    return {
        "id": n.pk,
        "niva": n.niva,
        "niva_namn": n.get_niva_display(),
        "djup": djup,
        "text": n.text,
        "ansvarig": n.ansvarig,
        "ar_fran": n.ar_fran,
        "ar_till": n.ar_till,
        "kriterium": n.kriterium,
        "matt": n.matt,
        "matt_namn": matt_namn.rsplit(" (", 1)[0] if matt_namn else "",
        "insats": n.insats.kortnamn if n.insats_id and n.insats is not None else "",
        "malvarde": n.malvarde,
        "mal_text": f"{SYMBOL.get(n.jamforelse, '')} {_varde(n.malvarde, enhet)}".strip() if n.matt else n.kriterium,
        "utfall": bedomning.utfall if bedomning else None,
        "utfall_text": _varde(bedomning.utfall, enhet) if bedomning and bedomning.utfall is not None else "",
        "forslag": bedomning.forslag if bedomning else "",
        "forslag_namn": bedomning.get_forslag_display() if bedomning and bedomning.forslag else "",
        "bedomning": bedomning.bedomning if bedomning else "",
        "bedomning_namn": bedomning.get_bedomning_display() if bedomning and bedomning.bedomning else "",
        "kommentar": bedomning.kommentar if bedomning else "",
        "bekraftad": bool(bedomning and bedomning.bekraftad),
    }


def maltrad_ar(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """The goals applying in `ar`, depth first (vision, övergripande mål, delmål), with the year's assessment."""
    ut: list[dict[str, Any]] = []

    def ga(grenar: list[dict[str, Any]], djup: int) -> None:
        for g in grenar:
            ut.append(_nod(g["nod"], g["bedomning"], djup))
            ga(g["barn"], djup + 1)

    ga(maltrad(forbund, ar), 0)
    return ut


def saknade_bedomningar(noder: list[dict[str, Any]]) -> list[str]:
    """Delmål without a confirmed assessment of the year (the annual report cannot be final without them)."""
    return [f"Måluppfyllelse: bekräftad bedömning av delmålet ”{n['text'][:80]}”" for n in noder if n["niva"] == "delmal" and not n["bekraftad"]]
