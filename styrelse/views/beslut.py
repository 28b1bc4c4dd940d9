"""Decide an agenda item (paragraph with motions and votes), edit a paragraph, extracts and their sending, immediate justering, search."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import selectors, services
from ..forms import BeslutForm, ExpedieringForm, ParagrafForm
from ..models import Paragraf
from ..services import dokument as dok
from .mote import _arende, _url


@behorighet("styrelse.redigera")
def beslut(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponseBase:
    """Record the paragraph for one agenda item: the proposition, motions, the chair's finding or a vote, jäv,
    reservations and notes; justerare when the item is "Val av justerare"."""
    arende = _arende(kontext, pk, arende_pk)
    sida = selectors.motesida(kontext, pk)
    val_av_justerare = arende.rubrik.lower().startswith("val av justerare")
    initial: dict[str, Any] = {
        "rubrik": arende.rubrik,
        "text": arende.text,
        "beslut": "\n".join(f"att {s}" for s in arende.forslag_satser),
        "motforslag": "avslag",
    }
    form = BeslutForm(request.POST or None, initial=initial, narvaro=sida.narvaro, val_av_justerare=val_av_justerare)
    return formular_handling(
        request,
        form,
        lambda d: services.beslut_fatta(sammantrade=sida.mote, arende=arende, aktor=request.user, **form.tjanst()),
        ok=lambda p: f"§ {p.nummer} {p.rubrik} är protokollförd: {p.get_utfall_display().lower() or 'utan beslut'}.",
        till=_url(pk, f"arende-{arende.pk}"),
        mall="styrelse/beslut.html",
        sammanhang={"arende": arende, "mote": sida.mote, "s": sida, "val_av_justerare": val_av_justerare},
    )


def _paragraf(kontext: Kontext, pk: int) -> Paragraf:
    kontext.kraver("styrelse.visa")
    return hamta(Paragraf.objects.select_related("sammantrade"), kontext.forbund, pk=pk)


@behorighet("styrelse.redigera")
def paragraf_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    p = _paragraf(kontext, pk)
    form = ParagrafForm(request.POST or None, initial={"rubrik": p.rubrik, "text": p.text, "beslut": "\n".join(f"att {s}" for s in p.beslut_satser)})
    return formular_handling(
        request,
        form,
        lambda d: services.paragraf_andra(paragraf=p, aktor=request.user, rubrik=d["rubrik"], text=d["text"], beslut=d["beslut"]),
        ok=f"§ {p.nummer} är sparad.",
        till=_url(p.sammantrade_id, "dagordning"),
        mall="styrelse/paragraf.html",
        sammanhang={"p": p, "mote": p.sammantrade},
    )


@behorighet("styrelse.redigera")
@require_POST
def omedelbar_justering(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    p = _paragraf(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.omedelbar_justering(paragraf=p, aktor=request.user),
        ok=f"§ {p.nummer} är omedelbart justerad.",
        till=_url(p.sammantrade_id, "dagordning"),
    )


@behorighet("dokument.skapa")
@require_POST
def utdrag_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    p = _paragraf(kontext, pk)
    return knapp_handling(
        request,
        lambda: dok.protokollsutdrag_bestall(paragraf=p, aktor=request.user),
        ok=f"Protokollsutdrag för § {p.nummer} skapas.",
        till=lambda d: reverse("dokument_detalj", args=[d.pk]) if d is not None else _url(p.sammantrade_id, "dagordning"),
    )


@behorighet("styrelse.redigera")
def utdrag_expediera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    """Send a protokollsutdrag by e-mail to chosen recipients (e.g. the members' registrators); each sending is listed."""
    p = _paragraf(kontext, pk)
    form = ExpedieringForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.utdrag_expediera(paragraf=p, aktor=request.user, mottagare=form.mottagare(), meddelande=d["meddelande"]),
        ok=lambda rader: f"Protokollsutdraget för § {p.nummer} skickas till {len(rader)} mottagare.",
        till=reverse("styrelse:utdrag_expediera", args=[p.pk]),
        mall="styrelse/expediera.html",
        sammanhang={"p": p, "mote": p.sammantrade, "expedieringar": list(p.expedieringar.select_related("begard_av").order_by("-begard", "id"))},
    )


def _int(varde: str | None) -> int | None:
    try:
        return int(varde) if varde else None
    except ValueError:
        return None


@behorighet("styrelse.visa")
def sok(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    ar, nummer, insats = _int(request.GET.get("ar")), _int(request.GET.get("nummer")), _int(request.GET.get("insats"))
    sokt = bool(q or ar or nummer or insats)
    traffar = list(selectors.beslut_sok(kontext.forbund, q=q, ar=ar, nummer=nummer, insats=insats)[:200]) if sokt else []
    return render(
        request,
        "styrelse/sok.html",
        {
            "q": q,
            "ar": ar,
            "nummer": nummer,
            "insats": insats,
            "traffar": traffar,
            "sokt": sokt,
            "insatser": selectors.insatser_for_val(kontext.forbund),
        },
    )


__all__ = ["beslut", "omedelbar_justering", "paragraf_redigera", "sok", "utdrag_bestall", "utdrag_expediera"]
