"""Participant register pages (kansli only): list, participant, new enrolment, fast exit entry, import, export, settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from finsam.models import Handelse
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text
from insatser.models import Insats

from . import selectors, services
from .forms import AvslutForm, ImportForm, InskrivningAndraForm, InskrivningForm, InstallningForm, SokForm
from .importera import bakgrund_bytes, deltagare_import, import_bestall, max_bytes
from .models import Deltagare, Importkorning, Inskrivning
from .resources import InskrivningResource
from .vokabular import Forsorjning


def _formfel(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for falt, fel in exc.message_dict.items():
            form.add_error(falt if falt in form.fields else None, fel)
    else:
        form.add_error(None, exc.messages)


def ar_fran(request: HttpRequest) -> int:
    try:
        ar = int(request.GET.get("ar", "") or dt.date.today().year)
    except ValueError:
        ar = dt.date.today().year
    return max(2000, min(2100, ar))


@behorighet("deltagare.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = SokForm(request.GET or None, forbund=kontext.forbund)
    data = form.cleaned_data if form.is_valid() else {}
    insats = data.get("insats")
    qs = selectors.deltagare_lista(kontext, sok=data.get("sok", ""), insats_id=insats.pk if insats else None, bara_oppna=bool(data.get("oppna")))
    sida = Paginator(qs, 50).get_page(request.GET.get("sida"))
    parametrar = request.GET.copy()
    parametrar.pop("sida", None)
    fraga = parametrar.urlencode()
    ar = dt.date.today().year
    return render(request, "uppfoljning/index.html", {
        "form": form, "sida": sida, "fraga": fraga, "insatser": list(Insats.objects.filter(forbund=kontext.forbund).order_by("kortnamn")),
        "ar_val": range(ar, 2004, -1),
    })


@behorighet("deltagare.visa")
def deltagare_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    deltagare = hamta(Deltagare.objects.all(), kontext.forbund, pk=pk)
    return render(request, "uppfoljning/deltagare.html", {"deltagare": deltagare, "inskrivningar": selectors.inskrivningar_for(kontext, deltagare)})


@behorighet("deltagare.redigera")
def inskrivning_ny(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = InskrivningForm(request.POST or None, forbund=kontext.forbund, initial={"samtycke": True})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        falt = {k: d[k] for k in ("samtycke", "samtycke_datum", "kon", "fodelsear", "remittent", "utbildning", "forsorjning_in", "inskriven")}
        try:
            inskrivning, igenkand = services.inskrivning_registrera(
                forbund=kontext.forbund, aktor=request.user, kod=d["kod"], personnummer=d["personnummer"], insats=d["insats"], **falt
            )
        except ValidationError as exc:
            _formfel(form, exc)
        else:
            if igenkand:
                messages.info(request, f"Personen kändes igen som deltagare {inskrivning.deltagare.kod}.")
            messages.success(request, f"Deltagare {inskrivning.deltagare.kod} är inskriven i {d['insats'].kortnamn}.")
            return redirect("uppfoljning:deltagare_detalj", pk=inskrivning.deltagare_id)
    return render(request, "uppfoljning/inskrivning_ny.html", {"form": form})


@behorighet("deltagare.redigera")
def inskrivning_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    inskrivning = hamta(Inskrivning.objects.select_related("insats", "deltagare"), kontext.forbund, pk=pk)
    if inskrivning.gallrad or not inskrivning.samtycke:
        messages.error(request, "Den här inskrivningen kan inte ändras (anonym eller avidentifierad).")
        return redirect("uppfoljning:deltagare_detalj", pk=inskrivning.deltagare_id)
    initial = {k: getattr(inskrivning, k) for k in services.ANDRINGSBARA}
    form = InskrivningAndraForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.inskrivning_andra(forbund=kontext.forbund, aktor=request.user, inskrivning=inskrivning, **form.cleaned_data)
        except ValidationError as exc:
            _formfel(form, exc)
        else:
            messages.success(request, f"Inskrivningen i {inskrivning.insats.kortnamn} är ändrad.")
            return redirect("uppfoljning:deltagare_detalj", pk=inskrivning.deltagare_id)
    return render(request, "uppfoljning/inskrivning_andra.html", {"form": form, "inskrivning": inskrivning})


@behorighet("deltagare.redigera")
def avslut(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    """Fast exit entry: code → Enter → date, destination → Enter → next code. Keyboard only."""
    kod = (request.POST.get("kod") or request.GET.get("kod") or "").strip()
    inskrivningar = selectors.oppna_inskrivningar(kontext, kod) if kod else []
    form = AvslutForm(request.POST or None, inskrivningar=inskrivningar) if inskrivningar else None
    if request.method == "POST" and form is not None and form.is_valid():
        d = form.cleaned_data
        inskrivning = next(i for i in inskrivningar if i.pk == d["inskrivning"])
        try:
            services.inskrivning_avsluta(forbund=kontext.forbund, aktor=request.user, inskrivning=inskrivning, avslutad=d["avslutad"],
                                         forsorjning_ut=d["forsorjning_ut"])
        except ValidationError as exc:
            _formfel(form, exc)
        else:
            messages.success(request, f"Avslut registrerat: {inskrivning.deltagare.kod} i {inskrivning.insats.kortnamn} "
                                      f"{d['avslutad']:%Y-%m-%d}. Skriv nästa deltagarkod.")
            return redirect("uppfoljning:avslut")
    # This sitting's exits by this user, newest first, from the audit trail (for a quick check).
    senaste = Handelse.objects.filter(forbund=kontext.forbund, aktor_id=request.user.pk, handling="inskrivning_avsluta",
                                      tidpunkt__date=timezone.localdate()).order_by("-tidpunkt", "-id")[:10]
    return render(request, "uppfoljning/avslut.html", {"kod": kod, "form": form, "inskrivningar": inskrivningar,
                                                       "hittades_inte": bool(kod) and not inskrivningar, "senaste": senaste,
                                                       "etiketter": dict(Forsorjning.choices)})


@behorighet("deltagare.redigera")
def importera(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    resultat, fel = None, []
    if request.method == "POST" and form.is_valid():
        fil = form.cleaned_data["fil"]
        torr = form.cleaned_data["provkorning"]
        try:
            if fil.size > max_bytes():
                raise ValidationError(
                    f"Filen är för stor ({fil.size / 1024 / 1024:.1f} MB); största tillåtna storlek är {max_bytes() / 1024 / 1024:.0f} MB."
                )
            if fil.size > bakgrund_bytes():
                korning = import_bestall(forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, torrkorning=torr)
                messages.info(request, "Filen är stor och läses in i bakgrunden. Sidan visar resultatet när det är klart.")
                return redirect("uppfoljning:import_status", pk=korning.pk)
            resultat = deltagare_import(forbund=kontext.forbund, aktor=request.user, data=fil.read(), filnamn=fil.name, torrkorning=torr)
        except ValidationError as exc:
            fel = exc.messages
        else:
            (messages.info if resultat.torrkorning else messages.success)(request, resultat.sammanfattning())
    return render(request, "uppfoljning/import.html", {"form": form, "resultat": resultat, "fel": fel}, status=400 if fel else 200)


@behorighet("deltagare.redigera")
def import_status(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    korning = hamta(Importkorning.objects.defer("data"), kontext.forbund, pk=pk)
    return render(request, "uppfoljning/import_status.html", {"korning": korning, "resultat": korning.resultat or None, "fel": korning.fel})


@behorighet("deltagare.visa")
def export_nationell(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    """CSV per intervention and year for the national follow-up: the enrolments active in the year, in the import's columns."""
    ar = ar_fran(request)
    insats = hamta(Insats.objects.all(), kontext.forbund, kortnamn=request.GET.get("insats", ""))
    qs = (Inskrivning.objects.filter(forbund=kontext.forbund, insats=insats).under_ar(ar)
          .select_related("insats", "deltagare").order_by("deltagare__kod", "startar"))
    ds = InskrivningResource(kontext.forbund).export(qs)
    svar = HttpResponse(("\ufeff" + ds.export("csv", delimiter=";")).encode("utf-8"), content_type="text/csv; charset=utf-8")
    svar["Content-Disposition"] = f'attachment; filename="uppfoljning-{insats.kortnamn}-{ar}.csv"'
    return svar


@behorighet("forbund.redigera")
def installningar(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    obj = selectors.installning(kontext.forbund)
    form = InstallningForm(request.POST or None, initial={"maskeringsgrans": obj.maskeringsgrans, "gallring_ar": obj.gallring_ar})
    if request.method == "POST" and form.is_valid():
        try:
            services.installning_spara(forbund=kontext.forbund, aktor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Inställningarna är sparade.")
            return redirect(reverse("uppfoljning:installningar"))
    return render(request, "uppfoljning/installningar.html", {"form": form})
