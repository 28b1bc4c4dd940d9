"""Permission matrix rows for the auditors/discharge, statutes and board registers and the members/people API (issue 17)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from ekonomi.models import Ansvarsfrihet, Revisionsberattelse
from finsam.models import Forbund, Medlem, Person
from finsam.services import person_create
from forvaltning.models import Forbundsordning, Revisor
from styrelse.models import Mandat
from tests.conftest import ROLLER
from tests.matrix import Rad, kor_matris, kor_utan_inloggning

V, R = "forbund.visa", "forbund.redigera"


def _objekt(f: Forbund) -> dict[str, Any]:
    medlem = {m.kod: m for m in Medlem.objects.filter(forbund=f)}
    person = person_create(forbund=f, aktor=None, namn="Lars Nyström")
    revisor = Revisor.objects.create(forbund=f, person=person, utsedd_av=medlem["fk"], ar_fran=2018, ar_till=2018)
    revisor.granskar.set([medlem["fk"], medlem["af"]])
    ansvar = Ansvarsfrihet.objects.create(
        forbund=f, ar=2018, medlem=medlem["fk"], beslut="beviljad", beslutsdatum=dt.date(2019, 6, 1), beslutsorgan="FK"
    )
    ansvar.dokument.save("beslut.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    berattelse = Revisionsberattelse.objects.create(forbund=f, ar=2018, revisor_uppdrag=revisor, datum=dt.date(2019, 3, 1), text="Tillstyrker.")
    berattelse.fil.save("berattelse.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    ordning = Forbundsordning.objects.create(forbund=f, version=1, text="Förbundets säte är Skellefteå.", giltig_fran=dt.date(2014, 1, 1))
    ordning.fil.save("fo.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    ledamot = Person.objects.create(forbund=f, namn="Mikael Lindfors")
    mandat = Mandat.objects.create(
        forbund=f, person=ledamot, medlem=medlem["norsjo" if "norsjo" in medlem else "region"], typ="ledamot", fran=dt.date(2019, 1, 1)
    )
    return {
        "revisor": revisor,
        "ansvar": ansvar,
        "berattelse": berattelse,
        "ordning": ordning,
        "mandat": mandat,
        "medlem": medlem["fk"],
        "person": person,
        "nypers": person_create(forbund=f, aktor=None, namn="Ny Person"),
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {**_objekt(forbund), "annat": _objekt(annat)}


def _rad(namn: str, mall: str, behorighet: str, nyckel: str, **kw: Any) -> Rad:
    return Rad(namn, lambda m: mall.format(m[nyckel].pk), behorighet, annat_forbund_url=lambda m: mall.format(m["annat"][nyckel].pk), **kw)


F, A = "/forvaltning", "/api/forvaltning"
NY_REVISOR = lambda m: {"person": m["nypers"].pk, "utsedd_av": m["medlem"].pk, "granskar": [m["medlem"].pk], "ar_fran": 2019}  # noqa: E731
UPPDRAG = {"typ": "ersattare", "fran": "2019-01-01", "organ": "KF", "referens": "KF § 3", "beslutsdatum": "2018-12-10"}

RADER = [
    Rad("forvaltning:revision", lambda m: f"{F}/revision/?ar=2018", V),
    Rad("forvaltning:revision_export", lambda m: f"{F}/revision/export.xlsx", V),
    Rad("forvaltning:revisor_ny", lambda m: f"{F}/revision/revisorer/ny/", R),
    Rad("forvaltning:revisor_ny", lambda m: f"{F}/revision/revisorer/ny/", R, metod="post", data=NY_REVISOR),
    _rad("forvaltning:revisor_andra", F + "/revision/revisorer/{}/andra/", R, "revisor"),
    Rad(
        "forvaltning:ansvarsfrihet_spara",
        lambda m: f"{F}/revision/2019/ansvarsfrihet/",
        "ekonomi.redigera",
        metod="post",
        data=lambda m: {"medlem": m["medlem"].pk, "beslut": "beviljad", "beslutsdatum": "2020-05-01", "beslutsorgan": "FK"},
    ),
    # FK has decided on 2018: the reminder is refused (a message and a redirect) for the role allowed to send it
    _rad("forvaltning:ansvarsfrihet_paminn", F + "/revision/2018/ansvarsfrihet/{}/paminn/", R, "medlem", metod="post"),
    _rad("forvaltning:revisionsberattelse_fil", F + "/revision/berattelse/{}/pdf/", V, "berattelse"),
    _rad("forvaltning:ansvarsfrihet_dokument", F + "/revision/ansvarsfrihet/{}/dokument/", V, "ansvar"),
    Rad("forvaltning:forbundsordning", lambda m: f"{F}/forbundsordning/", V),
    Rad("forvaltning:forbundsordning_ny", lambda m: f"{F}/forbundsordning/ny/", R),
    Rad(
        "forvaltning:forbundsordning_ny",
        lambda m: f"{F}/forbundsordning/ny/",
        R,
        metod="post",
        data=lambda m: {"rubrik": "Förbundsordning", "giltig_fran": "2020-04-01", "text": "Ny"},
    ),
    _rad("forvaltning:forbundsordning_version", F + "/forbundsordning/{}/", V, "ordning"),
    _rad(
        "forvaltning:forbundsordning_version",
        F + "/forbundsordning/{}/",
        R,
        "ordning",
        metod="post",
        data=lambda m: {"medlem": m["medlem"].pk, "antagen": "on", "organ": "FK", "datum": "2013-12-01"},
    ),
    _rad("forvaltning:forbundsordning_fil", F + "/forbundsordning/{}/pdf/", V, "ordning"),
    Rad("forvaltning:styrelsen", lambda m: f"{F}/styrelsen/", V),
    Rad("forvaltning:uppdrag_ny", lambda m: f"{F}/styrelsen/ny/", R),
    Rad(
        "forvaltning:uppdrag_ny",
        lambda m: f"{F}/styrelsen/ny/",
        R,
        metod="post",
        data=lambda m: {**UPPDRAG, "person": m["nypers"].pk, "medlem": m["medlem"].pk},
    ),
    _rad("forvaltning:utnamning_andra", F + "/styrelsen/{}/utnamning/", R, "mandat"),
    _rad(
        "forvaltning:utnamning_andra",
        F + "/styrelsen/{}/utnamning/",
        R,
        "mandat",
        metod="post",
        data=lambda m: {"organ": "KF", "referens": "§ 1", "datum": "2018-12-01"},
    ),
    # API
    Rad("medlem-list", lambda m: "/api/medlemmar/", V),
    Rad(
        "medlem-list",
        lambda m: "/api/medlemmar/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"namn": "Malå kommun", "typ": "kommun", "kod": "mala"},
    ),
    _rad("medlem-detail", "/api/medlemmar/{}/", V, "medlem"),
    _rad("medlem-detail", "/api/medlemmar/{}/", R, "medlem", metod="patch", json=True, data=lambda m: {"ordning": 1}),
    Rad("person-list", lambda m: "/api/personer/", V),
    Rad("person-list", lambda m: "/api/personer/", R, metod="post", json=True, data=lambda m: {"namn": "Per Persson"}),
    _rad("person-detail", "/api/personer/{}/", V, "person"),
    _rad("person-detail", "/api/personer/{}/", R, "person", metod="patch", json=True, data=lambda m: {"telefon": "070-1"}),
    Rad("forvaltning-api:ansvarsfrihetspaminnelse-list", lambda m: f"{A}/ansvarsfrihetspaminnelser/", V),
    Rad(
        "forvaltning-api:ansvarsfrihetspaminnelse-list",
        lambda m: f"{A}/ansvarsfrihetspaminnelser/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"medlem": "fk", "ar": 2018},
        ok_status={400},
    ),
    Rad("forvaltning-api:revisor-list", lambda m: f"{A}/revisorer/", V),
    Rad(
        "forvaltning-api:revisor-list",
        lambda m: f"{A}/revisorer/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"person": m["nypers"].pk, "utsedd_av": "fk", "granskar": ["fk"], "ar_fran": 2019},
    ),
    _rad("forvaltning-api:revisor-detail", A + "/revisorer/{}/", V, "revisor"),
    _rad(
        "forvaltning-api:revisor-detail", A + "/revisorer/{}/", R, "revisor", metod="patch", json=True, data=lambda m: {"beslut_referens": "GD 2018"}
    ),
    Rad("forvaltning-api:forbundsordning-list", lambda m: f"{A}/forbundsordningar/", V),
    Rad(
        "forvaltning-api:forbundsordning-list",
        lambda m: f"{A}/forbundsordningar/",
        R,
        metod="post",
        json=True,
        data=lambda m: {"giltig_fran": "2020-04-01", "text": "Ny"},
    ),
    _rad("forvaltning-api:forbundsordning-detail", A + "/forbundsordningar/{}/", V, "ordning"),
    _rad(
        "forvaltning-api:forbundsordning-beslut",
        A + "/forbundsordningar/{}/beslut/",
        R,
        "ordning",
        metod="post",
        json=True,
        data=lambda m: {"medlem": "fk", "antagen": True, "organ": "FK", "datum": "2013-12-01"},
    ),
    Rad("forvaltning-api:uppdrag-list", lambda m: f"{A}/uppdrag/", V),
    Rad(
        "forvaltning-api:uppdrag-list",
        lambda m: f"{A}/uppdrag/",
        R,
        metod="post",
        json=True,
        data=lambda m: {**UPPDRAG, "person": m["nypers"].pk, "medlem": "fk"},
    ),
    _rad("forvaltning-api:uppdrag-detail", A + "/uppdrag/{}/", V, "mandat"),
    _rad(
        "forvaltning-api:uppdrag-utnamning",
        A + "/uppdrag/{}/utnamning/",
        R,
        "mandat",
        metod="post",
        json=True,
        data=lambda m: {"organ": "KF", "referens": "§ 1", "datum": "2018-12-01"},
    ),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))
