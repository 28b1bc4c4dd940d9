"""The agreements register (issue 17): calendar of renewal and notice, one door for page and API, warnings, export, demo."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from openpyxl import load_workbook

from finsam.models import Forbund, Handelse, Medlem, RollTyp
from finsam.startsida import startsida_for
from finsam.tenancy import Kontext
from forvaltning import selectors, services
from forvaltning.models import Avtal, plus_manader
from tests.forvaltning import factories as f
from tests.insatser import factories as fi

pytestmark = pytest.mark.django_db
D = dt.date


def test_plus_manader_haller_sig_inom_manaden() -> None:
    assert plus_manader(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert plus_manader(D(2020, 12, 31), 12) == D(2021, 12, 31)
    assert plus_manader(D(2021, 3, 31), -3) == D(2020, 12, 31)


def test_ett_plus_ett_plus_ett_ar_med_automatisk_fornyelse(forbund: Forbund) -> None:
    """The European Minds offer: 2020, renewed by itself for 2021 and 2022, notice three months."""
    a = f.avtal(
        forbund,
        "European Minds",
        slutdatum=D(2020, 12, 31),
        forlangning_manader=12,
        max_forlangningar=2,
        belopp=Decimal(890),
        enhet=Avtal.Enhet.PER_TIMME,
    )
    assert a.periodslut(D(2020, 6, 1)) == D(2020, 12, 31)
    assert a.sista_uppsagningsdag(D(2020, 6, 1)) == D(2020, 9, 30)
    assert a.periodslut(D(2021, 2, 1)) == D(2021, 12, 31)
    assert a.sista_uppsagningsdag(D(2021, 2, 1)) == D(2021, 9, 30)
    # The last period (2022) does not renew: nothing to give notice of, the agreement ends.
    assert a.periodslut(D(2022, 5, 1)) == D(2022, 12, 31)
    assert a.forlangs(D(2022, 5, 1)) is False
    assert a.sista_uppsagningsdag(D(2022, 5, 1)) is None
    assert not a.lopt_ut(D(2022, 12, 31)) and a.lopt_ut(D(2023, 1, 1))
    # Notice given too late for 2020 lets it run through 2021.
    assert a.upphor_vid_uppsagning(D(2020, 11, 15)) == D(2021, 12, 31)
    assert a.upphor_vid_uppsagning(D(2020, 9, 1)) == D(2020, 12, 31)


def test_tills_vidare_upphor_efter_uppsagningstiden(forbund: Forbund, chef: Any) -> None:
    a = f.avtal(forbund)
    assert a.periodslut(D(2024, 1, 1)) is None and a.sista_uppsagningsdag(D(2024, 1, 1)) is None
    a = services.avtal_sag_upp(avtal=a, aktor=chef, datum=D(2024, 1, 15))
    assert (a.status, a.uppsagt_datum, a.upphor_datum) == (Avtal.Status.UPPSAGT, D(2024, 1, 15), D(2024, 4, 15))
    h = Handelse.objects.filter(handling="avtal_sag_upp").get()
    assert h.andringar["upphor_datum"] == [None, "2024-04-15"]
    with pytest.raises(ValidationError, match="redan uppsagt"):
        services.avtal_sag_upp(avtal=a, aktor=chef, datum=D(2024, 2, 1))


def test_skapa_med_parter_och_handelse(forbund: Forbund, chef: Any) -> None:
    medlemmar = list(Medlem.objects.filter(forbund=forbund, kod__in=["fk", "af"]))
    a = services.avtal_skapa(
        forbund=forbund,
        aktor=chef,
        medlemmar=medlemmar,
        rubrik="Överenskommelse MISAM",
        typ=Avtal.Typ.OVERENSKOMMELSE,
        startdatum=D(2020, 1, 1),
        uppsagningstid_manader=2,
    )
    assert sorted(a.medlemmar.values_list("kod", flat=True)) == ["af", "fk"]
    h = Handelse.objects.get(handling="avtal_skapa")
    assert h.andringar["rubrik"] == [None, "Överenskommelse MISAM"]
    assert sorted(h.andringar["medlemmar"][1]) == sorted(m.pk for m in medlemmar)


@pytest.mark.parametrize(
    ("falt", "meddelande"),
    [
        ({"motpart": ""}, "Ange avtalets motpart"),
        ({"belopp": Decimal(100)}, "Belopp och enhet anges tillsammans"),
        ({"slutdatum": D(2019, 1, 1)}, "kan inte upphöra före"),
        ({"forlangning_manader": 12}, "förlängs inte"),
        ({"motpart": "Cajako AB", "motpart_organisationsnummer": "559012-9417"}, "kontrollsiffran"),
    ],
)
def test_vagrade_avtal_sparar_inget(forbund: Forbund, chef: Any, falt: dict[str, Any], meddelande: str) -> None:
    antal = (Avtal.objects.count(), Handelse.objects.count())
    with pytest.raises(ValidationError) as fel:
        services.avtal_skapa(forbund=forbund, aktor=chef, rubrik="X", typ=Avtal.Typ.KONSULT, startdatum=D(2020, 1, 1), **falt)
    assert meddelande in str(fel.value)
    assert (Avtal.objects.count(), Handelse.objects.count()) == antal


def test_paragraf_i_annat_forbund_vagras(forbund: Forbund, annat_forbund: Forbund, chef: Any) -> None:
    p = fi.paragraf(annat_forbund)
    with pytest.raises(ValidationError, match="annat förbund"):
        services.avtal_skapa(
            forbund=forbund, aktor=chef, rubrik="X", typ=Avtal.Typ.KONSULT, startdatum=D(2020, 1, 1), motpart="Cajako AB", paragraf=p
        )
    assert not Avtal.objects.exists()


FORM = {
    "rubrik": "Konsultstöd",
    "typ": "konsult",
    "motpart": "",
    "startdatum": "2020-01-01",
    "forlangning_manader": "0",
    "uppsagningstid_manader": "3",
}


def test_paritet_sida_och_api_vagrar_lika_och_sparar_lika(forbund: Forbund, klient: Callable[..., Client]) -> None:
    c = klient(RollTyp.FORBUNDSCHEF)
    sida = c.post("/forvaltning/avtal/ny/", FORM)
    api = c.post("/api/forvaltning/avtal/", {**FORM, "medlemmar": []}, content_type="application/json")
    assert sida.status_code == 400 and api.status_code == 400
    meddelande = "Ange avtalets motpart: en eller flera medlemmar eller en extern motpart."
    assert meddelande in sida.content.decode() and meddelande in api.content.decode()
    assert 'value="Konsultstöd"' in sida.content.decode()  # the input is kept
    assert not Avtal.objects.exists()

    ok = {**FORM, "motpart": "Cajako AB", "motpart_organisationsnummer": "559012-9416"}
    assert c.post("/forvaltning/avtal/ny/", ok).status_code == 302
    assert c.post("/api/forvaltning/avtal/", {**ok, "medlemmar": ["skelleftea"]}, content_type="application/json").status_code == 201
    fran_sida, fran_api = Avtal.objects.order_by("pk")
    for falt in ("rubrik", "typ", "motpart", "motpart_organisationsnummer", "startdatum", "uppsagningstid_manader", "status"):
        assert getattr(fran_sida, falt) == getattr(fran_api, falt)
    assert list(fran_api.medlemmar.values_list("kod", flat=True)) == ["skelleftea"]


def test_startsidan_varnar_fore_sista_uppsagningsdag(forbund: Forbund, chef: Any, monkeypatch: Any) -> None:
    idag = D(2021, 8, 1)
    f.avtal(forbund, "European Minds", slutdatum=D(2020, 12, 31), forlangning_manader=12, max_forlangningar=2)
    f.avtal(forbund, "Lokal", slutdatum=D(2021, 10, 1))  # no renewal: warns of the end
    f.avtal(forbund, "Långt borta", slutdatum=D(2023, 1, 1), forlangning_manader=12)
    varningar = selectors.avtal_varningar(forbund, idag)
    assert [t for _, _, t in varningar] == [
        "Sista dag att säga upp European Minds är 2021-09-30; annars förlängs det efter 2021-12-31.",
        "Lokal löper ut 2021-10-01 och förlängs inte av sig självt.",
    ]
    monkeypatch.setattr("forvaltning.selectors.avtal.timezone.localdate", lambda: idag)
    sida = startsida_for(Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF), chef)
    assert any("Sista dag att säga upp European Minds" in n.text for n in sida.notiser)
    ledamot = startsida_for(Kontext(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT), chef)
    assert not any("European Minds" in n.text for n in ledamot.notiser)


def test_export_xlsx_har_typade_celler_och_inga_formler(forbund: Forbund, klient: Callable[..., Client]) -> None:
    f.avtal(forbund, '=HYPERLINK("http://x")')
    svar = klient(RollTyp.REVISOR).get("/forvaltning/avtal/export.xlsx")
    assert svar.status_code == 200
    assert svar["Content-Disposition"].startswith('attachment; filename="avtal-skelleftea-norsjo-')
    ws = load_workbook(io.BytesIO(svar.content)).active
    rad = [c for c in ws[2]]
    assert rad[0].value.startswith("'=") and rad[0].data_type == "s"
    assert rad[4].value == 10650 and rad[6].value.date() == D(2020, 1, 1)
    assert not any(c.data_type == "f" for r in ws.iter_rows() for c in r)


def test_listan_har_fast_antal_fragor(forbund: Forbund, klient: Callable[..., Client], django_assert_max_num_queries: Any) -> None:
    c = klient(RollTyp.FORBUNDSCHEF)
    for i in range(3):
        f.avtal(forbund, f"Avtal {i}")
    with django_assert_max_num_queries(20) as fa:
        assert c.get("/forvaltning/avtal/").status_code == 200
    for i in range(3, 30):
        f.avtal(forbund, f"Avtal {i}")
    with django_assert_max_num_queries(len(fa.captured_queries)):
        assert c.get("/forvaltning/avtal/").status_code == 200
