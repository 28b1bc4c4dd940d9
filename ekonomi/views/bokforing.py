"""Bookkeeping import and the account mapping (ranges to statement lines, to note lines and budget lines)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from .. import services
from ..bokforing.kontoplan import standard_intervall
from ..forms import ImportForm, InstallningForm, KontointervallForm, KontokopplingForm
from ..models import Bokforingsjobb, Budgetrad, Ekonomiinstallning, Kontointervall, Kontokoppling, Redovisningsimport
from ..services.importera import max_bytes, storlek_kontrollera


@behorighet("ekonomi.visa")
def importera(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """Upload a SIE file (any type) or a CSV trial balance; the import runs as a background job with progress."""
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
    form = ImportForm(request.POST or None, request.FILES or None)

    def utfor(d: dict[str, Any]) -> Any:
        fil = d["fil"]
        storlek_kontrollera(fil.size)  # refused from the size, before the file is read
        return services.bokforing_import_starta(
            forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, kalla=d["kalla"], ar=d["ar"], tom=d["tom"]
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda j: f"Filen {j.filnamn} läses in i bakgrunden.",
        till=lambda j: reverse("ekonomi:import_jobb", args=[j.pk]),
        mall="ekonomi/importera.html",
        sammanhang={
            "importer": Redovisningsimport.objects.filter(forbund=kontext.forbund).select_related("importerad_av").order_by("-ar"),
            "jobb": Bokforingsjobb.objects.filter(forbund=kontext.forbund).defer("data").order_by("-skapad", "-id")[:5],
            "max_mib": max_bytes() // (1024 * 1024),
        },
    )


@behorighet("ekonomi.visa")
def import_jobb(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    jobb = hamta(Bokforingsjobb.objects.defer("data").select_related("redovisningsimport", "bestalld_av"), kontext.forbund, pk=pk)
    return render(request, "ekonomi/import_jobb.html", {"jobb": jobb, "imp": jobb.redovisningsimport})


@behorighet("ekonomi.redigera")
@require_POST
def import_bekrafta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    jobb = hamta(Bokforingsjobb.objects.defer("data"), kontext.forbund, pk=pk)
    return knapp_handling(
        request,
        lambda: services.bokforing_jobb_bekrafta(jobb=jobb, aktor=request.user),
        ok="Bekräftat; importen körs.",
        till=reverse("ekonomi:import_jobb", args=[jobb.pk]),
    )


def _budgetrader(kontext: Kontext) -> list[tuple[str, str]]:
    rader = Budgetrad.objects.filter(forbund=kontext.forbund).order_by("nyckel").values_list("nyckel", "text").distinct()
    sedda: dict[str, str] = {}
    for nyckel, text in rader:
        sedda.setdefault(nyckel, f"{text} ({nyckel})")
    return sorted(sedda.items(), key=lambda p: p[1])


@behorighet("ekonomi.visa")
def kontoplan(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    typ = request.POST.get("typ", "")
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
    budgetrader = _budgetrader(kontext)
    installning = Ekonomiinstallning.objects.filter(forbund=kontext.forbund).first()
    andel = installning.eget_kapital_andel if installning else Decimal("0.200")
    iform = KontointervallForm(request.POST if typ == "intervall" else None, prefix="i")
    kform = KontokopplingForm(request.POST if typ == "koppling" else None, prefix="k", forbund=kontext.forbund, budgetrader=budgetrader)
    sform = InstallningForm(request.POST if typ == "installning" else None, prefix="s", initial={"procent": andel * 100})
    sammanhang = {
        "intervall": list(Kontointervall.objects.filter(forbund=kontext.forbund).order_by("fran")) or standard_intervall(kontext.forbund),
        "kopplingar": Kontokoppling.objects.filter(forbund=kontext.forbund).select_related("medlem").order_by("fran"),
        "iform": iform,
        "kform": kform,
        "sform": sform,
        "budgetnamn": dict(budgetrader),
        "andel": andel,
    }
    forbund, aktor = kontext.forbund, request.user
    if typ == "koppling":
        return formular_handling(
            request,
            kform,
            lambda d: services.kontokoppling_spara(forbund=forbund, aktor=aktor, **d),
            ok="Kopplingen är sparad.",
            till="ekonomi:kontoplan",
            mall="ekonomi/kontoplan.html",
            sammanhang=sammanhang,
        )
    if typ == "installning":
        return formular_handling(
            request,
            sform,
            lambda d: services.installning_spara(forbund=forbund, aktor=aktor, eget_kapital_andel=sform.andel()),
            ok="Inställningen är sparad.",
            till="ekonomi:kontoplan",
            mall="ekonomi/kontoplan.html",
            sammanhang=sammanhang,
        )
    return formular_handling(
        request,
        iform,
        lambda d: services.kontointervall_spara(forbund=forbund, aktor=aktor, **d),
        ok="Kontointervallet är sparat.",
        till="ekonomi:kontoplan",
        mall="ekonomi/kontoplan.html",
        sammanhang=sammanhang,
    )


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
