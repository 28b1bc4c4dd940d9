"""Import and export pages (kansli only). The import page, the API and the command call `deltagare_import_starta`."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from finsam.export import dataset_rader, nedladdning, som_csv
from finsam.granser import ar_fran
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling

from .. import selectors, services
from ..forms import ImportForm
from ..models import Importkorning
from ..resources import InskrivningResource


@behorighet("deltagare.redigera")
def importera(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = ImportForm(request.POST or None, request.FILES or None)

    def utfor(d: dict[str, Any]) -> Importkorning:
        fil = d["fil"]
        return services.deltagare_import_starta(
            forbund=kontext.forbund, aktor=request.user, fil=fil, storlek=fil.size, filnamn=fil.name, torrkorning=d["provkorning"]
        )

    def ok(k: Importkorning) -> str:
        if k.pagar:
            return "Filen är stor och läses in i bakgrunden. Sidan visar resultatet när det är klart."
        return services.ImportResultat(**k.resultat).sammanfattning()

    return formular_handling(
        request, form, utfor, ok=ok, till=lambda k: reverse("uppfoljning:import_status", args=[k.pk]), mall="uppfoljning/import.html"
    )


@behorighet("deltagare.redigera")
def import_status(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    korning = hamta(Importkorning.objects.defer("data"), kontext.forbund, pk=pk)
    return render(request, "uppfoljning/import_status.html", {"korning": korning, "resultat": korning.resultat or None, "fel": korning.fel})


@behorighet("deltagare.visa")
def export_nationell(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    """CSV per intervention and year for the national follow-up: the enrolments active in the year, in the import's columns."""
    ar = ar_fran(request)
    insats, qs = selectors.nationell_export(kontext, kortnamn=request.GET.get("insats", ""), ar=ar)
    rader = dataset_rader(InskrivningResource(kontext.forbund).export(qs))
    return nedladdning(som_csv(rader), f"uppfoljning-{insats.kortnamn}-{ar}.csv", personuppgifter=True)
