"""Permission matrix rows for the delegation order, the records plan and gallring: each role, and another förbund's objects (404)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund
from forvaltning.models import Delegationsordning, Gallring, Gallringsstopp, Planrad
from styrelse.models import Handlingstyp
from tests.conftest import ROLLER
from tests.forvaltning.factories import delegation, delegationsordning
from tests.matrix import Rad, kor_matris, kor_utan_inloggning


def _objekt(forbund: Forbund) -> dict[str, Any]:
    antagen = delegationsordning(forbund)
    delegation(forbund, ordning=antagen)
    utkast = Delegationsordning.objects.create(forbund=forbund)
    rad = delegation(forbund, "Remittera ärenden", ordning=utkast)
    planrad = Planrad.objects.create(forbund=forbund, avsnitt="Ekonomi", handling="Verifikat", bevarande="gallras", ar=10)
    return {
        "antagen": antagen,
        "utkast": utkast,
        "rad": rad,
        "planrad": planrad,
        "typ": Handlingstyp.objects.create(forbund=forbund, namn="Skrivelse"),
        "gallring": Gallring.objects.create(forbund=forbund, nummer=1, ar=2026, foreslagen=dt.datetime(2026, 1, 2, tzinfo=dt.UTC)),
        "stopp": Gallringsstopp.objects.create(forbund=forbund, arende="Tvist", orsak="Skiljeförfarande", fran=dt.date(2026, 1, 1)),
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {**_objekt(forbund), "annat": _objekt(annat)}


def _rad(namn: str, mall: str, behorighet: str, nyckel: str, **kw: Any) -> Rad:
    return Rad(namn, lambda m: mall.format(m[nyckel].pk), behorighet, annat_forbund_url=lambda m: mall.format(m["annat"][nyckel].pk), **kw)


RADEN = {
    "avsnitt": "Avtal",
    "arende": "Teckna hyresavtal",
    "delegat_roll": "forbundschef",
    "anmals": True,
    "nummer": 3,
}
PLAN = "dokumenthanteringsplan.redigera"
IMPORTFIL = "Avsnitt;Ärende;Delegat;Anmäls till styrelsen\nAvtal;Teckna avtal;Förbundschef;Ja\n".encode()
PLANRAD = {"nummer": 40, "avsnitt": "Ekonomi", "handling": "Kvitton", "bevarande": "gallras", "ar": 10}

RADER = [
    Rad("forvaltning:delegationsordning", lambda m: "/forvaltning/delegationsordning/", "styrelse.visa"),
    Rad("forvaltning:delegationsordning_utkast", lambda m: "/forvaltning/delegationsordning/utkast/", "delegationsordning.redigera", metod="post"),
    Rad("forvaltning:delegationsordning_import", lambda m: "/forvaltning/delegationsordning/importera/", "delegationsordning.redigera"),
    Rad(  # the environment holds a draft already: the import is refused (400) for every role allowed to import
        "forvaltning:delegationsordning_import",
        lambda m: "/forvaltning/delegationsordning/importera/",
        "delegationsordning.redigera",
        metod="post",
        data=lambda m: {"fil": SimpleUploadedFile("d.csv", IMPORTFIL)},
        ok_status={400},
    ),
    _rad("forvaltning:delegationsordning_version", "/forvaltning/delegationsordning/{}/", "styrelse.visa", "antagen"),
    _rad("forvaltning:delegationsordning_export", "/forvaltning/delegationsordning/{}/export.xlsx", "styrelse.visa", "antagen"),
    _rad("forvaltning:delegationsordning_anta", "/forvaltning/delegationsordning/{}/anta/", "delegationsordning.redigera", "utkast"),
    _rad("forvaltning:delegationsrad_ny", "/forvaltning/delegationsordning/{}/ny-rad/", "delegationsordning.redigera", "utkast"),
    _rad(
        "forvaltning:delegationsrad_ny",
        "/forvaltning/delegationsordning/{}/ny-rad/",
        "delegationsordning.redigera",
        "utkast",
        metod="post",
        data=lambda m: RADEN,
    ),
    _rad("forvaltning:delegationsrad_andra", "/forvaltning/delegationsordning/rad/{}/", "delegationsordning.redigera", "rad"),
    _rad("forvaltning:delegationsrad_ta_bort", "/forvaltning/delegationsordning/rad/{}/ta-bort/", "delegationsordning.redigera", "rad", metod="post"),
    Rad("forvaltning:dokumenthanteringsplan", lambda m: "/forvaltning/dokumenthanteringsplan/", "diarium.visa"),
    Rad("forvaltning:dokumenthanteringsplan_export", lambda m: "/forvaltning/dokumenthanteringsplan/export.csv", "diarium.visa"),
    Rad(
        "forvaltning:dokumenthanteringsplan_skapa",
        lambda m: "/forvaltning/dokumenthanteringsplan/skapa/",
        "dokumenthanteringsplan.redigera",
        metod="post",
    ),
    Rad("forvaltning:planrad_ny", lambda m: "/forvaltning/dokumenthanteringsplan/ny/", "dokumenthanteringsplan.redigera"),
    Rad(
        "forvaltning:planrad_ny",
        lambda m: "/forvaltning/dokumenthanteringsplan/ny/",
        "dokumenthanteringsplan.redigera",
        metod="post",
        data=lambda m: PLANRAD,
    ),
    _rad("forvaltning:planrad_andra", "/forvaltning/dokumenthanteringsplan/{}/", "dokumenthanteringsplan.redigera", "planrad"),
    _rad(
        "forvaltning:planrad_ta_bort", "/forvaltning/dokumenthanteringsplan/{}/ta-bort/", "dokumenthanteringsplan.redigera", "planrad", metod="post"
    ),
    Rad(
        "forvaltning:handlingstyp_klassa",
        lambda m: f"/forvaltning/dokumenthanteringsplan/handlingstyp/{m['typ'].pk}/",
        "dokumenthanteringsplan.redigera",
        metod="post",
        data=lambda m: {"planrad": m["planrad"].pk},
        annat_forbund_url=lambda m: f"/forvaltning/dokumenthanteringsplan/handlingstyp/{m['annat']['typ'].pk}/",
    ),
    Rad("forvaltning:gallring", lambda m: "/forvaltning/gallring/", "diarium.visa"),
    Rad("forvaltning:gallring_foresla", lambda m: "/forvaltning/gallring/foresla/", "gallring.genomfora", metod="post"),
    _rad("forvaltning:gallring_detalj", "/forvaltning/gallring/{}/", "diarium.visa", "gallring"),
    _rad("forvaltning:gallring_genomfor", "/forvaltning/gallring/{}/genomfor/", "gallring.genomfora", "gallring", metod="post"),
    Rad("forvaltning:gallringsstopp_ny", lambda m: "/forvaltning/gallring/stopp/ny/", "gallring.genomfora"),
    Rad(
        "forvaltning:gallringsstopp_ny",
        lambda m: "/forvaltning/gallring/stopp/ny/",
        "gallring.genomfora",
        metod="post",
        data=lambda m: {"arende": "Begäran om utlämnande", "orsak": "Överklagat", "fran": "2026-02-01"},
    ),
    _rad("forvaltning:gallringsstopp_hav", "/forvaltning/gallring/stopp/{}/hav/", "gallring.genomfora", "stopp", metod="post"),
    # API
    Rad("forvaltning-api:delegationsordning-list", lambda m: "/api/forvaltning/delegationsordningar/", "styrelse.visa"),
    Rad(
        "forvaltning-api:delegationsordning-list",
        lambda m: "/api/forvaltning/delegationsordningar/",
        "delegationsordning.redigera",
        metod="post",
        json=True,
        ok_status={201, 400},
    ),
    Rad(
        "forvaltning-api:delegationsordning-importera",
        lambda m: "/api/forvaltning/delegationsordningar/importera/",
        "delegationsordning.redigera",
        metod="post",
        data=lambda m: {"fil": SimpleUploadedFile("d.csv", IMPORTFIL)},
        ok_status={400},
    ),
    Rad("forvaltning-api:delegationsordning-prisbasbelopp", lambda m: "/api/forvaltning/delegationsordningar/prisbasbelopp/", "styrelse.visa"),
    _rad("forvaltning-api:delegationsordning-detail", "/api/forvaltning/delegationsordningar/{}/", "styrelse.visa", "antagen"),
    _rad(
        "forvaltning-api:delegationsordning-anta",
        "/api/forvaltning/delegationsordningar/{}/anta/",
        "delegationsordning.redigera",
        "utkast",
        metod="post",
        json=True,
        ok_status={400},
    ),
    Rad("forvaltning-api:delegationsrad-list", lambda m: "/api/forvaltning/delegationsrader/", "styrelse.visa"),
    Rad(
        "forvaltning-api:delegationsrad-list",
        lambda m: "/api/forvaltning/delegationsrader/",
        "delegationsordning.redigera",
        metod="post",
        json=True,
        data=lambda m: {**RADEN, "ordning": m["utkast"].pk},
    ),
    _rad("forvaltning-api:delegationsrad-detail", "/api/forvaltning/delegationsrader/{}/", "styrelse.visa", "rad"),
    _rad(
        "forvaltning-api:delegationsrad-detail",
        "/api/forvaltning/delegationsrader/{}/",
        "delegationsordning.redigera",
        "rad",
        metod="patch",
        json=True,
        data=lambda m: {"kommentar": "Reviderad"},
    ),
    _rad("forvaltning-api:delegationsrad-detail", "/api/forvaltning/delegationsrader/{}/", "delegationsordning.redigera", "rad", metod="delete"),
    Rad("forvaltning-api:planrad-list", lambda m: "/api/forvaltning/dokumenthanteringsplan/", "diarium.visa"),
    Rad(
        "forvaltning-api:planrad-list",
        lambda m: "/api/forvaltning/dokumenthanteringsplan/",
        "dokumenthanteringsplan.redigera",
        metod="post",
        json=True,
        data=lambda m: PLANRAD,
    ),
    _rad("forvaltning-api:planrad-detail", "/api/forvaltning/dokumenthanteringsplan/{}/", "diarium.visa", "planrad"),
    _rad(
        "forvaltning-api:planrad-detail",
        "/api/forvaltning/dokumenthanteringsplan/{}/",
        "dokumenthanteringsplan.redigera",
        "planrad",
        metod="patch",
        json=True,
        data=lambda m: {"anmarkning": "Ny"},
    ),
    Rad("forvaltning-api:gallring-list", lambda m: "/api/forvaltning/gallringar/", "diarium.visa"),
    Rad("forvaltning-api:gallring-foresla", lambda m: "/api/forvaltning/gallringar/foresla/", "gallring.genomfora", metod="post", json=True),
    _rad("forvaltning-api:gallring-detail", "/api/forvaltning/gallringar/{}/", "diarium.visa", "gallring"),
    _rad("forvaltning-api:gallring-genomfor", "/api/forvaltning/gallringar/{}/genomfor/", "gallring.genomfora", "gallring", metod="post", json=True),
    Rad("forvaltning-api:gallringsstopp-list", lambda m: "/api/forvaltning/gallringsstopp/", "diarium.visa"),
    Rad(
        "forvaltning-api:gallringsstopp-list",
        lambda m: "/api/forvaltning/gallringsstopp/",
        "gallring.genomfora",
        metod="post",
        json=True,
        data=lambda m: {"arende": "Begäran", "orsak": "Överklagat"},
    ),
    _rad("forvaltning-api:gallringsstopp-hav", "/api/forvaltning/gallringsstopp/{}/hav/", "gallring.genomfora", "stopp", metod="post", json=True),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))
