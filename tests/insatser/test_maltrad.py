"""Issue 18 (goals as a tree with measures): the tree's shape, every bound measure against hand-computed data, the
proposal at, above and below target, and the assessment confirmed with a comment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from finsam.models import Forbund, Handelse
from insatser import services
from insatser.malmatt import foreslagen_bedomning, maltrad, matt_varde
from insatser.models import Insats, Malnod, Malnodbedomning
from tests.ekonomi.factories import importera_csv
from tests.insatser import factories as f
from uppfoljning.models import Deltagare
from uppfoljning.services import inskrivning_avsluta, inskrivning_create

pytestmark = pytest.mark.django_db


def _trad(forbund: Forbund) -> tuple[Malnod, Malnod]:
    vision = services.malnod_skapa(
        forbund=forbund, aktor=None, niva="vision", ar_fran=2020, text="Människor i behov av samordnade insatser ska få det stöd som behövs."
    )
    mal = services.malnod_skapa(
        forbund=forbund,
        aktor=None,
        niva="overgripande",
        forelder=vision,
        ar_fran=2020,
        ar_till=2023,
        text="Deltagarna ska närma sig arbete eller studier.",
        ansvarig="Förbundschef",
    )
    return vision, mal


def _delmal(forbund: Forbund, mal: Malnod, matt: str, malvarde: str, jamforelse: str = "minst", **kw: Any) -> Malnod:
    return services.malnod_skapa(
        forbund=forbund,
        aktor=None,
        niva="delmal",
        forelder=mal,
        ar_fran=2020,
        ar_till=2023,
        text=f"Mått {matt}",
        ansvarig="Ledningsgruppen",
        matt=matt,
        malvarde=Decimal(malvarde),
        jamforelse=jamforelse,
        **kw,
    )


def _deltagare(forbund: Forbund, insats: Insats) -> None:
    """10 participants in 2020: 6 women, 4 men; 5 exits in 2020 — 3 women to work, 1 man to studies, 1 man to a-kassa."""
    avslut = ["arbete", "arbete", "arbete", None, None, None, "studier", "a_kassa", None, None]
    for i, ut in enumerate(avslut):
        d = Deltagare.objects.create(forbund=forbund, kod=f"D{i}")
        ins = inskrivning_create(
            forbund=forbund,
            aktor=None,
            insats=insats,
            deltagare=d,
            kon="kvinna" if i < 6 else "man",
            fodelsear=1990,
            remittent="af",
            utbildning="gymnasium",
            forsorjning_in="forsorjningsstod",
            inskriven=dt.date(2020, 2, 1),
        )
        if ut:
            inskrivning_avsluta(forbund=forbund, aktor=None, inskrivning=ins, avslutad=dt.date(2020, 10, 1), forsorjning_ut=ut)


def test_tradets_form(forbund: Forbund, annat_forbund: Forbund) -> None:
    vision, mal = _trad(forbund)
    with pytest.raises(ValidationError, match="ska höra till ett övergripande mål"):
        services.malnod_skapa(forbund=forbund, aktor=None, niva="delmal", forelder=vision, ar_fran=2020, text="X", kriterium="Y")
    with pytest.raises(ValidationError, match="antingen ett kriterium i text eller ett mått"):
        services.malnod_skapa(forbund=forbund, aktor=None, niva="delmal", forelder=mal, ar_fran=2020, text="X")
    with pytest.raises(ValidationError, match="målvärde och en jämförelse"):
        services.malnod_skapa(forbund=forbund, aktor=None, niva="delmal", forelder=mal, ar_fran=2020, text="X", matt="genomstromning")
    with pytest.raises(ValidationError, match="Bara delmål mäts"):
        services.malnod_skapa(
            forbund=forbund,
            aktor=None,
            niva="overgripande",
            forelder=vision,
            ar_fran=2020,
            text="X",
            matt="genomstromning",
            malvarde=Decimal(35),
            jamforelse="minst",
        )
    with pytest.raises(ValidationError, match="annat förbund"):
        services.malnod_skapa(forbund=annat_forbund, aktor=None, niva="overgripande", forelder=vision, ar_fran=2020, text="X")
    assert Malnod.objects.count() == 2
    text = services.malnod_skapa(
        forbund=forbund,
        aktor=None,
        niva="delmal",
        forelder=mal,
        ar_fran=2021,
        text="Samsyn",
        kriterium="Beredningsgruppen är överens om prioriteringarna",
    )
    trad = maltrad(forbund, 2021)
    assert [(g["nod"], [(b["nod"], [c["nod"] for c in b["barn"]]) for b in g["barn"]]) for g in trad] == [(vision, [(mal, [text])])]
    assert maltrad(forbund, 2020)[0]["barn"][0]["barn"] == []  # the delmål applies from 2021
    assert Handelse.objects.filter(handling="malnod_skapa").count() == 3


def test_varje_matt_mot_handraknade_data(forbund: Forbund) -> None:
    _, mal = _trad(forbund)
    misam = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    _deltagare(forbund, misam)
    varden = {
        "genomstromning": Decimal("50.00"),  # 5 exits / 10 participants
        "arbete_studier": Decimal("80.00"),  # 4 of 5 exits to work or studies
        "deltagare_kvinnor": Decimal(6),
        "deltagare_man": Decimal(4),
    }
    for matt, forvantat in varden.items():
        alla = _delmal(forbund, mal, matt, "1")
        en = _delmal(forbund, mal, matt, "1", insats=misam)
        assert matt_varde(forbund, alla, 2020) == forvantat, matt
        assert matt_varde(forbund, en, 2020) == forvantat, matt
    assert matt_varde(forbund, _delmal(forbund, mal, "genomstromning", "35"), 2021) is not None  # still running in 2021
    indikator = _delmal(forbund, mal, "indikator", "75")
    assert matt_varde(forbund, indikator, 2020) is None
    services.indikatorvarde_spara(malnod=indikator, aktor=None, ar=2020, varde=Decimal("82.5"))
    assert matt_varde(forbund, indikator, 2020) == Decimal("82.5")
    with pytest.raises(ValidationError, match="gäller 2020–2023, inte 2024"):
        services.indikatorvarde_spara(malnod=indikator, aktor=None, ar=2024, varde=Decimal(1))
    # Budget outcome: the year's result of the imported accounts, income 4 000 − costs 3 520 = 480 kr.
    budget = _delmal(forbund, mal, "budgetutfall", "0")
    importera_csv(forbund, ar=2020)
    assert matt_varde(forbund, budget, 2020) == Decimal(480)
    assert matt_varde(forbund, budget, 2021) is None  # no accounts imported for 2021


@pytest.mark.parametrize(
    ("jamforelse", "malvarde", "varde", "forslag"),
    [
        ("minst", "35", "35", "uppfyllt"),  # at target
        ("minst", "35", "50", "uppfyllt"),  # above a minimum
        ("minst", "35", "31.5", "delvis_uppfyllt"),  # within 10 % below
        ("minst", "35", "31.49", "ej_uppfyllt"),
        ("hogst", "30", "30", "uppfyllt"),  # at a maximum (e.g. waiting days)
        ("hogst", "30", "33", "delvis_uppfyllt"),
        ("hogst", "30", "33.01", "ej_uppfyllt"),
    ],
)
def test_forslag_vid_over_och_under_malet(jamforelse: str, malvarde: str, varde: str, forslag: str) -> None:
    nod = Malnod(niva="delmal", matt="indikator", malvarde=Decimal(malvarde), jamforelse=jamforelse)
    assert foreslagen_bedomning(nod, Decimal(varde)) == forslag
    assert foreslagen_bedomning(nod, None) == ""


def test_bedomningen_foreslas_och_bekraftas_med_kommentar(forbund: Forbund, chef) -> None:
    _, mal = _trad(forbund)
    misam = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    _deltagare(forbund, misam)
    genomstromning = _delmal(forbund, mal, "genomstromning", "35", insats=misam)
    forslag = services.malnod_bedomning_foresla(malnod=genomstromning, aktor=chef, ar=2020)
    assert (forslag.utfall, forslag.forslag, forslag.bedomning, forslag.bekraftad) == (Decimal("50.0000"), "uppfyllt", "", None)
    with pytest.raises(ValidationError, match="Skriv en kommentar"):
        services.malnod_bedomning_bekrafta(malnod=genomstromning, aktor=chef, ar=2020, bedomning="uppfyllt", kommentar=" ")
    assert Malnodbedomning.objects.get().bekraftad is None
    obj = services.malnod_bedomning_bekrafta(
        malnod=genomstromning, aktor=chef, ar=2020, bedomning="delvis_uppfyllt", kommentar="Genomströmningen nåddes men få gick till arbete."
    )
    assert (obj.forslag, obj.bedomning, obj.bekraftad_av) == ("uppfyllt", "delvis_uppfyllt", chef)
    assert maltrad(forbund, 2020)[0]["barn"][0]["barn"][0]["bedomning"] == obj
    # A goal judged in words has no proposal; it is confirmed directly.
    text = services.malnod_skapa(
        forbund=forbund, aktor=None, niva="delmal", forelder=mal, ar_fran=2020, text="Samsyn", kriterium="Beredningsgruppen är överens"
    )
    with pytest.raises(ValidationError, match="inget mått"):
        services.malnod_bedomning_foresla(malnod=text, aktor=chef, ar=2020)
    obj = services.malnod_bedomning_bekrafta(malnod=text, aktor=chef, ar=2020, bedomning="uppfyllt", kommentar="Enig beredningsgrupp.")
    assert (obj.utfall, obj.forslag, obj.bedomning) == (None, "", "uppfyllt")
    assert {"malnod_bedomning_foresla", "malnod_bedomning_bekrafta"} <= set(Handelse.objects.values_list("handling", flat=True))


def test_sidan_for_maltradet(forbund: Forbund, chef_klient, klient) -> None:
    from finsam.models import RollTyp

    _, mal = _trad(forbund)
    misam = f.insats(forbund, "MISAM", startdatum=dt.date(2020, 1, 1))
    _deltagare(forbund, misam)
    nod = _delmal(forbund, mal, "genomstromning", "35", insats=misam)
    svar = chef_klient.post("/insatser/mal/forslag/", {"ar": 2020}, follow=True)
    assert "Förslag för 2020 är beräknade för 1 mål." in svar.content.decode()
    html = chef_klient.get("/insatser/mal/?ar=2020").content.decode()
    assert "Genomströmning (%) – MISAM, mål ≥ 35" in html and "Uppmätt 2020</dt><dd>50" in html
    svar = chef_klient.post(f"/insatser/mal/nod/{nod.pk}/bedomning/", {"ar": 2020, "bedomning": "uppfyllt", "kommentar": ""}, follow=True)
    assert "Skriv en kommentar till bedömningen." in svar.content.decode()
    assert Malnodbedomning.objects.get().bedomning == ""
    chef_klient.post(f"/insatser/mal/nod/{nod.pk}/bedomning/", {"ar": 2020, "bedomning": "uppfyllt", "kommentar": "Över målet."})
    ledamot = klient(RollTyp.STYRELSELEDAMOT).get("/insatser/mal/?ar=2020").content.decode()
    assert "<strong>Uppfyllt</strong> – Över målet." in ledamot and "Bekräfta bedömningen" not in ledamot


def test_bekraftelse_utan_kommentar_nekas_lika_pa_sidan_och_i_api(forbund: Forbund, chef_klient) -> None:
    from tests.insatser.test_paritet import _api_nekar, _knappen_nekar

    _, mal = _trad(forbund)
    nod = _delmal(forbund, mal, "indikator", "75")
    meddelande = "Skriv en kommentar till bedömningen."
    _knappen_nekar(chef_klient, f"/insatser/mal/nod/{nod.pk}/bedomning/", {"ar": 2020, "bedomning": "uppfyllt", "kommentar": ""}, meddelande)
    _api_nekar(
        chef_klient.post(
            f"/api/insatser/maltrad/{nod.pk}/bedomning/", {"ar": 2020, "bedomning": "uppfyllt", "kommentar": ""}, content_type="application/json"
        ),
        meddelande,
    )
    assert not Malnodbedomning.objects.exists()
    svar = chef_klient.post(f"/api/insatser/maltrad/{nod.pk}/indikator/", {"ar": 2020, "varde": "82.5"}, content_type="application/json")
    assert svar.status_code == 200
    svar = chef_klient.post(f"/api/insatser/maltrad/{nod.pk}/forslag/", {"ar": 2020}, content_type="application/json")
    assert svar.json()["forslag"] == "uppfyllt" and svar.json()["utfall"] == "82.5000"
