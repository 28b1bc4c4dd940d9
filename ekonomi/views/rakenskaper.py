"""The annual accounts with the reconciliation, downloads (CSV, XLSX, PDF) and the quarterly follow-up."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.export import nedladdning
from finsam.granser import ar_fran
from finsam.models import Dokument
from finsam.permissions import Kontext
from finsam.sidcache import sidcache
from finsam.web import behorighet, knapp_handling

from .. import selectors, services
from ..models import Redovisningsimport
from ..rakenskaper.export import som_csv, som_xlsx
from ..selectors.uppfoljning import kvartalsuppfoljning
from .hjalp import ar_val


def _standardar(kontext: Kontext) -> int | None:
    return Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()


@behorighet("ekonomi.visa")
@sidcache
def rakenskaper(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request, _standardar(kontext))
    data = selectors.rakenskaper(kontext.forbund, ar)
    dokument = Dokument.objects.filter(forbund=kontext.forbund, nyckel=f"rakenskaper:{ar}").first()
    return render(
        request,
        "ekonomi/rakenskaper.html",
        {"ar": ar, "ar_val": ar_val(ar), "d": data, "dokument": dokument, "fel": [k for k in data["avstamning"] if not k["ok"]]},
    )


@behorighet("ekonomi.visa")
def rakenskaper_fil(request: HttpRequest, kontext: Kontext, ar: int, format: str) -> HttpResponse:
    data = selectors.rakenskaper(kontext.forbund, ar)
    if not data["finns"]:
        raise Http404("Ingen bokföring för året.")
    namn = f"räkenskaper-{kontext.forbund.slug}-{ar}.{format}"
    if format == "csv":
        return nedladdning(som_csv(data), namn)
    if format == "xlsx":
        return nedladdning(som_xlsx(data), namn)
    raise Http404


@behorighet("dokument.skapa")
@require_POST
def rakenskaper_pdf(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    """Order the accounts as PDF (rendered in the background). Ordering a document replaces its draft: `dokument.skapa`."""
    return knapp_handling(
        request,
        lambda: services.rakenskaper_bestall(forbund=kontext.forbund, aktor=request.user, ar=ar),
        ok="Räkenskaperna skapas som PDF i bakgrunden. Sidan uppdateras när den är klar.",
        till=lambda d: reverse("dokument_detalj", args=[d.pk]) if d else f"{reverse('ekonomi:rakenskaper')}?ar={ar}",
    )


@behorighet("dokument.skapa")
@require_POST
def kvartalsrapport_pdf(request: HttpRequest, kontext: Kontext, ar: int, kvartal: int) -> HttpResponseBase:
    """Order the quarter's follow-up as a PDF for the board."""
    if kvartal not in (1, 2, 3, 4):
        raise Http404
    return knapp_handling(
        request,
        lambda: services.kvartalsrapport_bestall(forbund=kontext.forbund, aktor=request.user, ar=ar, kvartal=kvartal),
        ok="Kvartalsrapporten skapas som PDF i bakgrunden.",
        till=lambda d: reverse("dokument_detalj", args=[d.pk]) if d else reverse("ekonomi:uppfoljning", args=[ar, kvartal]),
    )


def _belopp(text: str) -> tuple[Decimal | None, str]:
    """A typed amount in whole kronor, or the reason it is not one (form parsing, not a rule)."""
    t = text.strip().replace("\xa0", "").replace(" ", "").replace("−", "-").replace(",", ".")
    if not t:
        return None, ""
    try:
        v = Decimal(t)
    except InvalidOperation:
        return None, f"”{text}” är inte ett belopp."
    if not v.is_finite() or v != v.to_integral_value():
        return None, f"”{text}”: ange hela kronor."
    return v, ""


@behorighet("ekonomi.visa")
def uppfoljning(request: HttpRequest, kontext: Kontext, ar: int, kvartal: int) -> HttpResponseBase:
    if kvartal not in (1, 2, 3, 4):
        raise Http404
    felrader: dict[str, str] = {}
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
        budget = selectors.budget_tabell(kontext.forbund, ar)
        nycklar = [r["nyckel"] for r in (budget["intakter"] if budget else [])] + [
            r["nyckel"] for g in (budget["grupper"] if budget else []) for r in g["rader"]
        ]
        rader: dict[str, tuple[Decimal | None, str]] = {}
        for nyckel in nycklar:
            belopp, fel = _belopp(request.POST.get(f"prognos-{nyckel}", ""))
            if fel:
                felrader[nyckel] = fel
            else:
                rader[nyckel] = (belopp, request.POST.get(f"kommentar-{nyckel}", "")[:500])
        if felrader:
            messages.error(request, "Prognosen sparades inte: rätta de markerade raderna.")
        else:
            return knapp_handling(
                request,
                lambda: services.prognos_spara(
                    forbund=kontext.forbund,
                    aktor=request.user,
                    ar=ar,
                    kvartal=kvartal,
                    rader=rader,
                    sammanfattning=request.POST.get("sammanfattning", ""),
                ),
                ok=f"Prognosen för kvartal {kvartal} {ar} är sparad.",
                till=reverse("ekonomi:uppfoljning", args=[ar, kvartal]),
            )
    data = kvartalsuppfoljning(kontext.forbund, ar, kvartal)
    if felrader:  # show what was typed, so nothing is lost
        for r in [*data["intakter"], *(r for g in data["grupper"] for r in g["rader"])]:
            r["inmatat"] = request.POST.get(f"prognos-{r['nyckel']}")
            r["inmatad_kommentar"] = request.POST.get(f"kommentar-{r['nyckel']}")
    return render(
        request,
        "ekonomi/uppfoljning.html",
        {
            "u": data,
            "ar": ar,
            "kvartal": kvartal,
            "felrader": felrader,
            "post": request.POST if felrader else None,
            "redigerbar": kontext.kan("ekonomi.redigera"),
            "ar_val": ar_val(ar),
            "kvartal_val": [1, 2, 3, 4],
        },
    )
