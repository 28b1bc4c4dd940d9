"""Applications: arrival, preparation, co-financing, attachments and the board's decision."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Prefetch, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling, knapp_handling

from .. import services
from ..forms import AnsokanForm, BeredningForm, BeslutForm, BilagaForm, FormsetSomFormular, MedfinansieringFormSet
from ..models import Ansokan, AnsokanBelopp, Ansokningsbilaga, Beviljande, Medfinansiering

ANSOKAN_FALT = [f for f in AnsokanForm.Meta.fields if f != "sokande"]


@behorighet("insatser.visa")
def ansokningar(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    status = request.GET.get("status", "")
    qs = (
        Ansokan.objects.filter(forbund=kontext.forbund)
        .select_related("paragraf", "insats", "ansvarig_medlem")
        .annotate(sokt=Sum("belopp__belopp", distinct=False))
        .order_by("-inkom", "-id")
    )
    if status in Ansokan.Status.values:
        qs = qs.filter(status=status)
    lista = list(qs)
    beviljat = dict(
        Beviljande.objects.filter(forbund=kontext.forbund, ansokan__in=[a.pk for a in lista])
        .values("ansokan_id")
        .annotate(s=Sum("belopp"))
        .values_list("ansokan_id", "s")
    )
    for a in lista:
        a.beviljat = beviljat.get(a.pk)  # type: ignore[attr-defined]
    return render(request, "insatser/ansokningar.html", {"ansokningar": lista, "status": status, "statusval": Ansokan.Status.choices})


def _hamta(kontext: Kontext, pk: int) -> Ansokan:
    return hamta(
        Ansokan.objects.select_related("paragraf", "paragraf__sammantrade", "insats", "ansvarig_medlem", "behovsanalys").prefetch_related(
            "sokande",
            Prefetch("belopp", queryset=AnsokanBelopp.objects.order_by("ar")),
            Prefetch("medfinansiering", queryset=Medfinansiering.objects.order_by("ar", "finansiar")),
            Prefetch("bilagor", queryset=Ansokningsbilaga.objects.order_by("uppladdad")),
            Prefetch("beviljanden", queryset=Beviljande.objects.select_related("insats", "paragraf").order_by("ar")),
        ),
        kontext.forbund,
        pk=pk,
    )


def _ansokan_url(obj: Ansokan) -> str:
    return reverse("insatser:ansokan", args=[obj.pk])


def _ansokan_data(d: dict[str, Any]) -> dict[str, Any]:
    return {k: d[k] for k in ANSOKAN_FALT}


@behorighet("insatser.redigera")
def ansokan_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = AnsokanForm(request.POST or None, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.ansokan_create(
            forbund=kontext.forbund, aktor=request.user, sokande=list(d["sokande"]), belopp=d["belopp"], **_ansokan_data(d)
        ),
        ok=lambda a: f"Ansökan är registrerad med diarienummer {a.diarienummer}.",
        till=_ansokan_url,
        mall="insatser/ansokan_form.html",
        sammanhang={"rubrik": "Registrera inkommen ansökan"},
    )


@behorighet("insatser.redigera")
def ansokan_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    ansokan = _hamta(kontext, pk)
    if not ansokan.kan_andras:
        messages.error(request, "En beslutad ansökan kan inte ändras.")
        return redirect(_ansokan_url(ansokan))
    form = AnsokanForm(request.POST or None, instance=ansokan, forbund=kontext.forbund)
    return formular_handling(
        request,
        form,
        lambda d: services.ansokan_update(ansokan=ansokan, aktor=request.user, sokande=list(d["sokande"]), belopp=d["belopp"], **_ansokan_data(d)),
        ok="Ansökan är uppdaterad.",
        till=_ansokan_url,
        mall="insatser/ansokan_form.html",
        sammanhang={"rubrik": f"Ändra ansökan {ansokan.diarienummer}", "ansokan": ansokan},
    )


@behorighet("insatser.visa")
def ansokan(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = _hamta(kontext, pk)
    belopp = list(obj.belopp.all())
    medfin = list(obj.medfinansiering.all())
    ar_lista = sorted({b.ar for b in belopp} | {m.ar for m in medfin})
    finansiarer: dict[str, dict[int, int]] = {}
    for m in medfin:
        namn = f"{m.finansiar} ({m.get_form_display().lower()})"
        finansiarer.setdefault(namn, {})[m.ar] = int(m.belopp)
    sokt = {b.ar: int(b.belopp) for b in belopp}
    beviljat: dict[int, int] = {}
    for b in obj.beviljanden.all():
        beviljat[b.ar] = beviljat.get(b.ar, 0) + int(b.belopp)
    tabell = [{"namn": "Sökt från förbundet", "per_ar": [sokt.get(a) for a in ar_lista], "summa": sum(sokt.values())}]
    tabell += [{"namn": n, "per_ar": [v.get(a) for a in ar_lista], "summa": sum(v.values())} for n, v in sorted(finansiarer.items())]
    totalt = [sum(int(r["per_ar"][i] or 0) for r in tabell) for i in range(len(ar_lista))]  # type: ignore[index, misc]
    return render(
        request,
        "insatser/ansokan.html",
        {
            "ansokan": obj,
            "ar_lista": ar_lista,
            "tabell": tabell,
            "totalt": totalt,
            "totalt_summa": sum(totalt),
            "beviljat": [beviljat.get(a) for a in ar_lista],
            "beviljat_summa": sum(beviljat.values()),
            "beredning_form": BeredningForm(initial={"yttrande": obj.yttrande}),
            "bilaga_form": BilagaForm(),
        },
    )


@behorighet("insatser.redigera")
def ansokan_beredning(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = _hamta(kontext, pk)
    form = BeredningForm(request.POST or None, initial={"yttrande": obj.yttrande})
    return formular_handling(
        request,
        form,
        lambda d: services.ansokan_till_beredning(ansokan=obj, aktor=request.user, yttrande=d["yttrande"]),
        ok="Ansökan är under beredning.",
        till=_ansokan_url,
        mall="insatser/ansokan_beredning.html",
        sammanhang={"ansokan": obj},
    )


@behorighet("insatser.besluta")
def ansokan_besluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = _hamta(kontext, pk)
    if obj.ar_beslutad:
        messages.info(request, "Ansökan är redan beslutad.")
        return redirect(_ansokan_url(obj))
    form = BeslutForm(request.POST or None, ansokan=obj)

    def utfor(d: dict[str, Any]) -> Ansokan:
        return services.ansokan_besluta(
            ansokan=obj,
            aktor=request.user,
            paragraf=d["paragraf"],
            beslut=d["beslut"],
            belopp=d["belopp"],
            insats=d.get("insats"),
            ny_insats={"kortnamn": d["ny_kortnamn"]} if d.get("ny_kortnamn") else None,
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda a: f"Beslutet är registrerat: {a.get_beslut_display().lower()}.",
        till=_ansokan_url,
        mall="insatser/ansokan_besluta.html",
        sammanhang={"ansokan": obj},
    )


@behorighet("insatser.redigera")
def ansokan_medfinansiering(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = _hamta(kontext, pk)
    qs = Medfinansiering.objects.filter(ansokan=obj).order_by("ar", "finansiar")
    formset = MedfinansieringFormSet(request.POST or None, queryset=qs, prefix="medfin")

    def utfor(_: dict[str, Any]) -> list[Medfinansiering]:
        rader = [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("finansiar")]
        return services.medfinansiering_spara(ansokan=obj, aktor=request.user, rader=rader)

    return formular_handling(
        request,
        FormsetSomFormular(formset),
        utfor,
        ok="Finansieringsplanen är sparad.",
        till=_ansokan_url(obj),
        mall="insatser/ansokan_medfinansiering.html",
        sammanhang={"ansokan": obj, "formset": formset},
    )


@behorighet("insatser.redigera")
def ansokan_bilaga(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    obj = _hamta(kontext, pk)
    if request.method != "POST":
        return redirect(_ansokan_url(obj))
    form = BilagaForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "Välj en fil att ladda upp.")
        return redirect(_ansokan_url(obj))
    return knapp_handling(
        request,
        lambda: services.ansokan_bilaga_ladda_upp(ansokan=obj, aktor=request.user, namn=form.cleaned_data["namn"], fil=form.cleaned_data["fil"]),
        ok="Bilagan är uppladdad.",
        till=_ansokan_url(obj),
    )


@behorighet("insatser.visa")
def ansokan_bilaga_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    bilaga = hamta(Ansokningsbilaga.objects.all(), kontext.forbund, pk=pk)
    if not bilaga.fil:
        raise Http404("Filen saknas.")
    return fil_svar(bilaga.fil, bilaga=True, filnamn=(bilaga.fil.name or "bilaga").rsplit("/", 1)[-1])
