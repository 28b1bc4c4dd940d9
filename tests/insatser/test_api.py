"""The insatser API: writes go through the services (rules, audit), another förbund's members are unknown, the schema."""

from __future__ import annotations

from decimal import Decimal

from finsam.models import Forbund, Handelse
from insatser.models import Ansokan, Beviljande, Insats
from tests import filer
from tests.insatser import factories as f


def test_insats_skapas_med_medlemskoder(forbund: Forbund, chef_klient) -> None:
    svar = chef_klient.post(
        "/api/insatser/insatser/",
        {
            "kortnamn": "MISAM",
            "namn": "Myndighetssamverkan",
            "typ": "ordinarie",
            "inriktning": "individ",
            "startdatum": "2020-01-01",
            "agare_medlem": "skelleftea",
            "parter": ["fk", "af", "region", "skelleftea"],
        },
        content_type="application/json",
    )
    assert svar.status_code == 201, svar.content
    insats = Insats.objects.get(forbund=forbund, kortnamn="MISAM")
    assert sorted(svar.json()["parter"]) == ["af", "fk", "region", "skelleftea"]
    assert insats.agare_medlem.kod == "skelleftea"
    assert Handelse.objects.filter(handling="insats_skapa", objekt_id=str(insats.pk)).exists()
    fel = chef_klient.post(
        "/api/insatser/insatser/",
        {"kortnamn": "X", "namn": "X", "typ": "ordinarie", "inriktning": "individ", "startdatum": "2020-01-01", "parter": ["annanstad"]},
        content_type="application/json",
    )
    assert fel.status_code == 400 and [e["falt"] for e in fel.json()["fel"]] == ["parter"]


def test_beviljande_via_api_foljer_reglerna(forbund: Forbund, chef_klient) -> None:
    ensam = f.insats(forbund, "ENSAM", parter=("fk",))
    paragraf = f.paragraf(forbund)
    svar = chef_klient.post(
        "/api/insatser/beviljanden/", {"insats": ensam.pk, "paragraf": paragraf.pk, "ar": 2020, "belopp": 1000}, content_type="application/json"
    )
    assert svar.status_code == 400
    assert "minst två medlemmar" in str(svar.json())
    assert not Beviljande.objects.exists()
    svar = chef_klient.post("/api/insatser/beviljanden/", {"insats": ensam.pk, "ar": 2020, "belopp": 1000}, content_type="application/json")
    assert svar.status_code == 400 and [e["falt"] for e in svar.json()["fel"]] == ["paragraf"]
    misam = f.insats(forbund, "MISAM")
    assert (
        chef_klient.post(
            "/api/insatser/beviljanden/",
            {"insats": misam.pk, "paragraf": paragraf.pk, "ar": 2020, "belopp": 2500000},
            content_type="application/json",
        ).status_code
        == 201
    )
    assert chef_klient.get("/api/insatser/beviljanden/per-ar/?ar=2020").json() == [{"insats": misam.pk, "kortnamn": "MISAM", "belopp": "2500000"}]


def test_ansokan_fran_inkommen_till_beviljad(forbund: Forbund, chef_klient, klient) -> None:
    svar = chef_klient.post(
        "/api/insatser/ansokningar/",
        {
            "titel": "SIKT 2.0",
            "insats_typ": "esf_projekt",
            "startdatum": "2020-08-31",
            "slutdatum": "2023-02-28",
            "inkom": "2020-01-20",
            "sokande": ["af", "region", "norsjo"],
            "ansvarig_medlem": "region",
            "belopp": [{"ar": 2020, "belopp": 30000}, {"ar": 2021, "belopp": 40000}, {"ar": 2022, "belopp": 30000}],
        },
        content_type="application/json",
    )
    assert svar.status_code == 201, svar.content
    pk = svar.json()["id"]
    assert svar.json()["diarienummer"] == "SFSN 2020/1"
    assert (
        chef_klient.post(f"/api/insatser/ansokningar/{pk}/beredning/", {"yttrande": "Tillstyrks."}, content_type="application/json").status_code
        == 200
    )
    paragraf = f.paragraf(forbund)
    # An administratör prepares but may not decide.
    assert (
        klient("administrator")
        .post(f"/api/insatser/ansokningar/{pk}/besluta/", {"paragraf": paragraf.pk, "beslut": "avslagen"}, content_type="application/json")
        .status_code
        == 403
    )
    svar = chef_klient.post(
        f"/api/insatser/ansokningar/{pk}/besluta/",
        {
            "paragraf": paragraf.pk,
            "beslut": "delvis_beviljad",
            "belopp": [{"ar": 2020, "belopp": 30000}, {"ar": 2021, "belopp": 20000}],
            "ny_kortnamn": "SIKT",
        },
        content_type="application/json",
    )
    assert svar.status_code == 200, svar.content
    assert svar.json()["beslut"] == "delvis_beviljad"
    ansokan = Ansokan.objects.get(pk=pk)
    assert sorted(ansokan.beviljanden.values_list("ar", "belopp")) == [(2020, Decimal(30000)), (2021, Decimal(20000))]


def test_annat_forbunds_paragraf_ar_okand(forbund: Forbund, annat_forbund: Forbund, chef_klient) -> None:
    misam = f.insats(forbund, "MISAM")
    annan = f.paragraf(annat_forbund)
    svar = chef_klient.post(
        "/api/insatser/beviljanden/", {"insats": misam.pk, "paragraf": annan.pk, "ar": 2020, "belopp": 1}, content_type="application/json"
    )
    assert svar.status_code == 400 and [e["falt"] for e in svar.json()["fel"]] == ["paragraf"]


def test_schemat_beskriver_api(chef_klient) -> None:
    schema = chef_klient.get("/api/schema/?format=json").json()
    for sokvag in (
        "/api/insatser/insatser/",
        "/api/insatser/ansokningar/{id}/besluta/",
        "/api/insatser/beviljanden/per-ar/",
        "/api/insatser/mal/{id}/bedomning/",
        "/api/insatser/rapporter/{id}/version/",
    ):
        assert sokvag in schema["paths"], sokvag


def test_rapportversion_via_api(forbund: Forbund, chef_klient, klient) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    insats = f.insats(forbund, "MISAM")
    svar = chef_klient.post("/api/insatser/rapporter/", {"insats": insats.pk, "typ": "arsrapport", "ar": 2020}, content_type="application/json")
    assert svar.status_code == 201 and svar.json()["forfallodatum"] == "2021-01-31"
    pk = svar.json()["id"]
    svar = chef_klient.post(f"/api/insatser/rapporter/{pk}/version/", {"fil": SimpleUploadedFile("r.pdf", filer.pdf("api")), "kommentar": "v1"})
    assert svar.status_code == 201
    [version] = svar.json()["versioner"]
    assert b"".join(klient("revisor").get(version["fil"]).streaming_content) == filer.pdf("api")
    assert chef_klient.post(f"/api/insatser/rapporter/{pk}/version/", {"fil": SimpleUploadedFile("r.exe", b"MZ")}).status_code == 400
