"""Swedish order of interventions on the page, in the API and in the choices of other forms."""

from __future__ import annotations

from typing import Any

from django.test import Client

from finsam.models import Forbund
from insatser.forms import BeviljandeForm
from tests.finsam.test_sortering import INDATA, SVENSK
from tests.insatser import factories as f


def test_insatser_i_svensk_ordning_pa_sidan_och_i_api(forbund: Forbund, chef_klient: Client) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    api = chef_klient.get("/api/insatser/insatser/", {"limit": 100}).json()
    assert [i["kortnamn"] for i in api["results"]] == SVENSK
    sida = chef_klient.get("/insatser/").content.decode()
    assert [sida.index(f">{k}<") for k in SVENSK] == sorted(sida.index(f">{k}<") for k in SVENSK)


def test_formularens_insatsval_i_svensk_ordning(forbund: Forbund, db: Any) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    assert [i.kortnamn for i in BeviljandeForm(forbund=forbund).fields["insats"].queryset] == SVENSK  # type: ignore[attr-defined]
