# ruff: noqa: E501 - the texts are prose from the seed documents, one paragraph per line
"""Demo data for the reports: the texts of the 2019 annual report (seed 004b), the goal tables of 2019 and
2020, and the texts of the 2020 business plan (seeds 001/002). Every figure in the documents comes from the
other apps' data; the texts below carry no numbers of their own. Idempotent: existing texts and goals are kept.
"""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund
from insatser.models import Insats

from . import demo_mal, demo_plan
from .models import Forbundsmal, Rapporttext

AR = 2019
VP_AR = 2020

ARSREDOVISNING_2019: dict[str, str] = {
    "ordforande": """Under 2019 har arbetet med långsiktigt hållbar myndighetssamverkan fortsatt. En extra planeringsdag genomfördes i maj, bland annat med anledning av de förändringar som aviserades inom Arbetsförmedlingen. Där beslutades om en utredning angående möjligheten att sammanfoga våra två verksamheter Arbetsmarknadstorget och MySam till en sammanhållen organisation. Arbetet med indikatorer för uppföljning av insatser har genomförts och vi kan konstatera att resultatet för flera indikatorer är högre än förra året.

Arbetet kring ekonomin har fortsatt att vara inriktat på att förbundet ska följa de ekonomiska styrprinciper som finns nationellt.

Kvalitetsarbetet har fokuserat på verksamheternas och projektens egna utvärderingar, SUS (Sektorsövergripande system för uppföljning av samverkan och finansiell samordning inom rehabiliteringsområdet) samt vårt medlemskap i Nationella nätverket för samordningsförbund, NNS.

Som nämnts har samverkansstrukturen varit under utredning och styrelsen beslutade i slutet av året att inrätta en gemensam samverkan där den tidigare åldersindelningen tas bort. Det innebär att de målgrupper som kommer till oss och våra myndigheter kommer att få en bättre service, och ambitionen är också högre kvalitet på insatserna.

Den samverkan som sker genom regionens hälsocentraler har också utvecklats under året och lagt en grund för fortsatt samverkan där alla hälsocentraler i Norsjö och Skellefteå kommuner ingår, bland annat genom att distansmöten kommer att testas under 2020.

Regeringen gav under året för första gången ett uppdrag till fem myndigheter och Nationella nätverket för samordningsförbund kring ett projekt att upptäcka och erbjuda stöd till personer som är våldsutsatta. Vi ingår i en pilotgrupp vars syfte är att utveckla arbetssätt för att upptäcka och stödja personer som är våldsutsatta.

Under året har vår förbundschef aviserat att sluta sin anställning, vilket inneburit en rekrytering av ny förbundschef. Det har i sin tur gjort att förbundet är arbetsgivare och medlem i arbetsgivarorganisationen Sobona.

År 2020 blir inte bara starten på ett nytt decennium, utan också ett händelserikt årtionde kring samverkansfrågor. Utmaningarna är många, inte minst skevheten mellan de personer som kommer i egen försörjning och dem som behöver olika former av stöd för att komma dit. Samordningsförbunden har en roll att fylla i det sammanhanget.

Avslutningsvis vill jag tacka styrelse, samverkansgrupper och samverkansparter för ett gott arbete under 2019. Jag vill också tacka personalen för ett gott arbete, inte minst förbundschefen Maria Lindgren-Tuoma, och önska henne lycka till i sitt nya arbete samt hälsa den tillträdande förbundschefen Monica Widman Lundmark välkommen till ett spännande och utmanande arbete.""",
    "sammanfattning": """Samordningsförbundet Skellefteå-Norsjö bedriver inte egna insatser eller projekt men medfinansierar långsiktig och integrerad myndighetssamverkan. Förbundets budget innehöll ett planerat underskott som skulle tas ur förbundets egna kapital.

Samordnat stöd och rehabilitering har nått deltagare i de individinriktade insatserna Arbetsmarknadstorget, MySam, Framsteg Norsjömodellen, Praktiksteget/Påfart, ProAktiv, Nästa steg och Vägen Vidare. Därtill kommer strukturpåverkande insatser för utbildning och bred kartläggning: ESF-projektet **Psykisk hälsa Arbetsliv** och **NAFS Skellefteå-Norsjö**.

Myndighetsgemensam, behovsanpassad kompetensutveckling har finansierats av förbundet:
- NAFS seminariedag i mars
- Konferensen Hjärnhälsa i september om hjärnstress, utmattning och psykisk ohälsa
- Basutbildning om våld i nära relationer i september
- Uppstartskonferens för Våld i nära relation i oktober
- Föreläsningen Finsam och Tjänstedesign på planeringsdagen i oktober""",
    "organisation": """Samordningsförbundet är en fristående juridisk organisation med Arbetsförmedlingen, Försäkringskassan, region samt kommuner som medlemmar.

Förbundets organisation består av en styrelse som utses av medlemmarna. Till sin hjälp har den ett kansli.""",
    "historik": """Förbundet bildades som Samordningsförbundet Skellefteå. När Norsjö kommun blev medlem bytte förbundet namn till Samordningsförbundet Skellefteå-Norsjö.""",
    "lagrum": """Samordningsförbundet verkar utifrån lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och förbundsordningen som beslutats av samordningsförbundets medlemmar. Lagens syfte är att ge lokala aktörer möjligheter att utveckla samverkan inom rehabiliteringsområdet och samordna gemensamma insatser riktade till personer i behov av samordnad rehabilitering samt underlätta en effektiv resursanvändning.

Samordningsförbundet följer även lagen (2018:597) om kommunal bokföring och redovisning och kommunallagen (2017:725) i tillämpliga delar.""",
    "uppdrag": """De verksamheter som förbundet finansierar kompletterar myndigheternas ordinarie verksamhet. Samordningsförbundets uppgift är i första hand att verka för att medborgare ska få stöd och rehabilitering till egen försörjning. På individnivå verkar samordningsförbundet genom att finansiera insatser som bedrivs av de samverkande parterna.

Samordningsförbundet stödjer också aktivt insatser som syftar till att skapa strukturella förutsättningar för att myndigheterna ska kunna samarbeta bättre. Det kan till exempel handla om kompetensutveckling och kunskapsutbyte.""",
    "vision": """Samordningsförbundet Skellefteå-Norsjö har de senaste åren flyttat tyngdpunkten från finansiering av projekt till att stödja och främja långsiktiga ordinarie samverkansformer mellan myndigheterna. Arbetsmarknadstorget utgör bas för samverkan kring unga och i MySam organiseras myndighetssamverkan kring vuxna sjukskrivna som saknar sjukpenning.

**Vision:** Människor i Skellefteå och Norsjö i behov av samordnade insatser ska få det stöd som behövs för att tiden i utanförskap ska minimeras.""",
    "malgrupper": """Övergripande målgrupp för förbundets insatser är individer i förvärvsaktiv ålder med behov av samordnade insatser riktade mot arbete och egen försörjning. Ur den stora målgruppen har under 2019 följande grupper haft främsta fokus och prioritet:
- Unga som riskerar att hamna i långvarigt utanförskap
- Sjukskrivna personer som saknar sjukpenning och har nedsatt arbetsförmåga (SGIO)
- Personer med fysisk och psykisk ohälsa

Samordningsförbundet ska utifrån ovanstående grupper verka för att främja samverkan mellan myndigheternas ordinarie insatser och komplettera med insatser som saknas. Tidiga samordnade insatser ska prioriteras.""",
    "strukturinsatser": """Mötesplatser, utbildningar och kompetensinsatser, process- och metodstöd, kartläggningar och behovsanalyser har under året stött samverkan mellan myndigheterna. NAFS-teamen vid hälsocentralerna och psykiatriska kliniken har gjort breda kartläggningar och myndighetsgemensamma samråd för att kunna föreslå individen nästa steg. Beredningsgruppen för unga har varit en väg in till rätt insats via kartläggning och behovsanalys.""",
    "maluppfyllelse": """Målen och bedömningarna i tabellen ovan är styrelsens övergripande mål för 2019 enligt verksamhetsplanen. Insatsernas egna mål redovisas i bilagan.""",
    "strukturresultat": """ESF-projektet Psykisk hälsa Arbetsliv har medfinansierats av samordningsförbundet men ägs av Skellefteå kommun i samarbete med Norsjö kommun och Arjeplogs kommun. De delrapporter som presenterats på styrgruppsmöten har genomgående visat på mycket nöjda chefer, HR-personal och ekonomer. De anger att kunskapsnivån har höjts och att förändrade rutiner införts i verksamheterna.

Inom MySam och NAFS Skellefteå-Norsjö har gemensamma insatser genomförts för att utveckla rutiner och arbetssätt inför det nya utvecklade Arbetsmarknadstorget. En viktig del har varit att möjliggöra säkra digitala möten över myndighetsgränserna.""",
    "ekonomi": """Styrelsen planerade verksamhet som skulle innebära att förbundets egna kapital skulle komma ned till den rekommenderade nivån. Förbrukningen i vissa budgetposter blev lägre än beräknat och de extra insatser som styrelsen beslutade om kunde inte starta förrän andra halvåret, vilket medfört att medel inte har förbrukats i enlighet med plan.

**Några förklaringar till avvikelserna**
- Kostnader för konferenser och seminarier har varit lägre än budgeterat, eftersom interna resurser har anlitats.
- Utfallet för Arbetsmarknadstorget och Praktiksteget/Påfart har varit lägre än budgeterat, det senare på grund av få deltagare.
- Beredningsgruppen för unga hade inte tillgång till personal under hösten, vilket medförde att budgetutrymmet inte förbrukades.""",
    "styrelsen": """Styrelsen och beredningsgruppen genomförde en halv gemensam planeringsdag om utvecklingen av Arbetsmarknadstorget i maj. I oktober hölls två halvdagars gemensam planering inför 2020 på Källan i Norsjö.

**Medlemssamråd** ska årligen genomföras tillsammans med medlemsorganisationerna och övriga samordningsförbund i länet. Medlemssamrådet 2019 genomfördes inte som planerat.""",
    "vasentliga_handelser": """**Under året** beslutade styrelsen efter utredning att Arbetsmarknadstorget, MySam och NAFS Skellefteå-Norsjö slås samman till en gemensam samverkansplattform från januari 2020 där den tidigare åldersindelningen tas bort. Förbundet deltar i pilotprojektet Våld i nära relation inom Nationella nätverket för samordningsförbunds regeringsuppdrag. Arbetsförmedlingens minskade resurser har påverkat de samlokaliserade insatserna.

**Efter årets slut** tillträder en ny förbundschef, och förbundet blir från samma tidpunkt arbetsgivare och medlem i arbetsgivarorganisationen Sobona.""",
    "styrning": """Styrelsen följer insatserna genom delårs- och årsrapporter, uppföljning i SUS och indikatorenkäter, och ekonomin genom kvartalsvisa uppföljningar med helårsprognos. Styrgruppsarbetet har fått en ny struktur med en styrgrupp per insats. Beredningsgruppen bereder ärenden om nya insatser inför styrelsens beslut.""",
    "god_hushallning": """God ekonomisk hushållning bedöms mot förbundets finansiella mål och verksamhetsmål i måltabellen. Verksamhetsmålen är i huvudsak uppfyllda. Det finansiella målet är delvis uppfyllt: förbrukningen av eget kapital blev mindre än planerat, och det egna kapitalet ligger fortfarande över Nationella rådets rekommendation. Sammantaget bedömer styrelsen att förbundet har en god ekonomisk hushållning, med fortsatt arbete för att förbruka eget kapital enligt plan.""",
    "personal": """Kansliet har bestått av förbundschef och informatör/administratör. Förbundschefen har under hösten arbetat deltid. Under året har förbundschefen aviserat att sluta sin anställning och en ny förbundschef har rekryterats; förbundet blir därmed arbetsgivare.""",
    "forvantad_utveckling": """Den nya samverkansplattformen MISAM startar 2020 och förväntas öka genomströmningen av deltagare. De förändringar som sker inom de statliga myndigheterna, kommunerna och regionen påverkar förbundets roll. Det egna kapitalet planeras att förbrukas ned mot rekommenderad nivå under planperioden 2020–2022.""",
    "beredningsgrupp": """Beredningsgruppen är ett strategiskt organ för lokal samverkan mellan Skellefteå kommun, Norsjö kommun, Region Västerbotten, Försäkringskassan och Arbetsförmedlingen. Förbundschefen är ordförande, sammankallande och beredande. Gruppen har under året bestått av företrädare för Norsjö kommun, Region Västerbotten (även psykiatriska kliniken), Försäkringskassan, Skellefteå kommun (socialkontoret) och Arbetsförmedlingen Skellefteå-Norsjö.""",
    "revisorer": """Förbundets räkenskaper och verksamhet granskas av revisorer som utses av medlemmarna. Försäkringskassan utser revisor för förbundsmedlemmarna Försäkringskassan och Arbetsförmedlingen; regionfullmäktige utser revisor för kommunerna och regionen.""",
    "ansvarsforbindelser": """Förbundet har inga ansvarsförbindelser.""",
}

INSATSTEXTER_2019: dict[str, dict[str, str]] = {
    "AMT": {
        "beskrivning": "Arbetsmarknadstorget (AMT) erbjuder unga vuxna tidiga insatser för rehabilitering och vägledning med huvudfokus egen försörjning. Personalen träffar deltagaren ofta och skapar en bärande relation.",
        "arbete": "Utifrån Arbetsförmedlingens minskade resurser under våren var man tvungen att förändra arbetssätt. Under våren initierades ett utvecklingsarbete där European Minds intervjuade ledningsgrupp, deltagare och personal. Styrelsen gav en arbetsgrupp i uppdrag att ta fram förslag på en ny verksamhet, som presenterades i oktober.",
        "andringar": "Arbetsförmedlingen har minskat sin resurs under året. Från årsskiftet slås Arbetsmarknadstorget, MySam och NAFS Skellefteå-Norsjö samman till en verksamhet.",
    },
    "MySam": {
        "beskrivning": "MySam bygger på en nationell viljeinriktning om personer som saknar sjukpenninggrundande inkomst. Syftet är att säkerställa möjligheten till rehabilitering för personer med nedsatt arbetsförmåga på grund av sjukdom.",
        "arbete": "MySam har arbetat fram en modell och ett arbetssätt för att identifiera personer i behov av samordnat stöd och samverka med individen i fokus.",
        "andringar": "Från årsskiftet bildar MySam, NAFS Skellefteå-Norsjö och Arbetsmarknadstorget en ny gemensam verksamhet.",
    },
}

MAL_2019 = [
    (
        "Finansiera samverkansinsatser som inte finns inom linjeorganisationerna",
        "uppfyllt",
        "Insatserna fyller en funktion i myndigheternas mellanrum. Ett utvecklingsarbete har genomförts för Arbetsmarknadstorget.",
    ),
    (
        "God ekonomisk hushållning: eget kapital förbrukas enligt budget mot Nationella rådets rekommendation",
        "delvis_uppfyllt",
        "Förbrukningen av eget kapital blev mindre än beräknat trots tilläggsbeslut för att öka förbrukningen.",
    ),
    (
        "Behovsanpassad kompetensutveckling",
        "uppfyllt",
        "De insatser beredningsgruppen efterfrågat har genomförts; förbundet deltar i NNS uppdrag om våld i nära relation.",
    ),
    ("Genomföra medlemssamråd", "ej_uppfyllt", "Medlemssamrådet genomfördes inte som planerat."),
    (
        "Ett effektivt och hållbart styrelsearbete",
        "uppfyllt",
        "Hög närvaro vid möten, extra planeringsdag genomförd, ekonomin följd och nya insatser beslutade.",
    ),
    ("Effektivisera styrgruppsarbete", "uppfyllt", "En ny struktur för styrgrupper; den samordnade styrgruppen för flera projekt har slopats."),
    (
        "Skapa en hållbar struktur för uppföljning, utvärdering och spridning av goda resultat",
        "delvis_uppfyllt",
        "Uppföljningen i SUS kan bli bättre; analysen av indikatorenkäterna pågår.",
    ),
]

MATBART_2019 = [
    "Andel av medlen som går till samverkansinsatser",
    "",
    "Genomförda insatser mot beredningsgruppens efterfrågan",
    "Medlemssamråd genomfört under året",
    "Närvaro vid styrelsemöten; planeringsdag genomförd",
    "En styrgrupp per insats",
    "Insatserna registrerar i SUS; indikatorenkäter analyserade",
]

MAL_2020 = [
    (
        "Insatserna arbetar med en tydlig inriktning mot arbete, studier eller andra positiva lösningar för individerna",
        "Progressionsmätning med SKAPA införs i de samlokaliserade insatserna",
        "Deltagarna har svarat på SKAPA minst två gånger under året",
        "Förbundschef",
    ),
    (
        "Insatserna erbjuder myndighetsgemensam planering och samordnade insatser för individer i behov av stöd",
        "Den nya gemensamma samverkansplattformen startar i januari",
        "Deltagarna upplever att någon håller samman deras rehabilitering",
        "Förbundschef",
    ),
    (
        "Medlemmarna har en samsyn kring behov och prioritering av insatser",
        "Beredningsgruppens behovsanalys underlag för styrelsens beslut",
        "Genomfört medlemssamråd",
        "Styrelsen",
    ),
    ("God ekonomisk hushållning", "Eget kapital förbrukas enligt plan", "Eget kapital inom Nationella rådets rekommendation", "Styrelsen"),
]

VERKSAMHETSPLAN_2020: dict[str, str] = {
    "inledning": """Styrelsen för Samordningsförbundet Skellefteå-Norsjö vill med detta dokument tydliggöra samordningsförbundets arbete, syfte, mål och inriktning för verksamheten 2020 samt övergripande inriktning för de kommande åren. Verksamhetsplanen ligger till grund för budgeten för samma period.

Förbundet har ansvaret för den finansiella samordningen inom Skellefteå kommuns och Norsjö kommuns geografiska områden.""",
    "lagrum": """Samordningsförbundens uppdrag bestäms av lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser. Uppgiften beskrivs i 7 §:
- att finansiera insatser för individer i behov av samordnade rehabiliteringsinsatser i syfte att dessa uppnår eller förbättrar sin förmåga att utföra förvärvsarbete
- att stödja samverkan mellan samverkansparterna

Samordningsförbunden har därutöver ett uppdrag att utveckla samverkanskulturen, strukturen och incitamenten för samverkan mellan myndigheterna.""",
    "organisation": """Styrelsen består av en ledamot och en ersättare från varje medlem. Förbundet har ett kansli med förbundschef och administratör. Beredningsgruppen, med chefer från medlemmarna, bereder ärenden till styrelsen och förankrar insatserna i medlemsorganisationerna.""",
    "malgrupper": """Övergripande målgrupp är individer i förvärvsaktiv ålder med behov av samordnade insatser riktade mot arbete och egen försörjning. Under 2020 prioriteras:
- Personer i arbetsför ålder som behöver stöd från minst två av myndigheterna
- Sjukskrivna som saknar sjukpenninggrundande inkomst
- Personer med fysisk och psykisk ohälsa""",
    "prioriteringar": """Under 2020 startar den nya gemensamma samverkansplattformen där Arbetsmarknadstorget, MySam och NAFS Skellefteå-Norsjö ingår, utan den tidigare åldersindelningen. Digitala möten prövas för att alla hälsocentraler ska kunna delta. Förbundet deltar i NNS pilotprojekt om våld i nära relation.""",
    "vision": """Människor i Skellefteå och Norsjö i behov av samordnade insatser ska få det stöd som behövs för att tiden i utanförskap ska minimeras.""",
    "insatser": """Förbundet finansierar ordinarie samverkan mellan myndigheterna och tidsbegränsade projekt. Beloppen nedan är styrelsens beslut om beviljade medel för 2020.""",
    "budget": """Budgeten för 2020 och planen för 2021–2022 bygger på medlemmarnas tilldelning och styrelsens beslut om insatser. Ett planerat underskott tas ur det egna kapitalet.""",
}


def _text(forbund: Forbund, typ: str, ar: int, sektion: str, text: str, insats: Any = None) -> None:
    if not Rapporttext.objects.filter(forbund=forbund, typ=typ, ar=ar, sektion=sektion, insats=insats).exists():
        Rapporttext.objects.create(forbund=forbund, typ=typ, ar=ar, sektion=sektion, insats=insats, text=text)


def seed(forbund: Forbund, aktor: Any) -> None:
    for sektion, text in ARSREDOVISNING_2019.items():
        _text(forbund, "arsredovisning", AR, sektion, text)
    insatser = {i.kortnamn: i for i in Insats.objects.filter(forbund=forbund, kortnamn__in=list(INSATSTEXTER_2019))}
    for kortnamn, texter in INSATSTEXTER_2019.items():
        if kortnamn in insatser:
            for sektion, text in texter.items():
                _text(forbund, "arsredovisning", AR, sektion, text, insatser[kortnamn])
    demo_plan.plan_skriv(forbund, aktor, VP_AR, {{"lagrum": "lagstiftning"}.get(k, k): v for k, v in VERKSAMHETSPLAN_2020.items()}, {})
    demo_plan.seed(forbund, aktor)
    if not Forbundsmal.objects.filter(forbund=forbund, ar=AR).exists():
        for i, (mal, bedomning, kommentar) in enumerate(MAL_2019, start=1):
            finansiellt = mal.startswith("God ekonomisk hushållning")
            Forbundsmal.objects.create(
                forbund=forbund,
                ar=AR,
                ordning=i,
                mal=mal,
                bedomning=bedomning,
                kommentar=kommentar,
                ansvarig="Styrelsen",
                period=str(AR),
                slag=Forbundsmal.Slag.FINANSIELLT if finansiellt else Forbundsmal.Slag.VERKSAMHET,
                matbart="Årets resultat mot budgeterat underskott; eget kapital mot högst 20 % av tilldelningen"
                if finansiellt
                else MATBART_2019[i - 1],
            )
    if not Forbundsmal.objects.filter(forbund=forbund, ar=VP_AR).exists():
        for i, (mal, utforande, matbart, ansvarig) in enumerate(MAL_2020, start=1):
            Forbundsmal.objects.create(
                forbund=forbund, ar=VP_AR, ordning=i, mal=mal, utforande=utforande, matbart=matbart, ansvarig=ansvarig, period=str(VP_AR)
            )
    demo_mal.seed(forbund, aktor)
