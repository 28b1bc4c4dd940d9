"""Permission matrix rows for the core pages and API endpoints."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from finsam.models import Dokument, Forbund, Handelse, Medlem, Person
from tests.conftest import ROLLER
from tests.matrix import Rad, kor_matris, kor_utan_inloggning


def _dokument(forbund: Forbund) -> Dokument:
    d = Dokument(
        forbund=forbund,
        typ="organisationsblad",
        titel="Organisationsblad 2019",
        nyckel="organisationsblad:2019",
        parametrar={"ar": 2019},
        status=Dokument.Status.KLAR,
        sha256="0" * 64,
    )
    d.fil.save("test.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    d.save()
    return d


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    person = Person.objects.create(forbund=forbund, namn="Test Person")
    annan_person = Person.objects.create(forbund=annat, namn="Annan Person")
    h = Handelse.objects.create(forbund=forbund, handling="test")
    h2 = Handelse.objects.create(forbund=annat, handling="test")
    return {
        "medlem": Medlem.objects.filter(forbund=forbund).first(),
        "annan_medlem": Medlem.objects.filter(forbund=annat).first(),
        "person": person,
        "annan_person": annan_person,
        "handelse": h,
        "annan_handelse": h2,
        "dokument": _dokument(forbund),
        "annat_dokument": _dokument(annat),
        "misslyckat": _misslyckat(forbund),
        "annat_misslyckat": _misslyckat(annat),
    }


def _misslyckat(forbund: Forbund) -> Dokument:
    return Dokument.objects.create(
        forbund=forbund,
        typ="organisationsblad",
        titel="Organisationsblad 2018",
        nyckel="organisationsblad:2018",
        parametrar={"ar": 2018},
        status=Dokument.Status.MISSLYCKAD,
        fel="Ett tekniskt fel.",
    )


RADER = [
    Rad("start", lambda m: "/", "forbund.visa"),
    Rad("organisation", lambda m: "/organisation/?ar=2019", "forbund.visa"),
    Rad("organisationsblad_bestall", lambda m: "/organisation/organisationsblad/", "dokument.skapa", metod="post", data=lambda m: {"ar": 2020}),
    Rad("dokument_lista", lambda m: "/dokument/", "dokument.visa"),
    Rad(
        "dokument_detalj",
        lambda m: f"/dokument/{m['dokument'].pk}/",
        "dokument.visa",
        annat_forbund_url=lambda m: f"/dokument/{m['annat_dokument'].pk}/",
    ),
    Rad(
        "dokument_status",
        lambda m: f"/dokument/{m['dokument'].pk}/status/",
        "dokument.visa",
        annat_forbund_url=lambda m: f"/dokument/{m['annat_dokument'].pk}/status/",
    ),
    Rad(
        "dokument_ladda_ned",
        lambda m: f"/dokument/{m['dokument'].pk}/fil/",
        "dokument.visa",
        annat_forbund_url=lambda m: f"/dokument/{m['annat_dokument'].pk}/fil/",
    ),
    Rad(
        "dokument_forsok_igen",
        lambda m: f"/dokument/{m['misslyckat'].pk}/forsok-igen/",
        "dokument.skapa",
        metod="post",
        annat_forbund_url=lambda m: f"/dokument/{m['annat_misslyckat'].pk}/forsok-igen/",
    ),
    Rad("handelser", lambda m: "/handelser/", "handelse.visa"),
    Rad("medlem-list", lambda m: "/api/medlemmar/", "forbund.visa"),
    Rad(
        "medlem-detail",
        lambda m: f"/api/medlemmar/{m['medlem'].pk}/",
        "forbund.visa",
        annat_forbund_url=lambda m: f"/api/medlemmar/{m['annan_medlem'].pk}/",
    ),
    Rad("person-list", lambda m: "/api/personer/", "forbund.visa"),
    Rad(
        "person-detail",
        lambda m: f"/api/personer/{m['person'].pk}/",
        "forbund.visa",
        annat_forbund_url=lambda m: f"/api/personer/{m['annan_person'].pk}/",
    ),
    Rad("handelse-list", lambda m: "/api/handelser/", "handelse.visa"),
    Rad(
        "handelse-detail",
        lambda m: f"/api/handelser/{m['handelse'].pk}/",
        "handelse.visa",
        annat_forbund_url=lambda m: f"/api/handelser/{m['annan_handelse'].pk}/",
    ),
    Rad("dokument-list", lambda m: "/api/dokument/", "dokument.visa"),
    Rad(
        "dokument-detail",
        lambda m: f"/api/dokument/{m['dokument'].pk}/",
        "dokument.visa",
        annat_forbund_url=lambda m: f"/api/dokument/{m['annat_dokument'].pk}/",
    ),
    Rad(
        "dokument-fil",
        lambda m: f"/api/dokument/{m['dokument'].pk}/fil/",
        "dokument.visa",
        annat_forbund_url=lambda m: f"/api/dokument/{m['annat_dokument'].pk}/fil/",
    ),
    Rad(
        "dokument-forsok-igen",
        lambda m: f"/api/dokument/{m['misslyckat'].pk}/forsok-igen/",
        "dokument.skapa",
        metod="post",
        annat_forbund_url=lambda m: f"/api/dokument/{m['annat_misslyckat'].pk}/forsok-igen/",
        json=True,
    ),
    Rad(
        "dokument-organisationsblad",
        lambda m: "/api/dokument/organisationsblad/",
        "dokument.skapa",
        metod="post",
        data=lambda m: {"ar": 2020},
        json=True,
    ),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))


def test_byt_forbund_bara_till_eget(forbund: Forbund, annat_forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare("forbundschef")
    anvandare("revisor", annat_forbund, username=user.username)
    c = Client()
    c.force_login(user)
    assert c.post("/byt-forbund/", {"forbund": annat_forbund.pk}).status_code == 302
    assert "Samordningsförbundet Annat" in c.get("/").content.decode()
    tredje = Forbund.objects.create(slug="tredje", namn="Tredje")
    assert c.post("/byt-forbund/", {"forbund": tredje.pk}).status_code == 404


def test_api_val_av_forbund_med_huvud(forbund: Forbund, annat_forbund: Forbund, anvandare: Callable[..., Any]) -> None:
    user = anvandare("forbundschef")
    anvandare("revisor", annat_forbund, username=user.username)
    c = Client()
    c.force_login(user)
    a = c.get("/api/medlemmar/", HTTP_X_FORBUND="annat").json()
    assert {m["kod"] for m in a["results"]} == {"fk", "af", "region", "annanstad"}
    assert c.get("/api/handelser/", HTTP_X_FORBUND="annat").status_code == 403  # revisor there
    assert c.get("/api/handelser/", HTTP_X_FORBUND="skelleftea-norsjo").status_code == 200
    assert c.get("/api/medlemmar/", HTTP_X_FORBUND="tredje").status_code == 403
