"""Issue 18: attendance per period (month or quarter) for a participant's enrolment, entered on the participant page,
by the API and imported (all or nothing), feeding the narvaro measure: the average of the period rates of the year.
Figures are hand-computed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund, Handelse
from insatser import services as malservices
from insatser.malmatt import malnod_forslag
from tests.uppfoljning import factories as f
from uppfoljning.models import Narvaroperiod
from uppfoljning.selectors import narvaro_andel
from uppfoljning.services.narvaro import narvaroperiod_spara, narvaroperioder_importera, tolka_period

pytestmark = pytest.mark.django_db
D = dt.date


def _period(forbund: Forbund, ins: Any, text: str, planerade: int, narvarade: int) -> Narvaroperiod:
    typ, start = tolka_period(text)
    return narvaroperiod_spara(forbund=forbund, aktor=None, inskrivning=ins, periodtyp=typ, period=start, planerade=planerade, narvarade=narvarade)


@pytest.fixture
def data(forbund: Forbund) -> dict[str, Any]:
    amt, misam = f.insats(forbund, "AMT"), f.insats(forbund, "MISAM")
    a = f.inskrivning(forbund, amt, "A", inskriven=D(2022, 12, 1))
    b = f.inskrivning(forbund, amt, "B", inskriven=D(2023, 4, 3))
    c = f.inskrivning(forbund, amt, "C", inskriven=D(2023, 1, 9), narvaro_planerad=10, narvaro_faktisk=7)  # totals only
    d = f.inskrivning(forbund, misam, "D", inskriven=D(2023, 3, 1))
    _period(forbund, a, "2022-12", 10, 5)  # 50 %, the year before
    _period(forbund, a, "2023-01", 10, 8)  # 80 %
    _period(forbund, a, "2023-02", 8, 6)  # 75 %
    _period(forbund, b, "2023-K2", 24, 18)  # 75 %, a quarter
    _period(forbund, d, "2023-03", 10, 1)  # 10 %, another intervention
    return {"amt": amt, "a": a, "b": b, "c": c, "d": d}


def test_narvaromattet_ar_medel_av_perioderna_mot_handrakning(forbund: Forbund, data: dict[str, Any]) -> None:
    amt = data["amt"]
    assert narvaro_andel(forbund, 2023, amt.pk) == Decimal("75.00")  # (80 + 75 + 75 + 70) / 4
    assert narvaro_andel(forbund, 2023) == Decimal("62.00")  # (80 + 75 + 75 + 70 + 10) / 5
    assert narvaro_andel(forbund, 2022, amt.pk) == Decimal("50.00")  # A's December only; C started 2023
    assert narvaro_andel(forbund, 2021, amt.pk) is None
    vision = malservices.malnod_skapa(forbund=forbund, aktor=None, niva="vision", ar_fran=2023, text="Vision")
    mal = malservices.malnod_skapa(forbund=forbund, aktor=None, niva="overgripande", forelder=vision, ar_fran=2023, text="Mål")
    nod = malservices.malnod_skapa(
        forbund=forbund,
        aktor=None,
        niva="delmal",
        forelder=mal,
        ar_fran=2023,
        text="Närvaro",
        matt="narvaro",
        insats=amt,
        malvarde=Decimal(75),
        jamforelse="minst",
    )
    assert malnod_forslag(forbund, nod, 2023) == (Decimal("75.00"), "uppfyllt")  # at target


def test_regler_for_perioder(forbund: Forbund, data: dict[str, Any]) -> None:
    a = data["a"]
    with pytest.raises(ValidationError) as fel:
        _period(forbund, a, "2023-03", 10, 12)
    assert fel.value.message_dict == {"narvarade": ["Närvarotillfällena (12) kan inte vara fler än de planerade tillfällena (10)."]}
    with pytest.raises(ValidationError) as fel:
        _period(forbund, a, "2022-11", 10, 5)
    assert fel.value.message_dict == {"period": ["Perioden 2022-11 ligger utanför inskrivningen (2022-12-01–)."]}
    with pytest.raises(ValidationError) as fel:
        _period(forbund, a, "2023-K1", 30, 20)
    assert fel.value.message_dict == {"period": ["Perioden 2023-K1 överlappar den registrerade perioden 2023-02."]}
    anonym = f.inskrivning(forbund, data["amt"], "X", inskriven=D(2023, 1, 1), samtycke=False)
    with pytest.raises(ValidationError, match="anonym"):
        _period(forbund, anonym, "2023-01", 10, 5)
    _period(forbund, a, "2023-01", 10, 10)  # the same period again replaces
    assert Narvaroperiod.objects.get(inskrivning=a, period=D(2023, 1, 1)).narvarade == 10
    assert Narvaroperiod.objects.filter(inskrivning=a).count() == 3


def test_import_allt_eller_inget_och_idempotent(forbund: Forbund, data: dict[str, Any]) -> None:
    bra = "deltagare_id;insats;period;planerade;narvarade\nC;AMT;2023-03;12;9\nB;AMT;2023-K3;20;15\nA;amt;2023-02;8;8\n"
    assert narvaroperioder_importera(forbund=forbund, aktor=None, data=bra.encode(), filnamn="n.csv") == 3
    assert narvaroperioder_importera(forbund=forbund, aktor=None, data=bra.encode(), filnamn="n.csv") == 3
    h = Handelse.objects.filter(handling="narvaroperioder_importera").order_by("id")
    assert [(x.detaljer["nya"], x.detaljer["andrade"]) for x in h] == [(2, 1), (0, 0)]
    # C now records a period: its totals no longer count. AMT 2023: (80 + 100 + 75 + 75 + 75) / 5 = 81 %
    assert narvaro_andel(forbund, 2023, data["amt"].pk) == Decimal("81.00")
    trasig = "deltagare_id;insats;period;planerade;narvarade\nC;AMT;2023-04;10;9\nZ;AMT;2023-03;10;9\nC;AMT;2023-13;10;9\nC;AMT;2023-05;5;6\n"
    with pytest.raises(ValidationError) as fel:
        narvaroperioder_importera(forbund=forbund, aktor=None, data=trasig.encode(), filnamn="n.csv")
    assert fel.value.messages == [
        "Ingenting importerades. Rätta raderna och importera filen igen.",
        "Rad 3: deltagare Z har ingen inskrivning i insatsen AMT.",
        "Rad 4: perioden ”2023-13” ska skrivas som ÅÅÅÅ-MM (månad) eller ÅÅÅÅ-K1 till ÅÅÅÅ-K4 (kvartal).",
        "Rad 5: närvarotillfällena (6) kan inte vara fler än de planerade tillfällena (5).",
    ]
    assert not Narvaroperiod.objects.filter(period=D(2023, 4, 1), inskrivning=data["c"]).exists()  # the good row 2 was not kept


def test_sida_och_api(forbund: Forbund, data: dict[str, Any], klient: Any, annat_forbund: Forbund, django_assert_max_num_queries: Any) -> None:
    from finsam.models import RollTyp

    c: Client = klient(RollTyp.ADMINISTRATOR)
    a = data["a"]
    with django_assert_max_num_queries(25):
        sida = c.get(f"/uppfoljning/deltagare/{a.deltagare_id}/").content.decode()
    assert "2023-01" in sida and "80" in sida and "Registrera närvaro" in sida
    svar = c.post(f"/uppfoljning/inskrivning/{a.pk}/narvaro/", {"period": "2023-03", "planerade": "10", "narvarade": "11"})
    assert svar.status_code == 400 and "kan inte vara fler än de planerade" in svar.content.decode()
    svar = c.post(f"/uppfoljning/inskrivning/{a.pk}/narvaro/", {"period": "2023-03", "planerade": "10", "narvarade": "9"})
    assert svar.status_code == 302
    api = c.post(
        "/api/uppfoljning/narvaro/", {"inskrivning": a.pk, "period": "2023-04", "planerade": 10, "narvarade": 11}, content_type="application/json"
    )
    assert (
        api.status_code == 400
        and api.json()["fel"][0]["meddelande"] == "Närvarotillfällena (11) kan inte vara fler än de planerade tillfällena (10)."
    )
    api = c.post(
        "/api/uppfoljning/narvaro/", {"inskrivning": a.pk, "period": "2023-04", "planerade": 10, "narvarade": 4}, content_type="application/json"
    )
    assert api.status_code == 201 and api.json()["period_text"] == "2023-04"
    assert [p["period_text"] for p in c.get(f"/api/uppfoljning/narvaro/?inskrivning={a.pk}").json()["results"]] == [
        "2022-12",
        "2023-01",
        "2023-02",
        "2023-03",
        "2023-04",
    ]
    fil = SimpleUploadedFile("n.csv", b"deltagare_id;insats;period;planerade;narvarade\nA;AMT;2023-05;10;10\n")
    assert c.post("/api/uppfoljning/narvaro/import/", {"fil": fil}).json() == {"rader": 1}
    annan = f.inskrivning(annat_forbund, f.insats(annat_forbund, "AMT"), "A", inskriven=D(2023, 1, 1))
    p = _period(annat_forbund, annan, "2023-01", 10, 5)
    assert c.post(f"/uppfoljning/narvaro/{p.pk}/ta-bort/").status_code == 404
    assert c.delete(f"/api/uppfoljning/narvaro/{p.pk}/").status_code == 404
    assert c.post(f"/uppfoljning/inskrivning/{annan.pk}/narvaro/", {"period": "2023-03", "planerade": "10", "narvarade": "9"}).status_code == 404
    egen = Narvaroperiod.objects.get(inskrivning=a, period=D(2023, 5, 1))
    assert c.post(f"/uppfoljning/narvaro/{egen.pk}/ta-bort/").status_code == 302
    assert not Narvaroperiod.objects.filter(pk=egen.pk).exists() and Narvaroperiod.objects.filter(pk=p.pk).exists()
