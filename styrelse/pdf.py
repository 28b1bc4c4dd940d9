"""Board documents: pure functions from data to PDF bytes."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from finsam.documents.render import render_pdf


def kallelse_pdf(data: dict[str, Any]) -> bytes:
    mote = data["mote"]
    return render_pdf("styrelse/pdf/kallelse.html", {**data, "titel": f"Kallelse {mote.datum:%Y-%m-%d}", "skapad": timezone.now()})


def protokoll_pdf(data: dict[str, Any]) -> bytes:
    mote = data["mote"]
    titel = f"Protokoll {mote.datum:%Y-%m-%d}"
    return render_pdf("styrelse/pdf/protokoll.html", {**data, "titel": titel, "skapad": timezone.now()})


def protokollsutdrag_pdf(data: dict[str, Any]) -> bytes:
    p = data["paragraf"]
    return render_pdf("styrelse/pdf/utdrag.html", {**data, "titel": f"Protokollsutdrag § {p.nummer}", "skapad": timezone.now()})


def anslagsbevis_pdf(data: dict[str, Any]) -> bytes:
    mote = data["mote"]
    return render_pdf("styrelse/pdf/anslagsbevis.html", {**data, "titel": f"Bevis om anslag {mote.datum:%Y-%m-%d}", "skapad": timezone.now()})
