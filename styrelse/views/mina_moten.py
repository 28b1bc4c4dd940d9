"""Mina möten: the board member's start page, the member's private notes, jäv in advance and signed justering."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from finsam.documents.render import render_pdf
from finsam.permissions import Kontext
from finsam.startsida import Startsida
from finsam.tenancy import hamta
from finsam.web import behorighet, formular_handling, knapp_handling

from ..forms.ledamot import AnteckningForm, JavForm, JusteraForm
from ..models import Anteckning, Bilaga, Javsanmalan
from ..selectors import ledamot as sel
from ..services.anteckning import anteckning_spara, anteckning_ta_bort
from ..services.mina_moten import bilaga_version, jav_anmala, jav_aterkalla, lasning_markera
from ..services.signering import justering_bekrafta


def _sida(request: HttpRequest, kontext: Kontext, mall: str, ctx: dict[str, Any], vy: sel.MotesVy | None) -> HttpResponseBase:
    svar = render(request, mall, {**ctx, "gallring_dagar": settings.FINSAM_ANTECKNING_GALLRING_DAGAR})
    if vy is not None:
        # What the page showed is now read: the marks are gone on the next visit (attachments: when opened).
        lasning_markera(user=request.user, sammantrade=vy.mote, versioner=vy.lasta_versioner)
    return svar


@behorighet("styrelse.mina_moten")
@require_GET
def mina_moten(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    data = sel.mina_moten(kontext, request.user)
    return _sida(request, kontext, "styrelse/mina_moten/index.html", {"m": data, "vy": data.nasta}, data.nasta)


def startsida(request: HttpRequest, kontext: Kontext, start: Startsida) -> HttpResponseBase:
    """The board member's start page (`/`): Mina möten, with the start page's notices on top and its tiles below."""
    data = sel.mina_moten(kontext, request.user)
    return _sida(request, kontext, "styrelse/mina_moten/index.html", {"m": data, "vy": data.nasta, "start": start}, data.nasta)


@behorighet("styrelse.mina_moten")
@require_GET
def mina_moten_mote(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = sel.mote_for_ledamot(kontext, pk)
    vy = sel.motesvy(kontext, request.user, mote, sel.person_for(kontext, request.user))
    return _sida(request, kontext, "styrelse/mina_moten/mote.html", {"vy": vy}, vy)


@behorighet("styrelse.mina_moten")
@require_GET
def mina_moten_bilaga(request: HttpRequest, kontext: Kontext, pk: int, bilaga_pk: int) -> FileResponse:
    mote = sel.mote_for_ledamot(kontext, pk)
    b = hamta(Bilaga.objects.all(), kontext.forbund, pk=bilaga_pk, sammantrade=mote)
    if not b.fil:
        raise Http404("Filen saknas.")
    lasning_markera(user=request.user, sammantrade=mote, versioner={f"bilaga:{b.pk}": bilaga_version(b)})
    filnamn = b.fil.name or ""
    andelse = "." + filnamn.rsplit(".", 1)[-1] if "." in filnamn else ""
    return FileResponse(b.fil.open("rb"), as_attachment=False, filename=f"bilaga-{b.nummer}{andelse}")


def _till_mote(mote_pk: int, ankare: str = "") -> str:
    return reverse("styrelse:mina_moten_mote", args=[mote_pk]) + (f"#{ankare}" if ankare else "")


@behorighet("styrelse.anteckna")
@require_POST
def anteckning_spara_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = sel.mote_for_ledamot(kontext, pk)
    form = AnteckningForm(request.POST, mote=mote)

    def utfor(d: dict[str, Any]) -> Anteckning | None:
        return anteckning_spara(forbund=kontext.forbund, aktor=request.user, text=d["text"], arende=d["arende"], bilaga=d["bilaga"])

    def till(a: Anteckning | None) -> str:
        handling = form.cleaned_data.get("bilaga") or form.cleaned_data.get("arende")
        return _till_mote(mote.pk, f"{'bilaga' if form.cleaned_data.get('bilaga') else 'arende'}-{handling.pk}" if handling else "")

    return formular_handling(
        request,
        form,
        utfor,
        ok=lambda a: "Anteckningen är sparad." if a else "Anteckningen är borttagen.",
        till=till,
        mall="styrelse/mina_moten/anteckning.html",
        sammanhang={"mote": mote},
    )


@behorighet("styrelse.anteckna")
@require_POST
def anteckning_ta_bort_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    a = hamta(Anteckning.objects.for_forfattare(request.user), kontext.forbund, pk=pk)  # another's note: 404
    return knapp_handling(
        request, lambda: anteckning_ta_bort(anteckning=a, aktor=request.user), ok="Anteckningen är borttagen.", till=_till_mote(a.sammantrade_id)
    )


@behorighet("styrelse.anteckna")
@require_GET
def anteckningar_export(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    """The member's own notes on one meeting as Markdown (or PDF with ?format=pdf)."""
    mote = sel.mote_for_ledamot(kontext, pk)
    anteckningar = sel.egna_anteckningar(kontext, request.user, mote)
    namn = request.user.get_full_name() or request.user.get_username()  # type: ignore[union-attr]
    text = sel.anteckningar_markdown(mote, anteckningar, namn)
    bas = f"anteckningar-{mote.datum:%Y-%m-%d}"
    if request.GET.get("format") == "pdf":
        # Rendered on request and never stored: a stored document would be visible to others.
        pdf = render_pdf(
            "styrelse/mina_moten/anteckningar_pdf.html",
            {
                "mote": mote,
                "anteckningar": anteckningar,
                "namn": namn,
                "forbund": kontext.forbund,
                "titel": f"Mina anteckningar {mote.datum:%Y-%m-%d}",
                "skapad": mote.datum,
            },
            pdfa=False,
        )
        svar = HttpResponse(pdf, content_type="application/pdf")
        svar["Content-Disposition"] = f'attachment; filename="{bas}.pdf"'
    else:
        svar = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        svar["Content-Disposition"] = f'attachment; filename="{bas}.md"'
    svar["Cache-Control"] = "private, no-store"
    return svar


@behorighet("styrelse.jav_anmala")
@require_POST
def jav_anmala_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    mote = sel.mote_for_ledamot(kontext, pk)
    form = JavForm(request.POST, mote=mote)
    person = sel.person_for(kontext, request.user)
    return formular_handling(
        request,
        form,
        lambda d: jav_anmala(arende=d["arende"], aktor=request.user, person=person, skal=d["skal"]),
        ok="Ditt jäv är anmält. Förbundschefen ser det och det förs in i protokollet vid paragrafen.",
        till=lambda j: _till_mote(mote.pk, f"arende-{j.arende_id}"),
        mall="styrelse/mina_moten/jav.html",
        sammanhang={"mote": mote},
    )


@behorighet("styrelse.jav_anmala")
@require_POST
def jav_aterkalla_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    j = hamta(Javsanmalan.objects.select_related("arende"), kontext.forbund, pk=pk)
    person = sel.person_for(kontext, request.user)
    if person is None or j.person_id != person.pk:
        raise Http404("Finns inte.")
    return knapp_handling(
        request,
        lambda: jav_aterkalla(javsanmalan=j, aktor=request.user, person=person),
        ok="Jävsanmälan är återkallad.",
        till=_till_mote(j.arende.sammantrade_id, f"arende-{j.arende_id}"),
    )


@behorighet("styrelse.justera")
def justera(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    """Justering with re-authentication: the signatory enters their password again; recorded on the signed minutes."""
    mote = sel.mote_for_ledamot(kontext, pk)
    person = sel.person_for(kontext, request.user)
    uppgifter = [u for u in sel.justeringsuppgifter(kontext, person) if u.mote.pk == mote.pk]
    form = JusteraForm(request.POST or None, roller=[(u.roll, u.roll_text) for u in uppgifter])

    def utfor(d: dict[str, Any]) -> Any:
        return justering_bekrafta(
            sammantrade=mote,
            kontext=kontext,
            aktor=request.user,
            person=person,  # type: ignore[arg-type]
            roll=d["roll"],
            plats=d["plats"],
            autentisering={"losenord": d["losenord"]},
            begaran=request,
        )

    if person is None or not uppgifter:
        return render(
            request,
            "styrelse/mina_moten/justera.html",
            {"mote": mote, "form": None, "person": person},
            status=400 if request.method == "POST" else 200,
        )
    # The password field is never rendered back (PasswordInput without render_value).
    return formular_handling(
        request,
        form,
        utfor,
        ok="Din justering är bekräftad och signerad.",
        # Back where the justering was started: the meeting page for the förbundschef, Mina möten for a member.
        till=reverse("styrelse:mote", args=[mote.pk]) + "#justering" if kontext.kan("styrelse.redigera") else reverse("styrelse:mina_moten"),
        mall="styrelse/mina_moten/justera.html",
        sammanhang={"mote": mote, "person": person},
    )
