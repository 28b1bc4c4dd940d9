"""Permission matrix rows for every insatser page and API endpoint: each role, and another förbund's objects (404)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from finsam.models import Forbund
from insatser.models import Ansokan, Ansokningsbilaga, Bemanning, Malnod, Rapport, Rapportversion
from tests import filer
from tests.conftest import ROLLER
from tests.insatser import factories as f
from tests.matrix import Rad, kor_matris, kor_utan_inloggning


def _objekt(forbund: Forbund) -> dict[str, Any]:
    insats = f.insats(forbund, "MISAM", parter=("fk", "af"))
    paragraf = f.paragraf(forbund)
    beviljande = f.beviljande(forbund, insats, nummer=paragraf.nummer)
    ansokan = f.ansokan(forbund, status=Ansokan.Status.UNDER_BEREDNING)
    mal = f.mal(forbund, insats)
    bemanning = Bemanning.objects.create(
        forbund=forbund, insats=insats, medlem=insats.parter.first(), funktion="Handläggare", arsarbetare=1, betalas_av="forbundet"
    )
    rapport = Rapport.objects.create(forbund=forbund, insats=insats, typ="arsrapport", ar=2020, forfallodatum="2021-01-31")
    version = Rapportversion(forbund=forbund, rapport=rapport, version=1)
    version.fil.save("r.pdf", ContentFile(b"%PDF-1.7 rapport"), save=True)
    bilaga = Ansokningsbilaga(forbund=forbund, ansokan=ansokan, namn="Ansökan")
    bilaga.fil.save("a.pdf", ContentFile(b"%PDF-1.7 ansokan"), save=True)
    vision = Malnod.objects.create(forbund=forbund, niva="vision", text="Vision", ar_fran=2020)
    overgripande = Malnod.objects.create(forbund=forbund, niva="overgripande", forelder=vision, text="Mål", ar_fran=2020)
    malnod = Malnod.objects.create(
        forbund=forbund, niva="delmal", forelder=overgripande, text="Delmål", ar_fran=2020, kriterium="Samsyn i beredningsgruppen"
    )
    indikatornod = Malnod.objects.create(
        forbund=forbund, niva="delmal", forelder=overgripande, text="NNS", ar_fran=2020, matt="indikator", malvarde=75, jamforelse="minst"
    )
    return {
        "insats": insats,
        "paragraf": paragraf,
        "beviljande": beviljande,
        "ansokan": ansokan,
        "mal": mal,
        "bemanning": bemanning,
        "rapport": rapport,
        "version": version,
        "bilaga": bilaga,
        "malnod": malnod,
        "indikatornod": indikatornod,
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {**_objekt(forbund), "annat": _objekt(annat)}


def _u(mall: str, nyckel: str) -> tuple[Callable[[dict[str, Any]], str], Callable[[dict[str, Any]], str]]:
    return (lambda m: mall.format(m[nyckel].pk)), (lambda m: mall.format(m["annat"][nyckel].pk))


def rad(namn: str, mall: str, nyckel: str, behorighet: str, **kw: Any) -> Rad:
    url, annan = _u(mall, nyckel)
    return Rad(namn, url, behorighet, annat_forbund_url=annan, **kw)


RADER = [
    Rad("insatser:index", lambda m: "/insatser/", "insatser.visa"),
    Rad("insatser:insats_ny", lambda m: "/insatser/ny/", "insatser.redigera"),
    Rad("insatser:importera", lambda m: "/insatser/importera/", "insatser.redigera"),
    Rad("insatser:exportera", lambda m: "/insatser/exportera/?format=csv", "insatser.visa"),
    rad("insatser:insats", "/insatser/{}/", "insats", "insatser.visa"),
    rad("insatser:insats_redigera", "/insatser/{}/andra/", "insats", "insatser.redigera"),
    rad("insatser:insats_status", "/insatser/{}/status/", "insats", "insatser.redigera", metod="post", data=lambda m: {"status": "avslutad"}),
    rad(
        "insatser:bemanning_ny",
        "/insatser/{}/bemanning/",
        "insats",
        "insatser.redigera",
        metod="post",
        data=lambda m: {
            "bemanning-medlem": m["insats"].parter.first().pk,
            "bemanning-funktion": "Coach",
            "bemanning-arsarbetare": "0.5",
            "bemanning-betalas_av": "medlemmen",
        },
    ),
    rad("insatser:bemanning_ta_bort", "/insatser/bemanning/{}/ta-bort/", "bemanning", "insatser.redigera", metod="post"),
    rad("insatser:mal_ny", "/insatser/{}/mal/", "insats", "insatser.redigera", metod="post", data=lambda m: {"mal-text": "Nytt mål"}),
    rad("insatser:mal_ta_bort", "/insatser/mal/{}/ta-bort/", "mal", "insatser.redigera", metod="post"),
    rad("insatser:malbedomning", "/insatser/{}/malbedomning/?ar=2020", "insats", "insatser.redigera"),
    rad("insatser:rapport_schema", "/insatser/{}/rapportschema/", "insats", "insatser.redigera", metod="post"),
    rad("insatser:rapport_ny", "/insatser/{}/rapporter/ny/", "insats", "insatser.redigera"),
    Rad("insatser:rapporter", lambda m: "/insatser/rapporter/", "insatser.visa"),
    rad("insatser:rapport", "/insatser/rapporter/{}/", "rapport", "insatser.visa"),
    rad(
        "insatser:rapport",
        "/insatser/rapporter/{}/",
        "rapport",
        "insatser.redigera",
        metod="post",
        data=lambda m: {"fil": ContentFile(filer.pdf("ny"), name="ny.pdf")},
    ),
    rad("insatser:rapportversion_fil", "/insatser/rapporter/version/{}/fil/", "version", "insatser.visa"),
    Rad("insatser:ansokningar", lambda m: "/insatser/ansokningar/", "insatser.visa"),
    Rad("insatser:ansokan_ny", lambda m: "/insatser/ansokningar/ny/", "insatser.redigera"),
    rad("insatser:ansokan", "/insatser/ansokningar/{}/", "ansokan", "insatser.visa"),
    rad("insatser:ansokan_redigera", "/insatser/ansokningar/{}/andra/", "ansokan", "insatser.redigera"),
    rad("insatser:ansokan_beredning", "/insatser/ansokningar/{}/beredning/", "ansokan", "insatser.redigera"),
    rad("insatser:ansokan_besluta", "/insatser/ansokningar/{}/beslut/", "ansokan", "insatser.besluta"),
    rad("insatser:ansokan_medfinansiering", "/insatser/ansokningar/{}/finansiering/", "ansokan", "insatser.redigera"),
    rad(
        "insatser:ansokan_bilaga",
        "/insatser/ansokningar/{}/bilagor/",
        "ansokan",
        "insatser.redigera",
        metod="post",
        data=lambda m: {"namn": "Budget", "fil": ContentFile(filer.xlsx(), name="budget.xlsx")},
    ),
    rad("insatser:ansokan_bilaga_fil", "/insatser/ansokningar/bilagor/{}/fil/", "bilaga", "insatser.visa"),
    Rad("insatser:beslut", lambda m: "/insatser/beslut/", "insatser.visa"),
    rad("insatser:paragraf", "/insatser/beslut/{}/", "paragraf", "insatser.visa"),
    Rad("insatser:beviljande_ny", lambda m: "/insatser/beviljande/ny/", "insatser.besluta"),
    Rad("insatser:maltrad", lambda m: "/insatser/mal/?ar=2020", "insatser.visa"),
    Rad("insatser:maltrad_foresla", lambda m: "/insatser/mal/forslag/", "insatser.redigera", metod="post", data=lambda m: {"ar": 2020}),
    rad(
        "insatser:maltrad_bekrafta",
        "/insatser/mal/nod/{}/bedomning/",
        "malnod",
        "insatser.besluta",
        metod="post",
        data=lambda m: {"ar": 2020, "bedomning": "uppfyllt", "kommentar": "Bra"},
    ),
    # API
    Rad("insatser-api:insats-list", lambda m: "/api/insatser/insatser/", "insatser.visa"),
    Rad(
        "insatser-api:insats-list",
        lambda m: "/api/insatser/insatser/",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "kortnamn": "NY",
            "namn": "Ny insats",
            "typ": "ordinarie",
            "inriktning": "individ",
            "startdatum": "2021-01-01",
            "agare_extern": "Folkhögskolan",
            "parter": ["fk", "af"],
        },
    ),
    rad("insatser-api:insats-detail", "/api/insatser/insatser/{}/", "insats", "insatser.visa"),
    rad(
        "insatser-api:insats-detail",
        "/api/insatser/insatser/{}/",
        "insats",
        "insatser.redigera",
        metod="patch",
        json=True,
        data=lambda m: {"namn": "Nytt namn"},
    ),
    rad(
        "insatser-api:insats-status",
        "/api/insatser/insatser/{}/status/",
        "insats",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"status": "avslutad"},
    ),
    Rad("insatser-api:ansokan-list", lambda m: "/api/insatser/ansokningar/", "insatser.visa"),
    Rad(
        "insatser-api:ansokan-list",
        lambda m: "/api/insatser/ansokningar/",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "titel": "Ny ansökan",
            "startdatum": "2021-01-01",
            "slutdatum": "2021-12-31",
            "sokande": ["fk", "af"],
            "projektagare_extern": "Folkhögskolan",
            "belopp": [{"ar": 2021, "belopp": 50000}],
        },
    ),
    rad("insatser-api:ansokan-detail", "/api/insatser/ansokningar/{}/", "ansokan", "insatser.visa"),
    rad(
        "insatser-api:ansokan-beredning",
        "/api/insatser/ansokningar/{}/beredning/",
        "ansokan",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"yttrande": "Tillstyrks."},
    ),
    rad(
        "insatser-api:ansokan-medfinansiering",
        "/api/insatser/ansokningar/{}/medfinansiering/",
        "ansokan",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"rader": [{"finansiar": "ESF", "form": "kontant", "ar": 2021, "belopp": 100}]},
    ),
    rad(
        "insatser-api:ansokan-besluta",
        "/api/insatser/ansokningar/{}/besluta/",
        "ansokan",
        "insatser.besluta",
        metod="post",
        json=True,
        data=lambda m: {"paragraf": m["paragraf"].pk, "beslut": "avslagen"},
    ),
    Rad("insatser-api:beviljande-list", lambda m: "/api/insatser/beviljanden/?ar=2020", "insatser.visa"),
    Rad(
        "insatser-api:beviljande-list",
        lambda m: "/api/insatser/beviljanden/",
        "insatser.besluta",
        metod="post",
        json=True,
        data=lambda m: {"insats": m["insats"].pk, "paragraf": f.paragraf(m["insats"].forbund, nummer=55).pk, "ar": 2021, "belopp": 1000},
    ),
    rad("insatser-api:beviljande-detail", "/api/insatser/beviljanden/{}/", "beviljande", "insatser.visa"),
    Rad("insatser-api:beviljande-per-ar", lambda m: "/api/insatser/beviljanden/per-ar/?ar=2020", "insatser.visa"),
    Rad("insatser-api:mal-list", lambda m: "/api/insatser/mal/", "insatser.visa"),
    Rad(
        "insatser-api:mal-list",
        lambda m: "/api/insatser/mal/",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"insats": m["insats"].pk, "text": "Nytt mål"},
    ),
    rad("insatser-api:mal-detail", "/api/insatser/mal/{}/", "mal", "insatser.visa"),
    rad(
        "insatser-api:mal-bedomning",
        "/api/insatser/mal/{}/bedomning/",
        "mal",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"ar": 2020, "bedomning": "uppfyllt", "kommentar": "Bra"},
    ),
    Rad("insatser-api:rapport-list", lambda m: "/api/insatser/rapporter/?forsenade=1", "insatser.visa"),
    Rad(
        "insatser-api:rapport-list",
        lambda m: "/api/insatser/rapporter/",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"insats": m["insats"].pk, "typ": "delarsrapport", "ar": 2021},
    ),
    Rad("insatser-api:malnod-list", lambda m: "/api/insatser/maltrad/", "insatser.visa"),
    Rad(
        "insatser-api:malnod-list",
        lambda m: "/api/insatser/maltrad/",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"niva": "delmal", "forelder": m["malnod"].forelder_id, "text": "Nytt delmål", "ar_fran": 2021, "kriterium": "I ord"},
    ),
    rad("insatser-api:malnod-detail", "/api/insatser/maltrad/{}/", "malnod", "insatser.visa"),
    rad(
        "insatser-api:malnod-forslag",
        "/api/insatser/maltrad/{}/forslag/",
        "indikatornod",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"ar": 2020},
    ),
    rad(
        "insatser-api:malnod-indikator",
        "/api/insatser/maltrad/{}/indikator/",
        "indikatornod",
        "insatser.redigera",
        metod="post",
        json=True,
        data=lambda m: {"ar": 2020, "varde": "80"},
    ),
    rad(
        "insatser-api:malnod-bedomning",
        "/api/insatser/maltrad/{}/bedomning/",
        "malnod",
        "insatser.besluta",
        metod="post",
        json=True,
        data=lambda m: {"ar": 2020, "bedomning": "uppfyllt", "kommentar": "Bra"},
    ),
    rad("insatser-api:rapport-detail", "/api/insatser/rapporter/{}/", "rapport", "insatser.visa"),
    rad(
        "insatser-api:rapport-version",
        "/api/insatser/rapporter/{}/version/",
        "rapport",
        "insatser.redigera",
        metod="post",
        data=lambda m: {"fil": ContentFile(filer.pdf("api"), name="api.pdf"), "kommentar": "Via API"},
    ),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))
