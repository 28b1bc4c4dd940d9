"""The public digital notice board (anslagstavla): current postings with the justered minutes, no login."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from finsam.models import Dokument
from finsam.web import fil_svar

from .. import selectors
from ..models import Anslag


def anslagstavla(request: HttpRequest) -> HttpResponse:
    anslag = list(selectors.anslag_aktuella())
    nycklar = [f"styrelse:protokoll:{a.sammantrade_id}" for a in anslag] + [f"styrelse:anslagsbevis:{a.sammantrade_id}" for a in anslag]
    klara = {(d.forbund_id, d.nyckel) for d in Dokument.objects.filter(nyckel__in=nycklar, status=Dokument.Status.KLAR).only("forbund_id", "nyckel")}
    rader = [
        (a, (a.forbund_id, f"styrelse:protokoll:{a.sammantrade_id}") in klara, (a.forbund_id, f"styrelse:anslagsbevis:{a.sammantrade_id}") in klara)
        for a in anslag
    ]
    return render(request, "styrelse/anslagstavla.html", {"rader": rader, "idag": timezone.localdate()})


anslagstavla.behorighet = "publik"  # type: ignore[attr-defined]


def _aktuellt(pk: int) -> Anslag:
    return get_object_or_404(selectors.anslag_aktuella(), pk=pk)


def anslagstavla_protokoll(request: HttpRequest, pk: int) -> HttpResponseBase:
    anslag = _aktuellt(pk)
    d = selectors.publikt_protokoll(anslag)
    if d is None or not d.fil:
        raise Http404("Protokollet finns inte som PDF ännu.")
    return fil_svar(d.fil, content_type="application/pdf", filnamn=f"protokoll-{anslag.sammantrade.datum:%Y-%m-%d}.pdf")


anslagstavla_protokoll.behorighet = "publik"  # type: ignore[attr-defined]


def anslagstavla_bevis(request: HttpRequest, pk: int) -> HttpResponseBase:
    anslag = _aktuellt(pk)
    d = Dokument.objects.filter(forbund=anslag.forbund, nyckel=f"styrelse:anslagsbevis:{anslag.sammantrade_id}", status=Dokument.Status.KLAR).first()
    if d is None or not d.fil:
        raise Http404("Beviset finns inte som PDF ännu.")
    return fil_svar(d.fil, content_type="application/pdf", filnamn=f"bevis-om-anslag-{anslag.sammantrade.datum:%Y-%m-%d}.pdf")


anslagstavla_bevis.behorighet = "publik"  # type: ignore[attr-defined]
