"""Import and export of interventions in the browser."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from finsam.export import nedladdning
from finsam.permissions import Kontext
from finsam.web import behorighet

from ..forms import ImportForm
from ..services.importera import KOLUMNER, exportera, importera


@behorighet("insatser.redigera")
def importera_vy(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    fel: list[str] = []
    if request.method == "POST" and form.is_valid():
        fil = form.cleaned_data["fil"]
        resultat = importera(forbund=kontext.forbund, aktor=request.user, innehall=fil.read(), filnamn=fil.name)
        if resultat.ok:
            messages.success(request, f"Importen är klar: {resultat.nya} nya och {resultat.uppdaterade} uppdaterade insatser.")
            return redirect("insatser:index")
        fel = resultat.fel
    return render(request, "insatser/importera.html", {"form": form, "fel": fel, "kolumner": KOLUMNER})


@behorighet("insatser.visa")
def exportera_vy(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    format_ = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return nedladdning(exportera(kontext.forbund, format_), f"insatser-{kontext.forbund.slug}-{timezone.localdate():%Y%m%d}.{format_}")
