"""Pages of the agreements register. Each write calls one service through finsam.web's helpers."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling

from .. import selectors, services
from ..forms import AvtalDokumentForm, AvtalForm, UppsagningForm
from ..models import Avtal, AvtalDokument
from .register import export_svar, rad_formular


@behorighet("avtal.visa")
def avtal_lista(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    status = request.GET.get("status", "")
    idag = timezone.localdate()
    avtal = list(selectors.avtal_lista(kontext.forbund, status=status))
    rader = [(a, a.periodslut(idag), a.sista_uppsagningsdag(idag), a.lopt_ut(idag)) for a in avtal]
    return render(
        request,
        "forvaltning/avtal_lista.html",
        {
            "rader": rader,
            "status": status,
            "statusval": Avtal.Status.choices,
            "varningar": selectors.avtal_varningar(kontext.forbund, idag) if kontext.kan("avtal.redigera") else [],
        },
    )


@behorighet("avtal.visa")
def avtal_export(request: HttpRequest, kontext: Kontext, format: str) -> HttpResponseBase:
    return export_svar(kontext, selectors.avtal_tabell(kontext.forbund), format=format, blad="Avtal", namn="avtal")


@behorighet("avtal.visa")
def avtal_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    avtal = selectors.avtal_hamta(kontext, pk)
    idag = timezone.localdate()
    return render(
        request,
        "forvaltning/avtal.html",
        {
            "avtal": avtal,
            "periodslut": avtal.periodslut(idag),
            "sista": avtal.sista_uppsagningsdag(idag),
            "forlangs": avtal.forlangs(idag),
            "uppsagning": UppsagningForm(initial={"datum": idag}),
            "lopt_ut": avtal.lopt_ut(idag),
        },
    )


@behorighet("avtal.redigera")
def avtal_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = AvtalForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.avtal_skapa(forbund=kontext.forbund, aktor=request.user, medlemmar=d["medlemmar"], **form.tjanstdata()),
        ok=lambda a: f"Avtalet {a.rubrik} är registrerat.",
        till=lambda a: reverse("forvaltning:avtal", args=[a.pk]),
        mall="forvaltning/avtal_form.html",
        sammanhang={"rubrik": "Nytt avtal"},
    )


@behorighet("avtal.redigera")
def avtal_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    avtal = selectors.avtal_hamta(kontext, pk)
    form = AvtalForm(request.POST or None, instance=avtal, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.avtal_andra(avtal=avtal, aktor=request.user, medlemmar=d["medlemmar"], **form.tjanstdata()),
        ok=lambda a: f"Avtalet {a.rubrik} är ändrat.",
        till=lambda a: reverse("forvaltning:avtal", args=[a.pk]),
        mall="forvaltning/avtal_form.html",
        sammanhang={"rubrik": f"Ändra {avtal.rubrik}", "avtal": avtal},
    )


@behorighet("avtal.redigera")
def avtal_sag_upp(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    avtal = selectors.avtal_hamta(kontext, pk)
    idag = timezone.localdate()
    form = UppsagningForm(request.POST or None, initial={"datum": idag})
    return formular_handling(
        request,
        form,
        lambda d: services.avtal_sag_upp(avtal=avtal, aktor=request.user, datum=d["datum"]),
        ok=lambda a: f"Uppsägningen är registrerad; avtalet upphör {a.upphor_datum:%Y-%m-%d}.",
        till=reverse("forvaltning:avtal", args=[avtal.pk]),
        mall="forvaltning/avtal.html",
        sammanhang={
            "avtal": avtal,
            "periodslut": avtal.periodslut(idag),
            "sista": avtal.sista_uppsagningsdag(idag),
            "forlangs": avtal.forlangs(idag),
            "uppsagning": form,
        },
    )


@behorighet("avtal.redigera")
def avtal_dokument_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    avtal = selectors.avtal_hamta(kontext, pk)
    return rad_formular(
        request,
        AvtalDokumentForm(request.POST or None, request.FILES or None),
        lambda d: services.avtal_dokument_ladda_upp(avtal=avtal, aktor=request.user, **d),
        ok=lambda dok: f"Dokumentet {dok.titel} är uppladdat till avtalet {avtal.rubrik}.",
        tillbaka=reverse("forvaltning:avtal", args=[avtal.pk]),
        rubrik=f"Ladda upp dokument – {avtal.rubrik}",
        mall="forvaltning/styrning_form.html",
        ingress="Avtalets dokument som PDF: det undertecknade avtalet, bilagor, förlängningar. Tidigare dokument sparas.",
        filer=True,
    )


@behorighet("avtal.visa")
def avtal_dokument(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    dok = hamta(AvtalDokument.objects.select_related("avtal"), kontext.forbund, pk=pk)
    return fil_svar(dok.fil, filnamn=f"avtal-{dok.avtal_id}-{dok.pk}.pdf", content_type="application/pdf")
