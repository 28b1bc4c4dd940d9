"""Auditors: read the accounts, record the audit report; members' discharge decisions noted by the board."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.models import Medlem
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling
from forvaltning.selectors_revision import revisoruppdrag_for

from .. import selectors, services
from ..forms import AnsvarsfrihetForm, RevisionsberattelseForm
from ..models import Ansvarsfrihet, Revisionsberattelse
from .hjalp import ar_val, formfel


@behorighet("ekonomi.visa")
def revision(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    egen = None
    form = None
    mitt_uppdrag = None
    if kontext.kan("revision.redigera"):
        mitt_uppdrag = revisoruppdrag_for(kontext.forbund, request.user, ar)
        egen = Revisionsberattelse.objects.filter(forbund=kontext.forbund, ar=ar, revisor_uppdrag=mitt_uppdrag).first() if mitt_uppdrag else None
        initial = {"datum": egen.datum, "tillstyrker_ansvarsfrihet": egen.tillstyrker_ansvarsfrihet, "text": egen.text} if egen is not None else {}
        form = RevisionsberattelseForm(request.POST or None, initial=initial or None)
    if request.method == "POST":
        kontext.kraver("revision.redigera")
    ok, kontroller = selectors.avstamning_ok(kontext.forbund, ar)
    beslut = {a.medlem_id: a for a in Ansvarsfrihet.objects.filter(forbund=kontext.forbund, ar=ar).select_related("paragraf")}
    medlemmar = list(Medlem.objects.filter(forbund=kontext.forbund).order_by("ordning", "namn"))
    sammanhang = {
        "ar": ar,
        "ar_val": ar_val(ar),
        "egen": egen,
        "ok": ok,
        "kontroller": kontroller,
        "mitt_uppdrag": mitt_uppdrag,
        "berattelser": Revisionsberattelse.objects.filter(forbund=kontext.forbund, ar=ar)
        .select_related("revisor_uppdrag__person", "revisor_uppdrag__utsedd_av")
        .prefetch_related("revisor_uppdrag__granskar"),
        "ansvarsfrihet": [(m, beslut.get(m.pk)) for m in medlemmar],
        "aform": AnsvarsfrihetForm(forbund=kontext.forbund, initial={"beslut": "beviljad"}) if kontext.kan("ekonomi.redigera") else None,
        "budget": selectors.budget_tabell(kontext.forbund, ar),
    }
    if form is None:
        return render(request, "ekonomi/revision.html", {**sammanhang, "form": None})
    return formular_handling(
        request,
        form,
        lambda d: services.revisionsberattelse_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, berattelse=egen, **d),
        ok=f"Revisionsberättelsen för {ar} är sparad.",
        till=reverse("ekonomi:revision", args=[ar]),
        mall="ekonomi/revision.html",
        sammanhang=sammanhang,
    )


@behorighet("ekonomi.redigera")
@require_POST
def ansvarsfrihet(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    form = AnsvarsfrihetForm(request.POST, request.FILES, forbund=kontext.forbund)
    if not form.is_valid():
        messages.error(request, "Beslutet sparades inte: " + formfel(form))
        return redirect("ekonomi:revision", ar=ar)
    medlem = hamta(Medlem.objects.all(), kontext.forbund, pk=form.cleaned_data["medlem"].pk)
    d = form.cleaned_data
    return knapp_handling(
        request,
        lambda: services.ansvarsfrihet_spara(
            forbund=kontext.forbund,
            aktor=request.user,
            ar=ar,
            medlem=medlem,
            beslut=d["beslut"],
            beslutsdatum=d["beslutsdatum"],
            beslutsorgan=d["beslutsorgan"],
            referens=d["referens"],
            dokument=d["dokument"],
            paragraf=d["paragraf"],
        ),
        ok=f"{medlem.namn}s beslut om ansvarsfrihet för {ar} är registrerat.",
        till=reverse("ekonomi:revision", args=[ar]),
    )
