"""The förbund's goal tree for a year: measures with target and measured value, the proposal and the confirmed assessment."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, knapp_handling

from .. import services
from ..malmatt import maltrad as maltrad_for
from ..models import Malbedomning, Malnod


class BekraftaForm(forms.Form):
    ar = forms.IntegerField(min_value=2000, max_value=2100)
    bedomning = forms.ChoiceField(label="Bedömning", choices=Malbedomning.Bedomning.choices)
    kommentar = forms.CharField(label="Kommentar", required=False, widget=forms.Textarea(attrs={"rows": 2}))


def _url(ar: int) -> str:
    return f"{reverse('insatser:maltrad')}?ar={ar}"


@behorighet("insatser.visa")
def maltrad(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    return render(
        request,
        "insatser/maltrad.html",
        {
            "ar": ar,
            "trad": maltrad_for(kontext.forbund, ar),
            "val": Malbedomning.Bedomning.choices,
            "ar_val": range(timezone.localdate().year + 1, 2015, -1),
        },
    )


@behorighet("insatser.redigera")
@require_POST
def maltrad_foresla(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    ar = ar_fran(request)
    return knapp_handling(
        request,
        lambda: services.malnod_bedomningar_foresla(forbund=kontext.forbund, aktor=request.user, ar=ar),
        ok=lambda rader: f"Förslag för {ar} är beräknade för {len(rader)} mål.",
        till=_url(ar),
    )


@behorighet("insatser.besluta")
@require_POST
def maltrad_bekrafta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    nod = hamta(Malnod.objects.all(), kontext.forbund, pk=pk)
    form = BekraftaForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Välj år och bedömning.")
        return HttpResponseRedirect(_url(ar_fran(request)))
    d = form.cleaned_data
    return knapp_handling(
        request,
        lambda: services.malnod_bedomning_bekrafta(malnod=nod, aktor=request.user, ar=d["ar"], bedomning=d["bedomning"], kommentar=d["kommentar"]),
        ok=f"Bedömningen för {d['ar']} är bekräftad.",
        till=_url(d["ar"]),
    )
