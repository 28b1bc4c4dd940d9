"""Reports due from interventions: the schedule, uploads with versions, the overdue list."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text, fil_svar

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
        .order_by("forfallodatum", "insats__kortnamn")
    )
    if visa == "oppna":
        qs = qs.filter(inlamnad__isnull=True)
    forsenade = [r for r in qs if r.inlamnad is None and r.forfallodatum < idag] if visa == "oppna" else None
    return render(request, "insatser/rapporter.html", {"rapporter": list(qs), "visa": visa, "idag": idag, "forsenade": forsenade})


@behorighet("insatser.redigera")
@require_POST
def rapport_schema(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    skapade = services.rapport_schema_skapa(insats=obj, aktor=request.user)
    messages.success(request, f"{len(skapade)} rapporter lades till i schemat." if skapade else "Schemat var redan komplett.")
    return redirect(reverse("insatser:insats", args=[obj.pk]) + "#rapporter")


@behorighet("insatser.redigera")
def rapport_ny(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(Insats.objects.all(), kontext.forbund, pk=pk)
    form = RapportForm(request.POST or None, initial={"ar": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.rapport_create(insats=obj, aktor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Rapporten är tillagd.")
            return redirect(reverse("insatser:insats", args=[obj.pk]) + "#rapporter")
    return render(request, "insatser/rapport_form.html", {"form": form, "insats": obj})


@behorighet("insatser.visa")
def rapport(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = hamta(
        Rapport.objects.select_related("insats").prefetch_related(
            Prefetch("versioner", queryset=Rapportversion.objects.select_related("uppladdad_av").order_by("-version"))),
        kontext.forbund, pk=pk,
    )
    form = RapportversionForm()
    if request.method == "POST":
        kontext.kraver("insatser.redigera")
        form = RapportversionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                v = services.rapportversion_ladda_upp(rapport=obj, aktor=request.user, fil=form.cleaned_data["fil"],
                                                      kommentar=form.cleaned_data["kommentar"])
            except ValidationError as exc:
                messages.error(request, fel_text(exc))
            else:
                messages.success(request, f"Version {v.version} är uppladdad.")
                return redirect("insatser:rapport", pk=obj.pk)
    return render(request, "insatser/rapport.html", {"rapport": obj, "form": form, "idag": timezone.localdate()})


@behorighet("insatser.visa")
def rapportversion_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    v = hamta(Rapportversion.objects.all(), kontext.forbund, pk=pk)
    if not v.fil:
        raise Http404("Filen saknas.")
    return fil_svar(v.fil, bilaga=True, filnamn=(v.fil.name or "rapport").rsplit("/", 1)[-1])
