"""The annual accounts with the reconciliation, downloads (CSV, XLSX, PDF) and the quarterly follow-up."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from finsam.documents.services import dokument_bestall
from finsam.models import Dokument
from finsam.permissions import Kontext
from finsam.web import behorighet

from .. import selectors, services
from ..models import Redovisningsimport
from ..rakenskaper.export import som_csv, som_xlsx
from ..selectors.uppfoljning import kvartalsuppfoljning
from .hjalp import ar_fran, ar_val, fel


def _standardar(kontext: Kontext) -> int | None:
    return Redovisningsimport.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()


@behorighet("ekonomi.visa")
def rakenskaper(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request, _standardar(kontext))
    data = selectors.rakenskaper(kontext.forbund, ar)
    dokument = Dokument.objects.filter(forbund=kontext.forbund, nyckel=f"rakenskaper:{ar}").first()
    return render(request, "ekonomi/rakenskaper.html", {"ar": ar, "ar_val": ar_val(ar), "d": data, "dokument": dokument,
                                                       "fel": [k for k in data["avstamning"] if not k["ok"]]})


@behorighet("ekonomi.visa")
def rakenskaper_fil(request: HttpRequest, kontext: Kontext, ar: int, format: str) -> HttpResponse:
    data = selectors.rakenskaper(kontext.forbund, ar)
    if not data["finns"]:
        raise Http404("Ingen bokföring för året.")
    namn = f"rakenskaper-{kontext.forbund.slug}-{ar}"
    if format == "csv":
        svar = HttpResponse(som_csv(data), content_type="text/csv; charset=utf-8")
    elif format == "xlsx":
        svar = HttpResponse(som_xlsx(data), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        raise Http404
    svar["Content-Disposition"] = f'attachment; filename="{namn}.{format}"'
    return svar


@behorighet("ekonomi.visa")
@require_POST
def rakenskaper_pdf(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponse:
    """Order the accounts as PDF (rendered in the background). Auditors may order it too: it only reads the books."""
    if not Redovisningsimport.objects.filter(forbund=kontext.forbund, ar=ar).exists():
        messages.error(request, f"Det finns ingen bokföring för {ar} att skapa räkenskaper av.")
        return redirect(f"{reverse('ekonomi:rakenskaper')}?ar={ar}")
    try:
        dokument = dokument_bestall(forbund=kontext.forbund, aktor=request.user, typ="rakenskaper", titel=f"Räkenskaper {ar}",
                                    nyckel=f"rakenskaper:{ar}", parametrar={"ar": ar})
    except ValidationError as exc:
        fel(request, exc)
        return redirect(f"{reverse('ekonomi:rakenskaper')}?ar={ar}")
    messages.info(request, "Räkenskaperna skapas som PDF i bakgrunden. Sidan uppdateras när den är klar.")
    return redirect("dokument_detalj", pk=dokument.pk)


@behorighet("ekonomi.visa")
@require_POST
def kvartalsrapport_pdf(request: HttpRequest, kontext: Kontext, ar: int, kvartal: int) -> HttpResponse:
    """Order the quarter's follow-up as a PDF for the board."""
    if kvartal not in (1, 2, 3, 4):
        raise Http404
    if selectors.aktuell_budget(kontext.forbund, ar) is None:
        messages.error(request, f"Det finns ingen budget för {ar} att följa upp.")
        return redirect("ekonomi:uppfoljning", ar=ar, kvartal=kvartal)
    dokument = dokument_bestall(forbund=kontext.forbund, aktor=request.user, typ="kvartalsrapport",
                                titel=f"Ekonomisk kvartalsrapport {kvartal} {ar}", nyckel=f"kvartalsrapport:{ar}:{kvartal}",
                                parametrar={"ar": ar, "kvartal": kvartal})
    messages.info(request, "Kvartalsrapporten skapas som PDF i bakgrunden.")
    return redirect("dokument_detalj", pk=dokument.pk)


def _belopp(text: str) -> Decimal | None:
    t = text.strip().replace("\xa0", "").replace(" ", "").replace("−", "-").replace(",", ".")
    if not t:
        return None
    try:
        v = Decimal(t)
    except InvalidOperation as exc:
        raise ValidationError(f"”{text}” är inte ett belopp.") from exc
    if v != v.to_integral_value():
        raise ValidationError(f"”{text}”: ange hela kronor.")
    return v


@behorighet("ekonomi.visa")
def uppfoljning(request: HttpRequest, kontext: Kontext, ar: int, kvartal: int) -> HttpResponse:
    if kvartal not in (1, 2, 3, 4):
        raise Http404
    felrader: dict[str, str] = {}
    if request.method == "POST":
        kontext.kraver("ekonomi.redigera")
        budget = selectors.budget_tabell(kontext.forbund, ar)
        nycklar = [r["nyckel"] for r in (budget["intakter"] if budget else [])] + [
            r["nyckel"] for g in (budget["grupper"] if budget else []) for r in g["rader"]]
        rader: dict[str, tuple[Decimal | None, str]] = {}
        for nyckel in nycklar:
            try:
                rader[nyckel] = (_belopp(request.POST.get(f"prognos-{nyckel}", "")), request.POST.get(f"kommentar-{nyckel}", "")[:500])
            except ValidationError as exc:
                felrader[nyckel] = exc.messages[0]
        if felrader:
            messages.error(request, "Prognosen sparades inte: rätta de markerade raderna.")
        else:
            try:
                services.prognos_spara(forbund=kontext.forbund, aktor=request.user, ar=ar, kvartal=kvartal, rader=rader,
                                       sammanfattning=request.POST.get("sammanfattning", ""))
            except ValidationError as exc:
                fel(request, exc)
            else:
                messages.success(request, f"Prognosen för kvartal {kvartal} {ar} är sparad.")
                return redirect("ekonomi:uppfoljning", ar=ar, kvartal=kvartal)
    data = kvartalsuppfoljning(kontext.forbund, ar, kvartal)
    if felrader:  # show what was typed, so nothing is lost
        for r in [*data["intakter"], *(r for g in data["grupper"] for r in g["rader"])]:
            r["inmatat"] = request.POST.get(f"prognos-{r['nyckel']}")
            r["inmatad_kommentar"] = request.POST.get(f"kommentar-{r['nyckel']}")
    return render(request, "ekonomi/uppfoljning.html", {
        "u": data, "ar": ar, "kvartal": kvartal, "felrader": felrader, "post": request.POST if felrader else None,
        "redigerbar": kontext.kan("ekonomi.redigera"), "ar_val": ar_val(ar), "kvartal_val": [1, 2, 3, 4],
    })
