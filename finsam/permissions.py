"""The permission matrix: the one place that says which role may do what.

Every page, API endpoint and document download names one permission from this
table; `har_behorighet` is the only check. The README prints the same matrix
(`python manage.py behorigheter --markdown` regenerates it).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from .models import Forbund, RollTyp

CHEF = RollTyp.FORBUNDSCHEF
ADMIN = RollTyp.ADMINISTRATOR
LEDAMOT = RollTyp.STYRELSELEDAMOT
REVISOR = RollTyp.REVISOR
ALLA = frozenset({CHEF, ADMIN, LEDAMOT, REVISOR})
KANSLI = frozenset({CHEF, ADMIN})


@dataclass(frozen=True)
class Behorighet:
    kod: str
    beskrivning: str
    roller: frozenset[RollTyp]


_MATRIS: list[Behorighet] = [
    # Core
    Behorighet("forbund.visa", "Se förbundet, medlemmar och startsidan", ALLA),
    Behorighet("forbund.redigera", "Redigera förbundet, medlemmar och personer", frozenset({CHEF})),
    Behorighet("handelse.visa", "Bläddra i händelseloggen (audit)", frozenset({CHEF})),
    Behorighet("dokument.skapa", "Beställa dokument (PDF)", KANSLI),
    Behorighet("dokument.visa", "Se och ladda ned dokument som rollen får se", ALLA),
    # Styrelse
    Behorighet("styrelse.visa", "Läsa sammanträden, kallelser, handlingar och justerade protokoll", ALLA),
    Behorighet("styrelse.redigera", "Planera möten, dagordning, närvaro, beslut, justering, anslag", frozenset({CHEF})),
    Behorighet("styrelse.justera", "Bekräfta justering av protokoll (ordförande, justerare)", frozenset({CHEF, LEDAMOT})),
    Behorighet("styrelse.mina_moten", "Mina möten: nästa möte med handlingar, olästa handlingar, egna justeringar", frozenset({LEDAMOT})),
    Behorighet("styrelse.anteckna", "Skriva egna anteckningar på handlingar (syns bara för en själv)", frozenset({LEDAMOT})),
    Behorighet("styrelse.jav_anmala", "Anmäla eget jäv i ett ärende inför mötet", frozenset({LEDAMOT})),
    Behorighet("styrelse.ordforandebeslut", "Fatta ordförandebeslut i brådskande ärenden (KL 6 kap. 39 §, ordföranden)", frozenset({LEDAMOT})),
    Behorighet("diarium.visa", "Se diariet (sekretessmarkerade filer döljs)", frozenset({CHEF, ADMIN, LEDAMOT, REVISOR})),
    Behorighet("diarium.sekretess", "Öppna sekretessmarkerade handlingar", frozenset({CHEF})),
    Behorighet("diarium.redigera", "Registrera handlingar i diariet", KANSLI),
    # Insatser
    Behorighet("insatser.visa", "Se insatser, ansökningar, beviljade medel och mål", ALLA),
    Behorighet("insatser.redigera", "Registrera och ändra insatser, ansökningar, mål och rapporter", KANSLI),
    Behorighet("insatser.besluta", "Registrera beviljade medel från styrelsebeslut", frozenset({CHEF})),
    # Uppföljning
    Behorighet("deltagare.visa", "Se deltagare på individnivå (pseudonymiserat)", KANSLI),
    Behorighet("deltagare.redigera", "Registrera deltagare, avslut och importera", KANSLI),
    Behorighet("utfall.visa", "Se aggregerad uppföljning (utfall per insats)", ALLA),
    Behorighet("utfall.omaskerat", "Se omaskerade tal under maskeringsgränsen", frozenset({CHEF, ADMIN})),
    # Ekonomi
    Behorighet("ekonomi.visa", "Se budget, utfall och räkenskaper", frozenset({CHEF, ADMIN, LEDAMOT, REVISOR})),
    Behorighet("ekonomi.redigera", "Budget, medlemsbidrag, SIE-import, prognos", frozenset({CHEF})),
    Behorighet("revision.redigera", "Lämna revisionsberättelse", frozenset({REVISOR})),
    # Rapporter
    Behorighet("rapporter.visa", "Läsa fastställda rapporter (årsredovisning, verksamhetsplan)", ALLA),
    Behorighet("rapporter.utkast", "Se utkast till rapporter", frozenset({CHEF, ADMIN, LEDAMOT})),
    Behorighet("rapporter.redigera", "Skriva rapporttexter och skapa rapporter", frozenset({CHEF})),
    # Förvaltning
    Behorighet("avtal.visa", "Se avtalsregistret (parter, belopp, perioder, uppsägningstider)", ALLA),
    Behorighet("avtal.redigera", "Registrera, ändra och säga upp avtal", frozenset({CHEF})),
    Behorighet("delegationsordning.redigera", "Föra delegationsordningen: utkast, ärenden, antagande med §", frozenset({CHEF})),
    Behorighet("dokumenthanteringsplan.redigera", "Föra dokumenthanteringsplanen och klassa diariets handlingstyper", frozenset({CHEF})),
    Behorighet("gallring.genomfora", "Föreslå och genomföra gallring, registrera och häva gallringsstopp", frozenset({CHEF})),
]

MATRIS: dict[str, Behorighet] = {b.kod: b for b in _MATRIS}


def roller_for(kod: str) -> frozenset[RollTyp]:
    try:
        return MATRIS[kod].roller
    except KeyError as exc:  # a typo in a permission name must never silently allow
        raise KeyError(f"Okänd behörighet: {kod}") from exc


def har_behorighet(roll: str | None, kod: str) -> bool:
    return roll is not None and roll in roller_for(kod)


def kraver(roll: str | None, kod: str) -> None:
    """Raise PermissionDenied unless the role holds the permission."""
    if not har_behorighet(roll, kod):
        raise PermissionDenied("Din roll saknar behörighet för detta.")


@dataclass(frozen=True)
class Kontext:
    """Who is acting, in which förbund, with which role."""

    forbund: Forbund
    roll: str

    def kan(self, kod: str) -> bool:
        return har_behorighet(self.roll, kod)

    def kraver(self, kod: str) -> None:
        kraver(self.roll, kod)


def som_markdown() -> str:
    roller = [CHEF, ADMIN, LEDAMOT, REVISOR]
    rader = ["| Behörighet | Vad | " + " | ".join(r.label for r in roller) + " |"]
    rader.append("|---|---|" + "---|" * len(roller))
    for b in _MATRIS:
        celler = ["✓" if r in b.roller else "–" for r in roller]
        rader.append(f"| `{b.kod}` | {b.beskrivning} | " + " | ".join(celler) + " |")
    return "\n".join(rader)
