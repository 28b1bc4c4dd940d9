"""The pages: render for the förbundschef with real data, fixed query counts, writes through the forms."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ekonomi.models import Budget, Kvartalsuppfoljning, Prognosrad
from ekonomi.services import budget_skapa, budgetrad_spara
from finsam.models import Handelse, RollTyp

from .factories import ParagrafFactory, importera_csv, kopplingar, tilldelning

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(forbund):  # type: ignore[no-untyped-def]
    for ar in (2019, 2020, 2021):
        tilldelning(forbund, ar=ar)
    kopplingar(forbund)
    importera_csv(forbund)
    budget = budget_skapa(forbund=forbund, aktor=None, ar=2019)
    budgetrad_spara(budget=budget, aktor=None, rad=budget.rader.get(nyckel="adm-forbundschef"), belopp=Decimal("3400"))
    return budget


def test_sidorna_visas(chef_klient, data, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    sidor = {
        "/ekonomi/?ar=2019": "Räkenskaper 2019",
        "/ekonomi/medlemsbidrag/2019/": "Fördelning av 4\xa0000\xa0kr",
        "/ekonomi/budget/": "Budget 2019, plan 2020–2021",
        f"/ekonomi/budget/{data.pk}/": "Summa totala kostnader",
        "/ekonomi/bokforing/": "saldobalans.csv",
        "/ekonomi/kontoplan/": "Standardintervallen används",
        "/ekonomi/rakenskaper/?ar=2019": "Alla kontroller stämmer.",
        "/ekonomi/uppfoljning/2019/4/": "Uppdragsersättning förbundschef",
        "/ekonomi/revision/2019/": "Ingen revisionsberättelse registrerad",
    }
    for url, text in sidor.items():
        with django_assert_max_num_queries(40):
            svar = chef_klient.get(url)
        assert svar.status_code == 200, url
        assert text in svar.content.decode(), url


def test_uppfoljning_sparar_prognos_och_visar_avvikelse(chef_klient, data) -> None:  # type: ignore[no-untyped-def]
    svar = chef_klient.post(
        "/ekonomi/uppfoljning/2019/2/",
        {
            "prognos-adm-forbundschef": "3 600",
            "kommentar-adm-forbundschef": "Vikarie under hösten",
            "sammanfattning": "Prognos −200 kr.",
        },
    )
    assert svar.status_code == 302
    p = Prognosrad.objects.get(nyckel="adm-forbundschef")
    assert (p.prognos, p.kommentar) == (Decimal("3600"), "Vikarie under hösten")
    sida = chef_klient.get("/ekonomi/uppfoljning/2019/2/").content.decode()
    assert "Vikarie under hösten" in sida and "−200" in sida
    assert Handelse.objects.filter(handling="prognos_spara").count() == 1


def test_felaktig_prognos_andrar_inget(chef_klient, data) -> None:  # type: ignore[no-untyped-def]
    svar = chef_klient.post("/ekonomi/uppfoljning/2019/2/", {"prognos-adm-forbundschef": "tre tusen"})
    assert svar.status_code == 200
    text = svar.content.decode()
    assert "”tre tusen” är inte ett belopp." in text and 'aria-invalid="true"' in text and 'value="tre tusen"' in text
    assert not Kvartalsuppfoljning.objects.exists()


def test_faststall_via_sidan_och_revisor_kan_inte(chef_klient, klient, forbund, data) -> None:  # type: ignore[no-untyped-def]
    p = ParagrafFactory(forbund=forbund)
    revisor = klient(RollTyp.REVISOR)
    assert revisor.post(f"/ekonomi/budget/{data.pk}/faststall/", {"paragraf": p.pk}).status_code == 403
    data.refresh_from_db()
    assert data.status == Budget.Status.UTKAST
    assert chef_klient.post(f"/ekonomi/budget/{data.pk}/faststall/", {"paragraf": p.pk}).status_code == 302
    data.refresh_from_db()
    assert data.status == Budget.Status.FASTSTALLD
    svar = chef_klient.post(
        f"/ekonomi/budget/{data.pk}/rad/{data.rader.first().pk}/", {"grupp": "administration", "text": "X", "belopp": "1"}, follow=True
    )
    assert "fastställd och låst" in svar.content.decode()


def test_nedladdningar(chef_klient, data) -> None:  # type: ignore[no-untyped-def]
    csv = chef_klient.get("/ekonomi/rakenskaper/2019/ladda-ned/csv/")
    # RFC 6266: the Swedish file name survives the download (Chromium saved "download.csv" before)
    assert csv["Content-Disposition"] == "attachment; filename*=utf-8''r%C3%A4kenskaper-skelleftea-norsjo-2019.csv"
    assert "Balansräkning;Summa tillgångar;1780;" in csv.content.decode("utf-8-sig")
    xlsx = chef_klient.get("/ekonomi/rakenskaper/2019/ladda-ned/xlsx/")
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    summa = next(r for r in ws.iter_rows() if r[1].value == "Summa tillgångar")
    assert summa[2].value == 1780 and summa[2].number_format == "#,##0"  # a number with a real thousands format
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)
    assert chef_klient.get("/ekonomi/rakenskaper/2018/ladda-ned/csv/").status_code == 404


def test_startsidan_visar_avstamning_och_ekonomi(forbund, chef_klient) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund, belopp=4008)  # the books show 4 000: income per member does not reconcile
    importera_csv(forbund)
    sida = chef_klient.get("/").content.decode()
    assert "Räkenskaperna 2019:" in sida and "avstämningskontroll(er) stämmer inte" in sida
    assert 'href="/ekonomi/"' in sida


def test_annat_forbunds_budget_ar_404(chef_klient, annat_forbund) -> None:  # type: ignore[no-untyped-def]
    annan = budget_skapa(forbund=annat_forbund, aktor=None, ar=2019)
    assert chef_klient.get(f"/ekonomi/budget/{annan.pk}/").status_code == 404
    assert chef_klient.post(f"/ekonomi/budget/{annan.pk}/fyll/").status_code == 404
