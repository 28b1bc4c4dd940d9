"""The written sections of each report: key, heading and what the förbundschef should write there.

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

VERKSAMHETSPLAN: list[Sektion] = [
    Sektion("inledning", "Inledning", "Inledning till planen."),
    Sektion("lagrum", "Lag och syfte", "Lagen om finansiell samordning och förbundets syfte."),
    Sektion("organisation", "Organisation", "Styrelse, kansli, beredningsgrupp."),
    Sektion("malgrupper", "Målgrupper", "Prioriterade målgrupper."),
    Sektion("prioriteringar", "Prioriteringar för året", "Vad förbundet prioriterar under året."),
    Sektion("vision", "Vision", "Förbundets vision."),
    Sektion("insatser", "Insatser", "Inledning till insatserna. Beviljade belopp hämtas från styrelsens beslut."),
    Sektion("budget", "Budget", "Kommentar till budgeten. Budgettabellen hämtas från ekonomin."),
]

SEKTIONER: dict[str, list[Sektion]] = {
    RapportTyp.ARSREDOVISNING: ARSREDOVISNING,
    RapportTyp.VERKSAMHETSPLAN: VERKSAMHETSPLAN,
}


def sektion(typ: str, nyckel: str, *, insats: bool = False) -> Sektion:
    lista = ARSREDOVISNING_INSATS if insats else SEKTIONER[typ]
    for s in lista:
        if s.nyckel == nyckel:
            return s
    raise KeyError(nyckel)
