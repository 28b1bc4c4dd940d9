"""The agreements part of the annual report: the service purchases (tjänsteköp) and other agreements in force during
the year, read from the agreements register (forvaltning) into plain data for the snapshot."""

from __future__ import annotations

import datetime as dt
from typing import Any

from finsam.models import Forbund
from forvaltning.models import Avtal
from forvaltning.selectors.avtal import avtal_under_ar


def _beslut(a: Avtal) -> str:
    if a.paragraf is not None:
        return f"§ {a.paragraf.nummer}/{a.paragraf.ar}"
    return str(a.delegationsbeslut) if a.delegationsbeslut is not None else ""


def avtal_del(forbund: Forbund, ar: int) -> dict[str, Any]:
    """{"lista": [...], "tjanstekop": n}: one row per agreement in force some time in `ar`, service purchases first."""
    lista = []
    for a in avtal_under_ar(forbund, ar):
        slut = a.upphor_datum or a.periodslut(dt.date(ar, 1, 1))
        lista.append(
            {
                "rubrik": a.rubrik,
                "typ": a.typ,
                "typ_namn": a.get_typ_display(),
                "parter": a.parter_text,
                "belopp": a.belopp,
                "enhet": a.get_enhet_display() if a.enhet else "",
                "startdatum": a.startdatum,
                "slutdatum": slut,
                "uppsagningstid_manader": a.uppsagningstid_manader,
                "forlangs": a.forlangning_manader > 0,
                "beslut": _beslut(a),
            }
        )
    return {"lista": lista, "tjanstekop": sum(1 for r in lista if r["typ"] == "tjanstekop")}
