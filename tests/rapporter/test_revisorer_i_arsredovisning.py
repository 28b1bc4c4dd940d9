"""Issue 12: the annual report names the year's revisorer (who, appointed by which member, auditing which members),
read from the auditors' register (forvaltning) into the snapshot and printed under the section Revisorer."""

from __future__ import annotations

from typing import Any

import pytest

from finsam.models import Forbund, Medlem
from finsam.services import person_create
from forvaltning.services.revision import revisor_skapa
from rapporter import pdf, selectors
from rapporter.underlag.rendera import komplett
from rapporter.underlag.skillnader import skillnader

from . import factories as f
from .test_pdf_innehall import text_ur_pdf

pytestmark = pytest.mark.django_db


def _revisor(forbund: Forbund, namn: str, utsedd_av: str, granskar: list[str], ar_fran: int, ar_till: int | None) -> Any:
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=forbund)}
    person = person_create(forbund=forbund, aktor=None, namn=namn)
    granskade = [medlem[k] for k in granskar]
    return revisor_skapa(
        forbund=forbund, aktor=None, person=person, utsedd_av=medlem[utsedd_av], granskar=granskade, ar_fran=ar_fran, ar_till=ar_till
    )


def test_arets_revisorer_i_underlaget_och_pdf(forbund: Forbund) -> None:
    f.styrelse(forbund, 2019)
    kommuner = [m.kod for m in Medlem.objects.filter(forbund=forbund, typ="kommun")]
    region_och_kommuner = [m.namn for m in Medlem.objects.filter(forbund=forbund, kod__in=["region", *kommuner]).order_by("ordning")]
    _revisor(forbund, "Eva Granlund", "region", ["region", *kommuner], 2015, 2022)
    _revisor(forbund, "Lars Nyström", "fk", ["fk", "af"], 2018, None)
    _revisor(forbund, "Olle Avgången", "fk", ["fk", "af"], 2014, 2017)  # not 2019's
    data = komplett(forbund, 2019)
    assert [(r["namn"], r["utsedd_av"], r["granskar"]) for r in data["revisorer"]] == [
        ("Lars Nyström", "Försäkringskassan", ["Försäkringskassan", "Arbetsförmedlingen"]),  # the newest appointment first
        ("Eva Granlund", "Region Västerbotten", region_och_kommuner),
    ]
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(selectors.rendera.kontext(data, forbund))).split())
    assert "Lars Nyström Försäkringskassan Försäkringskassan och Arbetsförmedlingen" in text
    assert "Eva Granlund" in text and "Olle Avgången" not in text


def test_en_del_som_tillkommit_efter_faststallelsen_ar_ingen_andring() -> None:
    """A snapshot frozen before the report gained a part (here the revisorer) did not show that part: a fresh build that
    has it is no change to the adopted document's data. A changed figure still is."""
    fryst = {"ar": 2019, "utfall": {"totalt": {"deltagare": {"totalt": 5}}}}
    nu = {"ar": 2019, "utfall": {"totalt": {"deltagare": {"totalt": 5}}}, "revisorer": [{"namn": "Lars Nyström"}]}
    assert skillnader(fryst, nu) == []
    nu["utfall"]["totalt"]["deltagare"]["totalt"] = 6
    assert [d["var"] for d in skillnader(fryst, nu)] == ["utfall › totalt › deltagare › totalt"]
