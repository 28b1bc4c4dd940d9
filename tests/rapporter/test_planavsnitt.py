"""Issue 18: the verksamhetsplan's sections are data. A year starts from the standard template; sections are added,
renamed, moved up/down and removed; the PDF renders them in order; "Ny plan för ÅÅÅÅ från ÅÅÅÅ" copies the plan to the
next year (texts marked "att revidera", goals applying to the next year) and is refused when the year has a plan;
the old fixed texts were migrated into the sections."""

from __future__ import annotations

import importlib
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.test import Client

from finsam.models import Forbund, Handelse
from insatser.models import Malnod
from insatser.services import malnod_skapa
from rapporter import pdf, plan, selectors
from rapporter.models import Forbundsmal, Planavsnitt, Rapporttext
from rapporter.sektioner import VERKSAMHETSPLAN_MALL

from . import factories as f
from .test_pdf_innehall import text_ur_pdf

pytestmark = pytest.mark.django_db

MALLORDNING = [
    "inledning",
    "lagstiftning",
    "organisation",
    "malgrupper",
    "prioriteringar",
    "vision",
    "mal",
    "finansiering",
    "arbetssatt",
    "insatser",
    "finansiellt_mal",
    "risk",
    "internkontroll",
    "budget",
    "medlemsbidrag",
]


def _nycklar(forbund: Forbund, ar: int) -> list[str]:
    return list(Planavsnitt.objects.filter(forbund=forbund, ar=ar).order_by("ordning").values_list("nyckel", flat=True))


def _avsnitt(forbund: Forbund, ar: int, nyckel: str) -> Planavsnitt:
    return Planavsnitt.objects.get(forbund=forbund, ar=ar, nyckel=nyckel)


def test_nytt_ar_startar_fran_standardmallen(forbund: Forbund) -> None:
    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    assert _nycklar(forbund, 2023) == MALLORDNING == [m.nyckel for m in VERKSAMHETSPLAN_MALL]
    assert _avsnitt(forbund, 2023, "budget").slag == "budget" and _avsnitt(forbund, 2023, "mal").slag == "maltrad"
    with pytest.raises(ValidationError, match=r"Verksamhetsplanen för 2023 finns redan\."):
        plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    assert Handelse.objects.filter(handling="verksamhetsplan_skapa").count() == 1


def test_avsnitt_flyttas_byter_namn_och_tas_bort_och_pdf_foljer_ordningen(forbund: Forbund) -> None:
    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    vision = _avsnitt(forbund, 2023, "vision")
    plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=vision, riktning="upp")
    plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=vision, riktning="upp")
    assert _nycklar(forbund, 2023)[:6] == ["inledning", "lagstiftning", "organisation", "vision", "malgrupper", "prioriteringar"]
    with pytest.raises(ValidationError, match="”Inledning” står redan först"):
        plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2023, "inledning"), riktning="upp")
    with pytest.raises(ValidationError, match="står redan sist"):
        plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2023, "medlemsbidrag"), riktning="ned")
    plan.planavsnitt_ta_bort(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2023, "arbetssatt"))
    plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=vision, rubrik="Vision 2023", text="Ingen ska stå utanför.")
    ny = plan.planavsnitt_skapa(forbund=forbund, aktor=None, ar=2023, rubrik="Kompetensutveckling", text="Utbildningar för medlemmarnas personal.")
    assert ny.nyckel == "kompetensutveckling" and _nycklar(forbund, 2023)[-1] == "kompetensutveckling"
    assert "arbetssatt" not in _nycklar(forbund, 2023) and len(_nycklar(forbund, 2023)) == 15
    text = text_ur_pdf(pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, 2023)))
    assert text.rindex("4. Vision 2023") < text.index("Ingen ska stå utanför.") < text.rindex("5. Målgrupper")  # after the contents
    assert "Arbetssätt" not in text
    assert text.rindex("14. Medlemsbidrag") < text.rindex("15. Kompetensutveckling") < text.index("Utbildningar för medlemmarnas personal.")
    assert {h.handling for h in Handelse.objects.filter(handling__startswith="planavsnitt_")} == {
        "planavsnitt_flytta",
        "planavsnitt_ta_bort",
        "planavsnitt_andra",
        "planavsnitt_skapa",
    }


def test_insatsavsnitt_och_tabellavsnitt(forbund: Forbund, annat_forbund: Forbund) -> None:
    amt = f.insats(forbund, "AMT")
    with pytest.raises(ValidationError) as fel:
        plan.planavsnitt_skapa(forbund=forbund, aktor=None, ar=2023, rubrik="AMT", slag="insats")
    assert fel.value.message_dict == {"insats": ["Välj vilken insats avsnittet gäller."]}
    with pytest.raises(ValidationError, match=r"Insatsen tillhör inte förbundet\."):
        plan.planavsnitt_skapa(forbund=forbund, aktor=None, ar=2023, rubrik="X", slag="insats", insats=f.insats(annat_forbund, "ANNAN"))
    a = plan.planavsnitt_skapa(
        forbund=forbund, aktor=None, ar=2023, rubrik="Arbetsmarknadstorget", slag="insats", insats=amt, mal_text="35 % genomströmning."
    )
    risk = plan.planavsnitt_skapa(
        forbund=forbund, aktor=None, ar=2023, rubrik="Risker", slag="risk", rader=[["Ekonomi", "Underskott", "Låg", "Hög", "Uppföljning varje månad"]]
    )
    with pytest.raises(ValidationError, match="Rad 1 har 6 celler; tabellen har 5 kolumner"):
        plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=risk, rader=[["a", "b", "c", "d", "e", "f"]])
    text = text_ur_pdf(pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, 2023)))
    assert "1. Arbetsmarknadstorget" in text and "35 % genomströmning." in text
    assert "Sannolikhet" in text and "Uppföljning varje" in text
    assert a.insats == amt


def test_planen_kopieras_till_nasta_ar(forbund: Forbund) -> None:
    plan.plan_starta(forbund=forbund, aktor=None, ar=2022)
    plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2022, "vision"), text="Ingen ska stå utanför.")
    plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2022, "vision"), riktning="upp")
    f.mal(forbund, 2022, "Eget kapital inom rekommendationen")
    vision = malnod_skapa(forbund=forbund, aktor=None, niva="vision", text="Vision", ar_fran=2021, ar_till=2022)
    tidigare = malnod_skapa(forbund=forbund, aktor=None, niva="vision", text="Gammal vision", ar_fran=2019, ar_till=2021)
    nya = plan.plan_kopiera(forbund=forbund, aktor=None, fran_ar=2022, till_ar=2023)
    assert [a.nyckel for a in nya] == _nycklar(forbund, 2022) == _nycklar(forbund, 2023)
    kopia = _avsnitt(forbund, 2023, "vision")
    assert (kopia.text, kopia.att_revidera) == ("Ingen ska stå utanför.", True)
    assert all(a.att_revidera for a in Planavsnitt.objects.filter(forbund=forbund, ar=2023))
    assert not _avsnitt(forbund, 2022, "vision").att_revidera
    assert list(Forbundsmal.objects.filter(forbund=forbund, ar=2023).values_list("mal", "period")) == [("Eget kapital inom rekommendationen", "2023")]
    vision.refresh_from_db()
    tidigare.refresh_from_db()
    assert (vision.ar_till, tidigare.ar_till) == (2023, 2021)  # goals of 2022 apply to 2023 too; older ones stay ended
    text = text_ur_pdf(pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, 2023)))
    assert "Att revidera: texten är kopierad från förra årets plan." in text
    plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=kopia, text="Ingen ska stå utanför 2023.")
    kopia.refresh_from_db()
    assert not kopia.att_revidera
    with pytest.raises(ValidationError, match=r"Verksamhetsplanen för 2023 finns redan och kopieras inte över\."):
        plan.plan_kopiera(forbund=forbund, aktor=None, fran_ar=2022, till_ar=2023)
    with pytest.raises(ValidationError, match=r"Det finns ingen verksamhetsplan för 2030 att utgå från\."):
        plan.plan_kopiera(forbund=forbund, aktor=None, fran_ar=2030, till_ar=2031)
    h = Handelse.objects.get(handling="verksamhetsplan_kopiera")
    assert h.detaljer["avsnitt"] == 15 and h.detaljer["malnoder_forlangda"] == [vision.pk]


def test_kopiering_vagras_lika_pa_sidan_och_i_api(forbund: Forbund, chef_klient: Client) -> None:
    plan.plan_starta(forbund=forbund, aktor=None, ar=2022)
    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    sida = chef_klient.post("/rapporter/plan/2022/ny-plan/", follow=True)
    assert "Verksamhetsplanen för 2023 finns redan och kopieras inte över." in sida.content.decode()
    api = chef_klient.post("/api/rapporter/planavsnitt/kopiera/", {"fran_ar": 2022, "till_ar": 2023}, content_type="application/json")
    assert api.status_code == 400
    assert api.json()["fel"][0]["meddelande"] == "Verksamhetsplanen för 2023 finns redan och kopieras inte över."
    assert Planavsnitt.objects.filter(ar=2023, att_revidera=True).count() == 0


def test_sidan_har_upp_och_ned_knappar_och_api_flyttar(
    forbund: Forbund, chef_klient: Client, annat_forbund: Forbund, django_assert_max_num_queries: Any
) -> None:
    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    with django_assert_max_num_queries(60):
        html = chef_klient.get("/rapporter/verksamhetsplan/2023/").content.decode()
    assert html.count('name="riktning" value="upp"') == 15 and html.count('name="riktning" value="ned"') == 15
    assert "Ny plan för 2024 från 2023" in html
    vision = _avsnitt(forbund, 2023, "vision")
    svar = chef_klient.post(f"/rapporter/plan/avsnitt/{vision.pk}/flytta/", {"riktning": "upp"})
    assert svar.status_code == 302 and _nycklar(forbund, 2023)[4] == "vision"
    svar = chef_klient.post(f"/api/rapporter/planavsnitt/{vision.pk}/flytta/", {"riktning": "ned"}, content_type="application/json")
    assert svar.status_code == 200 and [a["nyckel"] for a in svar.json()][5] == "vision"
    svar = chef_klient.patch(f"/api/rapporter/planavsnitt/{vision.pk}/", {"rubrik": "Vår vision"}, content_type="application/json")
    assert svar.status_code == 200 and svar.json()["rubrik"] == "Vår vision"
    svar = chef_klient.post(f"/rapporter/plan/avsnitt/{vision.pk}/", {"rubrik": "", "text": "x"})
    assert svar.status_code == 400 and 'aria-invalid="true"' in svar.content.decode()
    annan = plan.plan_starta(forbund=annat_forbund, aktor=None, ar=2023)[0]
    assert chef_klient.post(f"/rapporter/plan/avsnitt/{annan.pk}/ta-bort/").status_code == 404
    assert chef_klient.delete(f"/api/rapporter/planavsnitt/{annan.pk}/").status_code == 404
    assert Planavsnitt.objects.filter(pk=annan.pk).exists()


def test_datamigreringen_flyttar_texterna_till_avsnitt(forbund: Forbund, annat_forbund: Forbund) -> None:
    migrering = importlib.import_module("rapporter.migrations.0004_planavsnitt_fran_rapporttext")
    Rapporttext.objects.create(forbund=forbund, typ="verksamhetsplan", ar=2020, sektion="lagrum", text="Lagen (2003:1210).")
    Rapporttext.objects.create(forbund=forbund, typ="verksamhetsplan", ar=2020, sektion="vision", text="Ingen utanför.")
    Rapporttext.objects.create(forbund=forbund, typ="verksamhetsplan", ar=2020, sektion="egen_del", text="Något eget.")
    Rapporttext.objects.create(forbund=annat_forbund, typ="verksamhetsplan", ar=2021, sektion="budget", text="Budget i balans.")
    Rapporttext.objects.create(forbund=forbund, typ="arsredovisning", ar=2020, sektion="vision", text="Årsredovisningens.")
    migrering.framat(django_apps, None)
    assert _nycklar(forbund, 2020) == [*MALLORDNING, "egen_del"]
    assert _avsnitt(forbund, 2020, "lagstiftning").text == "Lagen (2003:1210)."
    assert _avsnitt(forbund, 2020, "vision").text == "Ingen utanför."
    assert (_avsnitt(forbund, 2020, "egen_del").rubrik, _avsnitt(forbund, 2020, "egen_del").slag) == ("Egen del", "text")
    assert _avsnitt(annat_forbund, 2021, "budget").text == "Budget i balans."
    assert list(Rapporttext.objects.values_list("typ", flat=True)) == ["arsredovisning"]  # the plan texts moved
    migrering.framat(django_apps, None)  # a rerun changes nothing
    assert Planavsnitt.objects.filter(forbund=forbund, ar=2020).count() == 16
    migrering.bakat(django_apps, None)
    assert Rapporttext.objects.get(forbund=forbund, typ="verksamhetsplan", sektion="lagrum").text == "Lagen (2003:1210)."


def test_pdf_text_for_maltradet(forbund: Forbund) -> None:
    amt = f.insats(forbund, "AMT")
    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=_avsnitt(forbund, 2023, "mal"), text="Målen följs upp varje år.")
    vision = malnod_skapa(forbund=forbund, aktor=None, niva="vision", text="Ingen ska stå utanför", ar_fran=2023, ar_till=2025)
    mal = malnod_skapa(forbund=forbund, aktor=None, niva="overgripande", forelder=vision, text="Deltagarna går vidare", ar_fran=2023, ar_till=2025)
    for i, (text, matt, varde, jmf) in enumerate(
        [
            ("Kort väntetid", "vantetid", Decimal(30), "hogst"),
            ("Hög närvaro", "narvaro", Decimal(75), "minst"),
            ("Genomströmning", "genomstromning", Decimal(35), "minst"),
        ],
        start=1,
    ):
        malnod_skapa(
            forbund=forbund,
            aktor=None,
            niva="delmal",
            forelder=mal,
            text=text,
            ar_fran=2023,
            ar_till=2025,
            matt=matt,
            malvarde=varde,
            jamforelse=jmf,
            insats=amt,
            ansvarig="AMT",
            ordning=i,
        )
    text = text_ur_pdf(pdf.verksamhetsplan_pdf(selectors.verksamhetsplan(forbund, 2023)))
    rader = [r.strip() for r in text.splitlines()]
    assert "7. Mål och mått" in rader
    start = text.rindex("7. Mål och mått")
    del_ = text[start : text.index("8. Finansiering", start)]
    assert "Målen följs upp varje år." in del_
    assert "Vision: Ingen ska stå utanför" in del_ and "Övergripande mål: Deltagarna går vidare" in del_
    assert del_.index("Kort väntetid") < del_.index("Hög närvaro") < del_.index("Genomströmning")
    assert "≤ 30 dagar" in del_ and "≥ 75 %" in del_ and "≥ 35 %" in del_
    assert "AMT, 2023–2025" in del_
    assert Malnod.objects.filter(forbund=forbund).count() == 5


def test_fastslagen_plan_andras_inte_men_kan_kopieras(forbund: Forbund) -> None:
    from rapporter.models import Rapport

    plan.plan_starta(forbund=forbund, aktor=None, ar=2023)
    Rapport.objects.create(forbund=forbund, typ="verksamhetsplan", ar=2023, status=Rapport.Status.FASTSTALLD)
    vision = _avsnitt(forbund, 2023, "vision")
    for gora in (
        lambda: plan.planavsnitt_andra(forbund=forbund, aktor=None, avsnitt=vision, text="Ny"),
        lambda: plan.planavsnitt_flytta(forbund=forbund, aktor=None, avsnitt=vision, riktning="upp"),
        lambda: plan.planavsnitt_ta_bort(forbund=forbund, aktor=None, avsnitt=vision),
        lambda: plan.planavsnitt_skapa(forbund=forbund, aktor=None, ar=2023, rubrik="Extra"),
    ):
        with pytest.raises(ValidationError, match=r"Verksamhetsplan 2023 är fastställd av styrelsen och kan inte ändras\."):
            gora()
    assert _nycklar(forbund, 2023) == MALLORDNING
    assert len(plan.plan_kopiera(forbund=forbund, aktor=None, fran_ar=2023, till_ar=2024)) == 15  # the adopted plan is the start of the next


def test_underlag_fran_fore_avsnitten_renderas_som_forut(forbund: Forbund) -> None:
    """A snapshot frozen before the sections were data (version 1: a dict of texts) still renders, texts in order."""
    from rapporter.underlag.verksamhetsplan import verksamhetsplan

    data = verksamhetsplan(forbund, 2020)
    data["version"] = 1
    data["sektioner"] = {
        "inledning": {"nyckel": "inledning", "rubrik": "Inledning", "text": "Planen för 2020."},
        "vision": {"nyckel": "vision", "rubrik": "Vision", "text": "Ingen utanför."},
        "insatser": {"nyckel": "insatser", "rubrik": "Insatser", "text": "Beviljade medel."},
        "budget": {"nyckel": "budget", "rubrik": "Budget", "text": "Budget i balans."},
    }
    data.pop("finansiella_mal")
    text = text_ur_pdf(pdf.verksamhetsplan_pdf(selectors.vp_kontext(data)))
    ordning = ["1. Inledning", "Planen för 2020.", "2. Vision", "Ingen utanför.", "4. Insatser", "Beviljade medel.", "5. Budget", "Budget i balans."]
    positioner = [text.rindex(t) for t in ordning]
    assert positioner == sorted(positioner)
