"""Auditors per year with who appointed them, the audit reports per auditor and the members' discharge decisions."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from ekonomi import services as ekonomi_tjanster
from ekonomi.forms import AnsvarsfrihetForm
from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from finsam.models import Medlem
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling, knapp_handling

from ..forms.styrning import RevisorForm
from ..models.revision import Revisor
from ..selectors import revision as sel
from ..services import revision as tjanst
from .register import export_svar


def _valt_ar(request: HttpRequest, kontext: Kontext) -> int:
    if request.GET.get("ar"):
        return int(request.GET["ar"])  # bounded by finsam.middleware.GransMiddleware
    senaste = Revisionsberattelse.objects.filter(forbund=kontext.forbund).order_by("-ar").values_list("ar", flat=True).first()
    return senaste or timezone.localdate().year - 1


def _sammanhang(kontext: Kontext, ar: int, aform: AnsvarsfrihetForm | None) -> dict[str, object]:
    return {
        "ar": ar,
        "lage": sel.revisionslage(kontext.forbund, ar),
        "alla_revisorer": sel.revisorer(kontext.forbund),
        "aform": aform,
    }


@behorighet("forbund.visa")
def revision(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    ar = _valt_ar(request, kontext)
    aform = AnsvarsfrihetForm(forbund=kontext.forbund, initial={"beslut": "beviljad"}) if kontext.kan("ekonomi.redigera") else None
    return render(request, "forvaltning/revision.html", _sammanhang(kontext, ar, aform))


@behorighet("ekonomi.redigera")
def ansvarsfrihet_spara(request: HttpRequest, kontext: Kontext, ar: int) -> HttpResponseBase:
    """A member's decision on discharge, through the same service as the ekonomi page and the API."""
    form = AnsvarsfrihetForm(request.POST or None, request.FILES or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: ekonomi_tjanster.ansvarsfrihet_spara(
            forbund=kontext.forbund,
            aktor=request.user,
            ar=ar,
            medlem=hamta(Medlem.objects.all(), kontext.forbund, pk=d["medlem"].pk),
            beslut=d["beslut"],
            beslutsdatum=d["beslutsdatum"],
            beslutsorgan=d["beslutsorgan"],
            referens=d["referens"],
            dokument=d["dokument"],
            paragraf=d["paragraf"],
        ),
        ok=lambda a: f"{a.medlem.namn}s beslut om ansvarsfrihet för {ar} är registrerat.",
        till=f"{reverse('forvaltning:revision')}?ar={ar}",
        mall="forvaltning/revision.html",
        sammanhang=_sammanhang(kontext, ar, form),
    )


@behorighet("forbund.visa")
def ansvarsfrihet_dokument(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    beslut = hamta(Ansvarsfrihet.objects.select_related("medlem").exclude(dokument=""), kontext.forbund, pk=pk)
    return fil_svar(beslut.dokument, filnamn=f"ansvarsfrihet-{beslut.ar}-{beslut.medlem.kod}.pdf", content_type="application/pdf")


@behorighet("forbund.visa")
def revisionsberattelse_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    berattelse = hamta(Revisionsberattelse.objects.select_related("revisor_uppdrag__person").exclude(fil=""), kontext.forbund, pk=pk)
    return fil_svar(berattelse.fil, filnamn=f"revisionsberattelse-{berattelse.ar}-{berattelse.pk}.pdf", content_type="application/pdf")


@behorighet("forbund.redigera")
def revisor_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = RevisorForm(request.POST or None, forbund=kontext.forbund, initial={"ar_fran": timezone.localdate().year})
    return formular_handling(
        request,
        form,
        lambda d: tjanst.revisor_skapa(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda r: f"{r.person} är registrerad som revisor.",
        till=lambda r: f"{reverse('forvaltning:revision')}?ar={r.ar_fran}",
        mall="forvaltning/styrning_form.html",
        sammanhang={
            "rubrik": "Ny revisor",
            "ingress": "Försäkringskassan utser en revisor för Försäkringskassan och Arbetsförmedlingen; regionfullmäktige utser en "
            "för regionen och kommunerna (förbundsordningen § 14). Varje medlem har en revisor per år.",
            "tillbaka": reverse("forvaltning:revision"),
        },
    )


@behorighet("forbund.redigera")
def revisor_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    revisor = hamta(Revisor.objects.select_related("person"), kontext.forbund, pk=pk)
    form = RevisorForm(request.POST or None, instance=revisor, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: tjanst.revisor_andra(revisor=revisor, aktor=request.user, **d),
        ok=lambda r: f"Revisorsuppdraget för {r.person} är ändrat.",
        till=lambda r: f"{reverse('forvaltning:revision')}?ar={r.ar_fran}",
        mall="forvaltning/styrning_form.html",
        sammanhang={"rubrik": f"Ändra revisorsuppdrag – {revisor.person}", "tillbaka": reverse("forvaltning:revision")},
    )


@behorighet("forbund.visa")
def revision_export(request: HttpRequest, kontext: Kontext, format: str) -> HttpResponseBase:
    return export_svar(kontext, sel.revision_tabell(kontext.forbund), format=format, blad="Revision", namn="revision")


@require_POST
@behorighet("forbund.redigera")
def ansvarsfrihet_paminn(request: HttpRequest, kontext: Kontext, ar: int, medlem: int) -> HttpResponseBase:
    """Send the member a reminder about its discharge decision for the year (the service refuses when not needed or no address)."""
    m = hamta(Medlem.objects.all(), kontext.forbund, pk=medlem)
    return knapp_handling(
        request,
        lambda: tjanst.ansvarsfrihet_paminnelse_skicka(forbund=kontext.forbund, aktor=request.user, medlem=m, ar=ar),
        ok=lambda p: f"Påminnelsen om ansvarsfrihet för {ar} är skickad till {m.namn} ({p.mottagare}).",
        till=f"{reverse('forvaltning:revision')}?ar={ar}",
    )
