"""Pages of the records plan, legal holds and gallring runs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, knapp_handling
from styrelse.models import Handlingstyp
from uppfoljning.models import Installning

from ..arkivtyper import arkivtyper
from ..forms.register import GallringsstoppForm, KlassaForm, PlanradForm
from ..models import Gallring, Gallringsstopp
from ..selectors import arkiv as sel
from ..services import arkiv as tj
from .register import export_svar, rad_formular


@behorighet("diarium.visa")
def dokumenthanteringsplan(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    rader = list(sel.plan(kontext))
    namn = arkivtyper()
    gallring_ar = Installning.objects.filter(forbund=kontext.forbund).values_list("gallring_ar", flat=True).first() or Installning().gallring_ar
    return render(
        request,
        "forvaltning/dokumenthanteringsplan.html",
        {
            "rader": [(r, [namn.get(k, k) for k in r.produkttyper], list(r.handlingstyper.all())) for r in rader],
            "ej_klassade": sel.ej_klassade(kontext.forbund),
            "klassa": KlassaForm(forbund=kontext.forbund),
            "deltagare_gallring_ar": gallring_ar,
            "anteckning_dagar": settings.FINSAM_ANTECKNING_GALLRING_DAGAR,
        },
    )


@behorighet("diarium.visa")
def dokumenthanteringsplan_export(request: HttpRequest, kontext: Kontext, format: str) -> HttpResponseBase:
    return export_svar(kontext, sel.plan_tabell(kontext.forbund), format=format, blad="Dokumenthanteringsplan", namn="dokumenthanteringsplan")


@require_POST
@behorighet("dokumenthanteringsplan.redigera")
def dokumenthanteringsplan_skapa(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return knapp_handling(
        request,
        lambda: tj.dokumenthanteringsplan_skapa(forbund=kontext.forbund, aktor=request.user),
        ok=lambda rader: f"Dokumenthanteringsplanen är skapad med {len(rader)} rader.",
        till=reverse("forvaltning:dokumenthanteringsplan"),
    )


@behorighet("dokumenthanteringsplan.redigera")
def planrad_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return rad_formular(
        request,
        PlanradForm(request.POST or None, forbund=kontext.forbund),
        lambda d: tj.planrad_spara(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda r: f"Raden ”{r.handling}” är sparad.",
        tillbaka=reverse("forvaltning:dokumenthanteringsplan"),
        rubrik="Ny rad i dokumenthanteringsplanen",
    )


@behorighet("dokumenthanteringsplan.redigera")
def planrad_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    rad = sel.planrad_hamta(kontext, pk)
    return rad_formular(
        request,
        PlanradForm(request.POST or None, instance=rad, forbund=kontext.forbund),
        lambda d: tj.planrad_spara(forbund=kontext.forbund, aktor=request.user, rad=rad, **d),
        ok=lambda r: f"Raden ”{r.handling}” är ändrad.",
        tillbaka=reverse("forvaltning:dokumenthanteringsplan"),
        rubrik="Ändra rad i dokumenthanteringsplanen",
    )


@require_POST
@behorighet("dokumenthanteringsplan.redigera")
def planrad_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    rad = sel.planrad_hamta(kontext, pk)
    return knapp_handling(
        request,
        lambda: tj.planrad_ta_bort(rad=rad, aktor=request.user),
        ok=f"Raden ”{rad.handling}” är borttagen.",
        till=reverse("forvaltning:dokumenthanteringsplan"),
    )


@require_POST
@behorighet("dokumenthanteringsplan.redigera")
def handlingstyp_klassa(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    typ = hamta(Handlingstyp.objects.all(), kontext.forbund, pk=pk)
    form = KlassaForm(request.POST, forbund=kontext.forbund)
    planrad = form.cleaned_data["planrad"] if form.is_valid() else None
    return knapp_handling(
        request,
        lambda: tj.handlingstyp_klassa(handlingstyp=typ, planrad=planrad, aktor=request.user),
        ok=f"Handlingstypen ”{typ.namn}” följer nu sin rad i planen.",
        till=reverse("forvaltning:dokumenthanteringsplan"),
    )


@behorighet("diarium.visa")
def gallring(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    lista = list(sel.gallringar(kontext))
    forslag = next((g for g in lista if g.status == Gallring.Status.FORSLAG), None)
    return render(
        request,
        "forvaltning/gallring.html",
        {
            "forslag": forslag,
            "genomforda": [g for g in lista if g.status == Gallring.Status.GENOMFORD],
            "stopp": list(sel.gallringsstopp(kontext.forbund)),
            "stoppform": GallringsstoppForm(initial={"fran": timezone.localdate()}),
        },
    )


@behorighet("diarium.visa")
def gallring_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    return render(request, "forvaltning/gallring_detalj.html", {"g": sel.gallring_hamta(kontext, pk)})


@require_POST
@behorighet("gallring.genomfora")
def gallring_foresla(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return knapp_handling(
        request,
        lambda: tj.gallring_foresla(forbund=kontext.forbund, aktor=request.user),
        ok=lambda g: f"Förslaget är uppdaterat: {len(g.poster)} handlingar kan gallras, {len(g.behalls)} behålls.",
        till=reverse("forvaltning:gallring"),
    )


@require_POST
@behorighet("gallring.genomfora")
def gallring_genomfor(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    g = sel.gallring_hamta(kontext, pk)
    return knapp_handling(
        request,
        lambda: tj.gallring_genomfor(gallring=g, aktor=request.user),
        ok=lambda g: f"Gallringen är genomförd: {len(g.utfall)} handlingar gallrade. Gallringsprotokollet skapas.",
        till=lambda res: reverse("forvaltning:gallring_detalj", args=[g.pk]),
    )


@behorighet("gallring.genomfora")
def gallringsstopp_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return rad_formular(
        request,
        GallringsstoppForm(request.POST or None, initial={"fran": timezone.localdate()}),
        lambda d: tj.gallringsstopp_registrera(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda s: f"Gallringsstopp för ärendet ”{s.arende}” är registrerat.",
        tillbaka=reverse("forvaltning:gallring"),
        rubrik="Nytt gallringsstopp",
    )


@require_POST
@behorighet("gallring.genomfora")
def gallringsstopp_hav(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    stopp = hamta(Gallringsstopp.objects.all(), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: tj.gallringsstopp_hav(stopp=stopp, aktor=request.user),
        ok=f"Gallringsstoppet för ”{stopp.arende}” är hävt.",
        till=reverse("forvaltning:gallring"),
    )
