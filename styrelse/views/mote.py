"""Meeting pages: list and plan, the meeting page with agenda, notice, attendance, minutes, justering and anslag."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.models import Person
from finsam.permissions import Kontext
from finsam.tenancy import hamta
from finsam.web import behorighet, fel_text, fil_svar

from .. import selectors, services
from ..forms import AnslagForm, ArendeForm, BilagaForm, MoteForm, NarvaroForm, PlaneraForm
from ..models import Arende, Bilaga, Justering, Mandat, Narvaro, Sammantrade
from ..services import dokument as dok


def _mote(kontext: Kontext, pk: int) -> Sammantrade:
    return selectors.sammantrade_hamta(kontext, pk)


def _fel(form: Any) -> str:
    return "; ".join(f"{form.fields[k].label}: {' '.join(v)}" for k, v in form.errors.items() if k in form.fields)


def utfor(request: HttpRequest, atgard: Callable[[], Any], ok: str, till: str) -> HttpResponse:
    """Run one service call; a refusal is shown as a Swedish message and nothing changes."""
    try:
        atgard()
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
    else:
        messages.success(request, ok)
    return redirect(till)


@behorighet("styrelse.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = PlaneraForm(forbund=kontext.forbund, initial={"typ": Sammantrade.Typ.STYRELSEMOTE, "starttid": "09:00", "sluttid": "15:00"})
    return render(request, "styrelse/index.html", {
        "moten": list(selectors.sammantraden(kontext.forbund)), "form": form,
        "oppna_uppdrag": selectors.uppdrag_lista(kontext.forbund).count(),
    })


@behorighet("styrelse.redigera")
def planera(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = PlaneraForm(request.POST or None, forbund=kontext.forbund)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        sammankallande = Person.objects.filter(forbund=kontext.forbund, user_id=request.user.pk or 0).first()
        try:
            mote = services.sammantrade_planera(
                forbund=kontext.forbund, aktor=request.user, datum=d["datum"], typ=d["typ"], starttid=d["starttid"], sluttid=d["sluttid"],
                plats=d["plats"], mall=d["mall"], kopiera_fran=d["kopiera_fran"], sammankallande=sammankallande,
            )
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, f"{mote} är planerat. Bygg dagordningen nedan.")
            return redirect("styrelse:mote", pk=mote.pk)
    return render(request, "styrelse/planera.html", {"form": form}, status=400 if request.method == "POST" else 200)


@behorighet("styrelse.visa")
def mote(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    sida = selectors.motesida(kontext, pk)
    ctx: dict[str, Any] = {"s": sida, "mote": sida.mote}
    if kontext.kan("styrelse.redigera"):
        justerbara = [m.person for m in sida.mandat]
        ctx.update({
            "mote_form": MoteForm(instance=sida.mote, personer=sida.personer, justerbara=justerbara,
                                  initial={"justerare": [p.pk for p in sida.justerare]}),
            "arende_form": ArendeForm(), "bilaga_form": BilagaForm(),
            "narvaro_form": NarvaroForm(personer=sida.personer, ledamotsmandat=sida.ledamotsmandat),
            "anslag_form": _anslag_form(sida.mote),
        })
    egen_person = next((p for p in sida.personer if p.user_id == request.user.pk), None)
    ctx["egna_justeringar"] = [(r, p) for r, p in sida.saknade_justeringar if egen_person and p.pk == egen_person.pk]
    ctx["roll_namn"] = dict(Justering.Roll.choices)
    return render(request, "styrelse/mote.html", ctx)


def _anslag_form(mote: Sammantrade) -> AnslagForm:
    import datetime as dt

    from ..services.regler import beslutsregler_for

    start = timezone.localtime(mote.justerat).date() if mote.justerat else timezone.localdate()
    return AnslagForm(initial={"uppsatt": start, "nedtas": start + dt.timedelta(days=21),
                               "forvaringsplats": beslutsregler_for(mote.forbund).forvaringsplats})


@behorighet("styrelse.redigera")
@require_POST
def mote_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    personer = list(Person.objects.filter(forbund=kontext.forbund))
    form = MoteForm(request.POST, instance=Sammantrade.objects.get(pk=mote.pk), personer=personer, justerbara=personer)
    till = reverse("styrelse:mote", args=[pk])
    if not form.is_valid():
        messages.error(request, "Kontrollera uppgifterna: " + _fel(form))
        return redirect(till)
    d = form.cleaned_data
    falt = {k: d[k] for k in ["typ", "datum", "starttid", "sluttid", "plats", "detaljer", "sammankallande", "ordforande", "sekreterare",
                              "datumbeslut"]}
    return utfor(request, lambda: services.sammantrade_andra(sammantrade=mote, aktor=request.user, justerare=list(d["justerare"]), **falt),
                 "Sammanträdet är uppdaterat.", till)


@behorighet("styrelse.redigera")
@require_POST
def arende_skapa(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    form = ArendeForm(request.POST)
    till = reverse("styrelse:mote", args=[pk]) + "#dagordning"
    if not form.is_valid():
        messages.error(request, "Ärendet behöver en rubrik.")
        return redirect(till)
    d = form.cleaned_data
    return utfor(request, lambda: services.arende_skapa(sammantrade=mote, aktor=request.user, rubrik=d["rubrik"], text=d["text"],
                                                        foredragande=d["foredragande"], forslag=d["forslag"]),
                 f"Ärendet ”{d['rubrik']}” är tillagt.", till)


def _arende(kontext: Kontext, pk: int, arende_pk: int) -> Arende:
    mote = _mote(kontext, pk)
    return hamta(Arende.objects.select_related("sammantrade", "paragraf"), kontext.forbund, pk=arende_pk, sammantrade=mote)


@behorighet("styrelse.redigera")
def arende_redigera(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponse:
    arende = _arende(kontext, pk, arende_pk)
    form = ArendeForm(request.POST or None, instance=Arende.objects.get(pk=arende.pk))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.arende_andra(arende=arende, aktor=request.user, rubrik=d["rubrik"], text=d["text"], foredragande=d["foredragande"],
                                  forslag=d["forslag"])
        except ValidationError as exc:
            messages.error(request, fel_text(exc))
        else:
            messages.success(request, "Ärendet är sparat.")
            return redirect(reverse("styrelse:mote", args=[pk]) + "#dagordning")
    return render(request, "styrelse/arende.html", {"arende": arende, "mote": arende.sammantrade, "form": form, "bilaga_form": BilagaForm()})


@behorighet("styrelse.redigera")
@require_POST
def arende_flytta(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponse:
    arende = _arende(kontext, pk, arende_pk)
    riktning = "upp" if request.POST.get("riktning") == "upp" else "ned"
    return utfor(request, lambda: services.arende_flytta(arende=arende, aktor=request.user, riktning=riktning),
                 f"”{arende.rubrik}” flyttades {riktning}.", reverse("styrelse:mote", args=[pk]) + "#dagordning")


@behorighet("styrelse.redigera")
@require_POST
def arende_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponse:
    arende = _arende(kontext, pk, arende_pk)
    return utfor(request, lambda: services.arende_ta_bort(arende=arende, aktor=request.user), f"”{arende.rubrik}” togs bort.",
                 reverse("styrelse:mote", args=[pk]) + "#dagordning")


@behorighet("styrelse.redigera")
@require_POST
def bilaga_ladda_upp(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponse:
    arende = _arende(kontext, pk, arende_pk)
    form = BilagaForm(request.POST, request.FILES)
    till = reverse("styrelse:mote", args=[pk]) + "#dagordning"
    if not form.is_valid():
        messages.error(request, "Välj en fil att ladda upp.")
        return redirect(till)
    return utfor(request, lambda: services.bilaga_ladda_upp(arende=arende, aktor=request.user, fil=form.cleaned_data["fil"],
                                                            titel=form.cleaned_data["titel"]), "Bilagan är uppladdad.", till)


@behorighet("styrelse.visa")
def bilaga_ladda_ned(request: HttpRequest, kontext: Kontext, pk: int, bilaga_pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    b = hamta(Bilaga.objects.all(), kontext.forbund, pk=bilaga_pk, sammantrade=mote)
    if not b.fil:
        raise Http404("Filen saknas.")
    filnamn = b.fil.name or ""
    andelse = "." + filnamn.rsplit(".", 1)[-1] if "." in filnamn else ""
    return fil_svar(b.fil, filnamn=f"bilaga-{b.nummer}{andelse}")


@behorighet("styrelse.redigera")
@require_POST
def kallelse_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    try:
        d = dok.kallelse_bestall(sammantrade=mote, aktor=request.user)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
        return redirect("styrelse:mote", pk=pk)
    messages.info(request, "Kallelsen skapas som PDF i bakgrunden.")
    return redirect("dokument_detalj", pk=d.pk)


@behorighet("styrelse.redigera")
@require_POST
def kallelse_skicka(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    return utfor(request, lambda: services.kallelse_skicka(sammantrade=mote, aktor=request.user),
                 "Kallelsen skickas med PDF och kalenderinbjudan till ledamöter, ersättare och kansli.",
                 reverse("styrelse:mote", args=[pk]) + "#kallelse")


@behorighet("styrelse.redigera")
@require_POST
def narvaro_registrera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    personer = list(Person.objects.filter(forbund=kontext.forbund))
    ledamotsmandat = list(Mandat.objects.filter(forbund=kontext.forbund, typ=Mandat.Typ.LEDAMOT).select_related("person", "medlem"))
    form = NarvaroForm(request.POST, personer=personer, ledamotsmandat=ledamotsmandat)
    till = reverse("styrelse:mote", args=[pk]) + "#narvaro"
    if not form.is_valid():
        messages.error(request, "Kontrollera närvaron: " + _fel(form))
        return redirect(till)
    d = form.cleaned_data
    ersatter = next((m for m in ledamotsmandat if str(m.pk) == d["ersatter"]), None)
    return utfor(request, lambda: services.narvaro_registrera(
        sammantrade=mote, aktor=request.user, person=d["person"], kategori=d["kategori"], ersatter=ersatter,
        fran_nummer=d["fran_nummer"], till_nummer=d["till_nummer"], funktion=d["funktion"]),
        f"Närvaron för {d['person']} är registrerad.", till)


@behorighet("styrelse.redigera")
@require_POST
def narvaro_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, narvaro_pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    n = hamta(Narvaro.objects.select_related("person"), kontext.forbund, pk=narvaro_pk, sammantrade=mote)
    return utfor(request, lambda: services.narvaro_ta_bort(narvaro=n, aktor=request.user), f"{n.person} togs bort från närvaron.",
                 reverse("styrelse:mote", args=[pk]) + "#narvaro")


@behorighet("styrelse.redigera")
@require_POST
def mote_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    return utfor(request, lambda: services.mote_avsluta(sammantrade=mote, aktor=request.user),
                 "Mötet är avslutat. Protokollet skapas och kan nu justeras.", reverse("styrelse:mote", args=[pk]) + "#justering")


@behorighet("styrelse.justera")
@require_POST
def justering_bekrafta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    person = hamta(Person.objects.all(), kontext.forbund, pk=request.POST.get("person"))
    roll = request.POST.get("roll", "")
    if roll not in Justering.Roll.values:
        raise Http404("Okänd roll.")
    return utfor(request, lambda: services.justering_bekrafta(sammantrade=mote, kontext=kontext, aktor=request.user, person=person, roll=roll),
                 f"Justeringen för {person} är registrerad.", reverse("styrelse:mote", args=[pk]) + "#justering")


@behorighet("styrelse.redigera")
@require_POST
def anslag_registrera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    form = AnslagForm(request.POST)
    till = reverse("styrelse:mote", args=[pk]) + "#anslag"
    if not form.is_valid():
        messages.error(request, "Ange datum för uppsättning och nedtagning samt förvaringsplats.")
        return redirect(till)
    d = form.cleaned_data
    return utfor(request, lambda: services.anslag_registrera(sammantrade=mote, aktor=request.user, uppsatt=d["uppsatt"], nedtas=d["nedtas"],
                                                             forvaringsplats=d["forvaringsplats"]),
                 "Protokollet är anslaget på den digitala anslagstavlan.", till)


@behorighet("styrelse.redigera")
@require_POST
def protokoll_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    mote = _mote(kontext, pk)
    try:
        d = dok.protokoll_bestall(sammantrade=mote, aktor=request.user)
    except ValidationError as exc:
        messages.error(request, fel_text(exc))
        return redirect("styrelse:mote", pk=pk)
    return redirect("dokument_detalj", pk=d.pk)
