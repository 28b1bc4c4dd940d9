"""Traceability: from a decision paragraph and from an intervention, with real enrolments; fixed query counts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from finsam.models import Forbund
from finsam.permissions import Kontext
from insatser import services
from insatser.sparbarhet import for_insats, for_paragraf
from tests.insatser import factories as f
from uppfoljning.models import Deltagare
from uppfoljning.services import inskrivning_avsluta, inskrivning_create

pytestmark = pytest.mark.usefixtures("bygg_varje_sida")


def _deltagare(forbund: Forbund, insats, n: int, kon: str, ut: str | None, start: str = "2020-02-01") -> None:
    for i in range(n):
        d = Deltagare.objects.create(forbund=forbund, kod=f"{insats.kortnamn}-{kon}-{ut}-{i}")
        ins = inskrivning_create(
            forbund=forbund,
            aktor=None,
            insats=insats,
            deltagare=d,
            kon=kon,
            fodelsear=1990,
            remittent="af",
            utbildning="gymnasium",
            forsorjning_in="forsorjningsstod",
            inskriven=dt.date.fromisoformat(start),
        )
        if ut:
            inskrivning_avsluta(forbund=forbund, aktor=None, inskrivning=ins, avslutad=dt.date(2020, 10, 1), forsorjning_ut=ut)


def test_fran_paragraf_till_deltagare_och_kostnad(forbund: Forbund, chef) -> None:
    misam = f.insats(forbund, "MISAM", parter=("fk", "af", "region", "skelleftea"), startdatum=dt.date(2020, 1, 1))
    paragraf = f.paragraf(forbund, ar=2019, nummer=78, rubrik="Verksamhetsplan och budget 2020")
    services.beviljande_create(forbund=forbund, aktor=chef, insats=misam, paragraf=paragraf, ar=2020, belopp=3_000_000)
    _deltagare(forbund, misam, 6, "kvinna", "arbete")
    _deltagare(forbund, misam, 4, "man", "studier")
    _deltagare(forbund, misam, 10, "man", None)
    data = for_paragraf(forbund, paragraf)
    assert data["har_utfall"] and data["summa"] == Decimal(3_000_000)
    [spar] = data["insatser"]
    [rad] = spar.utfall
    assert (rad.ar, rad.deltagare, rad.kvinnor, rad.man, rad.avslutade, rad.arbete_studier) == (2020, 20, 6, 14, 10, 10)
    assert rad.kostnad_per_deltagare == Decimal(150_000)
    assert rad.kostnad_per_arbete_studier == Decimal(300_000)


def test_maskerade_tal_for_styrelseledamot(forbund: Forbund, chef) -> None:
    from uppfoljning.services import installning_spara

    misam = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    paragraf = f.paragraf(forbund)
    services.beviljande_create(forbund=forbund, aktor=chef, insats=misam, paragraf=paragraf, ar=2020, belopp=100_000)
    _deltagare(forbund, misam, 3, "kvinna", None)
    installning_spara(forbund=forbund, aktor=chef, maskeringsgrans=5, gallring_ar=5)
    [rad] = for_paragraf(forbund, paragraf, Kontext(forbund=forbund, roll="styrelseledamot"))["insatser"][0].utfall
    assert rad.deltagare == "<5" and rad.kostnad_per_deltagare is None
    [rad] = for_paragraf(forbund, paragraf, Kontext(forbund=forbund, roll="forbundschef"))["insatser"][0].utfall
    assert rad.deltagare == 3


def _bygg(forbund: Forbund, antal: int) -> tuple:
    paragraf = f.paragraf(forbund, ar=2019, nummer=78)
    for i in range(antal):
        insats = f.insats(forbund, f"I{i}", startdatum=dt.date(2019, 1, 1))
        for ar in (2019, 2020):
            f.beviljande(forbund, insats, ar=ar, belopp=1000 + i, nummer=78)
        f.beviljande(forbund, insats, ar=2020, belopp=10, nummer=90 + i)
        mal = f.mal(forbund, insats)
        services.malbedomning_spara(mal=mal, aktor=None, ar=2019, bedomning="uppfyllt")
        services.rapport_create(insats=insats, aktor=None, typ="arsrapport", ar=2019)
        _deltagare(forbund, insats, 2, "kvinna", "arbete", start="2019-03-01")
    return paragraf, insats


@pytest.mark.parametrize("antal", [1, 8])
def test_sidornas_antal_fragor_beror_inte_pa_antal_beviljanden(antal: int, forbund: Forbund, chef_klient, django_assert_max_num_queries) -> None:
    paragraf, insats = _bygg(forbund, antal)
    with django_assert_max_num_queries(40):
        svar = chef_klient.get(f"/insatser/beslut/{paragraf.pk}/")
    assert svar.status_code == 200
    assert "Kostnad per avslut till arbete/studier" in svar.content.decode()
    with django_assert_max_num_queries(60):  # one utfall() per year of the period (2019–today)
        svar = chef_klient.get(f"/insatser/{insats.pk}/")
    assert svar.status_code == 200
    for url in ("/insatser/", "/insatser/beslut/", "/insatser/ansokningar/", "/insatser/rapporter/?visa=alla"):
        with django_assert_max_num_queries(20):
            assert chef_klient.get(url).status_code == 200


def test_antal_fragor_lika_for_1_och_8(forbund: Forbund, annat_forbund: Forbund, chef_klient, klient) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def rakna(url: str) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert chef_klient.get(url).status_code == 200
        return len(ctx.captured_queries)

    _bygg(annat_forbund, 1)  # only to make sure other förbund's data is not read
    p, i = _bygg(forbund, 1)
    forst = (rakna(f"/insatser/beslut/{p.pk}/"), rakna(f"/insatser/{i.pk}/"), rakna("/insatser/"))
    for n in range(1, 9):
        ny = f.insats(forbund, f"N{n}", startdatum=dt.date(2019, 1, 1))
        f.beviljande(forbund, ny, ar=2019, belopp=5, nummer=78)
        f.beviljande(forbund, i, ar=2019, belopp=5, nummer=100 + n)
    forst = (*forst, rakna("/insatser/beslut/"))
    sedan = (rakna(f"/insatser/beslut/{p.pk}/"), rakna(f"/insatser/{i.pk}/"), rakna("/insatser/"), rakna("/insatser/beslut/"))
    assert forst == sedan


def test_insatsens_sida_samlar_allt(forbund: Forbund, chef) -> None:
    _, insats = _bygg(forbund, 1)
    data = for_insats(forbund, insats)
    assert [b.ar for b in data["beviljanden"]] == [2019, 2020, 2020]
    assert {p.nummer for p in data["beslut"]} == {78, 90}
    assert data["bedomda_ar"] == [2019]
    assert [r.ar for r in data["rapporter"]] == [2019]
    utfall = {u.ar: u for u in data["utfall"]}
    assert utfall[2019].deltagare == 2 and utfall[2019].beviljat == Decimal(1000)


def test_budgetraden_fran_ekonomi_visas(forbund: Forbund, chef_klient) -> None:
    from ekonomi.models import Budget, Budgetrad

    misam = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    paragraf = f.paragraf(forbund, ar=2019, nummer=76, rubrik="Verksamhetsplan och budget 2020")
    services.beviljande_create(forbund=forbund, aktor=None, insats=misam, paragraf=paragraf, ar=2020, belopp=3_000_000)
    gammal = Budget.objects.create(forbund=forbund, ar=2020, version=1, status="ersatt", paragraf=paragraf)
    Budgetrad.objects.create(
        forbund=forbund, budget=gammal, grupp="insatser", nyckel=f"insats-{misam.pk}", text="MISAM (gammal)", insats=misam, belopp=2_000_000
    )
    ny = Budget.objects.create(forbund=forbund, ar=2020, version=2, status="faststalld", paragraf=paragraf)
    Budgetrad.objects.create(forbund=forbund, budget=ny, grupp="insatser", nyckel=f"insats-{misam.pk}", text="MISAM", insats=misam, belopp=3_000_000)
    [spar] = for_paragraf(forbund, paragraf)["insatser"]
    assert [(r.text, r.belopp) for r in spar.budgetrader] == [("MISAM", Decimal(3_000_000))]
    html = chef_klient.get(f"/insatser/beslut/{paragraf.pk}/").content.decode()
    assert "Budget 2020 (version 2)" in html and "MISAM 3\xa0000\xa0tkr" in html


def test_oversikt_per_insats_och_ar(forbund: Forbund, chef_klient) -> None:
    misam = f.insats(forbund, "MISAM")
    nafs = f.insats(forbund, "NAFS")
    f.beviljande(forbund, misam, ar=2020, belopp=3_000_000, nummer=76)
    f.beviljande(forbund, misam, ar=2020, belopp=250_000, nummer=20)
    f.beviljande(forbund, nafs, ar=2021, belopp=400_000, nummer=76)
    svar = chef_klient.get("/insatser/beslut/")
    oversikt = {r["insats"].kortnamn: r["per_ar"] for r in svar.context["oversikt"]}
    assert svar.context["ar_lista"] == [2020, 2021]
    assert oversikt == {"MISAM": [Decimal(3_250_000), None], "NAFS": [None, Decimal(400_000)]}
    assert svar.context["totalt"] == [Decimal(3_250_000), Decimal(400_000)]
    assert "3\xa0250\xa0tkr" in svar.content.decode()


def _insats_med_ar(forbund: Forbund, kortnamn: str, forsta_ar: int, sista_ar: int):
    insats = f.insats(forbund, kortnamn, startdatum=dt.date(forsta_ar, 1, 1))
    f.beviljande(forbund, insats, ar=forsta_ar, belopp=1000, nummer=60)
    for ar in range(forsta_ar, sista_ar + 1):
        d = Deltagare.objects.create(forbund=forbund, kod=f"{kortnamn}-{ar}")
        ins = inskrivning_create(
            forbund=forbund,
            aktor=None,
            insats=insats,
            deltagare=d,
            kon="kvinna" if ar % 2 else "man",
            fodelsear=1990,
            remittent="af",
            utbildning="gymnasium",
            forsorjning_in="forsorjningsstod",
            inskriven=dt.date(ar, 3, 1),
        )
        if ar < sista_ar:
            inskrivning_avsluta(
                forbund=forbund, aktor=None, inskrivning=ins, avslutad=dt.date(ar + 1, 2, 1), forsorjning_ut="arbete" if ar % 3 else "a_kassa"
            )
    return insats


def test_insatsens_sida_har_lika_manga_fragor_for_1_och_20_ar(forbund: Forbund, chef_klient, django_assert_max_num_queries) -> None:
    """Issue 16: the page used to run one outcome report per year of the intervention (~2 queries per year)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    i_ar = timezone.localdate().year
    ett = _insats_med_ar(forbund, "ETT", i_ar, i_ar)
    tjugo = _insats_med_ar(forbund, "TJUGO", i_ar - 19, i_ar)
    antal = []
    for insats, ar in ((ett, 1), (tjugo, 20)):
        with CaptureQueriesContext(connection) as ctx:
            svar = chef_klient.get(f"/insatser/{insats.pk}/")
        assert svar.status_code == 200 and len(svar.context["utfall"]) == ar
        antal.append(len(ctx.captured_queries))
    assert antal[0] == antal[1]
    with django_assert_max_num_queries(25):
        chef_klient.get(f"/insatser/{tjugo.pk}/")


def test_grupperade_utfallet_ar_detsamma_som_utfallsrapporten(forbund: Forbund) -> None:
    """The one grouped query counts as uppföljning's report does, year by year."""
    from insatser.sparbarhet import utfall_per_insats_och_ar
    from uppfoljning.selectors import utfall

    insats = _insats_med_ar(forbund, "MISAM", 2016, 2021)
    _deltagare(forbund, insats, 3, "kvinna", "studier", start="2020-02-01")
    grupperat = utfall_per_insats_och_ar(forbund, [insats.pk], list(range(2016, 2022)))
    for ar in range(2016, 2022):
        [rad] = [r for r in utfall(forbund, ar)["insatser"] if r["kortnamn"] == "MISAM"]
        ut = rad["forsorjning_ut"]
        forvantat = {
            "deltagare": rad["deltagare"]["totalt"],
            "kvinnor": rad["deltagare"]["kvinna"],
            "man": rad["deltagare"]["man"],
            "avslutade": rad["avslutade"]["totalt"],
            "arbete_studier": ut["arbete"]["totalt"] + ut["studier"]["totalt"],
        }
        assert grupperat[(insats.pk, ar)] == forvantat, ar
    assert grupperat[(insats.pk, 2020)] == {"deltagare": 5, "kvinnor": 4, "man": 1, "avslutade": 4, "arbete_studier": 3}  # 2019 left to a-kassa
