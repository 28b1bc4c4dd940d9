"""Permission matrix rows for ekonomi's pages and API: every role × every URL × another förbund.
Auditors read everything and write only their audit report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from ekonomi.models import Ansvarsfrihet, Bidragsavrundning, Bidragsjustering, Kontointervall, Kontokoppling, Revisionsberattelse
from ekonomi.services import bokforing_import_bestall, budget_faststall, budget_skapa
from finsam.models import Forbund, Person
from forvaltning.models import Revisor
from tests.conftest import ROLLER
from tests.matrix import Rad, kor_matris, kor_utan_inloggning

from .factories import SALDOBALANS, ParagrafFactory, importera_csv, medlem, tilldelning


def _revisor(f: Forbund) -> Revisor:
    """The auditor appointed by FK for 2019, linked to the revisor test user when it exists (it writes the report)."""
    user = get_user_model().objects.filter(username=f"revisor-{f.slug}").first()
    person = Person.objects.create(forbund=f, namn=f"Eva Granlund {f.slug}", user=user)
    r = Revisor.objects.create(forbund=f, person=person, utsedd_av=medlem(f, "fk"), ar_fran=2019)
    r.granskar.set([medlem(f, "fk"), medlem(f, "af")])
    return r


def _forbundsdata(f: Forbund) -> dict[str, Any]:
    t = tilldelning(f)
    importera_csv(f)
    budget = budget_skapa(forbund=f, aktor=None, ar=2019)
    gammal = budget_skapa(forbund=f, aktor=None, ar=2018)
    p = ParagrafFactory(forbund=f)
    # The budget 2018 was adopted by the board before that year ended, in its budget item.
    p2017 = ParagrafFactory(forbund=f, sammantrade__datum=dt.date(2017, 11, 30), ar=2017, rubrik="Verksamhetsplan och budget 2018")
    budget_faststall(budget=gammal, aktor=None, paragraf=p2017)
    return {
        "t": t,
        "budget": budget,
        "faststalld": gammal,
        "rad": budget.rader.first(),
        "paragraf": p,
        "intervall": Kontointervall.objects.create(forbund=f, fran=1000, till=1499, rad="anlaggningstillgangar"),
        "koppling": Kontokoppling.objects.create(forbund=f, fran=3010, till=3010, text="Staten"),
        "berattelse": Revisionsberattelse.objects.create(forbund=f, ar=2019, revisor_uppdrag=_revisor(f), datum="2020-03-01", text="Ok"),
        "ansvar": Ansvarsfrihet.objects.create(
            forbund=f, ar=2019, medlem=medlem(f, "fk"), beslut="beviljad", beslutsdatum="2020-05-01", beslutsorgan="FK"
        ),
        "medlem": medlem(f, "region"),
        "avrundning": Bidragsavrundning.objects.create(forbund=f, ar=2018, regel="krona"),
        "justering": Bidragsjustering.objects.create(forbund=f, ar=2018, medlem=medlem(f, "fk"), belopp=100, forklaring="Kreditering", paragraf=p),
        # a job waiting for confirmation (replacing 2019): confirming it is a write
        "jobb": bokforing_import_bestall(forbund=f, aktor=None, data=SALDOBALANS.encode(), filnamn="sb.csv", kalla="csv", ar=2019),
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {"m": _forbundsdata(forbund), "a": _forbundsdata(annat)}


def _fil() -> SimpleUploadedFile:
    return SimpleUploadedFile("saldobalans.csv", SALDOBALANS.encode(), content_type="text/csv")


E = "/ekonomi"
A = "/api/ekonomi"
V, R = "ekonomi.visa", "ekonomi.redigera"
RADDATA = {"grupp": "administration", "text": "Sammanträdeskostnader", "belopp": "10000", "plan1": "10000", "plan2": ""}


def _b(m: dict[str, Any], k: str = "budget") -> int:
    return int(m[k].pk)


RADER = [
    Rad("ekonomi:index", lambda m: f"{E}/?ar=2019", V),
    Rad("ekonomi:bidrag", lambda m: f"{E}/medlemsbidrag/2019/", V),
    Rad(
        "ekonomi:bidrag",
        lambda m: f"{E}/medlemsbidrag/2020/",
        R,
        metod="post",
        data=lambda m: {"belopp": "5034000", **{f"invanare_{k.medlem_id}": 100 for k in m["m"]["t"].kommunandelar.all()}},
    ),
    Rad("ekonomi:bidragsavrundning", lambda m: f"{E}/medlemsbidrag/2019/avrundning/", R),
    Rad("ekonomi:bidragsavrundning", lambda m: f"{E}/medlemsbidrag/2019/avrundning/", R, metod="post", data=lambda m: {"regel": "krona"}),
    Rad("ekonomi:bidragsjustering", lambda m: f"{E}/medlemsbidrag/2019/justering/", R),
    Rad("ekonomi:budget_lista", lambda m: f"{E}/budget/", V),
    Rad("ekonomi:budget_lista", lambda m: f"{E}/budget/", R, metod="post", data=lambda m: {"ar": 2030}),
    Rad("ekonomi:budget", lambda m: f"{E}/budget/{_b(m['m'])}/", V, annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/"),
    Rad(
        "ekonomi:budgetrad_ny",
        lambda m: f"{E}/budget/{_b(m['m'])}/rad/",
        R,
        metod="post",
        data=lambda m: RADDATA,
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/rad/",
    ),
    Rad(
        "ekonomi:budgetrad",
        lambda m: f"{E}/budget/{_b(m['m'])}/rad/{m['m']['rad'].pk}/",
        R,
        metod="post",
        data=lambda m: RADDATA,
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/rad/{m['a']['rad'].pk}/",
    ),
    Rad(
        "ekonomi:budgetrad_ta_bort",
        lambda m: f"{E}/budget/{_b(m['m'])}/rad/{m['m']['rad'].pk}/ta-bort/",
        R,
        metod="post",
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/rad/{m['a']['rad'].pk}/ta-bort/",
    ),
    Rad(
        "ekonomi:budget_fyll",
        lambda m: f"{E}/budget/{_b(m['m'])}/fyll/",
        R,
        metod="post",
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/fyll/",
    ),
    Rad(
        "ekonomi:budget_faststall",
        lambda m: f"{E}/budget/{_b(m['m'])}/faststall/",
        R,
        metod="post",
        data=lambda m: {"paragraf": m["m"]["paragraf"].pk},
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'])}/faststall/",
    ),
    Rad(
        "ekonomi:budget_ny_version",
        lambda m: f"{E}/budget/{_b(m['m'], 'faststalld')}/ny-version/",
        R,
        metod="post",
        annat_forbund_url=lambda m: f"{E}/budget/{_b(m['a'], 'faststalld')}/ny-version/",
    ),
    Rad("ekonomi:importera", lambda m: f"{E}/bokforing/", V),
    Rad("ekonomi:importera", lambda m: f"{E}/bokforing/", R, metod="post", data=lambda m: {"fil": _fil(), "kalla": "csv", "ar": 2019}),
    Rad(
        "ekonomi:import_jobb",
        lambda m: f"{E}/bokforing/jobb/{m['m']['jobb'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{E}/bokforing/jobb/{m['a']['jobb'].pk}/",
    ),
    Rad(
        "ekonomi:import_bekrafta",
        lambda m: f"{E}/bokforing/jobb/{m['m']['jobb'].pk}/bekrafta/",
        R,
        metod="post",
        annat_forbund_url=lambda m: f"{E}/bokforing/jobb/{m['a']['jobb'].pk}/bekrafta/",
    ),
    Rad("ekonomi:kontoplan", lambda m: f"{E}/kontoplan/", V),
    Rad("ekonomi:kontoplan", lambda m: f"{E}/kontoplan/", R, metod="post", data=lambda m: {"typ": "installning", "s-procent": "25"}),
    Rad(
        "ekonomi:kontoplan_ta_bort",
        lambda m: f"{E}/kontoplan/koppling/{m['m']['koppling'].pk}/ta-bort/",
        R,
        metod="post",
        annat_forbund_url=lambda m: f"{E}/kontoplan/koppling/{m['a']['koppling'].pk}/ta-bort/",
    ),
    Rad("ekonomi:rakenskaper", lambda m: f"{E}/rakenskaper/?ar=2019", V),
    Rad("ekonomi:rakenskaper_fil", lambda m: f"{E}/rakenskaper/2019/ladda-ned/csv/", V),
    Rad("ekonomi:rakenskaper_pdf", lambda m: f"{E}/rakenskaper/2019/pdf/", "dokument.skapa", metod="post"),
    Rad("ekonomi:uppfoljning", lambda m: f"{E}/uppfoljning/2019/2/", V),
    Rad(
        "ekonomi:uppfoljning",
        lambda m: f"{E}/uppfoljning/2019/2/",
        R,
        metod="post",
        data=lambda m: {"prognos-adm-forbundschef": "800000", "sammanfattning": "Enligt plan."},
    ),
    Rad("ekonomi:kvartalsrapport_pdf", lambda m: f"{E}/uppfoljning/2019/2/pdf/", "dokument.skapa", metod="post"),
    Rad("ekonomi:revision", lambda m: f"{E}/revision/2019/", V),
    Rad(
        "ekonomi:revision",
        lambda m: f"{E}/revision/2019/",
        "revision.redigera",
        metod="post",
        data=lambda m: {
            "datum": "2020-03-20",
            "tillstyrker_ansvarsfrihet": "on",
            "text": "Räkenskaperna är rättvisande.",
        },
    ),
    Rad(
        "ekonomi:ansvarsfrihet",
        lambda m: f"{E}/revision/2019/ansvarsfrihet/",
        R,
        metod="post",
        data=lambda m: {"medlem": m["m"]["medlem"].pk, "beslut": "beviljad", "beslutsdatum": "2020-04-22", "beslutsorgan": "Regionfullmäktige"},
    ),
    # API
    Rad("ekonomi-api:bidragsavrundning-list", lambda m: f"{A}/bidragsavrundningar/", V),
    Rad(
        "ekonomi-api:bidragsavrundning-list",
        lambda m: f"{A}/bidragsavrundningar/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"ar": 2019, "regel": "krona"},
    ),
    Rad(
        "ekonomi-api:bidragsavrundning-detail",
        lambda m: f"{A}/bidragsavrundningar/{m['m']['avrundning'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/bidragsavrundningar/{m['a']['avrundning'].pk}/",
    ),
    Rad("ekonomi-api:bidragsjustering-list", lambda m: f"{A}/bidragsjusteringar/", V),
    Rad(
        "ekonomi-api:bidragsjustering-detail",
        lambda m: f"{A}/bidragsjusteringar/{m['m']['justering'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/bidragsjusteringar/{m['a']['justering'].pk}/",
    ),
    Rad("ekonomi-api:tilldelning-list", lambda m: f"{A}/tilldelningar/", V),
    Rad(
        "ekonomi-api:tilldelning-list",
        lambda m: f"{A}/tilldelningar/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"ar": 2021, "belopp": "5036000", "invanare": {str(k.medlem_id): 10 for k in m["m"]["t"].kommunandelar.all()}},
    ),
    Rad(
        "ekonomi-api:tilldelning-detail",
        lambda m: f"{A}/tilldelningar/{m['m']['t'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/tilldelningar/{m['a']['t'].pk}/",
    ),
    Rad(
        "ekonomi-api:tilldelning-fordelning",
        lambda m: f"{A}/tilldelningar/{m['m']['t'].pk}/fordelning/",
        V,
        annat_forbund_url=lambda m: f"{A}/tilldelningar/{m['a']['t'].pk}/fordelning/",
    ),
    Rad("ekonomi-api:budget-list", lambda m: f"{A}/budgetar/", V),
    Rad("ekonomi-api:budget-list", lambda m: f"{A}/budgetar/", R, metod="post", json=True, data=lambda m: {"ar": 2031}),
    Rad("ekonomi-api:budget-detail", lambda m: f"{A}/budgetar/{_b(m['m'])}/", V, annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'])}/"),
    Rad(
        "ekonomi-api:budget-tabell",
        lambda m: f"{A}/budgetar/{_b(m['m'])}/tabell/",
        V,
        annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'])}/tabell/",
    ),
    Rad(
        "ekonomi-api:budget-rader",
        lambda m: f"{A}/budgetar/{_b(m['m'])}/rader/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"grupp": "administration", "nyckel": "adm-utbildning", "text": "Utbildning", "belopp": "5000"},
        annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'])}/rader/",
    ),
    Rad(
        "ekonomi-api:budget-fyll",
        lambda m: f"{A}/budgetar/{_b(m['m'])}/fyll/",
        R,
        metod="post",
        json=True,
        annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'])}/fyll/",
    ),
    Rad(
        "ekonomi-api:budget-faststall",
        lambda m: f"{A}/budgetar/{_b(m['m'])}/faststall/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"paragraf": m["m"]["paragraf"].pk},
        annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'])}/faststall/",
    ),
    Rad(
        "ekonomi-api:budget-ny-version",
        lambda m: f"{A}/budgetar/{_b(m['m'], 'faststalld')}/ny-version/",
        R,
        metod="post",
        json=True,
        annat_forbund_url=lambda m: f"{A}/budgetar/{_b(m['a'], 'faststalld')}/ny-version/",
    ),
    Rad("ekonomi-api:import-list", lambda m: f"{A}/importer/", V),
    Rad("ekonomi-api:import-list", lambda m: f"{A}/importer/", R, metod="post", data=lambda m: {"fil": _fil(), "kalla": "csv", "ar": 2019}),
    Rad("ekonomi-api:importjobb-list", lambda m: f"{A}/importjobb/", V),
    Rad(
        "ekonomi-api:importjobb-detail",
        lambda m: f"{A}/importjobb/{m['m']['jobb'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/importjobb/{m['a']['jobb'].pk}/",
    ),
    Rad(
        "ekonomi-api:importjobb-bekrafta",
        lambda m: f"{A}/importjobb/{m['m']['jobb'].pk}/bekrafta/",
        R,
        metod="post",
        json=True,
        annat_forbund_url=lambda m: f"{A}/importjobb/{m['a']['jobb'].pk}/bekrafta/",
    ),
    Rad("ekonomi-api:import-detail", lambda m: f"{A}/importer/{_imp(m['m'])}/", V, annat_forbund_url=lambda m: f"{A}/importer/{_imp(m['a'])}/"),
    Rad("ekonomi-api:kontointervall-list", lambda m: f"{A}/kontointervall/", V),
    Rad(
        "ekonomi-api:kontointervall-list",
        lambda m: f"{A}/kontointervall/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"fran": 1800, "till": 1899, "rad": "kassa_bank"},
    ),
    Rad(
        "ekonomi-api:kontointervall-detail",
        lambda m: f"{A}/kontointervall/{m['m']['intervall'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/kontointervall/{m['a']['intervall'].pk}/",
    ),
    Rad(
        "ekonomi-api:kontointervall-detail",
        lambda m: f"{A}/kontointervall/{m['m']['intervall'].pk}/",
        R,
        metod="delete",
        annat_forbund_url=lambda m: f"{A}/kontointervall/{m['a']['intervall'].pk}/",
    ),
    Rad("ekonomi-api:kontokoppling-list", lambda m: f"{A}/kontokopplingar/", V),
    Rad(
        "ekonomi-api:kontokoppling-list",
        lambda m: f"{A}/kontokopplingar/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"fran": 3020, "till": 3020, "text": "Regionen", "nyckel": "", "medlem": m["m"]["medlem"].pk},
    ),
    Rad(
        "ekonomi-api:kontokoppling-detail",
        lambda m: f"{A}/kontokopplingar/{m['m']['koppling'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/kontokopplingar/{m['a']['koppling'].pk}/",
    ),
    Rad(
        "ekonomi-api:kontokoppling-detail",
        lambda m: f"{A}/kontokopplingar/{m['m']['koppling'].pk}/",
        R,
        metod="delete",
        annat_forbund_url=lambda m: f"{A}/kontokopplingar/{m['a']['koppling'].pk}/",
    ),
    Rad("ekonomi-api:revisionsberattelse-list", lambda m: f"{A}/revisionsberattelser/", V),
    Rad(
        "ekonomi-api:revisionsberattelse-list",
        lambda m: f"{A}/revisionsberattelser/",
        "revision.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "ar": 2019,
            "datum": "2020-03-20",
            "tillstyrker_ansvarsfrihet": True,
            "text": "Rättvisande.",
        },
    ),
    Rad(
        "ekonomi-api:revisionsberattelse-detail",
        lambda m: f"{A}/revisionsberattelser/{m['m']['berattelse'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/revisionsberattelser/{m['a']['berattelse'].pk}/",
    ),
    Rad("ekonomi-api:ansvarsfrihet-list", lambda m: f"{A}/ansvarsfrihet/", V),
    Rad(
        "ekonomi-api:ansvarsfrihet-list",
        lambda m: f"{A}/ansvarsfrihet/",
        R,
        metod="post",
        json=True,
        data=lambda m: {
            "ar": 2019,
            "medlem": m["m"]["medlem"].pk,
            "beslut": "beviljad",
            "beslutsdatum": "2020-04-22",
            "beslutsorgan": "Regionfullmäktige",
            "paragraf": None,
        },
    ),
    Rad(
        "ekonomi-api:ansvarsfrihet-detail",
        lambda m: f"{A}/ansvarsfrihet/{m['m']['ansvar'].pk}/",
        V,
        annat_forbund_url=lambda m: f"{A}/ansvarsfrihet/{m['a']['ansvar'].pk}/",
    ),
    Rad("ekonomi-api:rakenskaper", lambda m: f"{A}/rakenskaper/2019/", V),
    Rad("ekonomi-api:rakenskaper-pdf", lambda m: f"{A}/rakenskaper/2019/pdf/", "dokument.skapa", metod="post", json=True),
    Rad("ekonomi-api:uppfoljning", lambda m: f"{A}/uppfoljning/2019/1/", V),
    Rad(
        "ekonomi-api:uppfoljning",
        lambda m: f"{A}/uppfoljning/2019/1/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"sammanfattning": "", "rader": [{"nyckel": "adm-forbundschef", "prognos": "900000", "kommentar": ""}]},
    ),
]


def _imp(m: dict[str, Any]) -> int:
    from ekonomi.models import Redovisningsimport

    return int(Redovisningsimport.objects.get(forbund=m["budget"].forbund, ar=2019).pk)


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_revisor_andrar_ingenting_utom_revisionsberattelsen(forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    from finsam.models import Handelse

    miljo = bygg_miljo(forbund, annat_forbund)
    c = klient("revisor")
    fore = Handelse.objects.count()
    for rad in RADER:
        if rad.metod != "get" and rad.behorighet != "revision.redigera" and rad.behorighet != V:
            from tests.matrix import anropa

            assert anropa(c, rad, rad.url(miljo), miljo).status_code == 403, str(rad)
    assert Handelse.objects.count() == fore


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))
