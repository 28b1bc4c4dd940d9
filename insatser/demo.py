"""Demo data from the seeds: the 2019 interventions of Skellefteå-Norsjö (004b), MISAM from 2020 with the staffing
of its agreement (004c), and the SIKT 2.0 application prepared for the meeting of 2020-02-13 (004a, 004d).

Idempotent: an intervention whose kortnamn exists, or an application whose title exists, is left alone. Figures the
seeds hide ("NN") are not invented: the only grant seeded is the one the minutes state — MISAM 3 550 000 kr for 2020
(§ 75 of 2019-11-28, "att finansiera den nya samverkansinsatsen med 3 550 000kr"). SIKT 2.0's 50 000 kr a year is only
the proposal in the notice of 2020-02-13: a grant needs a § of a held meeting, so the application stays under
preparation until that meeting has been held (and is decided then, when the demo is re-run after it).
Where a seed gives no exact date, the first day of the month/year it names is used (noted per row below).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.models import Forbund, Medlem
from styrelse.models import Paragraf, Sammantrade

from . import services
from .models import Ansokan, Beviljande, Insats, Mal, Malnod
from .models.ansokan import HALLNA_SAMMANTRADEN

D = dt.date
ALLA = ("fk", "af", "region", "skelleftea", "norsjo")

# kortnamn, namn, typ, inriktning, owner (member code or outside body), parter, start, end, status, ages, target group, purpose, goals
INSATSER: list[dict[str, Any]] = [
    {
        "kortnamn": "AMT",
        "namn": "Arbetsmarknadstorget",
        "typ": "ordinarie",
        "inriktning": "individ",
        "agare": "skelleftea",
        "parter": ("fk", "af", "region", "skelleftea"),
        "start": D(2013, 9, 1),
        "slut": D(2019, 12, 31),
        "status": "avslutad",
        "malgrupp": "Unga vuxna som varken studerar eller arbetar och har komplexa stödbehov, ofta psykisk ohälsa och/eller "
        "funktionsnedsättning, ofullständiga studieresultat och ingen arbetslivserfarenhet.",
        "syfte": "Skapa en sammanhållen mötesplats, samordna insatser och tydliggöra åtaganden så att de fyra myndigheterna kan ta ett "
        "samlat helhetsansvar utifrån individens behov. Ingår från 2020 i MISAM.",
        "mal": [
            (
                "Erbjuda stöd till individer som behöver flera myndigheters insatser för att komma ut i arbete, studier eller praktik.",
                "Antal individer som fått stöd jämfört med föregående år",
                {
                    2019: (
                        "uppfyllt",
                        "Trots perioder av underbemanning har Arbetsmarknadstorget erbjudit stöd till fler individer än "
                        "föregående år. Målet får därmed anses vara uppfyllt.",
                    )
                },
            )
        ],
    },
    {
        "kortnamn": "MySam",
        "namn": "MySam – Myndighetssamverkan",
        "typ": "ordinarie",
        "inriktning": "individ",
        "agare": "skelleftea",
        "parter": ALLA,
        "start": D(2019, 1, 1),
        "slut": D(2019, 12, 31),
        "status": "avslutad",  # start before 2019 not in the seeds
        "malgrupp": "1) Sjukskrivna personer med SGI 0. 2) Personer med långvarigt försörjningsstöd och behov av stöd från flera myndigheter.",
        "syfte": "Ge tillgång till rehabilitering och insatser som kan ge arbets- eller aktivitetsförmåga och ökad livskvalitet. "
        "Drivs av Skellefteå kommun/socialtjänsten. Ingår från 2020 i MISAM.",
        "mal": [
            (
                "Sjukskrivna med SGI 0 ska få tillgång till rehabilitering och insatser som kan medföra arbets- eller aktivitetsförmåga "
                "samt ökad livskvalitet.",
                "",
                {},
            ),
            (
                "Personer med långvarigt försörjningsstöd ska uppleva en förbättrad livskvalitet och ha närmat sig egen försörjning.",
                "Deltagarnas egen beskrivning (indikatorenkät)",
                {},
            ),
        ],
    },
    {
        "kortnamn": "NAFS",
        "namn": "NAFS Skellefteå-Norsjö",
        "typ": "ordinarie",
        "inriktning": "individ",
        "agare": "De fyra medlemsorganisationerna gemensamt",
        "parter": ALLA,
        "start": D(2019, 1, 1),
        "slut": D(2019, 12, 31),
        "status": "avslutad",
        "malgrupp": "Individer i behov av samordnat stöd från fler än två myndigheter.",
        "syfte": "Bred kartläggning och myndighetsgemensamt samråd i NAFS-team vid hälsocentraler och psykiatriska kliniken för att "
        "föreslå individen nästa steg och möjliggöra en samordnad rehabiliteringsprocess. Ingår från 2020 i MISAM.",
        "mal": [
            ("Tillgång till bred bedömning och multidisciplinära team för individer i behov av samordnat stöd.", "", {}),
            ("Samordnade hållbara handlingsplaner för rehabilitering.", "", {}),
            ("Effektiverade rehabiliteringsprocesser.", "", {}),
            ("Minskad tid i sjukskrivning och underlättad återgång i arbete.", "", {}),
        ],
    },
    {
        "kortnamn": "Framsteg",
        "namn": "Framsteg Norsjömodellen",
        "typ": "finsam_projekt",
        "inriktning": "individ",
        "agare": "norsjo",
        "parter": ("af", "norsjo"),
        "start": D(2019, 1, 1),
        "slut": None,
        "status": "pagaende",
        "malgrupp": "Nyanlända/utrikes födda i arbetsför ålder som har svårt att etablera sig på arbetsmarknaden och riskerar långvarigt "
        "utanförskap; kvinnor prioriteras.",
        "syfte": "Förbereda deltagarna inför arbetslivet med förberedande arbetsmarknadskunskap så att insatserna leder till riktiga jobb.",
        "mal": [("Deltagarna ska förberedas för arbetslivet och insatserna leda till anställning.", "Andel avslut till arbete", {})],
    },
    {
        "kortnamn": "ProAktiv",
        "namn": "ProAktiv",
        "typ": "esf_projekt",
        "inriktning": "individ",
        "agare": "Urkraft",
        "parter": ("fk", "skelleftea"),
        "start": D(2019, 1, 1),
        "slut": None,
        "status": "pagaende",
        "alder": (16, 29),
        "malgrupp": "Unga arbetslösa, med eller utan funktionsnedsättning, och unga som har eller har förlorat aktivitetsersättning.",
        "syfte": "Utveckla förrehabiliterande insatser så att deltagarna kommer i arbete, utbildning, arbetsmarknadsprogram eller "
        "utvecklar arbetsförmåga. Genomförandefas sedan 1 september 2019.",
        "mal": [("Deltagarna ska komma i arbete, utbildning, arbetsmarknadsprogram eller utveckla arbetsförmåga.", "", {})],
    },
    {
        "kortnamn": "Nästa steg",
        "namn": "Nästa steg",
        "typ": "esf_projekt",
        "inriktning": "individ",
        "agare": "skelleftea",
        "parter": ("fk", "af", "region", "skelleftea"),
        "start": D(2018, 1, 1),
        "slut": None,
        "status": "pagaende",
        "malgrupp": "Unga som är arbetslösa eller riskerar att avbryta studierna i förtid.",
        "syfte": "Underlätta inträdet på arbetsmarknaden med metoden Supported Employment. Drivs av Skellefteå kommun/IFO/Solkraft.",
        "mal": [("Underlätta inträdet på arbetsmarknaden för målgruppen med Supported Employment.", "Avslut till arbete eller studier", {})],
    },
    {
        "kortnamn": "Vägen Vidare",
        "namn": "Vägen Vidare",
        "typ": "esf_projekt",
        "inriktning": "individ",
        "agare": "Medlefors folkhögskola",
        "parter": ("af", "skelleftea", "norsjo"),
        "start": D(2018, 4, 1),
        "slut": None,
        "status": "pagaende",
        "malgrupp": "Långtidsarbetslösa med sammansatt problematik, i två spår: med eller utan behov av språkstöd.",
        "syfte": "Ett högre arbetskraftsdeltagande i Skellefteå och Norsjö genom metodutveckling och individinsatser med fokus på "
        "långsiktiga resultat.",
        "mal": [("Stärka personer med särskilt svag anknytning till arbetsmarknaden mot arbete eller studier.", "", {})],
    },
    {
        "kortnamn": "Påfart",
        "namn": "Praktiksteget/Påfart – individuellt alternativ i Norsjö",
        "typ": "finsam_projekt",
        "inriktning": "individ",
        "agare": "norsjo",
        "parter": ("af", "norsjo"),
        "start": D(2016, 8, 1),
        "slut": D(2019, 6, 30),
        "status": "avslutad",  # three-year project ended in June 2019; the seed hides the day numbers
        "malgrupp": "Elever som avbrutit gymnasiestudier på annan ort och unga som inte sökt till gymnasiet.",
        "syfte": "Gymnasiestudier inom individuellt alternativ med praktik, möjlighet att läsa upp grundskolebetyg, motverka långa "
        "studieuppehåll och skapa rutiner.",
        "mal": [("Deltagarna ska gå vidare till arbete eller studier.", "Andel avslut till arbete/studier", {})],
    },
    {
        "kortnamn": "PHA",
        "namn": "Psykisk hälsa Arbetsliv",
        "typ": "esf_projekt",
        "inriktning": "struktur",
        "agare": "skelleftea",
        "parter": ("skelleftea", "norsjo"),
        "start": D(2018, 1, 1),
        "slut": D(2020, 3, 31),
        "status": "avslutad",
        "malgrupp": "Chefer, HR-specialister och ekonomer vid socialkontoren i Skellefteå, Norsjö och Arjeplog.",
        "syfte": "Kompetensutveckling om psykisk hälsa för minskad ohälsa och minskat inflöde till sjukskrivning på utsatta, "
        "kvinnodominerade arbetsplatser.",
        "mal": [("Ökad kunskap om psykisk ohälsa hos personal med arbetsgivaransvar, för minskad ohälsa på arbetsplatserna.", "", {})],
    },
    {
        "kortnamn": "MISAM",
        "namn": "Myndigheter och individ i samarbete",
        "typ": "ordinarie",
        "inriktning": "individ",
        "agare": "skelleftea",
        "parter": ALLA,
        "start": D(2020, 1, 1),
        "slut": None,
        "status": "pagaende",
        "alder": (16, 64),
        "malgrupp": "16–64 år med behov av kontakter med minst två myndigheter, där behoven bara kan tillgodoses i nära samverkan. "
        "Personer med SGI 0 är särskilt viktiga att uppmärksamma.",
        "syfte": "Tillgängliggöra och samordna samhällets resurser genom personligt stöd, en neutral mötesplats och samlad kompetens "
        "från de olika aktörerna. En sammanslagning av Arbetsmarknadstorget, MySam och NAFS.",
        "styrgrupp": "Ledningsgrupp: chefer med personalansvar för samlokaliserad personal från respektive myndighet, förbundschefen "
        "och regionalt samverkansansvarig från Försäkringskassan. Ordförandeposten roterar årligen.",
        "mal": [
            ("Alla deltagare som har arbetsförmåga ska närma sig arbetslivet/egen försörjning.", "Avslut till arbete/studier", {}),
            ("Individer i behov av samordnat stöd ska få tillgång till samlad planering och samordnade insatser av multidisciplinära team.", "", {}),
            ("Deltagarna ska uppleva nytta av verksamheten.", "Indikatorenkäten (NNS)", {}),
        ],
    },
]

# MISAM's co-located staffing (004c, "Samlokaliserad bemanning" and "Samordningsförbundet finansierar").
MISAM_BEMANNING = [
    ("af", "Arbetsförmedlare (MISAM)", "0.40", True, "forbundet"),
    ("af", "Arbetsförmedlare (NAFS)", "0.30", True, "forbundet"),
    ("skelleftea", "Handläggare AME", "1.30", True, "medlemmen"),
    ("skelleftea", "Studie- och yrkesvägledare Vux", "0.50", True, "medlemmen"),
    ("skelleftea", "Handläggare IFO/Solkraft", "2.00", True, "forbundet"),
    ("skelleftea", "Handläggare IFO/Solkraft", "1.50", True, "medlemmen"),
    ("skelleftea", "Handläggare IFO/Solkraft (NAFS)", "0.80", True, "medlemmen"),
    ("skelleftea", "Utvecklingsledare", "1.00", True, "forbundet"),
    ("region", "Koordinator", "0.56", True, "forbundet"),
    ("region", "Distriktssköterska (utöver budget)", "0.20", True, "forbundet"),
    ("region", "Övrig personal Region Västerbotten", "0.44", True, "medlemmen"),
    ("fk", "Handläggare (ej samlokaliserad)", "0.20", False, "forbundet"),
    ("fk", "Handläggare, egen insats (ej samlokaliserad)", "0.10", False, "medlemmen"),
]

SIKT = {
    "titel": "SIKT 2.0",
    "insats_typ": "esf_projekt",
    "inriktning": "individ",
    "startdatum": D(2020, 8, 31),
    "slutdatum": D(2023, 2, 28),
    "inkom": D(2020, 2, 3),  # arrival day not in the seed; before the notice
    "projektagare_extern": "",
    "kontaktperson": "Beatriz Axelsson, Norsjö kommun",
    "samverkanspartners": "Kommunerna i Region 10 (Dorotea, Åsele, Sorsele, Storuman, Vilhelmina, Lycksele, Malå, Norsjö, Arvidsjaur, "
    "Arjeplog), Arbetsförmedlingen, Samordningsförbunden Södra Lappland och Skellefteå-Norsjö, civilsamhället.",
    "bakgrund": "Ansökan avser medfinansiering till ESF-utlysning 2019/000598: Kompetensförsörjning i Övre Norrland PO2. Region "
    "Västerbotten söker tillsammans med kommunerna i Region 10 och Arbetsförmedlingen ESF-medel för ett samverkansprojekt "
    "som vidareutvecklar erfarenheterna från ESF-projektet SIKT.",
    "syfte": "Att kvinnor och män i målgruppen i ökad utsträckning ska komma i arbete, utbildning eller närma sig arbetsmarknaden, "
    "och att arbetsgivare får möjlighet att delta för att öka sina rekryteringsmöjligheter.",
    "forvantade_resultat": "Fler kvinnor och män i arbete eller studier, vilket bidrar till kompetensförsörjning och stärkt tillväxt "
    "lokalt och regionalt. Lokala jobbspår i varje kommun utifrån DUA-överenskommelserna.",
    "malgrupp": "Kvinnor och män bosatta inom Region 10 som står utanför arbetsmarknaden: unga 15–24 år, nyanlända, långtidsarbetslösa, "
    "personer med funktionsnedsättning som medför nedsatt arbetsförmåga, personer som är eller har varit sjukskrivna.",
    "total_kostnad": Decimal(33_000_000),
    "underskrifter": "Ansvarig Arbetsförmedlingen: Anders Eriksson\nAnsvarig kommun (Norsjö): Beatriz Axelsson\n"
    "Ansvarig Region Västerbotten: Joel Hedlund",
}
SIKT_SOKT = {2021: 50_000, 2022: 50_000}  # "motsvarande 50 000 kr per år i två år" (004a, item 9)
# Co-financing from the seed's budget (project totals; the seed gives no split per year, so they are placed in 2021).
SIKT_MEDFINANSIERING = [
    {"finansiar": "Arbetsförmedlingen", "form": "annat", "ar": 2021, "belopp": 1_414_748},
    {"finansiar": "Norsjö kommun", "form": "annat", "ar": 2021, "belopp": 964_764},
]


def _medlem(forbund: Forbund, kod: str) -> Medlem:
    return Medlem.objects.get(forbund=forbund, kod=kod)


# The meetings the seeds name, in the state the styrelse demo gives them: 2019-11-28 held with checked minutes,
# 2020-02-13 called (the notice is the seed).
MOTESSTATUS = {D(2019, 11, 28): Sammantrade.Status.JUSTERAT, D(2020, 2, 13): Sammantrade.Status.KALLAT}


def _paragraf(forbund: Forbund, ar: int, nummer: int, datum: dt.date, rubrik: str, text: str, beslut: str) -> Paragraf:
    """The board paragraph, from the styrelse demo when it exists; otherwise created here (looked up by förbund, year, number)."""
    befintlig = Paragraf.objects.filter(forbund=forbund, ar=ar, nummer=nummer).first()
    if befintlig is not None:
        return befintlig
    mote = Sammantrade.objects.filter(forbund=forbund, datum=datum).order_by("pk").first()
    if mote is None:
        mote = Sammantrade.objects.create(
            forbund=forbund, datum=datum, plats="Skellefteå, Hörnellgatan 17, vån 3", status=MOTESSTATUS.get(datum, Sammantrade.Status.PLANERAT)
        )
    p = Paragraf(forbund=forbund, sammantrade=mote, ar=ar, nummer=nummer, rubrik=rubrik, text=text)
    if hasattr(p, "beslut"):
        p.beslut = beslut
    p.save()
    return p


def seed_insatser(forbund: Forbund, aktor: Any) -> dict[str, Insats]:
    befintliga = {i.kortnamn: i for i in Insats.objects.filter(forbund=forbund)}
    for rad in INSATSER:
        if rad["kortnamn"] in befintliga:
            continue
        agare = rad["agare"]
        agare_medlem = Medlem.objects.filter(forbund=forbund, kod=agare).first()
        alder = rad.get("alder", (None, None))
        insats = services.insats_create(
            forbund=forbund,
            aktor=aktor,
            parter=[_medlem(forbund, k) for k in rad["parter"]],
            kortnamn=rad["kortnamn"],
            namn=rad["namn"],
            typ=rad["typ"],
            inriktning=rad["inriktning"],
            startdatum=rad["start"],
            slutdatum=rad["slut"],
            agare_medlem=agare_medlem,
            agare_extern="" if agare_medlem else agare,
            malgrupp=rad["malgrupp"],
            syfte=rad["syfte"],
            alder_fran=alder[0],
            alder_till=alder[1],
            styrgrupp=rad.get("styrgrupp", ""),
        )
        if rad["status"] != Insats.Status.PLANERAD:  # the historical state from the seeds, not a transition made today
            Insats.objects.filter(pk=insats.pk).update(status=rad["status"])
            handelse_logga(
                aktor=aktor,
                forbund=forbund,
                handling="insats_status_andra",
                objekt=insats,
                andringar={"status": [Insats.Status.PLANERAD.value, rad["status"]]},
                detaljer={"kalla": "demodata"},
            )
        for ordning, (text, matbart, bedomningar) in enumerate(rad["mal"], start=1):
            mal = services.mal_create(insats=insats, aktor=aktor, text=text, matbart=matbart, ordning=ordning)
            for ar, (bedomning, kommentar) in bedomningar.items():
                services.malbedomning_spara(mal=Mal.objects.get(pk=mal.pk), aktor=aktor, ar=ar, bedomning=bedomning, kommentar=kommentar)
        befintliga[insats.kortnamn] = insats
    misam = befintliga["MISAM"]
    if not misam.bemanning.exists():
        for kod, funktion, arsarbetare, samlokaliserad, betalas_av in MISAM_BEMANNING:
            services.bemanning_create(
                insats=misam,
                aktor=aktor,
                medlem=_medlem(forbund, kod),
                funktion=funktion,
                arsarbetare=Decimal(arsarbetare),
                samlokaliserad=samlokaliserad,
                betalas_av=betalas_av,
            )
    if not misam.rapporter.exists():
        ar = timezone.localdate().year
        services.rapport_create(insats=misam, aktor=aktor, typ="arsrapport", ar=ar - 1)
        services.rapport_create(insats=misam, aktor=aktor, typ="delarsrapport", ar=ar)
    return befintliga


def seed_sikt(forbund: Forbund, aktor: Any) -> Ansokan:
    ansokan = Ansokan.objects.filter(forbund=forbund, titel=SIKT["titel"]).first()
    if ansokan is None:
        ansokan = _sikt_bered(forbund, aktor)
    if ansokan.kan_beslutas:
        _sikt_besluta(forbund, aktor, ansokan)
    return ansokan


def _sikt_bered(forbund: Forbund, aktor: Any) -> Ansokan:
    ansokan = services.ansokan_create(
        forbund=forbund,
        aktor=aktor,
        sokande=[_medlem(forbund, k) for k in ("af", "region", "norsjo")],
        belopp=SIKT_SOKT,
        ansvarig_medlem=_medlem(forbund, "region"),
        **SIKT,
    )
    services.medfinansiering_spara(ansokan=ansokan, aktor=aktor, rader=SIKT_MEDFINANSIERING)
    ansokan = services.ansokan_till_beredning(
        ansokan=ansokan,
        aktor=aktor,
        yttrande="Region Västerbotten lämnar in en ansökan till ESF om en utvidgning av tidigare genomfört projekt. Projektet söker "
        "medfinansiering från Samordningsförbundet Skellefteå-Norsjö motsvarande 50 000 kr per år i två år. Ärendet föredras "
        "av Beatriz Axelsson, Norsjö kommun. Förslag: att bevilja medfinansiering enligt ansökan.",
    )
    return ansokan


def _sikt_besluta(forbund: Forbund, aktor: Any, ansokan: Ansokan) -> None:
    """The board's decision as proposed (§ 9 of 2020-02-13) — only once that meeting has been held."""
    mote = Sammantrade.objects.filter(forbund=forbund, datum=D(2020, 2, 13)).order_by("pk").first()
    if mote is None or mote.status not in HALLNA_SAMMANTRADEN:
        return
    paragraf = _paragraf(
        forbund,
        2020,
        9,
        D(2020, 2, 13),
        "Projektansökan SIKT 2.0",
        "Region Västerbotten kommer att lämna in en ansökan till Europeiska socialfonden (ESF) om en utvidgning av "
        "tidigare genomfört projekt. Projektet söker medfinansiering från Samordningsförbundet Skellefteå-Norsjö "
        "motsvarande 50 000 kr per år i två år.",
        "att bevilja medfinansiering enligt ansökan, se bilaga 9.",
    )
    services.ansokan_besluta(
        ansokan=ansokan, aktor=aktor, paragraf=paragraf, beslut=Ansokan.Beslut.BEVILJAD, belopp=SIKT_SOKT, ny_insats={"kortnamn": "SIKT 2.0"}
    )


def seed_misam_2020(forbund: Forbund, aktor: Any, misam: Insats) -> None:
    paragraf = _paragraf(
        forbund,
        2019,
        75,
        D(2019, 11, 28),
        "Ny inriktning och organisation av nuvarande Arbetsmarknadstorget (bilaga 2)",
        "I den nya samverkansplattformen sammanförs nuvarande Arbetsmarknadstorget samt MySam och NAFS.",
        "att godkänna ny inriktning för Arbetsmarknadstorget där de nuvarande tre insatserna Arbetsmarknadstorget, MySam och NAFS ingår\n"
        "att finansiera den nya samverkansinsatsen med 3 550 000kr enligt förslag",
    )
    if not Beviljande.objects.filter(insats=misam, paragraf=paragraf, ar=2020).exists():
        services.beviljande_create(forbund=forbund, aktor=aktor, insats=misam, paragraf=paragraf, ar=2020, belopp=3_550_000)


# The goal table of the 2023 plan (seed 000, "Målbild"): the vision, two of its goals and their delmål. Measurable
# delmål are bound to the data the product holds; the others are judged in words. No outcome is invented.
MALTRAD_2023: dict[str, Any] = {
    "vision": "Samordningsförbundet Skellefteå-Norsjö bidrar till kompetensförsörjningen genom att stå för finansiell samordning "
    "för invånare i behov av samordnat stöd, i syfte att dessa genom arbetsmarknadsinriktad rehabilitering når arbete "
    "eller studier.",
    "mal": [
        (
            "Individer: Insatserna leder till arbete, studier eller för deltagaren positiva lösningar",
            [
                {
                    "text": "Insatserna ska leda till en progression som för deltagarna närmare arbete och/eller studier",
                    "ansvarig": "Förbundschef",
                    "matt": "indikator",
                    "malvarde": Decimal(10),
                    "jamforelse": "minst",
                    "kriterium": "",
                },  # "progression enligt SKAPA-verktyget på minst 10 %", entered per year
                {
                    "text": "Deltagarna ska avslutas med huvudsaklig inriktning mot arbete eller studier (70 % avslutas mot arbete eller studier)",
                    "ansvarig": "MISAM",
                    "matt": "arbete_studier",
                    "malvarde": Decimal(70),
                    "jamforelse": "minst",
                    "insats": "MISAM",
                    "kriterium": "",
                },
                {
                    "text": "Så många som möjligt med behov kan ta del av samordnade insatser (MISAM: 35 % genomströmning, antal årliga "
                    "avslut/sammanlagt antal deltagare under året)",
                    "ansvarig": "MISAM/NAFS",
                    "matt": "genomstromning",
                    "malvarde": Decimal(35),
                    "jamforelse": "minst",
                    "insats": "MISAM",
                    "kriterium": "",
                },
            ],
        ),
        (
            "Samverkan: En tydlig och väl fungerande flerpartssamverkan",
            [
                {
                    "text": "Arbetet kännetecknas av ett engagemang från samtliga parter",
                    "ansvarig": "Förbundschef",
                    "kriterium": "Varje part är representerad vid minst 75 % av samtliga partsgemensamma möten",
                },
            ],
        ),
        (
            "God ekonomisk hushållning",
            [
                {
                    "text": "Förbundet följer Skellefteå kommuns ekonomiadministrativa rutiner",
                    "ansvarig": "Förbundschef",
                    "kriterium": "Rutinerna följs; tjänsteköpsavtalet uppdateras årligen",
                },
            ],
        ),
    ],
}


def seed_maltrad(forbund: Forbund, aktor: Any, insatser: dict[str, Insats]) -> None:
    if Malnod.objects.filter(forbund=forbund).exists():
        return
    vision = services.malnod_skapa(forbund=forbund, aktor=aktor, niva="vision", text=MALTRAD_2023["vision"], ar_fran=2023, ar_till=2023)
    for i, (text, delmal) in enumerate(MALTRAD_2023["mal"], start=1):
        mal = services.malnod_skapa(
            forbund=forbund, aktor=aktor, niva="overgripande", forelder=vision, text=text, ar_fran=2023, ar_till=2023, ordning=i, ansvarig="Styrelsen"
        )
        for j, d in enumerate(delmal, start=1):
            data = {**d, "insats": insatser[d["insats"]] if d.get("insats") else None}
            services.malnod_skapa(forbund=forbund, aktor=aktor, niva="delmal", forelder=mal, ar_fran=2023, ar_till=2023, ordning=j, **data)


# The board's grants for 2019 in the budget decision of 2018-11-29; the budget 2019's intervention lines are these amounts
# (ekonomi's demo reads them), so appendix, budget and driftsredovisning show the same grants.
BEVILJAT_2019 = {"AMT": 1_900_000, "MySam": 1_000_000, "NAFS": 1_400_000}


def seed_beviljat_2019(forbund: Forbund, aktor: Any, insatser: dict[str, Insats]) -> None:
    paragraf = _paragraf(
        forbund,
        2018,
        85,
        D(2018, 11, 29),
        "Verksamhetsplan och budget 2019, plan 2020–2021",
        "Förslag till verksamhetsplan och budget 2019 med plan 2020–2021.",
        "att fastställa verksamhetsplan och budget 2019\n"
        + "\n".join(f"att bevilja {k} {v:,} kr för 2019".replace(",", " ") for k, v in BEVILJAT_2019.items()),
    )
    Sammantrade.objects.filter(pk=paragraf.sammantrade_id, status=Sammantrade.Status.PLANERAT).update(status=Sammantrade.Status.JUSTERAT)
    paragraf.sammantrade.refresh_from_db()
    for kortnamn, belopp in BEVILJAT_2019.items():
        insats = insatser.get(kortnamn)
        if insats is not None and not Beviljande.objects.filter(insats=insats, paragraf=paragraf, ar=2019).exists():
            services.beviljande_create(forbund=forbund, aktor=aktor, insats=insats, paragraf=paragraf, ar=2019, belopp=belopp)


def seed(forbund: Forbund, aktor: Any = "seed_demo") -> None:
    insatser = seed_insatser(forbund, aktor)
    seed_beviljat_2019(forbund, aktor, insatser)
    seed_misam_2020(forbund, aktor, insatser["MISAM"])
    seed_sikt(forbund, aktor)
    seed_maltrad(forbund, aktor, insatser)
