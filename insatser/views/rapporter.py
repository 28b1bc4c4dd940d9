"""Reports due from interventions: the schedule, uploads with versions, the overdue list."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Max, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling

from .. import services
from ..forms import RapportForm, RapportversionForm
from ..models import Insats, Rapport, Rapportversion


@behorighet("insatser.visa")
def rapporter(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    idag = timezone.localdate()
    visa = request.GET.get("visa", "oppna")
    qs = (
        Rapport.objects.filter(forbund=kontext.forbund)
        .select_related("insats")
        .annotate(antal_versioner=Count("versioner"), senast=Max("versioner__uppladdad"))
        .order_by("forfallodatum", svensk("insats__kortnamn"))
    )
    if visa == "oppna":
        qs = qs.filter(inlamnad__isnull=True)
    rapporter = list(qs)
    forsenade = [r for r in rapporter if r.forsenad_per(idag)] if visa == "oppna" else None
    return render(request, "insatser/rapporter.html", {"rapporter": rapporter, "visa": visa, "idag": idag, "forsenade": forsenade})


@behorighet("insatser.redigera")
@require_POST
def rapport_schema(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    skapade = services.rapport_schema_skapa(insats=obj, aktor=request.user)
    messages.success(request, f"{len(skapade)} rapporter lades till i schemat." if skapade else "Schemat var redan komplett.")
    return redirect(reverse("insatser:insats", args=[obj.pk]) + "#rapporter")


@behorighet("insatser.redigera")
def rapport_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = RapportForm(request.POST or None, initial={"ar": timezone.localdate().year})
    return formular_handling(
        request,
        form,
        lambda d: services.rapport_create(insats=obj, aktor=request.user, **d),
        ok="Rapporten är tillagd.",
        till=reverse("insatser:insats", args=[obj.pk]) + "#rapporter",
        mall="insatser/rapport_form.html",
        sammanhang={"insats": obj},
    )


@behorighet("insatser.visa")
def rapport(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = hamta(
        Rapport.objects.select_related("insats").prefetch_related(
            Prefetch("versioner", queryset=Rapportversion.objects.select_related("uppladdad_av").order_by("-version"))
        ),
        kontext.forbund,
        pk=pk,
    )
    if request.method == "POST":
        kontext.kraver("insatser.redigera")
    form = RapportversionForm(request.POST or None, request.FILES or None)
    return formular_handling(
        request,
        form,
        lambda d: services.rapportversion_ladda_upp(rapport=obj, aktor=request.user, fil=d["fil"], kommentar=d["kommentar"]),
        ok=lambda v: f"Version {v.version} är uppladdad.",
        till=reverse("insatser:rapport", args=[obj.pk]),
        mall="insatser/rapport.html",
        sammanhang={"rapport": obj},
    )


@behorighet("insatser.visa")
def rapportversion_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    v = hamta(Rapportversion.objects.all(), kontext.forbund, pk=pk)
    if not v.fil:
        raise Http404("Filen saknas.")
    return fil_svar(v.fil, bilaga=True, filnamn=(v.fil.name or "rapport").rsplit("/", 1)[-1])
