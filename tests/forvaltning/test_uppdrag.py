"""Board mandates with the member's appointing decision; overlapping mandates for a seat are refused (issue 17)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from finsam.models import Forbund, Handelse, Medlem
from finsam.services import person_create
from forvaltning.models import Utnamning
from forvaltning.services.uppdrag import uppdrag_tillsatt
from styrelse.models import Mandat
from tests.api_fel import api_fel

pytestmark = pytest.mark.django_db

BESLUT = {"organ": "Kommunfullmäktige i Norsjö kommun", "referens": "KF 2019-02-26 § 12", "beslutsdatum": dt.date(2019, 2, 26)}


def tillsatt(forbund: Forbund, namn: str, kod: str = "norsjo", typ: str = "ledamot", **kw: Any) -> Mandat:
    person = person_create(forbund=forbund, aktor=None, namn=namn)
    data: dict[str, Any] = {"fran": dt.date(2019, 4, 1), "till": dt.date(2022, 12, 31), **BESLUT, **kw}
    return uppdrag_tillsatt(forbund=forbund, aktor=None, person=person, medlem=Medlem.objects.get(forbund=forbund, kod=kod), typ=typ, **data)


def test_mandat_med_beslut_om_utnamning(forbund: Forbund) -> None:
    mandat = tillsatt(forbund, "Mikael Lindfors")
    assert (mandat.utnamning.organ, mandat.utnamning.referens, mandat.utnamning.datum) == (
        "Kommunfullmäktige i Norsjö kommun",
        "KF 2019-02-26 § 12",
        dt.date(2019, 2, 26),
    )
    assert list(Handelse.objects.filter(handling__in=["mandat_skapa", "utnamning_spara"]).values_list("handling", flat=True).order_by("pk")) == [
        "mandat_skapa",
        "utnamning_spara",
    ]


def test_overlappande_mandat_for_samma_plats_vagras(forbund: Forbund) -> None:
    tillsatt(forbund, "Mikael Lindfors")
    with pytest.raises(ValidationError) as exc:
        tillsatt(forbund, "Patrick Ström", fran=dt.date(2022, 6, 1), till=dt.date(2026, 12, 31))
    assert "Norsjö kommun har redan en ledamot under perioden: Mikael Lindfors (2019-04-01 – 2022-12-31)." in exc.value.messages
    assert Mandat.objects.count() == 1 and Utnamning.objects.count() == 1
    tillsatt(forbund, "Per Ström", fran=dt.date(2023, 1, 1), till=dt.date(2026, 12, 31))  # the next period is free


def test_samma_person_kan_inte_ha_tva_platser_samtidigt(forbund: Forbund) -> None:
    m = tillsatt(forbund, "Mikael Lindfors")
    with pytest.raises(ValidationError) as exc:
        uppdrag_tillsatt(
            forbund=forbund,
            aktor=None,
            person=m.person,
            medlem=Medlem.objects.get(forbund=forbund, kod="skelleftea"),
            typ="ersattare",
            fran=dt.date(2020, 1, 1),
            **BESLUT,
        )
    assert exc.value.message_dict == {"person": ["Mikael Lindfors har redan ett mandat som ledamot för Norsjö kommun under perioden."]}


def test_sidan_listar_styrelsen_med_beslut(forbund: Forbund, chef_klient: Client, django_assert_max_num_queries: Any) -> None:
    for i, kod in enumerate(["fk", "af", "region", "skelleftea", "norsjo"]):
        tillsatt(forbund, f"Person {i}", kod=kod, fran=dt.date(2019, 1, 1), till=None)
    with django_assert_max_num_queries(12):
        text = chef_klient.get("/forvaltning/styrelsen/").content.decode()
    assert text.count("KF 2019-02-26 § 12") == 5 and "Beslut saknas" not in text


def test_mandat_vagras_lika_pa_sida_och_api(forbund: Forbund, chef_klient: Client) -> None:
    tillsatt(forbund, "Mikael Lindfors")
    person = person_create(forbund=forbund, aktor=None, namn="Patrick Ström")
    norsjo = Medlem.objects.get(forbund=forbund, kod="norsjo")
    data = {"typ": "ledamot", "fran": "2020-01-01", "organ": "KF", "referens": "KF § 3", "beslutsdatum": "2019-12-10"}
    sida = chef_klient.post("/forvaltning/styrelsen/ny/", {**data, "person": person.pk, "medlem": norsjo.pk})
    api = chef_klient.post("/api/forvaltning/uppdrag/", {**data, "person": person.pk, "medlem": "norsjo"}, content_type="application/json")
    fel = "Norsjö kommun har redan en ledamot under perioden: Mikael Lindfors (2019-04-01 – 2022-12-31)."
    assert sida.status_code == 400 and fel in sida.content.decode()
    assert api.status_code == 400 and api_fel(api) == {"fel": [fel]}
    assert Mandat.objects.count() == 1
    ok = chef_klient.post(
        "/api/forvaltning/uppdrag/", {**data, "typ": "ersattare", "person": person.pk, "medlem": "norsjo"}, content_type="application/json"
    )
    assert ok.status_code == 201 and ok.json()["utnamning"] == {"organ": "KF", "referens": "KF § 3", "datum": "2019-12-10"}
