"""The outcome report against hand-computed numbers (returning participant, active across the year boundary, anonymous)."""

from __future__ import annotations

import datetime as dt
import json
from io import StringIO
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from finsam.models import Forbund
from tests.api_fel import api_fel
from tests.uppfoljning import factories as f
from uppfoljning.selectors import G_NYCKLAR, KATEGORIER, maskera, maskera_utfall, utfall
from uppfoljning.services import installning_spara

D = dt.date


def g(totalt: int, kvinna: int = 0, man: int = 0, annat: int = 0) -> dict[str, int]:
    return {"totalt": totalt, "kvinna": kvinna, "man": man, "annat": annat}


@pytest.fixture
def data(forbund: Forbund) -> dict[str, Any]:
    amt = f.insats(forbund, "AMT", namn="Arbetsmarknadstorget")
    mysam = f.insats(forbund, "MYSAM", namn="MySam")
    f.insats(forbund, "NAFS", namn="NAFS", inriktning="struktur")
    f.insats(forbund, "PROAKTIV", namn="ProAktiv", start=D(2019, 9, 1))
    f.insats(forbund, "SLUT", namn="Avslutad 2017", start=D(2015, 1, 1), slut=D(2017, 12, 31))
    # AMT
    f.inskrivning(
        forbund,
        amt,
        "D1",
        kon="kvinna",
        fodelsear=1995,
        inskriven=D(2018, 9, 1),
        avslutad=D(2019, 3, 1),
        forsorjning_ut="arbete",
        remittent="af",
        utbildning="gymnasium",
        forsorjning_in="aktivitetsstod",
    )
    f.inskrivning(
        forbund,
        amt,
        "D2",
        kon="man",
        fodelsear=1980,
        inskriven=D(2019, 2, 1),
        remittent="kommun",
        utbildning="grundskola",
        forsorjning_in="forsorjningsstod",
    )
    f.inskrivning(
        forbund,
        amt,
        "D3",
        kon="annat",
        fodelsear=1990,
        inskriven=D(2019, 1, 10),
        avslutad=D(2019, 6, 10),
        forsorjning_ut="studier",
        remittent="region",
        utbildning="okand",
        forsorjning_in="ingen_offentlig",
    )
    f.inskrivning(
        forbund,
        amt,
        "D1",
        kon="kvinna",
        fodelsear=1995,
        inskriven=D(2019, 5, 1),
        avslutad=D(2019, 11, 30),
        forsorjning_ut="forsorjningsstod",
        remittent="fk",
        utbildning="gymnasium",
        forsorjning_in="a_kassa",
    )
    f.inskrivning(forbund, amt, "D7", kon="kvinna", samtycke=False, inskriven=D(2019, 4, 1))
    f.inskrivning(
        forbund,
        amt,
        "D8",
        kon="kvinna",
        fodelsear=2004,
        inskriven=D(2019, 8, 1),
        remittent="kommun",
        utbildning="grundskola",
        forsorjning_in="ingen_offentlig",
    )
    # MYSAM
    f.inskrivning(
        forbund,
        mysam,
        "D4",
        kon="man",
        fodelsear=1958,
        inskriven=D(2017, 1, 1),
        remittent="annan",
        utbildning="eftergymnasial_lang",
        forsorjning_in="sjukersattning",
    )
    f.inskrivning(
        forbund,
        mysam,
        "D5",
        kon="kvinna",
        fodelsear=1970,
        inskriven=D(2019, 12, 1),
        avslutad=D(2020, 1, 15),
        forsorjning_ut="arbete",
        remittent="af",
        utbildning="gymnasium",
        forsorjning_in="sjuk_rehabpenning",
    )
    f.inskrivning(forbund, mysam, "D6", kon="man", fodelsear=1960, inskriven=D(2018, 1, 1), avslutad=D(2018, 12, 31), forsorjning_ut="arbete")
    f.inskrivning(
        forbund,
        mysam,
        "D9",
        kon="man",
        fodelsear=1952,
        inskriven=D(2019, 3, 1),
        avslutad=D(2019, 9, 1),
        forsorjning_ut="annan_offentlig",
        remittent="fk",
        utbildning="gymnasium",
        forsorjning_in="sjukersattning",
    )
    return {"amt": amt, "mysam": mysam}


def _nollor(post: dict[str, Any], falt: str, utom: dict[str, dict[str, int]]) -> None:
    for kod in KATEGORIER[falt]:
        assert post[falt][kod] == utom.get(kod, g(0)), (falt, kod)


def test_utfall_mot_handraknade_tal(data: dict[str, Any], forbund: Forbund, django_assert_max_num_queries: Any) -> None:
    with django_assert_max_num_queries(3):
        u = utfall(forbund, 2019)
    assert u["forbund"] == "skelleftea-norsjo" and u["ar"] == 2019
    assert [i["kortnamn"] for i in u["insatser"]] == ["AMT", "MYSAM", "PROAKTIV"]
    amt, mysam, proaktiv = u["insatser"]
    assert amt["namn"] == "Arbetsmarknadstorget"
    assert amt["deltagare"] == g(5, 3, 1, 1)
    assert amt["nya"] == g(5, 3, 1, 1)
    assert amt["avslutade"] == g(3, 2, 0, 1)
    assert amt["aldersgrupp"] == {"16-29": g(3, 2, 0, 1), "30-44": g(1, 0, 1), "45-59": g(0), "60-64": g(0)}
    _nollor(amt, "remittent", {"af": g(1, 1), "fk": g(1, 1), "kommun": g(2, 1, 1), "region": g(1, 0, 0, 1)})
    _nollor(amt, "utbildning", {"gymnasium": g(1, 1), "grundskola": g(2, 1, 1), "okand": g(1, 0, 0, 1)})
    _nollor(amt, "forsorjning_in", {"aktivitetsstod": g(1, 1), "a_kassa": g(1, 1), "forsorjningsstod": g(1, 0, 1), "ingen_offentlig": g(2, 1, 0, 1)})
    _nollor(amt, "forsorjning_ut", {"arbete": g(1, 1), "studier": g(1, 0, 0, 1), "forsorjningsstod": g(1, 1)})
    assert amt["genomstromning"] == 0.6
    assert amt["median_dagar"] == 181
    assert amt["andel_arbete_studier"] == 0.6667

    assert mysam["deltagare"] == g(3, 1, 2) and mysam["nya"] == g(2, 1, 1) and mysam["avslutade"] == g(1, 0, 1)
    assert mysam["aldersgrupp"] == {"16-29": g(0), "30-44": g(0), "45-59": g(2, 1, 1), "60-64": g(1, 0, 1)}
    _nollor(mysam, "remittent", {"annan": g(1, 0, 1), "af": g(1, 1), "fk": g(1, 0, 1)})
    _nollor(mysam, "utbildning", {"eftergymnasial_lang": g(1, 0, 1), "gymnasium": g(2, 1, 1)})
    _nollor(mysam, "forsorjning_in", {"sjukersattning": g(2, 0, 2), "sjuk_rehabpenning": g(1, 1)})
    _nollor(mysam, "forsorjning_ut", {"annan_offentlig": g(1, 0, 1)})
    assert mysam["genomstromning"] == 0.3333 and mysam["median_dagar"] == 184 and mysam["andel_arbete_studier"] == 0.0

    assert proaktiv["deltagare"] == g(0) and proaktiv["genomstromning"] == 0.0
    assert proaktiv["median_dagar"] is None and proaktiv["andel_arbete_studier"] is None

    tot = u["totalt"]
    assert "kortnamn" not in tot
    assert tot["deltagare"] == g(8, 4, 3, 1) and tot["nya"] == g(7, 4, 2, 1) and tot["avslutade"] == g(4, 2, 1, 1)
    assert tot["genomstromning"] == 0.5 and tot["median_dagar"] == 183 and tot["andel_arbete_studier"] == 0.5


def test_utfall_foregaende_ar(data: dict[str, Any], forbund: Forbund) -> None:
    u = utfall(forbund, 2018)
    per = {i["kortnamn"]: i for i in u["insatser"]}
    assert set(per) == {"AMT", "MYSAM"}
    assert per["AMT"]["deltagare"] == g(1, 1) and per["AMT"]["nya"] == g(1, 1) and per["AMT"]["avslutade"] == g(0)
    assert per["MYSAM"]["deltagare"] == g(2, 0, 2) and per["MYSAM"]["nya"] == g(1, 0, 1) and per["MYSAM"]["avslutade"] == g(1, 0, 1)
    assert per["MYSAM"]["median_dagar"] == 364


def test_utfall_struktur_och_nycklar(data: dict[str, Any], forbund: Forbund) -> None:
    u = utfall(forbund, 2019)
    for post in [*u["insatser"], u["totalt"]]:
        for falt in ("deltagare", "nya", "avslutade"):
            assert list(post[falt]) == G_NYCKLAR
        assert list(post["aldersgrupp"]) == ["16-29", "30-44", "45-59", "60-64"]
        for falt, koder in KATEGORIER.items():
            assert list(post[falt]) == koder
    assert list(u["insatser"][0]) == [
        "kortnamn",
        "namn",
        "deltagare",
        "nya",
        "avslutade",
        "aldersgrupp",
        "remittent",
        "utbildning",
        "forsorjning_in",
        "forsorjning_ut",
        "genomstromning",
        "median_dagar",
        "andel_arbete_studier",
    ]


def test_utfall_kommandot_skriver_exakt_selektorn(data: dict[str, Any], forbund: Forbund) -> None:
    out = StringIO()
    call_command("utfall", "--forbund", "skelleftea-norsjo", "--ar", "2019", "--json", stdout=out)
    assert json.loads(out.getvalue()) == utfall(forbund, 2019)


def test_utfall_annat_forbund_ser_inget(data: dict[str, Any], annat_forbund: Forbund) -> None:
    u = utfall(annat_forbund, 2019)
    assert u["insatser"] == [] and u["totalt"]["deltagare"] == g(0)


def test_utfall_antal_fragor_oberoende_av_datamangd(forbund: Forbund, django_assert_max_num_queries: Any) -> None:
    for n in range(12):
        i = f.insats(forbund, f"I{n}")
        for k in range(6):
            f.inskrivning(forbund, i, f"P{n}-{k}", inskriven=D(2019, 1 + k, 1), kon=["kvinna", "man", "annat"][k % 3])
    with django_assert_max_num_queries(3):
        u = utfall(forbund, 2019)
    assert u["totalt"]["deltagare"] == g(72, 24, 24, 24)


def test_maskering(data: dict[str, Any], forbund: Forbund, chef: Any) -> None:
    u = utfall(forbund, 2019)
    # On by default (3), with no setting saved.
    assert maskera(3, forbund) == 3 and maskera(2, forbund) == "<3" and maskera(0, forbund) == 0
    m = maskera_utfall(u, forbund)
    assert m["maskeringsgrans"] == 3 and m != u
    with pytest.raises(ValidationError) as e:
        installning_spara(forbund=forbund, aktor=chef, maskeringsgrans=0, gallring_ar=5)
    assert e.value.message_dict["maskeringsgrans"][0].startswith("Maskeringsgränsen ska vara mellan 3 och 100")
    installning_spara(forbund=forbund, aktor=chef, maskeringsgrans=3, gallring_ar=5)
    forbund = Forbund.objects.get(pk=forbund.pk)
    m = maskera_utfall(u, forbund)
    # AMT's women (3) are hidden as well: MySam's one woman (<3) would otherwise follow from the förbund's total (4 = 3 + <3).
    assert m["insatser"][0]["deltagare"] == {"totalt": 5, "kvinna": "x", "man": "<3", "annat": "<3"}
    assert m["insatser"][1]["deltagare"]["kvinna"] == "<3" and m["totalt"]["deltagare"]["kvinna"] == 4
    assert m["insatser"][0]["remittent"]["annan"] == g(0)
    assert m["totalt"]["avslutade"] == {"totalt": 4, "kvinna": "<3", "man": "<3", "annat": "<3"}
    # 3 exits of 5 participants would reveal hidden exit counts through the ratio: the ratios go too.
    assert m["insatser"][0]["genomstromning"] is None and m["insatser"][0]["median_dagar"] == 181  # three exits: the median stays
    assert u["insatser"][0]["deltagare"]["man"] == 1  # the original is untouched
    _ingen_cell_ensam(m)


def _ingen_cell_ensam(m: dict[str, Any]) -> None:
    """No relation of the masked report (genders → total, categories → line, interventions → total) has exactly one hidden cell."""
    from uppfoljning.selectors.maskering import _celler_och_relationer

    poster: dict[Any, dict[str, Any]] = dict(enumerate(m["insatser"]))
    poster["T"] = m["totalt"]
    varden: dict[Any, Any] = {}
    for p, post in poster.items():
        for matt in ("deltagare", "nya", "avslutade"):
            for kon, v in post[matt].items():
                varden[(p, matt, None, kon)] = v
        for dim in ("aldersgrupp", *KATEGORIER):
            for kat, gg in post[dim].items():
                for kon, v in gg.items():
                    varden[(p, dim, kat, kon)] = v
    _, relationer = _celler_och_relationer({p: _nollade(post) for p, post in poster.items()})
    for summa, delar in relationer:
        dolda = [c for c in [summa, *delar] if isinstance(varden[c], str)]
        assert len(dolda) != 1, (summa, dolda)


def _nollade(post: dict[str, Any]) -> dict[str, Any]:
    return {
        k: ({kk: (dict.fromkeys(vv, 0) if isinstance(vv, dict) else 0) for kk, vv in v.items()} if isinstance(v, dict) else v)
        for k, v in post.items()
    }


def test_maskering_kan_inte_raknas_fram_ur_summan() -> None:
    """The finding: totalt 124; kvinna 58; man 65; annat <5 gave annat = 1 by subtraction."""
    from uppfoljning.selectors.maskering import undertryck

    celler = {("p", "deltagare", None, k): v for k, v in {"totalt": 124, "kvinna": 58, "man": 65, "annat": 1}.items()}
    relation = [(("p", "deltagare", None, "totalt"), [("p", "deltagare", None, k) for k in ("kvinna", "man", "annat")])]
    primara, sekundara = undertryck(celler, relation, 3)
    assert primara == {("p", "deltagare", None, "annat")} and sekundara == {("p", "deltagare", None, "kvinna")}
    # Nothing under the threshold: nothing hidden.
    utan = {**celler, ("p", "deltagare", None, "annat"): 0, ("p", "deltagare", None, "totalt"): 123}
    assert undertryck(utan, relation, 3) == (set(), set())


@pytest.mark.parametrize("fraga", ["", "?ar=1950", "?ar=2150"])  # abc, -17334: GransMiddleware, same shape
def test_utfall_api_ar_utanfor_granserna_har_den_enda_felformen(forbund: Forbund, chef_klient: Client, fraga: str) -> None:
    """Issue 14 audit: the outcome endpoint answered {"ar": [...]} instead of the API's one error shape."""
    svar = chef_klient.get(f"/api/uppfoljning/utfall/{fraga}")
    assert svar.status_code == 400
    assert api_fel(svar) == {"ar": ["Ange ett år mellan 2000 och 2100, t.ex. ?ar=2019."]}
