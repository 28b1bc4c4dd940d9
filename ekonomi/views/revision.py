"""Auditors: read the accounts, record the audit report; members' discharge decisions noted by the board."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.models import Medlem
from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling
from forvaltning.models.revision import Revisor
from forvaltning.selectors.revision import revisoruppdrag_for

from .. import selectors, services
from ..forms import AnsvarsfrihetForm, RevisionsberattelseForm
from ..models import Ansvarsfrihet, Revisionsberattelse
from .hjalp import ar_val


def _egen(kontext: Kontext, uppdrag: Revisor | None, ar: int) -> Revisionsberattelse | None:
    if uppdrag is None:
        return None
    return Revisionsberattelse.objects.filter(forbund=kontext.forbund, ar=ar, revisor_uppdrag=uppdrag).first()


def _sammanhang(kontext: Kontext, ar: int, *, egen: Revisionsberattelse | None, mitt_uppdrag: Any, **bundna: Any) -> dict[str, Any]:
    """The audit page's context; `bundna` holds a refused form, kept with the user's input."""
    ok, kontroller = selectors.avstamning_ok(kontext.forbund, ar)
    beslut = {a.medlem_id: a for a in Ansvarsfrihet.objects.filter(forbund=kontext.forbund, ar=ar).select_related("paragraf")}
    medlemmar = list(Medlem.objects.filter(forbund=kontext.forbund).order_by("ordning", svensk("namn")))
    return {
        "ar": ar,
        "ar_val": ar_val(ar),
        "egen": egen,
        "ok": ok,
        "kontroller": kontroller,
        "mitt_uppdrag": mitt_uppdrag,
        "berattelser": Revisionsberattelse.objects.filter(forbund=kontext.forbund, ar=ar)
        .select_related("revisor_uppdrag__person", "revisor_uppdrag__utsedd_av")
        .prefetch_related("revisor_uppdrag__granskar")
        .order_by("revisor_uppdrag__utsedd_av__ordning", "pk"),
        "ansvarsfrihet": [(m, beslut.get(m.pk)) for m in medlemmar],
        "aform": AnsvarsfrihetForm(forbund=kontext.forbund, initial={"beslut": "beviljad"}) if kontext.kan("ekonomi.redigera") else None,
        "budget": selectors.budget_tabell(kontext.forbund, ar),
        **bundna,
    }


@behorighet("ekonomi.visa")
def revision(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    egen = None
    form = None
    mitt_uppdrag = None
    if kontext.kan("revision.redigera"):
        mitt_uppdrag = revisoruppdrag_for(kontext.forbund, request.user, ar)
        egen = _egen(kontext, mitt_uppdrag, ar)
        initial = {"datum": egen.datum, "tillstyrker_ansvarsfrihet": egen.tillstyrker_ansvarsfrihet, "text": egen.text} if egen is not None else {}
        form = RevisionsberattelseForm(request.POST or None, request.FILES or None, initial=initial or None)
    if request.method == "POST":
        kontext.kraver("revision.redigera")
    sammanhang = _sammanhang(kontext, ar, egen=egen, mitt_uppdrag=mitt_uppdrag)
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
    mitt_uppdrag = revisoruppdrag_for(kontext.forbund, request.user, ar) if kontext.kan("revision.redigera") else None
    return formular_handling(
        request,
        form,
        lambda d: services.ansvarsfrihet_spara(
            forbund=kontext.forbund,
            aktor=request.user,
            ar=ar,
            medlem=hamta(Medlem.objects.all(), kontext.forbund, pk=d["medlem"].pk),
            beslut=d["beslut"],
            beslutsdatum=d["beslutsdatum"],
            beslutsorgan=d["beslutsorgan"],
            referens=d["referens"],
            dokument=d["dokument"],
            paragraf=d["paragraf"],
        ),
        ok=lambda a: f"{a.medlem.namn}s beslut om ansvarsfrihet för {ar} är registrerat.",
        till=reverse("ekonomi:revision", args=[ar]),
        mall="ekonomi/revision.html",
        # The audit report's own form is not shown on this refusal; the decision form keeps the input.
        sammanhang=_sammanhang(kontext, ar, egen=_egen(kontext, mitt_uppdrag, ar), mitt_uppdrag=mitt_uppdrag, aform=form, form=None),
    )
