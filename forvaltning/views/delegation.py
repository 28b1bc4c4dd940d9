"""Pages of the delegation order: the version in force, earlier versions, the draft and its adoption."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.web import behorighet, knapp_handling

from ..forms.register import AntaForm, DelegationsimportForm, DelegationsradForm
from ..models import Delegationsordning
from ..selectors import delegation as sel
from ..services import delegation as tj
from ..services.delegation_import import delegationsordning_importera
from .register import export_svar, rad_formular


def _avsnitt(ordning: Delegationsordning) -> list[tuple[str, list]]:
    """The rows grouped by section, in the order's own order."""
    grupper: dict[str, list] = {}
    for rad in ordning.rader.all():
        grupper.setdefault(rad.avsnitt, []).append(rad)
    return list(grupper.items())


@behorighet("styrelse.visa")
def delegationsordning(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    idag = timezone.localdate()
    i_kraft = sel.ordning_i_kraft(kontext.forbund, idag)
    ordning = sel.ordning_hamta(kontext, i_kraft.pk) if i_kraft else None
    return render(
        request,
        "forvaltning/delegationsordning.html",
        {
            "ordning": ordning,
            "avsnitt": _avsnitt(ordning) if ordning else [],
            "versioner": list(sel.ordningar(kontext)),
            "utkast": sel.utkast(kontext.forbund),
            "prisbasbelopp": sel.prisbasbelopp(),
            "idag": idag,
        },
    )


@behorighet("styrelse.visa")
def delegationsordning_version(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ordning = sel.ordning_hamta(kontext, pk)
    return render(
        request,
        "forvaltning/delegationsordning_version.html",
        {
            "ordning": ordning,
            "avsnitt": _avsnitt(ordning),
            "anta": AntaForm(forbund=kontext.forbund, initial={"giltig_fran": timezone.localdate()}) if ordning.kan_andras else None,
            "redigera": ordning.kan_andras and kontext.kan("delegationsordning.redigera"),
        },
    )


@behorighet("styrelse.visa")
def delegationsordning_export(request: HttpRequest, kontext: Kontext, pk: int, format: str) -> HttpResponseBase:
    ordning = sel.ordning_hamta(kontext, pk)
    return export_svar(
        kontext,
        sel.ordning_tabell(ordning),
        format=format,
        blad="Delegationsordning",
        namn="delegationsordning",
        suffix=str(ordning.giltig_fran or "utkast"),
    )


@require_POST
@behorighet("delegationsordning.redigera")
def delegationsordning_utkast(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return knapp_handling(
        request,
        lambda: tj.delegationsordning_utkast_skapa(forbund=kontext.forbund, aktor=request.user),
        ok="Ett utkast till ny delegationsordning är skapat som kopia av den som gäller.",
        till=lambda o: reverse("forvaltning:delegationsordning_version", args=[o.pk]) if o else reverse("forvaltning:delegationsordning"),
    )


@behorighet("delegationsordning.redigera")
def delegationsrad_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ordning = sel.ordning_hamta(kontext, pk)
    return rad_formular(
        request,
        DelegationsradForm(request.POST or None, forbund=kontext.forbund, initial={"anmals": True}),
        lambda d: tj.delegationsrad_spara(ordning=ordning, aktor=request.user, **d),
        ok=lambda r: f"Ärendet ”{r.arende}” är sparat i utkastet.",
        tillbaka=reverse("forvaltning:delegationsordning_version", args=[ordning.pk]),
        rubrik=f"Nytt ärende i {ordning}",
    )


@behorighet("delegationsordning.redigera")
def delegationsrad_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    rad = sel.rad_hamta(kontext, pk)
    return rad_formular(
        request,
        DelegationsradForm(request.POST or None, instance=rad, forbund=kontext.forbund),
        lambda d: tj.delegationsrad_spara(ordning=rad.ordning, aktor=request.user, rad=rad, **d),
        ok=lambda r: f"Ärendet ”{r.arende}” är ändrat.",
        tillbaka=reverse("forvaltning:delegationsordning_version", args=[rad.ordning_id]),
        rubrik=f"Ändra ärende i {rad.ordning}",
    )


@require_POST
@behorighet("delegationsordning.redigera")
def delegationsrad_ta_bort(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    rad = sel.rad_hamta(kontext, pk)
    return knapp_handling(
        request,
        lambda: tj.delegationsrad_ta_bort(rad=rad, aktor=request.user),
        ok=f"Ärendet ”{rad.arende}” är borttaget ur utkastet.",
        till=reverse("forvaltning:delegationsordning_version", args=[rad.ordning_id]),
    )


@behorighet("delegationsordning.redigera")
def delegationsordning_anta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ordning = sel.ordning_hamta(kontext, pk)
    return rad_formular(
        request,
        AntaForm(request.POST or None, forbund=kontext.forbund),
        lambda d: tj.delegationsordning_anta(ordning=ordning, aktor=request.user, **d),
        ok=lambda o: f"Delegationsordningen är antagen i {o.beslut_text} och gäller från {o.giltig_fran:%Y-%m-%d}.",
        tillbaka=reverse("forvaltning:delegationsordning_version", args=[ordning.pk]),
        rubrik=f"Anta {ordning}",
    )


@behorighet("delegationsordning.redigera")
def delegationsordning_import(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """A spreadsheet in the delegation order's own layout becomes a new draft; nothing is saved when a row is wrong."""
    return rad_formular(
        request,
        DelegationsimportForm(request.POST or None, request.FILES or None),
        lambda d: delegationsordning_importera(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda o: f"Utkastet är importerat med {o.rader.count()} ärenden. Styrelsen antar det i en § innan det gäller.",
        till=lambda o: reverse("forvaltning:delegationsordning_version", args=[o.pk]),
        tillbaka=reverse("forvaltning:delegationsordning"),
        rubrik="Importera delegationsordning",
        mall="forvaltning/styrning_form.html",
        ingress="Filen blir ett nytt utkast (den gällande ordningen ändras inte). En rad med bara ärendet ifyllt är en avsnittsrubrik. "
        "Delegat: Styrelsen, Förbundsordförande, Vice ordförande, Förbundschef eller en registrerad persons namn. Beloppsgräns: "
        "t.ex. 2 prisbasbelopp eller 100 000 kr. Är någon rad fel importeras ingenting, och varje fel visas med sitt radnummer.",
        exempel=static("forvaltning/delegationsordning-exempel.csv"),
        filer=True,
    )
