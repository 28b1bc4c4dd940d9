"""The API: the same use cases as the pages, errors as Swedish 400s, documented in the OpenAPI schema."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ekonomi.models import Redovisningsimport
from finsam.models import RollTyp

from .factories import kopplingar, tilldelning
from .test_sie import LITEN

pytestmark = pytest.mark.django_db


def test_import_och_rakenskaper_via_api(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund)
    kopplingar(forbund)
    c = klient(RollTyp.FORBUNDSCHEF)
    trasig = LITEN.replace("#TRANS 1930 {} -300.00", "#TRANS 1930 {} -299.00").encode("cp437")
    svar = c.post("/api/ekonomi/importer/", {"fil": SimpleUploadedFile("trasig.se", trasig), "kalla": "sie"})
    assert svar.status_code == 400
    assert "verifikation B 7" in str(svar.json())
    assert not Redovisningsimport.objects.exists()
    svar = c.post("/api/ekonomi/importer/", {"fil": SimpleUploadedFile("bok.se", LITEN.encode("cp437")), "kalla": "sie"})
    assert svar.status_code == 202 and svar.json()["status"] == "klar"
    jobb = c.get(f"/api/ekonomi/importjobb/{svar.json()['id']}/").json()
    assert jobb["framsteg"] == 100 and Redovisningsimport.objects.get(pk=jobb["redovisningsimport"]).ar == 2019
    data = klient(RollTyp.REVISOR).get("/api/ekonomi/rakenskaper/2019/").json()
    assert data["arets_resultat"] == 500 and data["likvida_medel_vid_arets_slut"] == 1500
    assert {"kontroll", "ok", "differens", "detalj"} == set(data["avstamning"][0])


def test_budget_via_api(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund, ar=2020, belopp=5034000)
    c = klient(RollTyp.FORBUNDSCHEF)
    b = c.post("/api/ekonomi/budgetar/", {"ar": 2020}, content_type="application/json").json()
    assert b["status"] == "utkast"
    t = c.get(f"/api/ekonomi/budgetar/{b['id']}/tabell/").json()
    assert t["summa_intakter"][0] == 5034000
    assert c.post("/api/ekonomi/budgetar/", {"ar": 2020}, content_type="application/json").status_code == 400


def test_schemat_beskriver_ekonomi(client) -> None:  # type: ignore[no-untyped-def]
    schema = client.get("/api/schema/").content.decode()
    for sokvag in (
        "/api/ekonomi/rakenskaper/{ar}/",
        "/api/ekonomi/budgetar/{id}/faststall/",
        "/api/ekonomi/importer/",
        "/api/ekonomi/uppfoljning/{ar}/{kvartal}/",
        "/api/ekonomi/revisionsberattelser/",
    ):
        assert sokvag in schema
