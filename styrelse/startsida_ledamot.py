"""Attention items on a board member's start page: new papers for the next meeting, urgent matters."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from finsam.permissions import Kontext
from finsam.startsida import Notis

from .selectors import ledamot as sel


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if not kontext.kan("styrelse.mina_moten") or not getattr(user, "pk", None):
        return []
    ut: list[Notis] = []
    mote = sel.nasta_mote(kontext)
    url = reverse("styrelse:mina_moten")
    if mote is not None:
        antal_nya, extra = sel.nya_handlingar(user, mote)
        handlingar = "ny handling" if antal_nya == 1 else "nya handlingar"
        ny = f" – {antal_nya} {handlingar} sedan ditt senaste besök" if antal_nya else ""
        ut.append(Notis(f"Nästa möte {mote.datum:%Y-%m-%d}{ny}.", url, "varning" if extra else "info"))
    oanmalda = [o for o in sel.bradskande_beslut(kontext) if o.delegationsbeslut.anmald_i_id is None]
    if oanmalda:
        ut.append(
            Notis(
                f"{len(oanmalda)} ordförandebeslut i brådskande ärenden anmäls vid nästa sammanträde.", reverse("styrelse:ordforandebeslut"), "info"
            )
        )
    return ut
