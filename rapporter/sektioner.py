"""The written sections of each report: key, heading and what the förbundschef should write there.

The annual report's list is fixed; the verksamhetsplan's sections are data (rapporter.models.Planavsnitt) and a new
year starts from VERKSAMHETSPLAN_MALL.

The order is the order in the document. Figures are never typed here: they come from the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from .models import RapportTyp


@dataclass(frozen=True)
class Sektion:
    nyckel: str
    rubrik: str
    hjalp: str
    kravs: bool = False  # the report cannot be made final while a required section is empty


ARSREDOVISNING: list[Sektion] = [
    Sektion("ordforande", "Ordförande har ordet", "Ordförandens förord. Undertecknas med ordförandens namn."),
    Sektion(
        "sammanfattning",
        "Sammanfattning av verksamhetsåret",
        "Året i korthet. Antal deltagare, avslut och ekonomiskt resultat fylls i automatiskt från uppgifterna.",
        kravs=True,
    ),
    Sektion("organisation", "Organisation", "Förbundets organisation: styrelse, kansli, beredningsgrupp."),
    Sektion("historik", "Historik", "När förbundet bildades och hur det har förändrats."),
    Sektion("lagrum", "Lagrum", "Lagen (2003:1210) om finansiell samordning, förbundsordningen och andra lagar."),
    Sektion("uppdrag", "Uppdrag", "Förbundets uppdrag."),
    Sektion("finansiering", "Finansiering/Medlemsavgifter", "Kommentar till finansieringen. Årets tilldelning per medlem visas automatiskt."),
    Sektion("vision", "Verksamhetsidé och vision", "Verksamhetsidé och vision."),
    Sektion(
        "vasentliga_handelser",
        "Händelser av väsentlig betydelse",
        "Väsentliga händelser under året och efter årets slut (lag 2018:597, 11 kap.).",
        kravs=True,
    ),
    Sektion(
        "styrning",
        "Styrning och uppföljning",
        "Andra förhållanden av betydelse för styrning och uppföljning: hur styrelsen följer upp insatser och ekonomi.",
        kravs=True,
    ),
    Sektion(
        "god_hushallning",
        "God ekonomisk hushållning",
        "Samlad bedömning av god ekonomisk hushållning. Årets finansiella mål och verksamhetsmål med bedömning hämtas från måltabellen.",
        kravs=True,
    ),
    Sektion("personal", "Väsentliga personalförhållanden", "Kansliets bemanning, sjukfrånvaro, rekryteringar.", kravs=True),
    Sektion("forvantad_utveckling", "Förväntad utveckling", "Förbundets förväntade utveckling de närmaste åren.", kravs=True),
    Sektion("malgrupper", "Målgrupper", "Övergripande målgrupp och årets prioriterade grupper."),
    Sektion("individinsatser", "Individinriktade insatser", "Inledning till de individinriktade insatserna."),
    Sektion(
        "strukturinsatser",
        "Strukturinriktade insatser och stödjande av samverkan",
        "Strukturinsatser, kompetensutveckling och utbildningar: omfattning och effekt.",
    ),
    Sektion("maluppfyllelse", "Måluppfyllelse", "Kommentar till måluppfyllelsen. Målen och bedömningarna hämtas från måltabellen."),
    Sektion("strukturresultat", "Uppföljning och resultat för strukturövergripande insatser", "Resultat av strukturinsatserna."),
    Sektion(
        "ekonomi",
        "Ekonomiskt resultat och förklaringar till avvikelser",
        "Förklaring till avvikelser mot budget (per insats och kostnadsgrupp) och hantering av över- eller underskott.",
        kravs=True,
    ),
    Sektion(
        "styrelsen",
        "Styrelsens arbete under året",
        "Planeringsdagar, presidium, medlemssamråd. Ledamöter, ersättare och sammanträdesdatum hämtas automatiskt.",
    ),
    Sektion("beredningsgrupp", "Beredningsgruppen", "Beredningsgruppens uppdrag och sammansättning under året.", kravs=True),
    Sektion("revisorer", "Revisorer", "Förbundets revisorer under året och vem som utsett dem.", kravs=True),
    Sektion("ansvarsforbindelser", "Ansvarsförbindelser", "Förbundets ansvarsförbindelser (skriv ”Inga.” om det inte finns några).", kravs=True),
    Sektion(
        "redovisningsprinciper",
        "Redovisningsprinciper, kompletterande upplysningar",
        "Principerna härleds ur hur räkenskaperna förs. Här kan förbundet lägga till upplysningar.",
    ),
    Sektion("tillagg", "Eventuella tilläggsupplysningar", "Övriga upplysningar (kan lämnas tomt)."),
]

# Per intervention in the appendix "Insatser och måluppfyllelse".
ARSREDOVISNING_INSATS: list[Sektion] = [
    Sektion("beskrivning", "Beskrivning", "Insatsens syfte och arbetssätt."),
    Sektion("malgrupp", "Målgrupp", "Insatsens målgrupp."),
    Sektion("arbete", "Verksamhet under året", "Årets arbete."),
    Sektion("andringar", "Ändringar/avvikelser", "Förändringar under året."),
]


@dataclass(frozen=True)
class Planmall:
    """A section of the standard verksamhetsplan a new year starts from (the förbund adds, renames, reorders, removes)."""

    nyckel: str
    rubrik: str
    slag: str
    hjalp: str


# The standard template, in the order of the plans the förbund writes (seeds 000, 001, 002).
VERKSAMHETSPLAN_MALL: list[Planmall] = [
    Planmall("inledning", "Inledning", "text", "Planens syfte och förbundets geografiska område."),
    Planmall("lagstiftning", "Lagstiftning och syfte", "text", "Lagen (2003:1210) om finansiell samordning och förbundets ändamål."),
    Planmall("organisation", "Organisation", "text", "Medlemmar, styrelse, kansli och beredningsgrupp."),
    Planmall("malgrupper", "Målgrupper", "text", "Övergripande målgrupp och årets prioriterade grupper."),
    Planmall("prioriteringar", "Prioriteringar", "text", "Vad förbundet prioriterar under året och varför."),
    Planmall("vision", "Vision", "text", "Förbundets vision."),
    Planmall("mal", "Mål och mått", "maltrad", "Inledning till målen. Målträdet med mått och målvärden hämtas från målen."),
    Planmall("finansiering", "Finansiering", "text", "Medlemmarnas tilldelning och det egna kapitalet."),
    Planmall("arbetssatt", "Arbetssätt", "text", "Hur förbundet arbetar: samverkan, analys, projekt, kompetensutveckling."),
    Planmall("insatser", "Insatser", "insatser", "Inledning till insatserna. Beviljade belopp hämtas från styrelsens beslut."),
    Planmall("finansiellt_mal", "Finansiellt mål", "finansiellt_mal", "God ekonomisk hushållning. De finansiella målen hämtas från målen."),
    Planmall("risk", "Risk- och väsentlighetsanalys", "risk", "Risker i verksamheten, hur sannolika de är och vad förbundet gör åt dem."),
    Planmall("internkontroll", "Internkontrollplan", "internkontroll", "Kontrollmoment, ansvar och hur ofta de följs upp."),
    Planmall("budget", "Budget", "budget", "Kommentar till budgeten. Budgeten i tre år, eget kapital och disponibel budget hämtas från ekonomin."),
    Planmall("medlemsbidrag", "Medlemsbidrag", "medlemsbidrag", "Kommentar till medlemsbidragen. Tabellen per medlem hämtas från ekonomin."),
]
PLANMALL = {m.nyckel: m for m in VERKSAMHETSPLAN_MALL}


SEKTIONER: dict[str, list[Sektion]] = {
    RapportTyp.ARSREDOVISNING: ARSREDOVISNING,
}


def sektion(typ: str, nyckel: str, *, insats: bool = False) -> Sektion:
    lista = ARSREDOVISNING_INSATS if insats else SEKTIONER[typ]
    for s in lista:
        if s.nyckel == nyckel:
            return s
    raise KeyError(nyckel)
