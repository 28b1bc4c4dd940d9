# ruff: noqa: E501  (the demo texts are paragraphs of the seeds, one line each)
"""Demo verksamhetsplaner as the förbund writes them: Skellefteå-Norsjö 2022 and 2023 (seeds 001 and 000) and
Örnsköldsvik 2020 (seed 002), texts shortened but faithful. Each year starts from the standard template through the
service and its sections are written through the service. Idempotent: a year that has a plan is left as it is."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund
from insatser.models import Insats

from . import plan
from .models import Planavsnitt

SN_GEMENSAMT = {
    "lagstiftning": """Samordningsförbundens uppdrag bestäms av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Förbundets ändamål är att inom Skellefteå kommuns och Norsjö kommuns geografiska område svara för den finansiella samordningen mellan Försäkringskassan, Arbetsförmedlingen, Region Västerbotten och kommunerna.

Samverkan inom förbundet ska främst leda till att skapa gemensamma insatser för människor vars behov av samordnade rehabiliteringsinsatser gör att de behöver stöd från flera myndigheter samtidigt.""",
    "organisation": """Sf SN har en styrelse och beredningsgrupp där samtliga medlemmar är representerade. Styrelsen beslutar om vision, strategi, mål och riktlinjer samt hur medel som står till förfogande ska användas. Styrelsen består av fem ledamöter och fem ersättare.

Beredningsgruppen består av personer med chefsroller inom medlemsorganisationerna och ska bland annat:
- identifiera behov av samverkansinsatser och skapa förutsättningar för samarbete
- löpande följa statistik och ta del av uppföljningar och utvärderingar
- bereda ärenden till styrelsen.

Kansliet består av förbundschef och administratör. Administrativ och ekonomisk service tillhandahålls via ett serviceavtal med Skellefteå kommun.""",
    "malgrupper": """Övergripande målgrupp för förbundets insatser är individer i förvärvsaktiv ålder (16–64 år) med behov av samordnade, rehabiliterande insatser riktade mot arbete och egen försörjning.

Förbundet har två ordinarie insatser: **Myndigheter och individ i samarbete (MISAM)**, för personer som behöver kontakter med minst två myndigheter, och **NAFS Skellefteå-Norsjö**, myndighetssamverkan för individer med omfattande rehabiliteringsbehov där samtliga hälsocentraler och psykiatriska kliniken ingår i något av de fyra teamen.""",
    "arbetssatt": """För att kunna utveckla arbetet med finansiell samordning krävs medverkan i regionala och nationella sammanhang. Sf SN medverkar aktivt genom medlemskap i regionala och nationella nätverk för samordningsförbund.

En utvecklad samverkanskultur och helhetstänkande är viktiga förutsättningar för effektiv samverkan. Vid medlemssamråd och planeringsdagar prioriteras verksamhetsinriktningar gemensamt.""",
    "insatser": "Tyngdpunkten ska vara att i första hand stödja långsiktiga och ordinarie samverkansformer mellan myndigheterna, i andra hand projekt eller kortare insatser som möter identifierade behov och kan implementeras.",
    "finansiellt_mal": "Förbundet följer Skellefteå kommuns ekonomiadministrativa rutiner och tjänsteköpsavtalet uppdateras årligen. Eget kapital ska ligga inom Nationella rådets rekommendation.",
    "budget": "Budgeten bygger på medlemmarnas tilldelning och styrelsens beslut om insatser. Planåren räknar vidare med varje års budgeterade resultat.",
    "medlemsbidrag": "Försäkringskassan (inklusive Arbetsförmedlingen) står för 50 %, Region Västerbotten för 25 % och kommunerna för 25 %.",
}
SN_RISK = [
    ["Ekonomi", "Eget kapital över rekommendationen", "Medel", "Medel", "Budget med planerat underskott; uppföljning vid varje styrelsemöte"],
    ["Samverkan", "En part kan inte bemanna samlokaliserade insatser", "Medel", "Hög", "Överenskommelser reglerar varje myndighets delaktighet"],
    ["Resultat", "Insatserna når inte målen", "Låg", "Hög", "Delårs- och årsrapporter; dialog med styrelsen två gånger per år"],
]
SN_INTERNKONTROLL = [
    ["Attest och utbetalningar enligt attestordningen", "Förbundschef", "Två gånger per år", "Styrelsen"],
    ["Tjänsteköpsavtalet med Skellefteå kommun uppdaterat", "Förbundschef", "Årligen", "Styrelsen"],
    ["Insatsernas delårs- och årsrapporter inkomna", "Förbundschef", "Två gånger per år", "Styrelsen"],
]
SN_MISAM = {
    "mal_text": "90 % avslutas med ett för deltagaren positivt resultat; 70 % avslutas mot arbete, studier eller ordinarie insatser via Arbetsförmedlingen; 35 % genomströmning.",
    "uppfoljning": "Deltagarna följs i uppföljningssystemet; insatsen avger delårs- och årsrapport.",
    "ledning": "Ledningsgrupp med chefer för den samlokaliserade personalen.",
    "implementering": "MISAM är en ordinarie insats; överenskommelser reglerar varje myndighets delaktighet.",
}

PLANER: dict[int, dict[str, str]] = {
    2022: {
        **SN_GEMENSAMT,
        "inledning": """Styrelsen för Samordningsförbundet Skellefteå-Norsjö (Sf SN) vill med detta dokument tydliggöra samordningsförbundets arbete, syfte, mål och inriktning för verksamheten 2022 samt övergripande inriktning för kommande år. Strategi och verksamhetsplan ligger till grund för budget för samma tidsperiod.""",
        "prioriteringar": """Vid planeringsdagen 2021 gjorde styrelse och beredningsgrupp en gemensam risk- och väsentlighetsanalys. Den, tillsammans med analysgruppens rekommendationer, ligger till grund för följande prioriteringar:
- Fortsätta utveckla de samlokaliserade insatserna MISAM och NAFS
- Fortsatt fokus mot tidiga insatser för gymnasieskolan
- Utrikesfödda remitteras till insatser i nivå med deras andel av statistik över arbetslöshet
- Stärka samverkansinsatserna i Norsjö kommun""",
        "vision": "Samordningsförbundet Skellefteå Norsjö medverkar till att invånare får samordnade insatser, stöd och rehabilitering som bidrar till att öka deras möjligheter till självförsörjning.",
        "mal": "Målen följs upp i årsredovisningen. Delmålen med mått hämtas från målträdet.",
        "finansiering": "Samordningsförbunden finansieras med medel från medlemsorganisationerna: Försäkringskassan 50 % inklusive Arbetsförmedlingen, kommunerna 25 % och regionen 25 %.",
    },
    2023: {
        **SN_GEMENSAMT,
        "inledning": """Ett samhälle som väl tillvaratar sin arbetskraftsreserv är ett framgångsrikt samhälle.

Genom att Samordningsförbundets insatser syftar till att fler individer ska nå arbetsmarknaden har förbundet en viktig roll för den lokala och regionala kompetensförsörjningen, i tider av stora kompetensförsörjningsutmaningar kopplat till den gröna omställningen. Samordningsförbundet bidrar därmed också till social hållbarhet enligt Agenda 2030.

Styrelsen för Samordningsförbundet Skellefteå Norsjö (Sf SN) vill med detta dokument tydliggöra förbundets arbete, syfte, mål och inriktning för verksamheten 2023 samt övergripande inriktning för kommande år.""",
        "prioriteringar": """Vid planeringsdagen 2022 lyftes följande områden upp som inriktning för verksamheten 2023:
- Samverkan: utveckla samverkan inom medlemsorganisationerna och mellan samordningsförbunden i Västerbotten
- Analys: vidareutveckla det systematiska analysarbetet lokalt och regionalt
- Projekt: särskilda projektsatsningar inom de nya programmen i EU:s sammanhållningspolitik
- Kompetensutveckling: gemensamma insatser för anställda inom medlemsorganisationerna""",
        "vision": "Samordningsförbundet Skellefteå-Norsjö bidrar till kompetensförsörjningen genom att stå för finansiell samordning för invånare i behov av samordnat stöd, i syfte att dessa genom arbetsmarknadsinriktad rehabilitering når arbete eller studier.",
        "mal": "Målbilden för 2023: individer, samverkan, analys, spridning och påverkan samt god ekonomisk hushållning. NAFS mäts mot högst en månads väntetid och parterna mot minst 75 % närvaro.",
        "finansiering": "Den totala medelstilldelningen för Sf SN år 2023 uppgår till 5 776 tkr: Försäkringskassan 50 % inklusive Arbetsförmedlingen (staten), kommunerna 25 % och regionen 25 %.",
    },
}

OVIK_2020 = {
    "inledning": """Den 1 december 2004 bildade Försäkringskassan, Arbetsförmedlingen, Västernorrlands läns landsting och Örnsköldsviks kommun Samordningsförbundet i Örnsköldsvik. Förbundet har ansvaret för den finansiella samordningen av rehabiliteringsinsatser i Örnsköldsvik och leds av en styrelse med fyra ledamöter och fyra ersättare.

Samordningsförbundet i Örnsköldsvik – Tillsammans gör vi skillnad!""",
    "lagstiftning": "Utgångspunkten för förbundets verksamhet är lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och förbundsordningen, där förbundets ändamål och uppgifter redovisas. Förbundet ska varje år upprätta en plan för verksamhet och ekonomi för de nästföljande tre åren.",
    "organisation": "Styrelsen består av fyra ledamöter och fyra ersättare utsedda av respektive huvudman. Förbundschefen har ett uppdrag på heltid och är i vissa fall också processtöd. Alla insatser är förankrade i den lokala samverkansgruppen LSG.",
    "malgrupper": "Insatserna delas in i individstödjande och strukturstödjande insatser, med ett tydligt folkhälsoperspektiv. Minst två av förbundets parter ska vara involverade.",
    "prioriteringar": """Förbundsstyrelsen vill under 2020 särskilt prioritera:
- Ungas och nyanländas etablering i samhället
- Psykisk hälsa
- Samarbetet kring sjukskrivningsprocessen
- Våld i nära relationer
- Hitta formerna för analys och uppföljning med utgångspunkt i helårsekvivalenter""",
    "vision": "Tillsammans gör vi skillnad.",
    "mal": "Förbundsstyrelsen stimulerar till samverkanslösningar mellan förbundets medlemmar utifrån förbundets inriktningsmål. Uppföljning: antal och inriktning på beviljade insatser och upplevelsen av samverkansarbetet (indikatorer för Finsam).",
    "finansiering": "Förbundet får sammanlagt 30 000 kronor mindre i tilldelning 2020 än 2019, totalt 5 034 000 kronor. Prognosen pekar på ett eget kapital för 2019 på cirka 400 000 kronor, vilket ger en disponibel budget på drygt 5,4 miljoner kronor.",
    "arbetssatt": "Förbundsstyrelsen ska försäkra sig om att verksamheten är ändamålsenlig och effektiv, att den finansiella rapporteringen är tillförlitlig och att internkontrollen fungerar väl. Projekt och insatser registreras och följs upp i SUS.",
    "insatser": "För verksamhetsåret 2020 har medel beviljats till bland annat Plattform U, Vidare Vy, Projekt Äpplet, Samtalsbyrå för unga och processtöd inom psykisk hälsa.",
    "finansiellt_mal": "Verksamhetens omfattning ska stå i relation till de ekonomiska resurser förbundet har. För 2020 är målet att kostnaderna motsvarar intäkterna. Eget kapital ska enligt Nationella rådets rekommendation vara högst 20 % av den tilldelade budgeten.",
    "risk": "I risk- och väsentlighetsanalysen presenteras risker som kan uppstå inom verksamheten. Förbundet följer årligen upp den samtidigt med uppföljningen av internkontrollplanen.",
    "internkontroll": "Internkontrollplanen och risk- och väsentlighetsanalysen följs upp årligen av förbundsstyrelsen.",
    "budget": "För 2020 lägger förbundsstyrelsen en budget i balans men öppnar för att använda en del av det egna kapitalet om intressanta samverkansidéer läggs fram.",
    "medlemsbidrag": "Region Västernorrland och Örnsköldsviks kommun bidrar med 1 258,5 tkr vardera och Försäkringskassan/Arbetsförmedlingen med 2 517 tkr.",
}


def plan_skriv(forbund: Forbund, aktor: Any, ar: int, texter: dict[str, str], rader: dict[str, list[list[str]]]) -> None:
    if plan.plan_finns(forbund, ar):
        return
    plan.plan_starta(forbund=forbund, aktor=aktor, ar=ar)
    for a in Planavsnitt.objects.filter(forbund=forbund, ar=ar):
        falt: dict[str, Any] = {}
        if a.nyckel in texter:
            falt["text"] = texter[a.nyckel]
        if a.nyckel in rader:
            falt["rader"] = rader[a.nyckel]
        if falt:
            plan.planavsnitt_andra(forbund=forbund, aktor=aktor, avsnitt=a, **falt)


def seed(forbund: Forbund, aktor: Any) -> None:
    for ar, texter in PLANER.items():
        ny = not plan.plan_finns(forbund, ar)
        plan_skriv(forbund, aktor, ar, texter, {"risk": SN_RISK, "internkontroll": SN_INTERNKONTROLL})
        misam = Insats.objects.filter(forbund=forbund, kortnamn="MySam").first() or Insats.objects.filter(forbund=forbund).order_by("id").first()
        if ny and misam is not None:  # an intervention's own section, placed before the financial goal
            avsnitt = plan.planavsnitt_skapa(forbund=forbund, aktor=aktor, ar=ar, rubrik=misam.namn, slag="insats", insats=misam, **SN_MISAM)
            while avsnitt.ordning > 11:
                avsnitt = plan.planavsnitt_flytta(forbund=forbund, aktor=aktor, avsnitt=avsnitt, riktning="upp")
    ovik = Forbund.objects.filter(slug="ornskoldsvik").first()
    if ovik is not None:
        plan_skriv(ovik, aktor, 2020, OVIK_2020, {})
