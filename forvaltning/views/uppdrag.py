"""The board with each mandate's appointing decision (statutes § 5): which member, which body, which decision, period."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling
from styrelse.models import Mandat

from ..forms.styrning import UppdragForm, UtnamningForm
from ..selectors import uppdrag as sel
from ..services import uppdrag as tjanst


@behorighet("forbund.visa")
def styrelsen(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    idag = timezone.localdate()
    nu, tidigare = sel.styrelsen(kontext.forbund, idag)
    return render(request, "forvaltning/styrelsen.html", {"nu": nu, "tidigare": tidigare, "idag": idag})


@behorighet("forbund.redigera")
def uppdrag_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = UppdragForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: tjanst.uppdrag_tillsatt(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda m: f"{m.person} är registrerad som {m.get_typ_display().lower()} för {m.medlem}.",
        till=reverse("forvaltning:styrelsen"),
        mall="forvaltning/styrning_form.html",
        sammanhang={
            "rubrik": "Nytt mandat i styrelsen",
            "ingress": "Regionens och kommunernas ledamöter och ersättare väljs av respektive fullmäktige; Försäkringskassan och "
            "Arbetsförmedlingen utser sina (förbundsordningen § 5). Varje medlem har en ledamot och en ersättare åt gången.",
            "tillbaka": reverse("forvaltning:styrelsen"),
        },
    )


@behorighet("forbund.redigera")
def utnamning_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mandat = hamta(Mandat.objects.select_related("person", "medlem", "utnamning"), kontext.forbund, pk=pk)
    befintlig = getattr(mandat, "utnamning", None)
    initial = {"organ": befintlig.organ, "referens": befintlig.referens, "datum": befintlig.datum} if befintlig else {}
    form = UtnamningForm(request.POST or None, initial=initial)
    return formular_handling(
        request,
        form,
        lambda d: tjanst.utnamning_spara(mandat=mandat, aktor=request.user, **d),
        ok=f"Beslutet om utnämning av {mandat.person} är registrerat.",
        till=reverse("forvaltning:styrelsen"),
        mall="forvaltning/styrning_form.html",
        sammanhang={
            "rubrik": f"Utnämningsbeslut – {mandat.person}, {mandat.get_typ_display().lower()} för {mandat.medlem}",
            "tillbaka": reverse("forvaltning:styrelsen"),
        },
    )
