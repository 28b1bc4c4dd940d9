"""The meeting page's agenda rows: every row's links and button targets built from URLs reversed once per page.

A meeting of 200 items used to call `reverse()` six times and render four to six POST forms with their own
CSRF field per row (85 % of the page's time). Here each URL pattern is reversed once with a marker id and the
row's id is put in its place; the row's buttons submit one shared form (`form="rad-atgard"` with `formaction`).

The rows themselves are written here, not by the template engine: a row of the template cost about 0.25 ms of CPU
(some forty variable and tag nodes, each resolved, localised and escaped), so a 200-item agenda tripled the page
(issue 16). Every value from the database goes through `escape`; the markup is the one the template had.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, normalize_newlines

from ..models import Arende, Bilaga
from ..selectors import Motesida
from ..services.regler import Lage

# An id no row has: reversed once, then replaced by the row's id (the patterns take `<int:…>`).
_MARKOR = 987654321


class UrlMall:
    """One reversed URL with a marker in place of the last id: `mall.med(pk)` is `reverse(namn, args=[..., pk])`."""

    def __init__(self, namn: str, *args: int) -> None:
        url = reverse(namn, args=[*args, _MARKOR])
        fore, _, efter = url.rpartition(str(_MARKOR))
        self._fore, self._efter = fore, efter

    def med(self, pk: int) -> str:
        return f"{self._fore}{pk}{self._efter}"


@dataclass(frozen=True, slots=True)
class Bilagelank:
    bilaga: Bilaga
    url: str


@dataclass(frozen=True, slots=True)
class Rad:
    arende: Arende
    bilagor: list[Bilagelank]
    lage: Lage | None
    beslut: str
    andra: str
    flytta: str
    ta_bort: str
    ladda_upp: str
    paragraf_andra: str
    omedelbar_justering: str
    utdrag: str
    expediera: str
    sida: Sidlage | None = None

    @property
    def html(self) -> SafeString:
        """The row's `<tr>`, written when the template asks for it (a refused upload's errors are known by then)."""
        s = self.sida or Sidlage()
        return _rad_html(self, justerat=s.justerat, redigera=s.redigera, csrf_token=s.csrf_token, fel=s.fel(self.arende.pk))


@dataclass(frozen=True, slots=True)
class Sidlage:
    """What every row of one page shares: the meeting's lock, whether the actions cell is shown, the CSRF token of
    the rows' upload forms, and the upload form of a refused upload (`bilaga_arende`: its agenda item)."""

    justerat: bool = False
    redigera: bool = False
    csrf_token: str = ""
    bilaga_arende: int | None = None
    bilaga_form: Any = None

    def fel(self, arende_pk: int) -> str:
        if self.bilaga_form is None or self.bilaga_arende != arende_pk:
            return ""
        form = self.bilaga_form
        return render_to_string("styrelse/_formfel.html", {"f": form}) + "".join(
            format_html('<p class="fel" role="alert">{}</p>', e) for e in form["fil"].errors
        )


def rader(sida: Motesida, lage: Sidlage | None = None) -> list[Rad]:
    """The agenda rows of the meeting page, with every URL the row links to or posts to; `lage` for their HTML."""
    pk = sida.mote.pk
    bilaga = UrlMall("styrelse:bilaga_ladda_ned", pk)
    beslut = UrlMall("styrelse:beslut", pk)
    andra = UrlMall("styrelse:arende_redigera", pk)
    flytta = UrlMall("styrelse:arende_flytta", pk)
    ta_bort = UrlMall("styrelse:arende_ta_bort", pk)
    ladda_upp = UrlMall("styrelse:bilaga_ladda_upp", pk)
    paragraf_andra = UrlMall("styrelse:paragraf_redigera")
    omedelbar = UrlMall("styrelse:omedelbar_justering")
    utdrag = UrlMall("styrelse:utdrag_bestall")
    expediera = UrlMall("styrelse:utdrag_expediera")
    resultat = []
    for a in sida.arenden:
        p = a.paragraf
        ppk = p.pk if p is not None else 0
        resultat.append(
            Rad(
                arende=a,
                bilagor=[Bilagelank(b, bilaga.med(b.pk)) for b in a.bilagor.all()],
                lage=sida.lage_per_paragraf.get(ppk) if p is not None else None,
                beslut=beslut.med(a.pk),
                andra=andra.med(a.pk),
                flytta=flytta.med(a.pk),
                ta_bort=ta_bort.med(a.pk),
                ladda_upp=ladda_upp.med(a.pk),
                paragraf_andra=paragraf_andra.med(ppk) if p is not None else "",
                omedelbar_justering=omedelbar.med(ppk) if p is not None else "",
                utdrag=utdrag.med(ppk) if p is not None else "",
                expediera=expediera.med(ppk) if p is not None else "",
                sida=lage,
            )
        )
    return resultat


def _text(text: str) -> str:
    """`{{ text|truncatechars:220|linebreaksbr }}`"""
    return escape(normalize_newlines(Truncator(text).chars(220))).replace("\n", "<br>")


def _beslutscell(a: Arende) -> str:
    p = a.paragraf
    if p is None:
        satser = a.forslag_satser
        if satser:
            return '<span class="liten-text">Förslag:</span><ul class="att">' + "".join(f"<li>att {escape(x)}</li>" for x in satser) + "</ul>"
        return '<span class="tom">–</span>'
    delar = []
    if p.utfall:
        delar.append(f'<span class="status status-{"klar" if p.bifallen else "varning"}">{escape(p.get_utfall_display())}</span>')
    satser = p.beslut_satser
    if satser:
        delar.append('<p class="liten-text">Styrelsen beslutar</p><ul class="att">' + "".join(f"<li>att {escape(x)}</li>" for x in satser) + "</ul>")
    else:
        delar.append('<span class="tom">Inget beslut</span>')
    if p.omrostning:
        delar.append(f'<span class="liten-text">{escape(p.omrostning)} </span>')
    for rost in p.roster.all():
        namn = escape(rost.person.namn)
        if rost.val == "jav":
            delar.append(f'<span class="liten-text">{namn} anmäler jäv. </span>')
        if rost.reservation:
            delar.append(f'<span class="liten-text">{namn} reserverar sig. </span>')
        if rost.anteckning:
            delar.append(f'<span class="liten-text">Protokollsanteckning: {namn}. </span>')
    return "\n          ".join(delar)


_LITEN = "knapp knapp-sekundar knapp-liten"


def _knapp(formaction: str, text: str, fore: str = "", efter: str = "") -> str:
    """A row button that submits the page's one form `rad-atgard` to the row's action."""
    return f'<button form="rad-atgard" formaction="{escape(formaction)}"{fore} class="{_LITEN}" type="submit"{efter}>{text}</button>'


def _atgarder(r: Rad, *, justerat: bool, csrf_token: str, fel: str) -> str:
    a, p = r.arende, r.arende.paragraf
    rubrik = escape(a.rubrik)
    delar = []
    if not justerat:
        if p is None:
            upp = f'<input type="hidden" name="csrfmiddlewaretoken" value="{escape(csrf_token)}">{fel}'
            delar.append(
                f'<a class="knapp knapp-liten" href="{escape(r.beslut)}">Protokollför<span class="sr-endast"> {rubrik}</span></a>\n'
                f'<a class="{_LITEN}" href="{escape(r.andra)}">Ändra<span class="sr-endast"> {rubrik}</span></a>\n'
                + _knapp(r.flytta, "↑", ' name="riktning" value="upp"', f' aria-label="Flytta upp {rubrik}"')
                + "\n"
                + _knapp(r.flytta, "↓", ' name="riktning" value="ned"', f' aria-label="Flytta ned {rubrik}"')
                + "\n"
                + _knapp(r.ta_bort, "Ta bort", "", f' aria-label="Ta bort {rubrik}"')
                + "\n"
                f'<form method="post" enctype="multipart/form-data" action="{escape(r.ladda_upp)}#arende-{a.pk}">{upp}\n'
                f'<label class="sr-endast" for="bilaga-{a.pk}">Bilaga till {rubrik}</label>'
                f'<input id="bilaga-{a.pk}" type="file" name="fil" required>\n'
                f'<button class="{_LITEN}" type="submit">Ladda upp bilaga</button></form>'
            )
        else:
            delar.append(f'<a class="{_LITEN}" href="{escape(r.paragraf_andra)}">Ändra § {p.nummer}</a>')
            if not p.last:
                delar.append(_knapp(r.omedelbar_justering, f"Justera § {p.nummer} omedelbart"))
    if p is not None:
        delar.append(_knapp(r.utdrag, f"Protokollsutdrag § {p.nummer}"))
        if justerat or p.last:
            delar.append(f'<a class="{_LITEN}" href="{escape(r.expediera)}">Expediera § {p.nummer}</a>')
    return '<td><div class="rad-atgarder">\n' + "\n".join(delar) + "\n</div></td>"


def _rad_html(r: Rad, *, justerat: bool, redigera: bool, csrf_token: str, fel: str) -> SafeString:
    a, p = r.arende, r.arende.paragraf
    arende = f"<strong>{escape(a.rubrik)}</strong>"
    if a.tillagt:
        arende += ' <span class="status">Tillagt vid mötet</span>'
    if a.aterkommer_fran_id:
        arende += ' <span class="status status-varning">Återkommer</span>'
    if a.foredragande:
        arende += f'\n<br><span class="liten-text">Föredragande: {escape(a.foredragande)}</span>'
    if a.text:
        arende += f'\n<br><span class="liten-text">{_text(a.text)}</span>'
    for b in r.bilagor:
        arende += (
            f'<br><a href="{escape(b.url)}">Bilaga {b.bilaga.nummer}: {escape(b.bilaga.titel)}</a> '
            f'<span class="liten-text">({filesizeformat(b.bilaga.storlek)})</span>'
        )
    if p is not None:
        paragraf = f"<strong>§ {p.nummer}</strong>" + (' <span class="status status-klar">Justerad</span>' if p.last else "")
        if r.lage is not None:
            paragraf += f'\n<br><span class="liten-text">{r.lage.antal} röstberättigade</span>'
    else:
        paragraf = "–"
    atgarder = _atgarder(r, justerat=justerat, csrf_token=csrf_token, fel=fel) if redigera else ""
    # every value above is escaped or an integer
    return mark_safe(
        f'<tr id="arende-{a.pk}">\n<td>{a.ordning}</td>\n<td>{arende}\n</td>\n<td>{_beslutscell(a)}</td>\n<td>{paragraf}</td>\n{atgarder}\n</tr>'
    )
