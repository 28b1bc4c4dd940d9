"""Participant pages (kansli only): list, participant, new enrolment, fast exit entry, settings.

No participant code or personnummer ever travels in a URL: searches are POSTed, and a search for a personnummer
is kept (in the session) only as its keyed hash.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from finsam.models import Handelse
from finsam.permissions import Kontext
from finsam.sidcache import sidcache
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling

from .. import selectors, services
from ..forms import AvslutForm, InskrivningAndraForm, InskrivningForm, InstallningForm, KodSokForm, SokForm
from ..models import Deltagare, Inskrivning
from ..vokabular import Forsorjning

SOK_NYCKEL = "uppfoljning_sok"
INSKRIVNING_FALT = (
    "samtycke",
    "samtycke_datum",
    "kon",
    "fodelsear",
    "remittent",
    "utbildning",
    "forsorjning_in",
    "inskriven",
    "alder_skal",
    "hemkommun",
    "forsorjningstid",
    "remitterad",
    "narvaro_planerad",
    "narvaro_faktisk",
)


@behorighet("deltagare.visa")
@sidcache
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    if request.method == "POST":  # a code search: kept in the session (a personnummer only as its keyed hash), never in the URL
        request.session[SOK_NYCKEL] = selectors.sokning(request.POST.get("sok", ""))
        parametrar = request.GET.copy()
        parametrar.pop("sida", None)
        return redirect(reverse("uppfoljning:index") + (f"?{parametrar.urlencode()}" if parametrar else ""))
    form = SokForm(request.GET or None, forbund=kontext.forbund)
    data = form.cleaned_data if form.is_valid() else {}
    insats = data.get("insats")
    sokning = request.session.get(SOK_NYCKEL) or {}
    sida = selectors.deltagare_sida(
        kontext, sokning=sokning, insats_id=insats.pk if insats else None, bara_oppna=bool(data.get("oppna")), sida=request.GET.get("sida")
    )
    parametrar = request.GET.copy()
    parametrar.pop("sida", None)
    return render(
        request,
        "uppfoljning/index.html",
        {
            "form": form,
            "sida": sida,
            "fraga": parametrar.urlencode(),
            "sokning": sokning,
            "insatser": selectors.insatser_for_export(kontext),
            "ar_val": range(dt.date.today().year, 2004, -1),
        },
    )


@behorighet("deltagare.visa")
def deltagare_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    deltagare = hamta(Deltagare.objects.all(), kontext.forbund, pk=pk)
    return render(request, "uppfoljning/deltagare.html", {"deltagare": deltagare, "inskrivningar": selectors.inskrivningar_for(kontext, deltagare)})


@behorighet("deltagare.redigera")
def inskrivning_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = InskrivningForm(request.POST or None, forbund=kontext.forbund)

    def utfor(d: dict[str, Any]) -> tuple[Inskrivning, bool]:
        return services.inskrivning_registrera(
            forbund=kontext.forbund,
            aktor=request.user,
            kod=d["kod"],
            personnummer=d["personnummer"],
            insats=d["insats"],
            **{k: d[k] for k in INSKRIVNING_FALT},
        )

    def ok(resultat: tuple[Inskrivning, bool]) -> str:
        inskrivning, igenkand = resultat
        igen = f"Personen kändes igen som deltagare {inskrivning.deltagare.kod}. " if igenkand else ""
        return f"{igen}Deltagare {inskrivning.deltagare.kod} är inskriven i {inskrivning.insats.kortnamn}."

    return formular_handling(
        request,
        form,
        utfor,
        ok=ok,
        mall="uppfoljning/inskrivning_ny.html",
        till=lambda r: reverse("uppfoljning:deltagare_detalj", args=[r[0].deltagare_id]),
    )


@behorighet("deltagare.redigera")
def inskrivning_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    inskrivning = hamta(Inskrivning.objects.select_related("insats", "deltagare"), kontext.forbund, pk=pk)
    if inskrivning.gallrad or not inskrivning.samtycke:
        messages.error(request, "Den här inskrivningen kan inte ändras (anonym eller avidentifierad).")
        return redirect("uppfoljning:deltagare_detalj", pk=inskrivning.deltagare_id)
    initial = {k: getattr(inskrivning, k) for k in services.ANDRINGSBARA}
    form = InskrivningAndraForm(request.POST or None, initial=initial, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.inskrivning_andra(forbund=kontext.forbund, aktor=request.user, inskrivning=inskrivning, **d),
        ok=f"Inskrivningen i {inskrivning.insats.kortnamn} är ändrad.",
        mall="uppfoljning/inskrivning_andra.html",
        till=reverse("uppfoljning:deltagare_detalj", args=[inskrivning.deltagare_id]),
        sammanhang={"inskrivning": inskrivning},
    )


@behorighet("deltagare.redigera")
def avslut(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    """Fast exit entry: code → Enter → date, destination → Enter → next code. Keyboard only; the code is POSTed, never in a URL."""
    # This sitting's exits by this user, newest first, from the audit trail (for a quick check).
    senaste = Handelse.objects.filter(
        forbund=kontext.forbund, aktor_id=request.user.pk, handling="inskrivning_avsluta", tidpunkt__date=timezone.localdate()
    ).order_by("-tidpunkt", "-id")[:10]
    sammanhang: dict[str, Any] = {"senaste": senaste, "etiketter": dict(Forsorjning.choices), "sok": KodSokForm()}
    if request.method != "POST":
        return render(request, "uppfoljning/avslut.html", {**sammanhang, "form": None})
    if "inskrivning" not in request.POST:  # step 1: find the participant's open enrolments
        sok = KodSokForm(request.POST)
        inskrivningar = selectors.oppna_inskrivningar(kontext, sok.data.get("kod", "")) if sok.is_valid() else []
        form = AvslutForm(inskrivningar=inskrivningar) if inskrivningar else None
        return render(
            request,
            "uppfoljning/avslut.html",
            {**sammanhang, "sok": sok, "form": form, "inskrivningar": inskrivningar, "hittades_inte": sok.is_valid() and not inskrivningar},
        )
    deltagare = hamta(Deltagare.objects.all(), kontext.forbund, pk=request.POST.get("deltagare") or 0)
    inskrivningar = selectors.oppna_inskrivningar_for(kontext, deltagare)
    form = AvslutForm(request.POST, inskrivningar=inskrivningar)

    def utfor(d: dict[str, Any]) -> Inskrivning:
        inskrivning = next(i for i in inskrivningar if i.pk == d["inskrivning"])
        return services.inskrivning_avsluta(
            forbund=kontext.forbund, aktor=request.user, inskrivning=inskrivning, avslutad=d["avslutad"], forsorjning_ut=d["forsorjning_ut"]
        )

    return formular_handling(
        request,
        form,
        utfor,
        mall="uppfoljning/avslut.html",
        till="uppfoljning:avslut",
        ok=lambda i: f"Avslut registrerat: {i.deltagare.kod} i {i.insats.kortnamn} {i.avslutad:%Y-%m-%d}. Skriv nästa deltagarkod.",
        sammanhang={**sammanhang, "inskrivningar": inskrivningar},
    )


@behorighet("forbund.redigera")
def installningar(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    obj = selectors.installning(kontext.forbund)
    form = InstallningForm(request.POST or None, initial={"maskeringsgrans": obj.maskeringsgrans, "gallring_ar": obj.gallring_ar})
    return formular_handling(
        request,
        form,
        lambda d: services.installning_spara(forbund=kontext.forbund, aktor=request.user, **d),
        ok="Inställningarna är sparade.",
        till="uppfoljning:installningar",
        mall="uppfoljning/installningar.html",
    )
