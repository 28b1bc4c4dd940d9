"""The year's revisorer in the annual report: who audited, appointed by which member and for which members, read from
the auditors' register (forvaltning) into plain data for the snapshot."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund
from forvaltning.selectors.revision import revisorer


def revisorer_del(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    return [
        {
            "namn": r.person.namn,
            "utsedd_av": r.utsedd_av.namn,
            "granskar": [m.namn for m in sorted(r.granskar.all(), key=lambda m: (m.ordning, m.pk))],
            "ar_fran": r.ar_fran,
            "ar_till": r.ar_till,
            "beslut": r.beslut_referens,
        }
        for r in revisorer(forbund, ar)
    ]
