"""Urgent matters: ordförandebeslut, remote participation and extra meetings at short notice."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from ..forms.ledamot import DistansForm, DistansreglerForm, ExtraSammantradeForm, OrdforandebeslutForm
from ..models import Distansdeltagande, OrdforandebeslutHandling
from ..selectors import ledamot as sel
from ..services.bradskande import (
    distans_registrera,
    distans_ta_bort,
    distansregler_andra,
    extra_sammantrade_kalla,
    ordforande_mandat,
    ordforandebeslut_fatta,
)
from ..services.regler import beslutsregler_for


@behorighet("styrelse.visa")
def ordforandebeslut(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """The list of ordförandebeslut (all roles read them); the chair decides a new one here (POST)."""
    form = OrdforandebeslutForm(request.POST or None, request.FILES or None, forbund=kontext.forbund)
    person = sel.person_for(kontext, request.user)
    sammanhang = {
        "beslut": sel.bradskande_beslut(kontext),
        "person": person,
        "ar_ordforande": person is not None and ordforande_mandat(person, timezone.localdate()) is not None,
    }
    if request.method == "POST":
        kontext.kraver("styrelse.ordforandebeslut")

    def utfor(d: dict[str, Any]) -> Any:
        return ordforandebeslut_fatta(
            forbund=kontext.forbund,
            aktor=request.user,
            ordforande=person,
            delegation=d["delegation"],
            arende=d["arende"],
            beslut=d["beslut"],
            bradska=d["bradska"],
            handlingar=[d["handling"]] if d.get("handling") else [],
            diarienummer=d["diarienummer"],
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok="Ordförandebeslutet är registrerat och anmäls vid styrelsens nästa sammanträde.",
        till=lambda o: reverse("styrelse:ordforandebeslut_detalj", args=[o.pk]),
        mall="styrelse/mina_moten/ordforandebeslut.html",
        sammanhang=sammanhang,
    )


@behorighet("styrelse.visa")
@require_GET
def ordforandebeslut_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    return render(request, "styrelse/mina_moten/ordforandebeslut_detalj.html", {"o": sel.ordforandebeslut_hamta(kontext, pk)})


@behorighet("styrelse.visa")
@require_GET
def ordforandebeslut_handling(request: HttpRequest, kontext: Kontext, pk: int) -> FileResponse:
    h = hamta(OrdforandebeslutHandling.objects.all(), kontext.forbund, pk=pk)
    if not h.fil:
        raise Http404("Filen saknas.")
    return FileResponse(h.fil.open("rb"), as_attachment=False, filename=h.titel)


@behorighet("styrelse.redigera")
@require_POST
def distans_registrera_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = sel.mote_for_ledamot(kontext, pk)
    form = DistansForm(request.POST, mote=mote)
    return formular_handling(
        request,
        form,
        lambda d: distans_registrera(narvaro=d["narvaro"], aktor=request.user, fran_nummer=d["fran_nummer"], till_nummer=d["till_nummer"]),
        ok="Deltagandet på distans är registrerat.",
        till=reverse("styrelse:mote", args=[mote.pk]) + "#narvaro",
        mall="styrelse/mina_moten/distans.html",
        sammanhang={"mote": mote, "regler": beslutsregler_for(kontext.forbund)},
    )


@behorighet("styrelse.redigera")
@require_POST
def distans_ta_bort_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    d = hamta(Distansdeltagande.objects.select_related("narvaro__sammantrade"), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: distans_ta_bort(distansdeltagande=d, aktor=request.user),
        ok="Deltagandet på distans är borttaget.",
        till=reverse("styrelse:mote", args=[d.narvaro.sammantrade_id]),
    )


@behorighet("styrelse.visa")
def distansregler(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    regler = beslutsregler_for(kontext.forbund)
    form = DistansreglerForm(
        request.POST or None,
        forbund=kontext.forbund,
        initial={"distans_tillaten": regler.distans_tillaten, "distans_beslut": regler.distans_beslut_id},
    )
    if request.method == "POST":
        kontext.kraver("styrelse.redigera")
    return formular_handling(
        request,
        form,
        lambda d: distansregler_andra(forbund=kontext.forbund, aktor=request.user, tillaten=d["distans_tillaten"], beslut=d["distans_beslut"]),
        ok="Beslutet om deltagande på distans är sparat.",
        till=reverse("styrelse:distansregler"),
        mall="styrelse/mina_moten/distansregler.html",
        sammanhang={"regler": regler},
    )


@behorighet("styrelse.redigera")
def extra_sammantrade(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = ExtraSammantradeForm(request.POST or None)
    regler = beslutsregler_for(kontext.forbund)
    sammankallande = sel.person_for(kontext, request.user)

    def utfor(d: dict[str, Any]) -> Any:
        return extra_sammantrade_kalla(
            forbund=kontext.forbund,
            aktor=request.user,
            datum=d["datum"],
            skal=d["skal"],
            begart_av=d["begart_av"],
            kallelsetid_dagar=d["kallelsetid_dagar"],
            arenden=d["arenden"].splitlines(),
            starttid=d["starttid"],
            sluttid=d["sluttid"],
            plats=d["plats"],
            sammankallande=sammankallande,
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda m: f"Extra sammanträde {m.datum:%Y-%m-%d} är planerat. Skicka kallelsen nedan.",
        till=lambda m: reverse("styrelse:mote", args=[m.pk]),
        mall="styrelse/mina_moten/extra_sammantrade.html",
        sammanhang={"regler": regler},
    )
