"""Bookkeeping import and the account mapping (ranges to statement lines, to note lines and budget lines)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet

from .. import selectors, services
from ..forms import ImportForm, InstallningForm, KontointervallForm, KontokopplingForm
from ..models import Budgetrad, Ekonomiinstallning, Kontointervall, Kontokoppling, Redovisningsimport
from ..services.bokforing import standard_intervall
from .hjalp import fel

MAX_STORLEK = 50 * 1024 * 1024


@behorighet("ekonomi.visa")
def importera(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
        if form.is_valid():
            fil = form.cleaned_data["fil"]
            if fil.size > MAX_STORLEK:
                messages.error(request, "Filen är större än 50 MB.")
            else:
                try:
                    imp = services.bokforing_importera(
                        forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, kalla=form.cleaned_data["kalla"],
                        ar=form.cleaned_data["ar"], tom=form.cleaned_data["tom"],
                    )
                except ValidationError as exc:
                    fel(request, exc)
                else:
                    ok, kontroller = selectors.avstamning_ok(kontext.forbund, imp.ar)
                    antal_fel = sum(1 for k in kontroller if not k["ok"])
                    messages.success(request, f"Bokföringen {imp.ar} är importerad ({imp.antal_verifikationer} verifikationer).")
                    if not ok:
                        messages.warning(request, f"Avstämningen visar {antal_fel} kontroll(er) som inte stämmer; se räkenskaperna.")
                    return redirect(f"{_url('ekonomi:rakenskaper')}?ar={imp.ar}")
    return render(request, "ekonomi/importera.html", {
        "form": form, "importer": Redovisningsimport.objects.filter(forbund=kontext.forbund).select_related("importerad_av").order_by("-ar"),
    })


def _url(namn: str) -> str:
    from django.urls import reverse

    return reverse(namn)


def _budgetrader(kontext: Kontext) -> list[tuple[str, str]]:
    rader = Budgetrad.objects.filter(forbund=kontext.forbund).order_by("nyckel").values_list("nyckel", "text").distinct()
    sedda: dict[str, str] = {}
    for nyckel, text in rader:
        sedda.setdefault(nyckel, f"{text} ({nyckel})")
    return sorted(sedda.items(), key=lambda p: p[1])


@behorighet("ekonomi.visa")
def kontoplan(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    typ = request.POST.get("typ", "")
    budgetrader = _budgetrader(kontext)
    installning = Ekonomiinstallning.objects.filter(forbund=kontext.forbund).first()
    andel = installning.eget_kapital_andel if installning else Decimal("0.200")
    iform = KontointervallForm(request.POST if typ == "intervall" else None, prefix="i")
    kform = KontokopplingForm(request.POST if typ == "koppling" else None, prefix="k", forbund=kontext.forbund, budgetrader=budgetrader)
    sform = InstallningForm(request.POST if typ == "installning" else None, prefix="s", initial={"procent": andel * 100})
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
        try:
            if typ == "intervall" and iform.is_valid():
                services.kontointervall_spara(forbund=kontext.forbund, aktor=request.user, **iform.cleaned_data)
                messages.success(request, "Kontointervallet är sparat.")
                return redirect("ekonomi:kontoplan")
            if typ == "koppling" and kform.is_valid():
                services.kontokoppling_spara(forbund=kontext.forbund, aktor=request.user, **kform.cleaned_data)
                messages.success(request, "Kopplingen är sparad.")
                return redirect("ekonomi:kontoplan")
            if typ == "installning" and sform.is_valid():
                services.installning_spara(forbund=kontext.forbund, aktor=request.user, eget_kapital_andel=sform.andel())
                messages.success(request, "Inställningen är sparad.")
                return redirect("ekonomi:kontoplan")
            messages.error(request, "Uppgifterna sparades inte; rätta felen nedan.")
        except ValidationError as exc:
            fel(request, exc)
    return render(request, "ekonomi/kontoplan.html", {
        "intervall": list(Kontointervall.objects.filter(forbund=kontext.forbund).order_by("fran")) or standard_intervall(kontext.forbund),
        "kopplingar": Kontokoppling.objects.filter(forbund=kontext.forbund).select_related("medlem").order_by("fran"),
        "iform": iform, "kform": kform, "sform": sform, "budgetnamn": dict(budgetrader), "andel": andel,
    })


@behorighet("ekonomi.redigera")
@require_POST
def kontoplan_ta_bort(request: HttpRequest, kontext: Kontext, typ: str, pk: int) -> HttpResponse:
    if typ == "intervall":
        services.kontointervall_ta_bort(intervall=hamta(Kontointervall.objects.all(), kontext.forbund, pk=pk), aktor=request.user)
    elif typ == "koppling":
        services.kontokoppling_ta_bort(koppling=hamta(Kontokoppling.objects.all(), kontext.forbund, pk=pk), aktor=request.user)
    else:
        raise Http404
    messages.success(request, "Borttaget.")
    return redirect("ekonomi:kontoplan")
