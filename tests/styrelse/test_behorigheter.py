"""Permission matrix rows for every board page and API endpoint: each role × another förbund."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from finsam.models import Forbund
from styrelse.models import Anslag, Bilaga, Delegationsbeslut, Handling, Narvaro, Paragraf, Uppdrag
from tests import filer
from tests.conftest import ROLLER
from tests.forvaltning.factories import delegation, handlingstyp
from tests.matrix import Rad, kor_matris, kor_utan_inloggning

from .factories import ArendeFactory, SammantradeFactory, styrelse

PUBLIKA = {"anslagstavla", "anslagstavla_protokoll", "anslagstavla_bevis"}


def _forbund_data(f: Forbund) -> dict[str, Any]:
    s = styrelse(f)
    mote = SammantradeFactory(forbund=f, datum=dt.date.today())
    a = ArendeFactory(sammantrade=mote, rubrik="Ärende A")
    a2 = ArendeFactory(sammantrade=mote, rubrik="Ärende B")
    p = Paragraf.objects.create(forbund=f, sammantrade=mote, ar=mote.datum.year, nummer=1, rubrik="Beslutad")
    a2.paragraf = p
    a2.save()
    n = Narvaro.objects.create(forbund=f, sammantrade=mote, person=s["ledamot"]["fk"].person, kategori="ledamot", mandat=s["ledamot"]["fk"])
    b = Bilaga(forbund=f, sammantrade=mote, arende=a, nummer=1, titel="Bilaga", storlek=9)
    b.fil.save("b.pdf", ContentFile(b"%PDF-1.7 x"), save=False)
    b.save()
    u = Uppdrag.objects.create(forbund=f, paragraf=p, text="uppdra till förbundschefen att utreda")
    typ = handlingstyp(f, "Avtal", "gallras", 10)
    h = Handling(forbund=f, ar=2026, lopnummer=1, riktning="inkommande", datum=dt.date.today(), rubrik="Avtal", handlingstyp=typ)
    h.fil.save("h.pdf", ContentFile(b"%PDF-1.7 x"), save=False)
    h.save()
    d = delegation(f)
    db = Delegationsbeslut.objects.create(forbund=f, delegation=d, delegat=s["chef"], datum=dt.date.today(), arende="Avtal", beslut="Tecknat")
    gammalt = SammantradeFactory(forbund=f, datum=dt.date(2019, 11, 28))
    anslag = Anslag.objects.create(
        forbund=f, sammantrade=gammalt, uppsatt=dt.date(2019, 12, 20), nedtas=dt.date(2020, 1, 13), forvaringsplats="Kansliet"
    )
    return {
        "s": s,
        "mote": mote,
        "anslag": anslag,
        "mandat": s["ledamot"]["fk"],
        "arende": a,
        "paragraf": p,
        "narvaro": n,
        "bilaga": b,
        "uppdrag": u,
        "handling": h,
        "typ": typ,
        "delegation": d,
        "delegationsbeslut": db,
    }


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {"f": _forbund_data(forbund), "a": _forbund_data(annat)}


def M(nyckel: str, mall: str, sida: str = "f") -> Callable[[dict[str, Any]], str]:
    return lambda m: mall.format(pk=m[sida][nyckel].pk, mote=m[sida]["mote"].pk, arende=m[sida]["arende"].pk)


def R(namn: str, nyckel: str, mall: str, behorighet: str, **kw: Any) -> Rad:
    return Rad(namn, M(nyckel, mall), behorighet, annat_forbund_url=M(nyckel, mall, "a"), **kw)


RADER = [
    Rad("styrelse:index", lambda m: "/styrelse/", "styrelse.visa"),
    Rad("styrelse:planera", lambda m: "/styrelse/planera/", "styrelse.redigera"),
    Rad(
        "styrelse:planera",
        lambda m: "/styrelse/planera/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"typ": "styrelsemote", "datum": "2030-02-13", "mall": "standard", "plats": "Kansliet"},
    ),
    Rad("styrelse:regler", lambda m: "/styrelse/regler/", "styrelse.visa"),
    Rad(
        "styrelse:regler",
        lambda m: "/styrelse/regler/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"majoritet": "2/3", "kallelsetid_dagar": 7, "forvaringsplats": "Kansliet"},
    ),
    Rad("styrelse:mandat", lambda m: "/styrelse/mandat/", "styrelse.visa"),
    Rad(
        "styrelse:mandat",
        lambda m: "/styrelse/mandat/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {
            "person": m["f"]["s"]["chef"].pk,
            "medlem": m["f"]["s"]["ledamot"]["fk"].medlem_id,
            "typ": "ledamot",
            "fran": "2010-01-01",
            "till": "2010-12-31",
        },
    ),
    R(
        "styrelse:mandat_avsluta",
        "mandat",
        "/styrelse/mandat/{pk}/avsluta/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"till": "2030-12-31"},
    ),
    Rad("styrelse:sok", lambda m: "/styrelse/sok/?q=Beslutad&ar=2026", "styrelse.visa"),
    Rad("styrelse:uppdrag", lambda m: "/styrelse/uppdrag/", "styrelse.visa"),
    Rad(
        "styrelse:uppdrag",
        lambda m: "/styrelse/uppdrag/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"paragraf": m["f"]["paragraf"].pk, "text": "utreda saken"},
    ),
    R("styrelse:uppdrag_andra", "uppdrag", "/styrelse/uppdrag/{pk}/andra/", "styrelse.redigera", metod="post"),
    R("styrelse:uppdrag_avsluta", "uppdrag", "/styrelse/uppdrag/{pk}/avsluta/", "styrelse.redigera", metod="post"),
    Rad("styrelse:delegationsbeslut", lambda m: "/styrelse/delegationsbeslut/", "styrelse.visa"),
    Rad(
        "styrelse:delegationsbeslut",
        lambda m: "/styrelse/delegationsbeslut/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {
            "delegation": m["f"]["delegation"].pk,
            "delegat": m["f"]["s"]["chef"].pk,
            "datum": "2026-01-10",
            "arende": "Avtal om städning",
            "beslut": "Avtal tecknat",
        },
    ),
    Rad("styrelse:diarium", lambda m: "/styrelse/diarium/", "diarium.visa"),
    Rad(
        "styrelse:diarium",
        lambda m: "/styrelse/diarium/",
        "diarium.redigera",
        metod="post",
        data=lambda m: {"riktning": "inkommande", "datum": "2026-03-01", "rubrik": "Ansökan", "handlingstyp": m["f"]["typ"].pk},
    ),
    R("styrelse:handling_fil", "handling", "/styrelse/diarium/{pk}/fil/", "diarium.visa"),
    R("styrelse:mote", "mote", "/styrelse/moten/{pk}/", "styrelse.visa"),
    R(
        "styrelse:mote_andra",
        "mote",
        "/styrelse/moten/{pk}/andra/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"typ": "styrelsemote", "datum": "2026-05-07", "plats": "Ny plats"},
    ),
    R(
        "styrelse:arende_skapa",
        "mote",
        "/styrelse/moten/{pk}/arenden/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"rubrik": "Nytt ärende", "forslag": "att godkänna"},
    ),
    R("styrelse:arende_redigera", "arende", "/styrelse/moten/{mote}/arenden/{pk}/", "styrelse.redigera"),
    R(
        "styrelse:arende_flytta",
        "arende",
        "/styrelse/moten/{mote}/arenden/{pk}/flytta/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"riktning": "ned"},
    ),
    R("styrelse:arende_ta_bort", "arende", "/styrelse/moten/{mote}/arenden/{pk}/ta-bort/", "styrelse.redigera", metod="post"),
    R(
        "styrelse:bilaga_ladda_upp",
        "arende",
        "/styrelse/moten/{mote}/arenden/{pk}/bilagor/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"titel": "x", "fil": ContentFile(filer.pdf("x"), name="x.pdf")},
    ),
    R("styrelse:beslut", "arende", "/styrelse/moten/{mote}/arenden/{pk}/beslut/", "styrelse.redigera"),
    R("styrelse:bilaga_ladda_ned", "bilaga", "/styrelse/moten/{mote}/bilagor/{pk}/", "styrelse.visa"),
    R("styrelse:kallelse_bestall", "mote", "/styrelse/moten/{pk}/kallelse/pdf/", "styrelse.redigera", metod="post"),
    R(
        "styrelse:kallelse_skicka", "mote", "/styrelse/moten/{pk}/kallelse/skicka/", "styrelse.redigera", metod="post", ok_status={400}
    ),  # allowed, refused next to the form: the meeting is today (notice period)
    R(
        "styrelse:narvaro_registrera",
        "mote",
        "/styrelse/moten/{pk}/narvaro/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"person": m["f"]["s"]["ledamot"]["af"].person.pk, "kategori": "ledamot"},
        ok_status={400},
    ),  # allowed, refused next to the form: § 1 would lose its quorum
    R("styrelse:narvaro_ta_bort", "narvaro", "/styrelse/moten/{mote}/narvaro/{pk}/ta-bort/", "styrelse.redigera", metod="post"),
    R("styrelse:mote_avsluta", "mote", "/styrelse/moten/{pk}/avsluta/", "styrelse.redigera", metod="post"),
    R(
        "styrelse:justering_bekrafta",
        "mote",
        "/styrelse/moten/{pk}/justering/",
        "styrelse.justera",
        metod="post",
        data=lambda m: {"person": m["f"]["s"]["chef"].pk, "roll": "sekreterare"},
        ok_status={400},
    ),  # allowed, refused: not closed
    R(
        "styrelse:anslag_registrera",
        "mote",
        "/styrelse/moten/{pk}/anslag/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"uppsatt": "2026-01-01", "nedtas": "2026-02-01", "forvaringsplats": "Kansliet"},
        ok_status={400},
    ),  # allowed, refused next to the form: not justered
    R("styrelse:protokoll_bestall", "mote", "/styrelse/moten/{pk}/protokoll/pdf/", "styrelse.redigera", metod="post"),
    R("styrelse:paragraf_redigera", "paragraf", "/styrelse/paragrafer/{pk}/", "styrelse.redigera"),
    R(
        "styrelse:paragraf_redigera",
        "paragraf",
        "/styrelse/paragrafer/{pk}/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"rubrik": "Ny rubrik", "text": "", "beslut": "att godkänna"},
    ),
    R("styrelse:omedelbar_justering", "paragraf", "/styrelse/paragrafer/{pk}/omedelbar-justering/", "styrelse.redigera", metod="post"),
    R("styrelse:utdrag_bestall", "paragraf", "/styrelse/paragrafer/{pk}/utdrag/", "dokument.skapa", metod="post"),
    R("styrelse:utdrag_expediera", "paragraf", "/styrelse/paragrafer/{pk}/expediera/", "styrelse.redigera"),
    R(
        "styrelse:utdrag_expediera",
        "paragraf",
        "/styrelse/paragrafer/{pk}/expediera/",
        "styrelse.redigera",
        metod="post",
        data=lambda m: {"adresser": "registrator@example.se"},
        ok_status={400},
    ),  # allowed, refused: § 1 is not justered
    # The draft minutes: the matrix users are not chair, secretary or justerare, so only who may edit reads them here
    # (tests/styrelse/test_justering.py: the appointed justerare reads them too).
    R("styrelse:protokollsutkast", "mote", "/styrelse/moten/{pk}/protokoll/utkast/", "styrelse.redigera"),
    R("styrelse:protokollsutkast_pdf", "mote", "/styrelse/moten/{pk}/protokoll/utkast.pdf", "styrelse.redigera"),
    R("styrelse:kalender_uppdatering_skicka", "mote", "/styrelse/moten/{pk}/kallelse/kalender/", "styrelse.redigera", metod="post"),
    R("styrelse:sammantrade_stall_in", "mote", "/styrelse/moten/{pk}/stall-in/", "styrelse.redigera", metod="post"),
    # API
    Rad("styrelse-sammantrade-list", lambda m: "/api/styrelse/sammantraden/", "styrelse.visa"),
    Rad(
        "styrelse-sammantrade-list",
        lambda m: "/api/styrelse/sammantraden/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"datum": "2030-02-13", "plats": "Kansliet"},
        ok_status={201},
    ),
    R("styrelse-sammantrade-detail", "mote", "/api/styrelse/sammantraden/{pk}/", "styrelse.visa"),
    R("styrelse-sammantrade-dagordning", "mote", "/api/styrelse/sammantraden/{pk}/dagordning/", "styrelse.visa"),
    R(
        "styrelse-sammantrade-dagordning",
        "mote",
        "/api/styrelse/sammantraden/{pk}/dagordning/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"rubrik": "Nytt ärende"},
        ok_status={201},
    ),
    R("styrelse-sammantrade-narvaro", "mote", "/api/styrelse/sammantraden/{pk}/narvaro/", "styrelse.visa"),
    R(
        "styrelse-sammantrade-narvaro",
        "mote",
        "/api/styrelse/sammantraden/{pk}/narvaro/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"person": m["f"]["s"]["ledamot"]["af"].person.pk, "kategori": "ledamot"},
        ok_status={400},
    ),  # allowed, but refused by the rules: § 1 would lose its quorum
    R(
        "styrelse-sammantrade-beslut",
        "mote",
        "/api/styrelse/sammantraden/{pk}/beslut/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"arende": m["f"]["arende"].pk, "beslut": "att godkänna"},
        ok_status={400},
    ),
    R(
        "styrelse-sammantrade-kallelse",
        "mote",
        "/api/styrelse/sammantraden/{pk}/kallelse/",
        "styrelse.redigera",
        metod="post",
        json=True,
        ok_status={400},
    ),
    R(
        "styrelse-sammantrade-kalender",
        "mote",
        "/api/styrelse/sammantraden/{pk}/kalender/",
        "styrelse.redigera",
        metod="post",
        json=True,
        ok_status={400},
    ),  # allowed, refused: no notice sent
    R(
        "styrelse-sammantrade-stall-in",
        "mote",
        "/api/styrelse/sammantraden/{pk}/stall-in/",
        "styrelse.redigera",
        metod="post",
        json=True,
        ok_status={400},
    ),  # allowed, refused: the meeting has a decision
    R(
        "styrelse-sammantrade-avsluta",
        "mote",
        "/api/styrelse/sammantraden/{pk}/avsluta/",
        "styrelse.redigera",
        metod="post",
        json=True,
        ok_status={400},
    ),
    R(
        "styrelse-sammantrade-justering",
        "mote",
        "/api/styrelse/sammantraden/{pk}/justering/",
        "styrelse.justera",
        metod="post",
        json=True,
        data=lambda m: {"person": m["f"]["s"]["chef"].pk, "roll": "sekreterare"},
        ok_status={400},
    ),
    R(
        "styrelse-sammantrade-anslag",
        "mote",
        "/api/styrelse/sammantraden/{pk}/anslag/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"uppsatt": "2026-01-01", "nedtas": "2026-02-01"},
        ok_status={400},
    ),
    Rad("styrelse-beslut-list", lambda m: "/api/styrelse/beslut/?q=Beslutad", "styrelse.visa"),
    R("styrelse-beslut-detail", "paragraf", "/api/styrelse/beslut/{pk}/", "styrelse.visa"),
    Rad("styrelse-uppdrag-list", lambda m: "/api/styrelse/uppdrag/?status=oppet", "styrelse.visa"),
    R("styrelse-uppdrag-detail", "uppdrag", "/api/styrelse/uppdrag/{pk}/", "styrelse.visa"),
    Rad(
        "styrelse-uppdrag-list",
        lambda m: "/api/styrelse/uppdrag/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"paragraf": m["f"]["paragraf"].pk, "text": "utreda saken"},
        ok_status={201},
    ),
    R(
        "styrelse-beslut-expediera",
        "paragraf",
        "/api/styrelse/beslut/{pk}/expediera/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {"mottagare": ["registrator@example.se"]},
        ok_status={400},
    ),
    Rad("styrelse-delegationsbeslut-list", lambda m: "/api/styrelse/delegationsbeslut/", "styrelse.visa"),
    Rad(
        "styrelse-delegationsbeslut-list",
        lambda m: "/api/styrelse/delegationsbeslut/",
        "styrelse.redigera",
        metod="post",
        json=True,
        data=lambda m: {
            "delegation": m["f"]["delegation"].pk,
            "delegat": m["f"]["s"]["chef"].pk,
            "datum": "2026-01-10",
            "arende": "Avtal",
            "beslut": "Tecknat",
        },
        ok_status={201},
    ),
    R("styrelse-delegationsbeslut-detail", "delegationsbeslut", "/api/styrelse/delegationsbeslut/{pk}/", "styrelse.visa"),
    Rad("styrelse-diarium-list", lambda m: "/api/styrelse/diarium/", "diarium.visa"),
    Rad(
        "styrelse-diarium-list",
        lambda m: "/api/styrelse/diarium/",
        "diarium.redigera",
        metod="post",
        json=True,
        data=lambda m: {"riktning": "inkommande", "datum": "2026-03-01", "rubrik": "Ansökan", "handlingstyp": m["f"]["typ"].pk},
        ok_status={201},
    ),
    R("styrelse-diarium-detail", "handling", "/api/styrelse/diarium/{pk}/", "diarium.visa"),
    Rad("styrelse-anslag-list", lambda m: "/api/styrelse/anslag/?aktuella=1", "styrelse.visa"),
    R("styrelse-anslag-detail", "anslag", "/api/styrelse/anslag/{pk}/", "styrelse.visa"),
]


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))


def test_sekretessmarkerad_fil_doljs_for_roller_utan_behorighet(forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    miljo = bygg_miljo(forbund, annat_forbund)
    h: Handling = miljo["f"]["handling"]
    Handling.objects.filter(pk=h.pk).update(sekretess=True)
    url = f"/styrelse/diarium/{h.pk}/fil/"
    assert klient("forbundschef").get(url).status_code == 200
    for roll in ["administrator", "styrelseledamot", "revisor"]:
        c = klient(roll)
        assert c.get(url).status_code == 403
        assert url not in c.get("/styrelse/diarium/").content.decode()
