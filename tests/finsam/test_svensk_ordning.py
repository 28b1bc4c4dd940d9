"""Swedish order in the core's lists: staff by last name, then first name (å ä ö after z)."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund, Person
from finsam.selectors import organisationsblad, personal

NAMN = ["Örjan Andersson", "Anna Öberg", "Åsa Andersson", "Bertil Ärlig", "Cecilia Zetterlund", "Émile Åberg"]
ORDNING = ["Åsa Andersson", "Örjan Andersson", "Cecilia Zetterlund", "Émile Åberg", "Bertil Ärlig", "Anna Öberg"]


def test_kansliet_sorteras_pa_efternamn_svenskt(forbund: Forbund, db: Any) -> None:
    for namn in NAMN:
        efternamn = namn.split()[1]
        Person.objects.create(forbund=forbund, namn=namn, efternamn=efternamn, ar_personal=True)
    assert [p.namn for p in personal(forbund)] == ORDNING  # was by first name: Anna, Bertil, Cecilia …
    assert [p.namn for p in organisationsblad(forbund, 2020)["personal"]] == ORDNING
