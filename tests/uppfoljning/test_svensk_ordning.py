"""Swedish order of interventions in the follow-up: the outcome per intervention and the export choices."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund, RollTyp
from finsam.permissions import Kontext
from tests.finsam.test_sortering import INDATA, SVENSK
from tests.insatser import factories as f
from uppfoljning.selectors import insatser_for_export, utfall


def test_insatser_i_svensk_ordning(forbund: Forbund, db: Any) -> None:
    for kortnamn in INDATA:
        f.insats(forbund, kortnamn)
    assert [i.kortnamn for i in insatser_for_export(Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF))] == SVENSK
    assert [r["kortnamn"] for r in utfall(forbund, 2020)["insatser"]] == SVENSK
