"""The draft minutes, readable before justering by the förbundschef and by this meeting's chair, secretary and justerare."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from finsam.permissions import Kontext
from finsam.web import behorighet

from .. import pdf, selectors


@behorighet("styrelse.visa")
def protokollsutkast(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = selectors.sammantrade_hamta(kontext, pk)
    selectors.protokollsutkast_kontrollera(kontext, mote, request.user)
    return render(request, "styrelse/protokollsutkast.html", {**selectors.protokoll_data(mote), "s_mote": mote})


@behorighet("styrelse.visa")
def protokollsutkast_pdf(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    """The current draft rendered now (never stored: the stored, locked PDF is made after the last justering)."""
    mote = selectors.sammantrade_hamta(kontext, pk)
    selectors.protokollsutkast_kontrollera(kontext, mote, request.user)
    svar = HttpResponse(pdf.protokoll_pdf(selectors.protokoll_data(mote)), content_type="application/pdf")
    svar["Content-Disposition"] = f'inline; filename="protokoll-utkast-{mote.datum:%Y-%m-%d}.pdf"'
    svar["Cache-Control"] = "private, no-store"
    return svar
