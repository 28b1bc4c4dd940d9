"""Permission matrix rows for the follow-up pages and API: participant level for the kansli, aggregates for all."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund
from tests.conftest import ROLLER
from tests.matrix import Rad, kor_matris
from tests.uppfoljning import factories as f
from uppfoljning.models import Importkorning, Narvaroperiod

RUBRIK = "insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    amt = f.insats(forbund, "AMT")
    annan_insats = f.insats(annat, "ANNAN")
    ins = f.inskrivning(forbund, amt, "D1", inskriven=dt.date(2019, 1, 1))
    annan = f.inskrivning(annat, annan_insats, "X1", inskriven=dt.date(2019, 1, 1))
    korning = Importkorning.objects.create(forbund=forbund, filnamn="a.csv", data=b"", sha256="0" * 64, status="klar")
    annan_korning = Importkorning.objects.create(forbund=annat, filnamn="b.csv", data=b"", sha256="0" * 64, status="klar")
    narvaro = Narvaroperiod.objects.create(forbund=forbund, inskrivning=ins, period=dt.date(2019, 2, 1), planerade=10, narvarade=8)
    annan_narvaro = Narvaroperiod.objects.create(forbund=annat, inskrivning=annan, period=dt.date(2019, 2, 1), planerade=10, narvarade=8)
    return {
        "insats": amt,
        "inskrivning": ins,
        "annan_inskrivning": annan,
        "korning": korning,
        "annan_korning": annan_korning,
        "narvaro": narvaro,
        "annan_narvaro": annan_narvaro,
    }


def _narvarofil(m: dict[str, Any]) -> dict[str, Any]:
    return {"fil": SimpleUploadedFile("n.csv", b"deltagare_id;insats;period;planerade;narvarade\nD1;AMT;2019-03;10;9\n")}


def _fil(m: dict[str, Any]) -> dict[str, Any]:
    return {"fil": SimpleUploadedFile("d.csv", (RUBRIK + "\nAMT;N1;man;1990;af;gymnasium;arbete;2019-02-01;;;ja\n").encode()), "dry_run": "true"}


def _webbfil(m: dict[str, Any]) -> dict[str, Any]:
    return {"fil": SimpleUploadedFile("d.csv", (RUBRIK + "\nAMT;N1;man;1990;af;gymnasium;arbete;2019-02-01;;;ja\n").encode()), "provkorning": "on"}


def _statistikfil(m: dict[str, Any]) -> dict[str, Any]:
    text = "region;ersättning;kön;ålder;2018\n2417 Norsjö;Sjukpenning;totalt;20-64 år;40,5\n"
    return {"fil": SimpleUploadedFile("s.csv", text.encode()), "provkorning": "on"}


RADER = [
    Rad(
        "uppfoljning:narvaro_ny",
        lambda m: f"/uppfoljning/inskrivning/{m['inskrivning'].pk}/narvaro/",
        "deltagare.redigera",
        annat_forbund_url=lambda m: f"/uppfoljning/inskrivning/{m['annan_inskrivning'].pk}/narvaro/",
    ),
    Rad(
        "uppfoljning:narvaro_ny",
        lambda m: f"/uppfoljning/inskrivning/{m['inskrivning'].pk}/narvaro/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {"period": "2019-04", "planerade": "10", "narvarade": "7"},
    ),
    Rad(
        "uppfoljning:narvaro_ta_bort",
        lambda m: f"/uppfoljning/narvaro/{m['narvaro'].pk}/ta-bort/",
        "deltagare.redigera",
        metod="post",
        annat_forbund_url=lambda m: f"/uppfoljning/narvaro/{m['annan_narvaro'].pk}/ta-bort/",
    ),
    Rad("uppfoljning:narvaro_import", lambda m: "/uppfoljning/narvaro/import/", "deltagare.redigera"),
    Rad("uppfoljning:narvaro_import", lambda m: "/uppfoljning/narvaro/import/", "deltagare.redigera", metod="post", data=_narvarofil),
    Rad("uppfoljning-narvaro-list", lambda m: "/api/uppfoljning/narvaro/", "deltagare.visa"),
    Rad(
        "uppfoljning-narvaro-list",
        lambda m: "/api/uppfoljning/narvaro/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {"inskrivning": m["inskrivning"].pk, "period": "2019-05", "planerade": 10, "narvarade": 7},
        json=True,
    ),
    Rad(
        "uppfoljning-narvaro-detail",
        lambda m: f"/api/uppfoljning/narvaro/{m['narvaro'].pk}/",
        "deltagare.redigera",
        metod="delete",
        annat_forbund_url=lambda m: f"/api/uppfoljning/narvaro/{m['annan_narvaro'].pk}/",
    ),
    Rad("uppfoljning-narvaro-importera", lambda m: "/api/uppfoljning/narvaro/import/", "deltagare.redigera", metod="post", data=_narvarofil),
    Rad("uppfoljning:index", lambda m: "/uppfoljning/", "deltagare.visa"),
    Rad("uppfoljning:index", lambda m: "/uppfoljning/", "deltagare.visa", metod="post", data=lambda m: {"sok": "D1"}),
    Rad(
        "uppfoljning:deltagare_detalj",
        lambda m: f"/uppfoljning/deltagare/{m['inskrivning'].deltagare_id}/",
        "deltagare.visa",
        annat_forbund_url=lambda m: f"/uppfoljning/deltagare/{m['annan_inskrivning'].deltagare_id}/",
    ),
    Rad("uppfoljning:inskrivning_ny", lambda m: "/uppfoljning/inskrivning/ny/", "deltagare.redigera"),
    Rad(
        "uppfoljning:inskrivning_ny",
        lambda m: "/uppfoljning/inskrivning/ny/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {
            "kod": "NY1",
            "insats": m["insats"].pk,
            "samtycke": "on",
            "kon": "man",
            "fodelsear": "1990",
            "remittent": "af",
            "utbildning": "gymnasium",
            "forsorjning_in": "arbete",
            "inskriven": "2020-01-01",
        },
    ),
    Rad(
        "uppfoljning:inskrivning_andra",
        lambda m: f"/uppfoljning/inskrivning/{m['inskrivning'].pk}/andra/",
        "deltagare.redigera",
        annat_forbund_url=lambda m: f"/uppfoljning/inskrivning/{m['annan_inskrivning'].pk}/andra/",
    ),
    Rad(
        "uppfoljning:inskrivning_andra",
        lambda m: f"/uppfoljning/inskrivning/{m['inskrivning'].pk}/andra/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {
            "kon": "man",
            "fodelsear": "1991",
            "remittent": "fk",
            "utbildning": "gymnasium",
            "forsorjning_in": "arbete",
            "inskriven": "2019-01-01",
            "avslutad": "",
            "forsorjning_ut": "",
        },
        annat_forbund_url=lambda m: f"/uppfoljning/inskrivning/{m['annan_inskrivning'].pk}/andra/",
    ),
    Rad("uppfoljning:avslut", lambda m: "/uppfoljning/avslut/", "deltagare.redigera"),
    Rad("uppfoljning:avslut", lambda m: "/uppfoljning/avslut/", "deltagare.redigera", metod="post", data=lambda m: {"kod": "D1"}),
    Rad(
        "uppfoljning:avslut",
        lambda m: "/uppfoljning/avslut/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {
            "deltagare": m["inskrivning"].deltagare_id,
            "inskrivning": m["inskrivning"].pk,
            "avslutad": "2019-06-01",
            "forsorjning_ut": "arbete",
        },
    ),
    Rad("uppfoljning:importera", lambda m: "/uppfoljning/import/", "deltagare.redigera"),
    Rad("uppfoljning:importera", lambda m: "/uppfoljning/import/", "deltagare.redigera", metod="post", data=_webbfil),
    Rad(
        "uppfoljning:import_status",
        lambda m: f"/uppfoljning/import/{m['korning'].pk}/",
        "deltagare.redigera",
        annat_forbund_url=lambda m: f"/uppfoljning/import/{m['annan_korning'].pk}/",
    ),
    Rad(
        "uppfoljning-import-status",
        lambda m: f"/api/uppfoljning/import/{m['korning'].pk}/",
        "deltagare.redigera",
        annat_forbund_url=lambda m: f"/api/uppfoljning/import/{m['annan_korning'].pk}/",
    ),
    Rad(
        "uppfoljning:export_nationell",
        lambda m: "/uppfoljning/export/?insats=AMT&ar=2019",
        "deltagare.visa",
        annat_forbund_url=lambda m: "/uppfoljning/export/?insats=ANNAN&ar=2019",
    ),
    Rad("uppfoljning:installningar", lambda m: "/uppfoljning/installningar/", "forbund.redigera"),
    Rad(
        "uppfoljning:installningar",
        lambda m: "/uppfoljning/installningar/",
        "forbund.redigera",
        metod="post",
        data=lambda m: {"maskeringsgrans": "3", "gallring_ar": "5"},
    ),
    Rad("uppfoljning:utfall", lambda m: "/uppfoljning/utfall/?ar=2019", "utfall.visa"),
    Rad("uppfoljning:behovsanalys", lambda m: "/uppfoljning/behovsanalys/?ar=2018", "utfall.visa"),
    Rad("uppfoljning:statistik_import", lambda m: "/uppfoljning/behovsanalys/import/", "deltagare.redigera"),
    Rad("uppfoljning:statistik_import", lambda m: "/uppfoljning/behovsanalys/import/", "deltagare.redigera", metod="post", data=_statistikfil),
    Rad("uppfoljning:statistik_varde", lambda m: "/uppfoljning/behovsanalys/varde/", "deltagare.redigera"),
    Rad(
        "uppfoljning:statistik_varde",
        lambda m: "/uppfoljning/behovsanalys/varde/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {
            "regionkod": "2417",
            "region": "Norsjö",
            "ar": "2018",
            "matt": "sjukpenning",
            "kon": "totalt",
            "alder": "20-64",
            "varde": "40,5",
        },
    ),
    Rad("uppfoljning:behovsanalys_analys", lambda m: "/uppfoljning/behovsanalys/2018/analys/", "deltagare.redigera"),
    Rad(
        "uppfoljning:behovsanalys_analys",
        lambda m: "/uppfoljning/behovsanalys/2018/analys/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {"analys": "Ekonomiskt bistånd ökar bland unga."},
    ),
    Rad("uppfoljning:behovsanalys_pdf", lambda m: "/uppfoljning/behovsanalys/2018/pdf/", "dokument.skapa", metod="post"),
    Rad("uppfoljning:behovsanalys_faststall", lambda m: "/uppfoljning/behovsanalys/2018/faststall/", "styrelse.redigera", metod="post"),
    Rad("uppfoljning:utfall_export", lambda m: "/uppfoljning/utfall/export/?ar=2019&format=csv", "utfall.visa"),
    Rad("uppfoljning:utfall_export", lambda m: "/uppfoljning/utfall/export/?ar=2019&format=xlsx", "utfall.visa"),
    Rad("uppfoljning-utfall", lambda m: "/api/uppfoljning/utfall/?ar=2019", "utfall.visa"),
    Rad("uppfoljning-behovsanalys", lambda m: "/api/uppfoljning/behovsanalys/?ar=2018", "utfall.visa"),
    Rad(
        "uppfoljning-statistik",
        lambda m: "/api/uppfoljning/statistik/",
        "deltagare.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "regionkod": "2417",
            "region": "Norsjö",
            "ar": 2018,
            "matt": "sjukpenning",
            "kon": "totalt",
            "alder": "20-64",
            "varde": "40.5",
        },
    ),
    Rad(
        "uppfoljning-statistik-import",
        lambda m: "/api/uppfoljning/statistik/import/",
        "deltagare.redigera",
        metod="post",
        data=lambda m: {**_statistikfil(m), "dry_run": "true"},
    ),
    Rad("uppfoljning-import", lambda m: "/api/uppfoljning/import/", "deltagare.redigera", metod="post", data=_fil),
    Rad("uppfoljning-deltagare-list", lambda m: "/api/uppfoljning/deltagare/", "deltagare.visa"),
    Rad(
        "uppfoljning-deltagare-sok",
        lambda m: "/api/uppfoljning/deltagare/sok/",
        "deltagare.visa",
        metod="post",
        json=True,
        data=lambda m: {"kod": "D1"},
    ),
    Rad(
        "uppfoljning-deltagare-detail",
        lambda m: f"/api/uppfoljning/deltagare/{m['inskrivning'].deltagare_id}/",
        "deltagare.visa",
        annat_forbund_url=lambda m: f"/api/uppfoljning/deltagare/{m['annan_inskrivning'].deltagare_id}/",
    ),
    Rad("uppfoljning-inskrivning-list", lambda m: "/api/uppfoljning/inskrivningar/?ar=2019", "deltagare.visa"),
    Rad(
        "uppfoljning-inskrivning-list",
        lambda m: "/api/uppfoljning/inskrivningar/",
        "deltagare.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "insats": "AMT",
            "deltagare": "NY2",
            "samtycke": True,
            "kon": "Kvinna",
            "fodelsear": 1991,
            "remittent": "Försäkringskassan",
            "utbildning": "gymnasium",
            "forsorjning_in": "a_kassa",
            "inskriven": "2020-02-01",
        },
    ),
    Rad(
        "uppfoljning-inskrivning-detail",
        lambda m: f"/api/uppfoljning/inskrivningar/{m['inskrivning'].pk}/",
        "deltagare.visa",
        annat_forbund_url=lambda m: f"/api/uppfoljning/inskrivningar/{m['annan_inskrivning'].pk}/",
    ),
    Rad(
        "uppfoljning-inskrivning-detail",
        lambda m: f"/api/uppfoljning/inskrivningar/{m['inskrivning'].pk}/",
        "deltagare.redigera",
        metod="patch",
        json=True,
        data=lambda m: {"utbildning": "Grundskola"},
        annat_forbund_url=lambda m: f"/api/uppfoljning/inskrivningar/{m['annan_inskrivning'].pk}/",
    ),
    Rad(
        "uppfoljning-inskrivning-avslut",
        lambda m: f"/api/uppfoljning/inskrivningar/{m['inskrivning'].pk}/avslut/",
        "deltagare.redigera",
        metod="post",
        json=True,
        data=lambda m: {"avslutad": "2019-05-01", "forsorjning_ut": "studier"},
        annat_forbund_url=lambda m: f"/api/uppfoljning/inskrivningar/{m['annan_inskrivning'].pk}/avslut/",
    ),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))
