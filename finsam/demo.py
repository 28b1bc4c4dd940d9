"""Demo data for the core: Samordningsförbundet Skellefteå-Norsjö from the seeds, and one user per role.

Idempotent: running it again changes nothing. Later apps add their own `demo.py` with a
`seed(forbund, aktor)` function; `seed_demo` calls them in order.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from styrelse.models import Mandat

from .models import Forbund, Medlem, Person, RollTyp
from .services import anvandare_skapa, forbund_create, person_create, roll_tilldela

SLUG = "skelleftea-norsjo"
D = dt.date

LEDAMOTER = [
    # name, party, member code, role, from, to
    ("Bertil Almgren", "s", "skelleftea", "ordforande", D(2019, 1, 1), D(2022, 12, 31)),
    ("Anders Eriksson", "tjm", "af", "vice_ordforande", D(2019, 1, 1), D(2022, 12, 31)),
    ("Kenneth Andersson", "s", "region", "", D(2019, 1, 1), D(2022, 12, 31)),
    ("Mikael Broman", "tjm", "fk", "", D(2019, 1, 1), D(2022, 12, 31)),
    ("Mikael Lindfors", "s", "norsjo", "", D(2019, 1, 1), D(2022, 12, 31)),
]
ERSATTARE = [
    ("Hans Bergman", "c", "skelleftea", D(2019, 1, 1), D(2019, 4, 30)),
    ("Maria Sandström", "c", "skelleftea", D(2019, 5, 1), D(2019, 9, 30)),
    ("Anna From-Lindqvist", "c", "skelleftea", D(2019, 10, 1), D(2022, 12, 31)),
    ("Patrick Ström", "c", "norsjo", D(2019, 3, 1), D(2022, 12, 31)),
    ("Catarina Forsberg", "tjm", "fk", D(2019, 1, 1), D(2022, 12, 31)),
    ("Lena Persson", "l", "region", D(2019, 4, 1), D(2022, 12, 31)),
    ("Birgitta Westring-Sandberg", "tjm", "af", D(2019, 1, 1), D(2019, 5, 31)),
    ("Mattias Lindh", "tjm", "af", D(2019, 6, 1), D(2022, 12, 31)),
]
PERSONAL = [
    ("Maria Lindgren-Tuoma", "Förbundschef (t.o.m. 2019-12-31)", Decimal("1.0"), "maria.lindgren-tuoma@example.se"),
    ("Monica Widman Lundmark", "Förbundschef", Decimal("1.0"), "monica.widman.lundmark@example.se"),
    ("Britt Inger Stoltz", "Informatör/administratör", Decimal("0.5"), "britt.inger.stoltz@example.se"),
]
ORGNR = {"fk": "202100-5521", "af": "202100-2114", "region": "232100-0222", "skelleftea": "212000-2627", "norsjo": "212000-2593"}


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD", "finsam-demo")


def seed_forbund(aktor: Any = "seed_demo") -> Forbund:
    forbund = Forbund.objects.filter(slug=SLUG).first()
    if forbund is None:
        forbund = forbund_create(
            slug=SLUG,
            namn="Samordningsförbundet Skellefteå-Norsjö",
            region="Region Västerbotten",
            kommuner=["Skellefteå", "Norsjö"],
            aktor=aktor,
            diarieprefix="SFSN",
        )
        forbund.besoksadress = "Hörnellgatan 17, vån. 3, 931 30 Skellefteå"
        forbund.postadress = "Skellefteå kommun, Trädgårdsgatan 6, 931 85 Skellefteå"
        forbund.webbplats = "https://www.samordningsforbund.se/skelleftea-norsjo"
        forbund.bildat = D(2009, 1, 1)
        forbund.save()
        for kod, orgnr in ORGNR.items():
            Medlem.objects.filter(forbund=forbund, kod=kod).update(organisationsnummer=orgnr)
    return forbund


def seed_styrelse(forbund: Forbund, aktor: Any) -> None:
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    for namn, parti, kod, uppdrag, fran, till in LEDAMOTER:
        person = Person.objects.filter(forbund=forbund, namn=namn).first() or person_create(
            forbund=forbund,
            aktor=aktor,
            namn=namn,
            parti=parti,
            organisation=medlem[kod].namn,
            epost=f"{namn.lower().replace(' ', '.').replace('ö', 'o').replace('å', 'a').replace('ä', 'a')}@example.se",
        )
        Mandat.objects.get_or_create(
            forbund=forbund,
            person=person,
            medlem=medlem[kod],
            typ=Mandat.Typ.LEDAMOT,
            fran=fran,
            defaults={"till": till, "uppdrag": uppdrag},
        )
    for namn, parti, kod, fran, till in ERSATTARE:
        person = Person.objects.filter(forbund=forbund, namn=namn).first() or person_create(
            forbund=forbund,
            aktor=aktor,
            namn=namn,
            parti=parti,
            organisation=medlem[kod].namn,
            epost=f"{namn.lower().replace(' ', '.').replace('ö', 'o').replace('å', 'a').replace('ä', 'a')}@example.se",
        )
        Mandat.objects.get_or_create(forbund=forbund, person=person, medlem=medlem[kod], typ=Mandat.Typ.ERSATTARE, fran=fran, defaults={"till": till})
    for namn, befattning, grad, epost in PERSONAL:
        if not Person.objects.filter(forbund=forbund, namn=namn).exists():
            person_create(
                forbund=forbund,
                aktor=aktor,
                namn=namn,
                befattning=befattning,
                ar_personal=True,
                tjanstgoringsgrad=grad,
                epost=epost,
                organisation=forbund.namn,
            )


DEMO_ANVANDARE = [
    ("chef", "Monica", "Widman Lundmark", RollTyp.FORBUNDSCHEF, "Monica Widman Lundmark"),
    ("administrator", "Britt Inger", "Stoltz", RollTyp.ADMINISTRATOR, "Britt Inger Stoltz"),
    ("ledamot", "Bertil", "Almgren", RollTyp.STYRELSELEDAMOT, "Bertil Almgren"),
    ("revisor", "Eva", "Granlund", RollTyp.REVISOR, ""),
]


def seed_anvandare(forbund: Forbund, aktor: Any) -> list[tuple[str, str]]:
    User = get_user_model()
    inloggningar = []
    for username, forst, efter, roll, person_namn in DEMO_ANVANDARE:
        user = User.objects.filter(username=username).first() or anvandare_skapa(
            username=username, password=demo_password(), email=f"{username}@example.se", forst=forst, efter=efter, aktor=aktor
        )
        if not Person.objects.filter(forbund=forbund, user=user).exists() and person_namn:
            Person.objects.filter(forbund=forbund, namn=person_namn, user__isnull=True).update(user=user)
        roll_tilldela(forbund=forbund, aktor=aktor, user=user, roll=roll)
        inloggningar.append((username, RollTyp(roll).label))
    return inloggningar


def seed_ornskoldsvik(aktor: Any) -> Forbund:
    """A second förbund, so the demo shows switching and isolation (the chef serves both)."""
    forbund = Forbund.objects.filter(slug="ornskoldsvik").first()
    if forbund is None:
        forbund = forbund_create(
            slug="ornskoldsvik",
            namn="Samordningsförbundet Örnsköldsvik",
            region="Region Västernorrland",
            kommuner=["Örnsköldsvik"],
            aktor=aktor,
            diarieprefix="SFO",
        )
    chef = get_user_model().objects.get(username="chef")
    roll_tilldela(forbund=forbund, aktor=aktor, user=chef, roll=RollTyp.FORBUNDSCHEF)
    return forbund


def seed(aktor: Any = "seed_demo") -> tuple[Forbund, list[tuple[str, str]]]:
    forbund = seed_forbund(aktor)
    seed_styrelse(forbund, aktor)
    inloggningar = seed_anvandare(forbund, aktor)
    seed_ornskoldsvik(aktor)
    return forbund, inloggningar
