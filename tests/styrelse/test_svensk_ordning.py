"""Swedish order in the board's lists: interventions to choose, people in forms and on the register page."""

from __future__ import annotations

from typing import Any

from django.test import Client

from finsam.models import Forbund, Person
from styrelse.forms import DelegationsbeslutForm
from styrelse.selectors import insatser_for_val
from tests.finsam.test_sortering import INDATA, SVENSK
from tests.insatser import factories as f


def test_insatser_att_valja_i_svensk_ordning(forbund: Forbund, db: Any) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    assert [namn.split(" – ")[0] for _, namn in insatser_for_val(forbund)] == SVENSK


def test_personer_i_formular_pa_efternamn(forbund: Forbund, db: Any) -> None:
    for namn in ["Örjan Andersson", "Anna Öberg", "Åsa Andersson", "Bertil Ärlig"]:
        Person.objects.create(forbund=forbund, namn=namn, efternamn=namn.split()[1])
    val = [p.namn for p in DelegationsbeslutForm(forbund=forbund).fields["delegat"].queryset]  # type: ignore[attr-defined]
    assert val == ["Åsa Andersson", "Örjan Andersson", "Bertil Ärlig", "Anna Öberg"]


def test_uppdragssidan_listar_personer_svenskt(forbund: Forbund, chef_klient: Client) -> None:
    for namn in ["Örjan Andersson", "Anna Öberg", "Åsa Andersson"]:
        Person.objects.create(forbund=forbund, namn=namn, efternamn=namn.split()[1])
    svar = chef_klient.get("/styrelse/uppdrag/")
    assert [p.namn for p in svar.context["personer"] if p.namn in {"Örjan Andersson", "Anna Öberg", "Åsa Andersson"}] == [
        "Åsa Andersson",
        "Örjan Andersson",
        "Anna Öberg",
    ]
