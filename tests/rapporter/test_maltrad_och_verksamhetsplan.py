"""Issue 18 in the reports: the goal tree's yearly assessments in the annual report (each goal, its measure, target,
outcome and assessment), and the business plan built as data from a snapshot (goal tree with measures and targets for
the plan years, the budget from ekonomi with opening equity), frozen at adoption, later changes shown."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from ekonomi.selectors import budget_tabell
from finsam.models import Forbund, RollTyp
from insatser.models import Malnod
from insatser.services import malnod_bedomning_bekrafta, malnod_bedomning_foresla, malnod_skapa
from rapporter import pdf, services
from rapporter.underlag.kodning import kontrollsumma
from rapporter.underlag.rendera import komplett, kontext
from rapporter.underlag.skillnader import skillnader
from rapporter.underlag.verksamhetsplan import verksamhetsplan

from . import factories as f
from .test_pdf_innehall import budget_2020, rakenskaper_2019, text_ur_pdf

pytestmark = pytest.mark.django_db


def _trad(forbund: Forbund, amt: Any, fran: int, till: int) -> Malnod:
    vision = malnod_skapa(forbund=forbund, aktor=None, niva="vision", text="Ingen ska stå utanför", ar_fran=fran, ar_till=till)
    mal = malnod_skapa(forbund=forbund, aktor=None, niva="overgripande", forelder=vision, text="Deltagarna går vidare", ar_fran=fran, ar_till=till)
    return malnod_skapa(
        forbund=forbund,
        aktor=None,
        niva="delmal",
        forelder=mal,
        text="Genomströmning i AMT",
        ar_fran=fran,
        ar_till=till,
        matt="genomstromning",
        insats=amt,
        malvarde=Decimal(50),
        jamforelse="minst",
        ansvarig="AMT",
    )


def test_arsredovisningen_redovisar_maluppfyllelse_ur_maltradet(forbund: Forbund) -> None:
    f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)  # 5 participants, 4 exits: genomströmning 4/5 = 80 %
    rakenskaper_2019(forbund)
    f.obligatoriska_delar(forbund)
    delmal = _trad(forbund, amt, 2019, 2019)
    malnod_bedomning_foresla(malnod=delmal, aktor=None, ar=2019)
    d = komplett(forbund, 2019)
    nod = next(n for n in d["maltrad"] if n["niva"] == "delmal")
    assert (nod["matt_namn"], nod["insats"], nod["mal_text"], nod["utfall"], nod["utfall_text"], nod["forslag"]) == (
        "Genomströmning",
        "AMT",
        "≥ 50 %",
        Decimal("80.00"),
        "80 %",
        "uppfyllt",
    )
    # a proposal is not an assessment: final is refused until the förbundschef confirms it
    assert d["saknade_avsnitt"] == ["Måluppfyllelse: bekräftad bedömning av delmålet ”Genomströmning i AMT”"]
    malnod_bedomning_bekrafta(malnod=delmal, aktor=None, ar=2019, bedomning="uppfyllt", kommentar="80 % mot målet 50 %.")
    d = komplett(forbund, 2019)
    assert d["saknade_avsnitt"] == []
    nod = next(n for n in d["maltrad"] if n["niva"] == "delmal")
    assert (nod["bedomning_namn"], nod["kommentar"], nod["bekraftad"]) == ("Uppfyllt", "80 % mot målet 50 %.", True)
    assert [n["niva"] for n in d["maltrad"]] == ["vision", "overgripande", "delmal"]
    text = " ".join(text_ur_pdf(pdf.arsredovisning_pdf(kontext(d, forbund))).split())
    assert "Måluppfyllelse 2019 enligt målträdet" in text
    assert "Genomströmning i AMT Genomströmning (AMT) ≥ 50 % 80 % Uppfyllt 80 % mot målet 50 %." in text
    assert "Årets delmål i målträdet: 1 uppfyllda, 0 delvis uppfyllda och 0 ej uppfyllda av 1" in text


def test_verksamhetsplanen_ar_data_med_maltrad_och_budget(forbund: Forbund) -> None:
    f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)
    rakenskaper_2019(forbund)  # closing equity 2019: 1 380 kr
    budget_2020(forbund, amt)
    _trad(forbund, amt, 2021, 2022)  # applies in the plan years, not the budget year
    d = verksamhetsplan(forbund, 2020)
    assert d["planar"] == [2020, 2021, 2022]
    assert [(n["niva"], n["mal_text"], n["ar_fran"], n["ar_till"]) for n in d["maltrad"]] == [
        ("vision", "", 2021, 2022),
        ("overgripande", "", 2021, 2022),
        ("delmal", "≥ 50 %", 2021, 2022),
    ]
    assert "utfall" not in d["maltrad"][2]  # a plan states targets, not outcomes
    b = budget_tabell(forbund, 2020)
    assert b is not None
    ek = d["budget"]["eget_kapital"]
    assert ek["ingaende"][0] == Decimal(1380)
    assert ek["disponibel"][0] == b["summa_intakter"][0] + Decimal(1380)
    assert ek["utgaende"] == [Decimal(1380) + sum(b["resultat"][: i + 1], Decimal(0)) for i in range(3)]
    assert ek["ingaende"][1:] == ek["utgaende"][:2]
    assert [i["kortnamn"] for i in d["insatser"]["lista"]] == ["AMT"]
    assert d["insatser"]["lista"][0]["beviljat"] == Decimal(600000)


def test_verksamhetsplanen_fryses_vid_faststallelse_och_andringar_visas(forbund: Forbund, chef: Any, klient: Callable[..., Client]) -> None:
    moten = f.styrelse(forbund, 2019)
    amt = f.kant_utfall(forbund)
    rakenskaper_2019(forbund)
    budget_2020(forbund, amt)
    delmal = _trad(forbund, amt, 2020, 2022)
    rapport = services.rapport_markera_slutlig(forbund=forbund, aktor=chef, typ="verksamhetsplan", ar=2020, sammantrade=moten["moten"][1])
    rapport.refresh_from_db()
    underlag = rapport.underlag
    assert underlag is not None and underlag.fryst is None
    assert rapport.dokument.parametrar["underlag"] == underlag.pk  # rendered from the snapshot, not from live data
    rapport = services.rapport_faststall(forbund=forbund, aktor=chef, rapport=rapport, paragraf=f.paragraf(forbund, moten["moten"][1], nummer=78))
    underlag.refresh_from_db()
    assert underlag.fryst is not None
    sha = underlag.sha256
    rapport.dokument.fil.open("rb")
    text = " ".join(text_ur_pdf(rapport.dokument.fil.read()).split())
    rapport.dokument.fil.close()
    assert "Förbundets målträd för 2020–2022" in text and "Genomströmning i AMT Genomströmning (AMT) ≥ 50 % AMT, 2020–2022" in text
    # the target changes after adoption: the frozen snapshot keeps 50 %, the page shows the change
    Malnod.objects.filter(pk=delmal.pk).update(malvarde=Decimal(60))
    underlag.refresh_from_db()
    assert kontrollsumma(underlag.data) == sha
    andrat = {d["var"]: (d["fore"], d["efter"]) for d in skillnader(underlag.data, verksamhetsplan(forbund, 2020, rapport))}
    assert andrat["maltrad › Genomströmning i AMT › mal_text"] == ("≥ 50 %", "≥ 60 %")
    sida = klient(RollTyp.FORBUNDSCHEF).get("/rapporter/verksamhetsplan/2020/").content.decode()
    assert "Ändrat efter fastställelse" in sida and "Målträd › Genomströmning i AMT › målvärde" in sida
    revisor = klient(RollTyp.REVISOR).get("/rapporter/verksamhetsplan/2020/avstamning/")  # no draft access: the adopted plan's page
    assert revisor.status_code == 200 and "Ändrat efter fastställelse" in revisor.content.decode()
