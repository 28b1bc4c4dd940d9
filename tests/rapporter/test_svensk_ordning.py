"""Swedish order in the reports: the interventions of the year and the staff."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund, Person
from rapporter import kallor
from tests.finsam.test_sortering import INDATA, SVENSK
from tests.insatser import factories as f


def test_arets_insatser_och_kansliet_i_svensk_ordning(forbund: Forbund, db: Any) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    assert [i.kortnamn for i in kallor.insatser(forbund, 2020)["lista"]] == SVENSK
    for namn in ["Örjan Andersson", "Anna Öberg", "Åsa Andersson"]:
        Person.objects.create(forbund=forbund, namn=namn, efternamn=namn.split()[1], ar_personal=True)
    assert [p.namn for p in kallor.styrelse(forbund, 2020)["personal"]] == ["Åsa Andersson", "Örjan Andersson", "Anna Öberg"]
