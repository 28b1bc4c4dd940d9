"""Permission matrix rows for the agreements register: each role, and another förbund's agreement (404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from finsam.models import Forbund, Medlem
from finsam.services import person_create
from forvaltning.models import AvtalDokument
from tests.conftest import ROLLER
from tests.filer import pdf
from tests.forvaltning import factories as f
from tests.matrix import Rad, kor_matris, kor_utan_inloggning


def _objekt(forbund: Forbund) -> dict[str, Any]:
    a = f.avtal(forbund)
    return {
        "avtal": a,
        "dok": AvtalDokument.objects.create(forbund=forbund, avtal=a, titel="Avtal", fil=ContentFile(pdf(), name="avtal.pdf")),
        "medlem": Medlem.objects.filter(forbund=forbund).first(),
        "person": person_create(forbund=forbund, aktor=None, namn="Kerstin Holm"),
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {**_objekt(forbund), "annat": _objekt(annat)}


def _rad(namn: str, mall: str, behorighet: str, nyckel: str = "avtal", **kw: Any) -> Rad:
    return Rad(namn, lambda m: mall.format(m[nyckel].pk), behorighet, annat_forbund_url=lambda m: mall.format(m["annat"][nyckel].pk), **kw)


NY = {"rubrik": "Nytt", "typ": "konsult", "motpart": "Cajako AB", "startdatum": "2021-01-01", "forlangning_manader": 0, "uppsagningstid_manader": 1}

RADER = [
    Rad("forvaltning:avtal_lista", lambda m: "/forvaltning/avtal/", "avtal.visa"),
    Rad("forvaltning:avtal_export", lambda m: "/forvaltning/avtal/export.csv", "avtal.visa"),
    Rad("forvaltning:avtal_ny", lambda m: "/forvaltning/avtal/ny/", "avtal.redigera"),
    Rad("forvaltning:avtal_ny", lambda m: "/forvaltning/avtal/ny/", "avtal.redigera", metod="post", data=lambda m: NY),
    _rad("forvaltning:avtal", "/forvaltning/avtal/{}/", "avtal.visa"),
    _rad("forvaltning:avtal_andra", "/forvaltning/avtal/{}/andra/", "avtal.redigera"),
    _rad("forvaltning:avtal_sag_upp", "/forvaltning/avtal/{}/sag-upp/", "avtal.redigera", metod="post", data=lambda m: {"datum": "2024-01-15"}),
    _rad("forvaltning:avtal_dokument_ny", "/forvaltning/avtal/{}/dokument/ny/", "avtal.redigera"),
    _rad(
        "forvaltning:avtal_dokument_ny",
        "/forvaltning/avtal/{}/dokument/ny/",
        "avtal.redigera",
        metod="post",
        data=lambda m: {"fil": SimpleUploadedFile("a.pdf", pdf())},
    ),
    _rad("forvaltning:avtal_dokument", "/forvaltning/avtal/dokument/{}/", "avtal.visa", "dok"),
    _rad(
        "forvaltning-api:avtal-dokument",
        "/api/forvaltning/avtal/{}/dokument/",
        "avtal.redigera",
        metod="post",
        data=lambda m: {"fil": SimpleUploadedFile("a.pdf", pdf()), "titel": "Bilaga"},
    ),
    Rad("forvaltning-api:avtal-list", lambda m: "/api/forvaltning/avtal/", "avtal.visa"),
    Rad("forvaltning-api:avtal-list", lambda m: "/api/forvaltning/avtal/", "avtal.redigera", metod="post", json=True, data=lambda m: NY),
    _rad("forvaltning-api:avtal-detail", "/api/forvaltning/avtal/{}/", "avtal.visa"),
    _rad(
        "forvaltning-api:avtal-detail",
        "/api/forvaltning/avtal/{}/",
        "avtal.redigera",
        metod="patch",
        json=True,
        data=lambda m: {"anteckning": "Reviderad"},
    ),
    Rad("forvaltning:medlemmar", lambda m: "/forvaltning/medlemmar/", "forbund.visa"),
    Rad("forvaltning:medlem_ny", lambda m: "/forvaltning/medlemmar/ny/", "forbund.redigera"),
    Rad(
        "forvaltning:medlem_ny",
        lambda m: "/forvaltning/medlemmar/ny/",
        "forbund.redigera",
        metod="post",
        data=lambda m: {"namn": "Norsjö kommun 2", "typ": "kommun", "kod": "norsjo2", "ordning": 9},
    ),
    _rad("forvaltning:medlem_andra", "/forvaltning/medlemmar/{}/andra/", "forbund.redigera", "medlem"),
    _rad(
        "forvaltning:medlem_andra",
        "/forvaltning/medlemmar/{}/andra/",
        "forbund.redigera",
        "medlem",
        metod="post",
        data=lambda m: {"namn": m["medlem"].namn, "kod": m["medlem"].kod, "ordning": 1, "organisationsnummer": ""},
    ),
    Rad("forvaltning:personer", lambda m: "/forvaltning/personer/", "forbund.visa"),
    Rad("forvaltning:person_ny", lambda m: "/forvaltning/personer/ny/", "forbund.redigera"),
    Rad("forvaltning:person_ny", lambda m: "/forvaltning/personer/ny/", "forbund.redigera", metod="post", data=lambda m: {"namn": "Per Persson"}),
    _rad("forvaltning:person_andra", "/forvaltning/personer/{}/andra/", "forbund.redigera", "person"),
    _rad(
        "forvaltning:person_andra",
        "/forvaltning/personer/{}/andra/",
        "forbund.redigera",
        "person",
        metod="post",
        data=lambda m: {"namn": "Kerstin Holm", "befattning": "Förbundschef"},
    ),
    _rad(
        "forvaltning-api:avtal-sag-upp",
        "/api/forvaltning/avtal/{}/sag-upp/",
        "avtal.redigera",
        metod="post",
        json=True,
        data=lambda m: {"datum": "2024-01-15"},
    ),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))
