"""The API runs a meeting through the same services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from finsam.models import Handelse
from styrelse.models import Anslag, Paragraf

from .factories import styrelse

pytestmark = pytest.mark.django_db


def test_mote_genom_api(forbund: Any, chef_klient: Client, anvandare: Any) -> None:
    s = styrelse(forbund)
    c = chef_klient
    idag = timezone.localdate()
    svar = c.post(
        "/api/styrelse/sammantraden/", {"datum": idag.isoformat(), "plats": "Kansliet", "starttid": "09:00"}, content_type="application/json"
    )
    assert svar.status_code == 201, svar.content
    mote = svar.json()["id"]
    dagordning = c.get(f"/api/styrelse/sammantraden/{mote}/dagordning/").json()
    assert [a["rubrik"] for a in dagordning][:2] == ["Mötets öppnande", "Val av justerare"]
    ny = c.post(
        f"/api/styrelse/sammantraden/{mote}/dagordning/",
        {"rubrik": "Avtal med Sobona", "forslag": "att godkänna medlemskapet i Sobona"},
        content_type="application/json",
    ).json()
    # Not quorate: refused with a Swedish message and nothing saved.
    fel = c.post(f"/api/styrelse/sammantraden/{mote}/beslut/", {"arende": ny["id"], "beslut": "att godkänna"}, content_type="application/json")
    assert fel.status_code == 400 and "Inte beslutsför" in fel.json()["fel"][0]["meddelande"]
    for kod in ["skelleftea", "af", "region"]:
        r = c.post(
            f"/api/styrelse/sammantraden/{mote}/narvaro/",
            {"person": s["ledamot"][kod].person.pk, "kategori": "ledamot"},
            content_type="application/json",
        )
        assert r.status_code == 201
    r = c.post(
        f"/api/styrelse/sammantraden/{mote}/narvaro/",
        {"person": s["ersattare"]["fk"].person.pk, "kategori": "tjanstgorande", "ersatter": s["ledamot"]["af"].pk},
        content_type="application/json",
    )
    assert r.status_code == 400 and "samma medlem" in str(r.json())
    ids = [s["ledamot"][k].person.pk for k in ["skelleftea", "af", "region"]]
    r = c.post(
        f"/api/styrelse/sammantraden/{mote}/beslut/",
        {
            "arende": ny["id"],
            "beslut": "att godkänna medlemskapet i Sobona",
            "roster": [
                {"person": ids[0], "val": "ja"},
                {"person": ids[1], "val": "ja"},
                {"person": ids[2], "val": "nej", "reservation": "Nej till avgiften."},
            ],
        },
        content_type="application/json",
    )
    assert r.status_code == 201, r.content
    p = r.json()
    assert (p["nummer"], p["beslut"]) == (1, ["godkänna medlemskapet i Sobona"])
    assert {x["val"] for x in p["roster"]} == {"ja", "nej"}
    assert Handelse.objects.filter(handling="beslut_fatta").count() == 1
    assert c.get("/api/styrelse/beslut/?q=Sobona").json()["count"] == 1
    assert c.get(f"/api/styrelse/beslut/?ar={idag.year}&nummer=1").json()["results"][0]["rubrik"] == "Avtal med Sobona"
    # The rest of the agenda, then close, justering and posting.
    assert (
        c.post(
            f"/api/styrelse/sammantraden/{mote}/narvaro/", {"person": s["chef"].pk, "kategori": "tjansteperson"}, content_type="application/json"
        ).status_code
        == 201
    )
    for a in c.get(f"/api/styrelse/sammantraden/{mote}/dagordning/").json():
        if a["paragraf"] is None:
            data: dict[str, Any] = {"arende": a["id"]}
            if a["rubrik"] == "Val av justerare":
                data.update(beslut=a["forslag"], justerare=[s["ledamot"]["af"].person.pk])
            r = c.post(f"/api/styrelse/sammantraden/{mote}/beslut/", data, content_type="application/json")
            assert r.status_code == 201, r.content
            if a["rubrik"] == "Val av justerare":
                assert r.json()["beslut"] == ["utse Ledamot af att justera protokollet"]
    assert c.post(f"/api/styrelse/sammantraden/{mote}/avsluta/").json()["status"] == "genomfort"
    from styrelse.models import Sammantrade
    from styrelse.services import sammantrade_andra

    sammantrade_andra(sammantrade=Sammantrade.objects.get(pk=mote), aktor=None, ordforande=s["ledamot"]["skelleftea"].person, sekreterare=s["chef"])
    for roll, person in [("ordforande", s["ledamot"]["skelleftea"].person), ("sekreterare", s["chef"]), ("justerare", s["ledamot"]["af"].person)]:
        r = c.post(f"/api/styrelse/sammantraden/{mote}/justering/", {"person": person.pk, "roll": roll}, content_type="application/json")
        assert r.status_code == 200, r.content
    assert r.json()["status"] == "justerat"
    assert set(Paragraf.objects.values_list("last", flat=True)) == {True}
    r = c.post(
        f"/api/styrelse/sammantraden/{mote}/anslag/",
        {"uppsatt": idag.isoformat(), "nedtas": (idag + dt.timedelta(days=10)).isoformat()},
        content_type="application/json",
    )
    assert r.status_code == 400 and "minst tre veckor" in str(r.json())
    r = c.post(
        f"/api/styrelse/sammantraden/{mote}/anslag/",
        {"uppsatt": idag.isoformat(), "nedtas": (idag + dt.timedelta(days=21)).isoformat()},
        content_type="application/json",
    )
    assert r.status_code == 201 and Anslag.objects.count() == 1
    assert c.get("/api/styrelse/anslag/?aktuella=1").json()["count"] == 1


def test_ledamot_kan_lasa_men_inte_skriva(forbund: Any, klient: Any) -> None:
    styrelse(forbund)
    c = klient("styrelseledamot")
    assert c.get("/api/styrelse/sammantraden/").status_code == 200
    assert c.post("/api/styrelse/sammantraden/", {"datum": "2030-01-01"}, content_type="application/json").status_code == 403


def test_openapi_schemat_beskriver_styrelsens_api(chef_klient: Client) -> None:
    schema = chef_klient.get("/api/schema/?format=json").json()
    for sokvag in [
        "/api/styrelse/sammantraden/",
        "/api/styrelse/sammantraden/{id}/beslut/",
        "/api/styrelse/sammantraden/{id}/narvaro/",
        "/api/styrelse/beslut/",
        "/api/styrelse/uppdrag/",
        "/api/styrelse/anslag/",
    ]:
        assert sokvag in schema["paths"]
