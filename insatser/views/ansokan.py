"""Applications: arrival, preparation, co-financing, attachments and the board's decision."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render

from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text, fil_svar

from .. import services
from ..forms import AnsokanForm, BeredningForm, BeslutForm, BilagaForm, MedfinansieringFormSet
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
        Beviljande.objects.filter(forbund=kontext.forbund, ansokan__in=[a.pk for a in lista]).values("ansokan_id")
        .annotate(s=Sum("belopp")).values_list("ansokan_id", "s")
    )
    for a in lista:
        a.beviljat = beviljat.get(a.pk)  # type: ignore[attr-defined]
    return render(request, "insatser/ansokningar.html", {"ansokningar": lista, "status": status, "statusval": Ansokan.Status.choices})


def _hamta(kontext: Kontext, pk: int) -> Ansokan:
    return hamta(
        Ansokan.objects.select_related("paragraf", "paragraf__sammantrade", "insats", "ansvarig_medlem").prefetch_related(
            "sokande", Prefetch("belopp", queryset=AnsokanBelopp.objects.order_by("ar")),
            Prefetch("medfinansiering", queryset=Medfinansiering.objects.order_by("ar", "finansiar")),
            Prefetch("bilagor", queryset=Ansokningsbilaga.objects.order_by("uppladdad")),
            Prefetch("beviljanden", queryset=Beviljande.objects.select_related("insats", "paragraf").order_by("ar")),
        ),
        kontext.forbund, pk=pk,
    )


@behorighet("insatser.redigera")
def ansokan_ny(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = AnsokanForm(request.POST or None, forbund=kontext.forbund)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ANSOKAN_FALT}
        try:
            ansokan = services.ansokan_create(forbund=kontext.forbund, aktor=request.user, sokande=list(form.cleaned_data["sokande"]),
                                              belopp=form.sokt, **data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, f"Ansökan är registrerad med diarienummer {ansokan.diarienummer}.")
            return redirect("insatser:ansokan", pk=ansokan.pk)
    return render(request, "insatser/ansokan_form.html", {"form": form, "rubrik": "Registrera inkommen ansökan"})


@behorighet("insatser.redigera")
def ansokan_redigera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    ansokan = _hamta(kontext, pk)
    if ansokan.status == Ansokan.Status.BESLUTAD:
        messages.error(request, "En beslutad ansökan kan inte ändras.")
        return redirect("insatser:ansokan", pk=pk)
    form = AnsokanForm(request.POST or None, instance=ansokan, forbund=kontext.forbund)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ANSOKAN_FALT}
        try:
            services.ansokan_update(ansokan=ansokan, aktor=request.user, sokande=list(form.cleaned_data["sokande"]), belopp=form.sokt, **data)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Ansökan är uppdaterad.")
            return redirect("insatser:ansokan", pk=pk)
    return render(request, "insatser/ansokan_form.html", {"form": form, "rubrik": f"Ändra ansökan {ansokan.diarienummer}", "ansokan": ansokan})


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
    return render(request, "insatser/ansokan.html", {
        "ansokan": obj, "ar_lista": ar_lista, "tabell": tabell, "totalt": totalt, "totalt_summa": sum(totalt),
        "beviljat": [beviljat.get(a) for a in ar_lista], "beviljat_summa": sum(beviljat.values()),
        "beredning_form": BeredningForm(initial={"yttrande": obj.yttrande}), "bilaga_form": BilagaForm(),
    })


@behorighet("insatser.redigera")
def ansokan_beredning(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = _hamta(kontext, pk)
    form = BeredningForm(request.POST or None, initial={"yttrande": obj.yttrande})
    if request.method == "POST" and form.is_valid():
        try:
            services.ansokan_till_beredning(ansokan=obj, aktor=request.user, yttrande=form.cleaned_data["yttrande"])
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Ansökan är under beredning.")
            return redirect("insatser:ansokan", pk=pk)
    return render(request, "insatser/ansokan_beredning.html", {"ansokan": obj, "form": form})


@behorighet("insatser.besluta")
def ansokan_besluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = _hamta(kontext, pk)
    if obj.status == Ansokan.Status.BESLUTAD:
        messages.info(request, "Ansökan är redan beslutad.")
        return redirect("insatser:ansokan", pk=pk)
    form = BeslutForm(request.POST or None, ansokan=obj)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.ansokan_besluta(
                ansokan=obj, aktor=request.user, paragraf=d["paragraf"], beslut=d["beslut"], belopp=form.beviljat,
                insats=d.get("insats"), ny_insats={"kortnamn": d["ny_kortnamn"]} if d.get("ny_kortnamn") else None,
            )
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            obj.refresh_from_db()
            messages.success(request, f"Beslutet är registrerat: {obj.get_beslut_display().lower()}.")
            return redirect("insatser:ansokan", pk=pk)
    return render(request, "insatser/ansokan_besluta.html", {"ansokan": obj, "form": form})


@behorighet("insatser.redigera")
def ansokan_medfinansiering(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = _hamta(kontext, pk)
    qs = Medfinansiering.objects.filter(ansokan=obj).order_by("ar", "finansiar")
    formset = MedfinansieringFormSet(request.POST or None, queryset=qs, prefix="medfin")
    if request.method == "POST" and formset.is_valid():
        rader = [f.cleaned_data for f in formset.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")
                 and f.cleaned_data.get("finansiar")]
        try:
            services.medfinansiering_spara(ansokan=obj, aktor=request.user, rader=rader)
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Finansieringsplanen är sparad.")
            return redirect("insatser:ansokan", pk=pk)
    return render(request, "insatser/ansokan_medfinansiering.html", {"ansokan": obj, "formset": formset})


@behorighet("insatser.redigera")
def ansokan_bilaga(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    obj = _hamta(kontext, pk)
    if request.method != "POST":
        return redirect("insatser:ansokan", pk=pk)
    form = BilagaForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.ansokan_bilaga_ladda_upp(ansokan=obj, aktor=request.user, namn=form.cleaned_data["namn"], fil=form.cleaned_data["fil"])
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Bilagan är uppladdad.")
    else:
        messages.error(request, "Välj en fil att ladda upp.")
    return redirect("insatser:ansokan", pk=pk)


@behorighet("insatser.visa")
def ansokan_bilaga_fil(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    bilaga = hamta(Ansokningsbilaga.objects.all(), kontext.forbund, pk=pk)
    if not bilaga.fil:
        raise Http404("Filen saknas.")
    return fil_svar(bilaga.fil, bilaga=True, filnamn=(bilaga.fil.name or "bilaga").rsplit("/", 1)[-1])
