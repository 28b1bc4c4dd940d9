"""Decide an agenda item (paragraph with votes), edit a paragraph, extracts, immediate justering, search."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text

from .. import selectors, services
from ..forms import ParagrafForm
from ..models import Arende, Paragraf, Rost
from ..services import dokument as dok
from .mote import _arende, utfor


@behorighet("styrelse.redigera")
def beslut(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponse:
    """Record the paragraph for one agenda item: text, decision from the proposal, votes, jäv, reservations."""
    arende = _arende(kontext, pk, arende_pk)
    sida = selectors.motesida(kontext, pk)
    rostande = [n for n in sida.narvaro if n.rostberattigad]
    varden: dict[str, Any] = {"text": arende.text, "beslut": "\n".join(f"att {s}" for s in arende.forslag_satser)}
    if arende.rubrik.startswith("Val av justerare") and sida.justerare:
        namn = " och ".join(p.namn for p in sida.justerare)
        varden["beslut"] = varden["beslut"].replace("…", namn) if "…" in varden["beslut"] else f"att utse {namn} att justera protokollet"
    roster: dict[int, str] = {}
    reservationer: dict[int, str] = {}
    status = 200
    if request.method == "POST":
        varden = {"text": request.POST.get("text", ""), "beslut": request.POST.get("beslut", ""), "rubrik": request.POST.get("rubrik", "")}
        for n in rostande:
            val = request.POST.get(f"rost_{n.person_id}", "")
            if val in Rost.Val.values:
                roster[n.person_id] = val
            res = request.POST.get(f"reservation_{n.person_id}", "").strip()
            if res:
                reservationer[n.person_id] = res
        try:
            p = services.beslut_fatta(sammantrade=sida.mote, arende=arende, aktor=request.user, text=varden["text"],
                                      beslut=varden["beslut"], rubrik=varden["rubrik"], roster=roster, reservationer=reservationer,
                                      omedelbar_justering=request.POST.get("omedelbar") == "1")
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
            status = 400
        else:
            messages.success(request, f"§ {p.nummer} {p.rubrik} är protokollförd.")
            return redirect(reverse("styrelse:mote", args=[pk]) + "#dagordning")
    return render(request, "styrelse/beslut.html", {
        "arende": arende, "mote": sida.mote, "s": sida, "rostande": rostande, "varden": varden, "roster": roster,
        "reservationer": reservationer, "val": Rost.Val.choices,
    }, status=status)


def _paragraf(kontext: Kontext, pk: int) -> Paragraf:
    kontext.kraver("styrelse.visa")
    return hamta(Paragraf.objects.select_related("sammantrade"), kontext.forbund, pk=pk)


@behorighet("styrelse.redigera")
def paragraf_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    p = _paragraf(kontext, pk)
    form = ParagrafForm(request.POST or None, initial={"rubrik": p.rubrik, "text": p.text, "beslut": "\n".join(f"att {s}" for s in p.beslut_satser)})
    status = 200
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.paragraf_andra(paragraf=p, aktor=request.user, rubrik=d["rubrik"], text=d["text"], beslut=d["beslut"])
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
            status = 400
        else:
            messages.success(request, f"§ {p.nummer} är sparad.")
            return redirect(reverse("styrelse:mote", args=[p.sammantrade_id]) + "#dagordning")
    return render(request, "styrelse/paragraf.html", {"p": p, "form": form, "mote": p.sammantrade}, status=status)


@behorighet("styrelse.redigera")
@require_POST
def omedelbar_justering(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    p = _paragraf(kontext, pk)
    return utfor(request, lambda: services.omedelbar_justering(paragraf=p, aktor=request.user), f"§ {p.nummer} är omedelbart justerad.",
                 reverse("styrelse:mote", args=[p.sammantrade_id]) + "#dagordning")


@behorighet("dokument.skapa")
@require_POST
def utdrag_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    p = _paragraf(kontext, pk)
    try:
        d = dok.protokollsutdrag_bestall(paragraf=p, aktor=request.user)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
        return redirect("styrelse:mote", pk=p.sammantrade_id)
    messages.info(request, f"Protokollsutdrag för § {p.nummer} skapas.")
    return redirect("dokument_detalj", pk=d.pk)


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
    return render(request, "styrelse/sok.html", {
        "q": q, "ar": ar, "nummer": nummer, "insats": insats, "traffar": traffar, "sokt": sokt,
        "insatser": selectors.insatser_for_val(kontext.forbund),
    })


__all__ = ["Arende", "beslut", "omedelbar_justering", "paragraf_redigera", "sok", "utdrag_bestall"]
