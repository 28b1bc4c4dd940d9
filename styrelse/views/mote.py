"""Meeting pages: list and plan, the meeting page with agenda, notice, attendance, minutes, justering and anslag.

Every write goes through finsam.web: a form post that is refused is shown again with status 400, the
message next to the form that was submitted (the form's action carries its anchor) and the input kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from finsam.models import Person
from finsam.permissions import Kontext
from finsam.sidcache import sidcache
from finsam.tenancy import hamta
from finsam.web import behorighet, fil_svar, formular_handling, knapp_handling

from .. import selectors, services
from ..forms import AnslagForm, ArendeForm, BilagaForm, JusteringForm, KallelseForm, MoteForm, NarvaroForm, PlaneraForm
from ..models import Arende, Beslutsregler, Bilaga, Justering, Mandat, Narvaro, Sammantrade
from ..services import dokument as dok
from ..services.mote import STANDARD_ANSLAGSPLATS
from ..widgets import snabba_val
from . import dagordning

MALL = "styrelse/mote.html"
MOTEN_PER_SIDA = 25


def _mote(kontext: Kontext, pk: int) -> Sammantrade:
    return selectors.sammantrade_hamta(kontext, pk)


def _url(pk: int, ankare: str) -> str:
    return reverse("styrelse:mote", args=[pk]) + f"#{ankare}"


@behorighet("styrelse.visa")
def index(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    form = PlaneraForm(forbund=kontext.forbund, initial={"typ": Sammantrade.Typ.STYRELSEMOTE, "starttid": "09:00", "sluttid": "15:00"})
    return render(
        request,
        "styrelse/index.html",
        {
            "sida": Paginator(selectors.sammantraden(kontext.forbund), MOTEN_PER_SIDA).get_page(request.GET.get("sida")),
            "form": form,
            "oppna_uppdrag": selectors.uppdrag_lista(kontext.forbund).count(),
        },
    )


@behorighet("styrelse.redigera")
def planera(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = PlaneraForm(request.POST or None, forbund=kontext.forbund)
    sammankallande = Person.objects.filter(forbund=kontext.forbund, user_id=request.user.pk or 0).first()

    def utfor(d: dict[str, Any]) -> Sammantrade:
        return services.sammantrade_planera(
            forbund=kontext.forbund,
            aktor=request.user,
            datum=d["datum"],
            typ=d["typ"],
            starttid=d["starttid"],
            sluttid=d["sluttid"],
            plats=d["plats"],
            mall=d["mall"],
            kopiera_fran=d["kopiera_fran"],
            sammankallande=sammankallande,
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda m: f"{m} är planerat. Bygg dagordningen nedan.",
        till=lambda m: reverse("styrelse:mote", args=[m.pk]),
        mall="styrelse/planera.html",
    )


def _anslag_form(mote: Sammantrade, regler: Beslutsregler) -> AnslagForm:
    start = timezone.localtime(mote.justerat).date() if mote.justerat else timezone.localdate()
    return AnslagForm(
        initial={
            "uppsatt": start,
            "nedtas": start + dt.timedelta(days=21),
            "forvaringsplats": regler.forvaringsplats,
            "anslagsplatser": STANDARD_ANSLAGSPLATS,
        }
    )


def motesida_sammanhang(request: HttpRequest, kontext: Kontext, pk: int, **bundna: Any) -> dict[str, Any]:
    """The meeting page's context; `bundna` replaces a blank form by the submitted one (with its errors)."""
    sida = selectors.motesida(kontext, pk)
    ctx: dict[str, Any] = {
        "s": sida,
        "mote": sida.mote,
        "roll_namn": dict(Justering.Roll.choices),
        "kan_lasa_utkast": selectors.far_lasa_protokollsutkast(kontext, sida.mote, request.user),
    }
    if kontext.kan("styrelse.redigera"):
        narvarande = [n.person for n in sida.narvaro]
        ctx.update(
            {
                "mote_form": MoteForm(instance=sida.mote, personer=sida.personer, narvarande=narvarande),
                "arende_form": ArendeForm(),
                "bilaga_form": BilagaForm(),
                "kallelse_form": KallelseForm(),
                "narvaro_form": NarvaroForm(personer=sida.personer, ledamotsmandat=sida.ledamotsmandat),
                "anslag_form": _anslag_form(sida.mote, sida.regler),
            }
        )
    ctx["justering_form"] = JusteringForm(initial={"plats": ""})
    ctx.update(bundna)
    for namn in ("arende_form", "bilaga_form", "kallelse_form", "anslag_form", "justering_form"):
        if namn in ctx:
            snabba_val(ctx[namn])  # widgets written directly (MoteForm and NarvaroForm do it themselves)
    lage = dagordning.Sidlage(
        justerat=sida.mote.justerat is not None,
        redigera=kontext.kan("styrelse.redigera"),
        csrf_token=get_token(request),
        bilaga_arende=ctx.get("bilaga_arende"),
        bilaga_form=ctx.get("bilaga_form") if "bilaga_arende" in ctx else None,
    )
    ctx["rader"] = dagordning.rader(sida, lage)
    return ctx


@behorighet("styrelse.visa")
@sidcache
def mote(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    return render(request, MALL, motesida_sammanhang(request, kontext, pk))


@behorighet("styrelse.redigera")
@require_POST
def mote_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    personer = list(Person.objects.filter(forbund=kontext.forbund))
    form = MoteForm(request.POST, instance=Sammantrade.objects.get(pk=mote.pk), personer=personer, narvarande=personer)

    def utfor(d: dict[str, Any]) -> Sammantrade:
        falt = {
            k: d[k]
            for k in ["typ", "datum", "starttid", "sluttid", "plats", "detaljer", "sammankallande", "ordforande", "sekreterare", "datumbeslut"]
        }
        return services.sammantrade_andra(sammantrade=mote, aktor=request.user, **falt)

    def ok(m: Sammantrade) -> str:
        if m.kalender_inaktuell:
            return "Sammanträdet är uppdaterat. Tid eller plats ändrades: skicka den uppdaterade kalenderinbjudan under Kallelse."
        return "Sammanträdet är uppdaterat."

    return formular_handling(
        request,
        form,
        utfor,
        ok=ok,
        till=_url(pk, "kallelse" if mote.kallelse_skickad else "uppgifter"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, mote_form=form),
    )


@behorighet("styrelse.redigera")
@require_POST
def arende_skapa(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    form = ArendeForm(request.POST)
    return formular_handling(
        request,
        form,
        lambda d: services.arende_skapa(
            sammantrade=mote,
            aktor=request.user,
            rubrik=d["rubrik"],
            text=d["text"],
            slag=d["slag"],
            foredragande=d["foredragande"],
            forslag=d["forslag"],
        ),
        ok=lambda a: f"Ärendet ”{a.rubrik}” är tillagt.",
        till=_url(pk, "dagordning"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, arende_form=form),
    )


def _arende(kontext: Kontext, pk: int, arende_pk: int) -> Arende:
    mote = _mote(kontext, pk)
    return hamta(Arende.objects.select_related("sammantrade", "paragraf"), kontext.forbund, pk=arende_pk, sammantrade=mote)


@behorighet("styrelse.redigera")
def arende_redigera(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponseBase:
    arende = _arende(kontext, pk, arende_pk)
    form = ArendeForm(request.POST or None, instance=Arende.objects.get(pk=arende.pk))
    return formular_handling(
        request,
        form,
        lambda d: services.arende_andra(arende=arende, aktor=request.user, **d),  # the form's fields are the service's
        ok="Ärendet är sparat.",
        till=_url(pk, "dagordning"),
        mall="styrelse/arende.html",
        sammanhang={"arende": arende, "mote": arende.sammantrade, "bilaga_form": BilagaForm()},
    )


@behorighet("styrelse.redigera")
@require_POST
def arende_flytta(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponseBase:
    arende = _arende(kontext, pk, arende_pk)
    riktning = "upp" if request.POST.get("riktning") == "upp" else "ned"
    return knapp_handling(
        request,
        lambda: services.arende_flytta(arende=arende, aktor=request.user, riktning=riktning),
        ok="Dagordningen är ändrad.",
        till=_url(pk, "dagordning"),
    )


@behorighet("styrelse.redigera")
@require_POST
def arende_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponseBase:
    arende = _arende(kontext, pk, arende_pk)
    return knapp_handling(
        request, lambda: services.arende_ta_bort(arende=arende, aktor=request.user), ok=f"”{arende.rubrik}” togs bort.", till=_url(pk, "dagordning")
    )


@behorighet("styrelse.redigera")
@require_POST
def bilaga_ladda_upp(request: HttpRequest, kontext: Kontext, pk: int, arende_pk: int) -> HttpResponseBase:
    arende = _arende(kontext, pk, arende_pk)
    form = BilagaForm(request.POST, request.FILES)
    return formular_handling(
        request,
        form,
        lambda d: services.bilaga_ladda_upp(arende=arende, aktor=request.user, fil=d["fil"], titel=d["titel"]),
        ok=lambda b: f"Bilaga {b.nummer} är uppladdad.",
        till=_url(pk, f"arende-{arende.pk}"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, bilaga_form=form, bilaga_arende=arende.pk),
    )


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
def kallelse_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    return knapp_handling(
        request,
        lambda: dok.kallelse_bestall(sammantrade=mote, aktor=request.user),
        ok="Kallelsen skapas som PDF i bakgrunden.",
        till=lambda d: _dokument_eller(d, pk, "kallelse"),
    )


def _dokument_eller(d: Any, pk: int, ankare: str) -> str:
    return reverse("dokument_detalj", args=[d.pk]) if d is not None else _url(pk, ankare)


@behorighet("styrelse.redigera")
@require_POST
def kallelse_skicka(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    form = KallelseForm(request.POST)
    return formular_handling(
        request,
        form,
        lambda d: services.kallelse_skicka(sammantrade=mote, aktor=request.user),
        ok=lambda u: f"Kallelsen skickas med PDF och kalenderinbjudan till {u.mottagare.count()} mottagare.",
        till=_url(pk, "kallelse"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, kallelse_form=form),
    )


@behorighet("styrelse.redigera")
@require_POST
def kalender_uppdatering_skicka(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.kalender_uppdatering_skicka(sammantrade=mote, aktor=request.user),
        ok="Den uppdaterade kalenderinbjudan skickas till kallelsens mottagare.",
        till=_url(pk, "kallelse"),
    )


@behorighet("styrelse.redigera")
@require_POST
def sammantrade_stall_in(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.sammantrade_stall_in(sammantrade=mote, aktor=request.user),
        ok="Mötet är inställt. De som fått kallelsen får en avbokning i kalendern.",
        till=_url(pk, "kallelse"),
    )


@behorighet("styrelse.redigera")
@require_POST
def narvaro_registrera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    personer = list(Person.objects.filter(forbund=kontext.forbund))
    ledamotsmandat = list(Mandat.objects.filter(forbund=kontext.forbund, typ=Mandat.Typ.LEDAMOT).select_related("person", "medlem"))
    form = NarvaroForm(request.POST, personer=personer, ledamotsmandat=ledamotsmandat)

    def utfor(d: dict[str, Any]) -> Narvaro:
        ersatter = next((m for m in ledamotsmandat if str(m.pk) == d["ersatter"]), None)
        return services.narvaro_registrera(
            sammantrade=mote,
            aktor=request.user,
            person=d["person"],
            kategori=d["kategori"],
            ersatter=ersatter,
            fran_nummer=d["fran_nummer"],
            till_nummer=d["till_nummer"],
            funktion=d["funktion"],
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda n: f"Närvaron för {n.person} är registrerad.",
        till=_url(pk, "narvaro"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, narvaro_form=form),
    )


@behorighet("styrelse.redigera")
@require_POST
def narvaro_ta_bort(request: HttpRequest, kontext: Kontext, pk: int, narvaro_pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    n = hamta(Narvaro.objects.select_related("person"), kontext.forbund, pk=narvaro_pk, sammantrade=mote)
    return knapp_handling(
        request, lambda: services.narvaro_ta_bort(narvaro=n, aktor=request.user), ok=f"{n.person} togs bort från närvaron.", till=_url(pk, "narvaro")
    )


@behorighet("styrelse.redigera")
@require_POST
def mote_avsluta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    return knapp_handling(
        request,
        lambda: services.mote_avsluta(sammantrade=mote, aktor=request.user),
        ok="Mötet är avslutat. Protokollet skapas och kan nu justeras.",
        till=_url(pk, "justering"),
    )


@behorighet("styrelse.justera")
@require_POST
def justering_bekrafta(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    form = JusteringForm(request.POST)

    def utfor(d: dict[str, Any]) -> Justering:
        person = hamta(Person.objects.all(), kontext.forbund, pk=d["person"])
        return services.justering_bekrafta(
            sammantrade=mote,
            kontext=kontext,
            aktor=request.user,
            person=person,
            roll=d["roll"],
            plats=d["plats"],
            # One's own justering needs the password; the meeting page links to the page that asks for it, and
            # without one the service refuses here with the same message as the API.
            autentisering={"losenord": request.POST.get("losenord", "")},
            begaran=request,
        )

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda j: f"Justeringen för {j.person} är registrerad.",
        till=_url(pk, "justering"),
        mall=MALL,
        sammanhang=motesida_sammanhang(
            request, kontext, pk, justering_form=form, justering_fel=(request.POST.get("roll"), request.POST.get("person"))
        ),
    )


@behorighet("styrelse.redigera")
@require_POST
def anslag_registrera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    form = AnslagForm(request.POST)
    return formular_handling(
        request,
        form,
        lambda d: services.anslag_registrera(sammantrade=mote, aktor=request.user, **d),  # the form's fields are the service's
        ok="Protokollet är anslaget på den digitala anslagstavlan.",
        till=_url(pk, "anslag"),
        mall=MALL,
        sammanhang=motesida_sammanhang(request, kontext, pk, anslag_form=form),
    )


@behorighet("styrelse.redigera")
@require_POST
def protokoll_bestall(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = _mote(kontext, pk)
    return knapp_handling(
        request,
        lambda: dok.protokoll_bestall(sammantrade=mote, aktor=request.user),
        ok="Protokollsutkastet skapas som PDF.",
        till=lambda d: _dokument_eller(d, pk, "justering"),
    )
