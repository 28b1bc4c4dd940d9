"""The demo's present: a board in office on today's date and this year's meetings, so a new user can hold a meeting today.

The current term of office (mandatperiod) is the four years from 2023 that contain today. This year's meetings
before today are held (one item tabled, one proposal voted down); today's meeting is planned, its notice sent
with papers (agenda, an attachment, the kallelse PDF) and the tabled item back on its agenda; one more meeting
is planned after it. Idempotent: nothing is added once the year has a meeting.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape
from weasyprint import HTML

from ekonomi.models import Tilldelning
from ekonomi.selectors.bidrag import medlemsbidrag
from finsam.formatting import kr
from finsam.models import Forbund, Medlem, Person

from . import services
from .demo import _avsluta_och_justera, _hall_arenden
from .models import Mandat, Narvaro, Sammantrade
from .services import dokument as dok

TZ = ZoneInfo("Europe/Stockholm")
D = dt.date

# (name, member, assignment) for ledamöter; (name, member) for ersättare: the board of the current term.
LEDAMOTER = [
    ("Bertil Almgren", "skelleftea", Mandat.Uppdrag.ORDFORANDE),
    ("Anders Eriksson", "af", Mandat.Uppdrag.VICE_ORDFORANDE),
    ("Kenneth Andersson", "region", Mandat.Uppdrag.INGET),
    ("Mikael Broman", "fk", Mandat.Uppdrag.INGET),
    ("Mikael Lindfors", "norsjo", Mandat.Uppdrag.INGET),
]
ERSATTARE = [
    ("Anna From-Lindqvist", "skelleftea"),
    ("Mattias Lindh", "af"),
    ("Lena Persson", "region"),
    ("Catarina Forsberg", "fk"),
    ("Patrick Ström", "norsjo"),
]
# Month and day of this year's ordinary meetings before today (those already past are held in the demo).
TIDIGARE = [(2, 12), (9, 17)]


def mandatperiod(idag: dt.date) -> tuple[dt.date, dt.date]:
    """The term of office that contains `idag` (elections every fourth year; terms 2023–2026, 2027–2030, …)."""
    start = 2023 + 4 * ((idag.year - 2023) // 4)
    return D(start, 1, 1), D(start + 3, 12, 31)


def seed_mandat(forbund: Forbund, idag: dt.date) -> None:
    fran, till = mandatperiod(idag)
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    for namn, kod, uppdrag in LEDAMOTER:
        person = Person.objects.get(forbund=forbund, namn=namn)
        Mandat.objects.get_or_create(
            forbund=forbund, person=person, medlem=medlem[kod], typ=Mandat.Typ.LEDAMOT, fran=fran, defaults={"till": till, "uppdrag": uppdrag}
        )
    for namn, kod in ERSATTARE:
        person = Person.objects.get(forbund=forbund, namn=namn)
        Mandat.objects.get_or_create(forbund=forbund, person=person, medlem=medlem[kod], typ=Mandat.Typ.ERSATTARE, fran=fran, defaults={"till": till})


def _pdf(titel: str, forbund: Forbund, ar: int, forslag: str) -> SimpleUploadedFile:
    """A real paper for the demo meeting: the proposal and the member contributions of the plan year, as the
    förbundschef would attach it (rendered with WeasyPrint, so it reads like the other documents)."""
    bidrag = medlemsbidrag(forbund, ar) if Tilldelning.objects.filter(forbund=forbund, ar=ar).exists() else None
    if bidrag is None:
        senaste = Tilldelning.objects.filter(forbund=forbund).order_by("-ar").first()
        bidrag = medlemsbidrag(forbund, senaste.ar) if senaste else None
    rader = "".join(
        f"<tr><th scope='row'>{escape(r['medlem'])}</th><td>{escape(r['grund'])}</td><td class='b'>{kr(r['belopp'])}</td></tr>"
        for r in (bidrag["rader"] if bidrag else [])
    )
    tabell = (
        f"<h2>Medlemmarnas bidrag {bidrag['ar']}</h2><table><thead><tr><th scope='col'>Medlem</th><th scope='col'>Grund</th>"
        f"<th scope='col' class='b'>Belopp</th></tr></thead><tbody>{rader}</tbody><tfoot><tr><th scope='row'>Summa</th><td></td>"
        f"<td class='b'>{kr(bidrag['summa'])}</td></tr></tfoot></table>"
        if bidrag
        else ""
    )
    punkter = "".join(f"<li>{escape(rad)}</li>" for rad in forslag.splitlines() if rad.strip())
    html = (
        f"<html lang='sv'><head><meta charset='utf-8'><title>{escape(titel)}</title><style>"
        "@page{size:A4;margin:2.2cm} body{font-family:'Open Sans',sans-serif;font-size:10.5pt} h1{font-size:17pt}"
        "table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #bbb;padding:3pt;text-align:left}"
        ".b{text-align:right}</style></head><body>"
        f"<p>{escape(forbund.namn)} · Bilaga till kallelse</p><h1>{escape(titel)}</h1>"
        "<h2>Förslag till beslut</h2><p>Styrelsen föreslås besluta att</p>"
        f"<ul>{punkter}</ul><h2>Bakgrund</h2><p>Förslaget bygger på medlemmarnas oförändrade bidrag och på "
        "verksamhetens mål för året. Insatserna följs upp kvartalsvis och redovisas i årsredovisningen.</p>"
        f"{tabell}</body></html>"
    )
    return SimpleUploadedFile(f"{titel}.pdf", HTML(string=html).write_pdf(), content_type="application/pdf")


def _narvaro(mote: Sammantrade, aktor: Any, chef: Person) -> None:
    for namn, _, _ in LEDAMOTER:
        person = Person.objects.get(forbund=mote.forbund, namn=namn)
        services.narvaro_registrera(sammantrade=mote, aktor=aktor, person=person, kategori=Narvaro.Kategori.LEDAMOT)
    services.narvaro_registrera(sammantrade=mote, aktor=aktor, person=chef, kategori=Narvaro.Kategori.TJANSTEPERSON, funktion="Förbundschef")


def _planera(forbund: Forbund, aktor: Any, datum: dt.date, chef: Person, ordforande: Person) -> Sammantrade:
    mote = services.sammantrade_planera(
        forbund=forbund,
        aktor=aktor,
        datum=datum,
        starttid=dt.time(9),
        sluttid=dt.time(12),
        plats="Hörnellgatan 17, sammanträdesrum, vån 3",
        sammankallande=chef,
    )
    return services.sammantrade_andra(sammantrade=mote, aktor=aktor, ordforande=ordforande, sekreterare=chef)


def seed_idag(forbund: Forbund, aktor: Any, idag: dt.date | None = None) -> None:
    idag = idag or timezone.localdate()
    nasta_datum = idag + dt.timedelta(days=42)
    seed_mandat(forbund, idag)
    if mandatperiod(nasta_datum) != mandatperiod(idag):
        seed_mandat(forbund, nasta_datum)  # the next meeting falls in the next term: the board is re-elected for it
    if Sammantrade.objects.filter(forbund=forbund, datum__year=idag.year).exists():
        return
    chef = Person.objects.get(forbund=forbund, namn="Monica Widman Lundmark")
    bertil = Person.objects.get(forbund=forbund, namn="Bertil Almgren")
    tidigare = [D(idag.year, m, d) for m, d in TIDIGARE if D(idag.year, m, d) < idag]
    moten = [_planera(forbund, aktor, datum, chef, bertil) for datum in tidigare]
    dagens = _planera(forbund, aktor, idag, chef, bertil)
    nasta = _planera(forbund, aktor, nasta_datum, chef, bertil)
    for i, mote in enumerate(moten):
        kommande = moten[i + 1] if i + 1 < len(moten) else dagens
        _tidigare_mote(mote, aktor, chef, sista=kommande is dagens)
    _dagens_mote(dagens, aktor)
    del nasta


def _tidigare_mote(mote: Sammantrade, aktor: Any, chef: Person, *, sista: bool) -> None:
    """A held meeting of this year; at the last one a grant is voted down (avslag) and an item tabled to today's meeting."""
    ar = mote.datum.year
    a_budget = services.arende_skapa(
        sammantrade=mote,
        aktor=aktor,
        rubrik=f"Delårsrapport {ar}",
        foredragande="Monica Widman Lundmark",
        text="Delårsrapporten visar ett utfall i nivå med budget.",
        forslag="godkänna delårsrapporten",
    )
    a_ansokan = services.arende_skapa(
        sammantrade=mote,
        aktor=aktor,
        rubrik="Ansökan om medel: Friskvård på recept",
        slag="bidrag",
        text="Region Västerbotten söker 240 000 kr för ett ettårigt projekt med fysisk aktivitet för deltagare i MISAM.",
        forslag="bevilja 240 000 kr till projektet Friskvård på recept",
    )
    del a_budget
    _narvaro(mote, aktor, chef)
    ledamoter = {
        n.person.namn: n.person_id for n in Narvaro.objects.filter(sammantrade=mote, kategori=Narvaro.Kategori.LEDAMOT).select_related("person")
    }
    roster = {pid: "nej" for pid in ledamoter.values()}
    roster[ledamoter["Bertil Almgren"]] = "ja"
    roster[ledamoter["Kenneth Andersson"]] = "ja"
    utfall: dict[str, dict[str, Any]] = (
        {}
        if not sista
        else {
            a_ansokan.rubrik: {
                "roster": roster,
                "yrkanden": [{"person": ledamoter["Mikael Broman"], "typ": "avslag", "text": "insatsen överlappar MISAM"}],
                "reservationer": {ledamoter["Bertil Almgren"]: "Projektet når deltagare som MISAM inte når."},
            },
        }
    )
    if sista:
        tabla = services.arende_skapa(
            sammantrade=mote,
            aktor=aktor,
            rubrik="Medfinansiering av ESF-projektet Vägen vidare",
            slag="bidrag",
            text="Norsjö kommun söker medfinansiering med 100 000 kr per år i två år.",
            forslag="bevilja medfinansiering enligt ansökan",
        )
        utfall[tabla.rubrik] = {
            "utfall": "bordlagt",
            "motivering": "ansökan ska först behandlas i beredningsgruppen",
            "yrkanden": [{"person": ledamoter["Mikael Lindfors"], "typ": "bordlaggning", "text": "ansökan ska först behandlas i beredningsgruppen"}],
        }
    _hall_arenden(mote, aktor, justerare="Kenneth Andersson", utfall=utfall)
    justerad = dt.datetime.combine(mote.datum + dt.timedelta(days=6), dt.time(14), tzinfo=TZ)
    _avsluta_och_justera(
        mote, aktor, justerad, plats="Kansliet, Hörnellgatan 17", uppsatt=mote.datum + dt.timedelta(days=7), nedtas=mote.datum + dt.timedelta(days=29)
    )


def _dagens_mote(mote: Sammantrade, aktor: Any) -> None:
    """Today's meeting with its papers: the agenda with real items, an attachment, the notice sent, the kallelse PDF."""
    ar = mote.datum.year
    budget = services.arende_skapa(
        sammantrade=mote,
        aktor=aktor,
        rubrik=f"Verksamhetsplan och budget {ar + 1}, plan {ar + 2}–{ar + 3}",
        slag="budget",
        foredragande="Monica Widman Lundmark",
        text=f"Förslag till verksamhetsplan och budget för {ar + 1} med plan för {ar + 2}–{ar + 3}. Medlemmarnas bidrag är oförändrade.",
        forslag=f"fastställa verksamhetsplan och budget för {ar + 1}\nnotera planen för {ar + 2}–{ar + 3}",
    )
    services.bilaga_ladda_upp(
        arende=budget,
        aktor=aktor,
        fil=_pdf(f"Verksamhetsplan och budget {ar + 1}", mote.forbund, ar + 1, budget.forslag),
        titel=f"Verksamhetsplan och budget {ar + 1}",
    )
    services.arende_skapa(
        sammantrade=mote,
        aktor=aktor,
        rubrik="Styrelseutbildning",
        foredragande="Monica Widman Lundmark",
        text="Förbundschefen har tagit fram ett förslag på en halvdags utbildning om styrelsens arbetsgivaransvar.",
        forslag="uppdra till förbundschefen att genomföra utbildningen och återkomma med en utvärdering till nästa möte",
    )
    Sammantrade.objects.filter(pk=mote.pk).update(
        status=Sammantrade.Status.KALLAT, kallelse_skickad=timezone.now() - dt.timedelta(days=8), kalender_skickad_sekvens=0
    )
    dok.kallelse_bestall(sammantrade=mote, aktor=aktor)
