"""The statutes as versions: the version in force for every role, earlier versions kept, members' decisions."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling

from ..forms.styrning import ForbundsordningBeslutForm, ForbundsordningForm
from ..models.forbundsordning import Forbundsordning
from ..selectors import forbundsordning as sel
from ..services import forbundsordning as tjanst


@behorighet("forbund.visa")
def forbundsordning(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    alla = sel.versioner(kontext.forbund)
    idag = timezone.localdate()
    return render(
        request, "forvaltning/forbundsordning.html", {"versioner": alla, "galler": sel.galler_pa(kontext.forbund, idag, alla), "idag": idag}
    )


@behorighet("forbund.visa")
def forbundsordning_version(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ordning = hamta(Forbundsordning.objects.all(), kontext.forbund, pk=pk)
    version = next(v for v in sel.versioner(kontext.forbund) if v.ordning.pk == ordning.pk)
    form = ForbundsordningBeslutForm(request.POST or None, forbund=kontext.forbund) if kontext.kan("forbund.redigera") else None
    sammanhang = {"v": version, "galler": sel.galler_pa(kontext.forbund, timezone.localdate()), "form": form}
    if form is None:
        if request.method == "POST":
            kontext.kraver("forbund.redigera")
        return render(request, "forvaltning/forbundsordning_version.html", sammanhang)
    return formular_handling(
        request,
        form,
        lambda d: tjanst.forbundsordning_beslut_spara(forbundsordning=ordning, aktor=request.user, **d),
        ok=lambda b: f"{b.medlem}s beslut om version {ordning.version} är registrerat.",
        till=reverse("forvaltning:forbundsordning_version", args=[ordning.pk]),
        mall="forvaltning/forbundsordning_version.html",
        sammanhang=sammanhang,
    )


@behorighet("forbund.visa")
def forbundsordning_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ordning = hamta(Forbundsordning.objects.all(), kontext.forbund, pk=pk)
    if not ordning.fil:
        raise Http404("Versionen har ingen PDF.")
    return fil_svar(ordning.fil, filnamn=f"forbundsordning-version-{ordning.version}.pdf", content_type="application/pdf")


@behorighet("forbund.redigera")
def forbundsordning_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    galler = sel.galler_pa(kontext.forbund, timezone.localdate())
    initial = {"text": galler.ordning.text, "rubrik": galler.ordning.rubrik} if galler else {}
    form = ForbundsordningForm(request.POST or None, request.FILES or None, forbund=kontext.forbund, initial=initial)
    return formular_handling(
        request,
        form,
        lambda d: tjanst.forbundsordning_skapa(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda f: f"Version {f.version} av förbundsordningen är registrerad; den gäller när alla medlemmar har antagit den.",
        till=lambda f: reverse("forvaltning:forbundsordning_version", args=[f.pk]),
        mall="forvaltning/styrning_form.html",
        sammanhang={
            "rubrik": "Ny version av förbundsordningen",
            "ingress": "Tidigare versioner sparas oförändrade. Den nya versionen gäller från sitt datum när varje medlem har antagit den.",
            "tillbaka": reverse("forvaltning:forbundsordning"),
            "filer": True,
        },
    )
