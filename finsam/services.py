"""Core write use cases. Each one validates, writes in a transaction and leaves an audit event."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from .audit import diff, handelse_logga, snapshot
from .models import Forbund, Medlem, Person, Roll, RollTyp


def kod_for(namn: str) -> str:
    """Lowercase ASCII code of a municipality: "Skellefteå kommun" → "skelleftea"."""
    namn = re.sub(r"\s+(kommun|stad)$", "", namn.strip(), flags=re.IGNORECASE)
    ascii_ = unicodedata.normalize("NFKD", namn).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_.lower()).strip("_")


@transaction.atomic
def forbund_create(
    *,
    slug: str,
    namn: str,
    region: str,
    kommuner: list[str],
    aktor: Any = None,
    organisationsnummer: str = "",
    diarieprefix: str = "SF",
) -> Forbund:
    """Create a förbund with FK, AF, the region and the municipalities as members."""
    if not kommuner:
        raise ValidationError("Ett förbund måste ha minst en kommun som medlem.")
    if Forbund.objects.filter(slug=slug).exists():
        raise ValidationError(f"Det finns redan ett förbund med kortnamnet {slug}.")
    forbund = Forbund(slug=slug, namn=namn, organisationsnummer=organisationsnummer, diarieprefix=diarieprefix)
    forbund.full_clean()
    forbund.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="forbund_skapa", objekt=forbund, andringar=diff({}, snapshot(forbund)))
    medlemmar: list[tuple[str, str, str]] = [
        ("Försäkringskassan", Medlem.Typ.FK, "fk"),
        ("Arbetsförmedlingen", Medlem.Typ.AF, "af"),
        (region, Medlem.Typ.REGION, "region"),
    ]
    for kommun in kommuner:
        kommun_namn = kommun if re.search(r"(kommun|stad)$", kommun, re.IGNORECASE) else f"{kommun} kommun"
        medlemmar.append((kommun_namn, Medlem.Typ.KOMMUN, kod_for(kommun)))
    for ordning, (m_namn, typ, kod) in enumerate(medlemmar, start=1):
        medlem_create(forbund=forbund, aktor=aktor, namn=m_namn, typ=typ, kod=kod, ordning=ordning)
    return forbund


@transaction.atomic
def medlem_create(
    *, forbund: Forbund, aktor: Any, namn: str, typ: str, kod: str, ordning: int = 0, organisationsnummer: str = "", epost: str = ""
) -> Medlem:
    medlem = Medlem(forbund=forbund, namn=namn, typ=typ, kod=kod, ordning=ordning, organisationsnummer=organisationsnummer, epost=epost)
    medlem.full_clean()
    medlem.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="medlem_skapa", objekt=medlem, andringar=diff({}, snapshot(medlem)))
    return medlem


@transaction.atomic
def medlem_update(*, medlem: Medlem, aktor: Any, **data: Any) -> Medlem:
    fore = snapshot(medlem)
    for key, value in data.items():
        if key not in {"namn", "organisationsnummer", "kod", "ordning", "epost"}:
            raise ValidationError(f"Fältet {key} kan inte ändras.")
        setattr(medlem, key, value)
    medlem.full_clean()
    medlem.save()
    andringar = diff(fore, snapshot(medlem))
    if andringar:
        handelse_logga(aktor=aktor, forbund=medlem.forbund, handling="medlem_andra", objekt=medlem, andringar=andringar)
    return medlem


@transaction.atomic
def person_create(*, forbund: Forbund, aktor: Any, namn: str, **data: Any) -> Person:
    person = Person(forbund=forbund, namn=namn, **data)
    person.full_clean()
    person.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="person_skapa", objekt=person, andringar=diff({}, snapshot(person)))
    return person


PERSON_FALT = {"namn", "efternamn", "epost", "telefon", "parti", "befattning", "organisation", "ar_personal", "tjanstgoringsgrad"}


@transaction.atomic
def person_andra(*, person: Person, aktor: Any, **data: Any) -> Person:
    """Change a person's details (name, contact, party, position, staff); audited with the changed values."""
    okanda = set(data) - PERSON_FALT
    if okanda:
        raise ValidationError(f"Fälten {', '.join(sorted(okanda))} kan inte ändras här.")
    person = Person.objects.select_for_update().get(pk=person.pk)
    fore = snapshot(person)
    for key, value in data.items():
        setattr(person, key, value)
    if "namn" in data and "efternamn" not in data:
        person.efternamn = ""  # derived again from the new name
    person.full_clean()
    person.save()
    andringar = diff(fore, snapshot(person))
    if andringar:
        handelse_logga(aktor=aktor, forbund=person.forbund, handling="person_andra", objekt=person, andringar=andringar)
    return person


@transaction.atomic
def roll_tilldela(*, forbund: Forbund, aktor: Any, user: Any, roll: str) -> Roll:
    if roll not in RollTyp.values:
        raise ValidationError(f"Okänd roll: {roll}")
    obj = Roll.objects.filter(forbund=forbund, user=user).first()
    fore = snapshot(obj) if obj else {}
    if obj is None:
        obj = Roll(forbund=forbund, user=user, roll=roll)
    obj.roll = roll
    obj.full_clean()
    obj.save()
    andringar = diff(fore, snapshot(obj))
    if andringar:
        handelse_logga(aktor=aktor, forbund=forbund, handling="roll_tilldela", objekt=obj, andringar=andringar)
    return obj


@transaction.atomic
def anvandare_skapa(*, username: str, password: str, email: str = "", forst: str = "", efter: str = "", aktor: Any = None) -> Any:
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, password=password, email=email, first_name=forst, last_name=efter)
        handelse_logga(aktor=aktor, forbund=None, handling="anvandare_skapa", objekt=user, detaljer={"username": username})
    return user
