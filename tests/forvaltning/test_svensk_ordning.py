"""Swedish order in förvaltning: agreements in the API and interventions to choose in the agreement form."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund
from forvaltning.forms import AvtalForm
from tests.finsam.test_sortering import INDATA, SVENSK
from tests.insatser import factories as f


def test_avtalsformularets_insatser_i_svensk_ordning(forbund: Forbund, db: Any) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    assert [i.kortnamn for i in AvtalForm(forbund=forbund).fields["insats"].queryset] == SVENSK  # type: ignore[attr-defined]
