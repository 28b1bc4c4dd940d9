"""Permission matrix rows for the reports' pages and API (see tests/matrix.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from finsam.models import Dokument, Forbund, RollTyp
from rapporter import plan
from rapporter.models import Forbundsmal, Rapport, Rapportunderlag
from rapporter.underlag.kodning import kontrollsumma
from rapporter.underlag.rendera import komplett
from tests.conftest import ROLLER
from tests.matrix import Rad, kor_matris, kor_utan_inloggning

from . import factories as f


def _rapport(forbund: Forbund, *, last: bool, typ: str = "arsredovisning", ar: int = 2019) -> Rapport:
    d = Dokument(
        forbund=forbund,
        typ=typ,
        titel=f"{typ} {ar}",
        nyckel=f"{typ}:{ar}",
        parametrar={"ar": ar},
        status=Dokument.Status.KLAR,
        sha256="0" * 64,
        last=last,
    )
    d.fil.save("r.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    d.save()
    rapport = Rapport.objects.create(forbund=forbund, typ=typ, ar=ar, dokument=d, status=Rapport.Status.FASTSTALLD if last else Rapport.Status.UTKAST)
    if last and typ == "arsredovisning":  # an adopted annual report has its frozen snapshot
        data = komplett(forbund, ar, rapport)
        rapport.underlag = Rapportunderlag.objects.create(
            forbund=forbund, rapport=rapport, data=data, sha256=kontrollsumma(data), fryst=timezone.now()
        )
        rapport.save(update_fields=["underlag"])
    return rapport


def bygg_miljo(forbund: Forbund, annat: Forbund) -> dict[str, Any]:
    return {
        "mal": f.mal(forbund),
        "annat_mal": f.mal(annat),
        "insats": f.insats(forbund, "AMT"),
        "annan_insats": f.insats(annat, "ANNAN", parter=("fk", "af")),
        "rapport": _rapport(forbund, last=False),
        "fastslagd": _rapport(forbund, last=True, ar=2018),
        "annan_fastslagd": _rapport(annat, last=True, ar=2018),
        "avsnitt": plan.plan_starta(forbund=forbund, aktor=None, ar=2021)[5],
        "annat_avsnitt": plan.plan_starta(forbund=annat, aktor=None, ar=2021)[5],
    }


RADER = [
    Rad("rapporter:index", lambda m: "/rapporter/", "rapporter.visa"),
    Rad("rapporter:rapport", lambda m: "/rapporter/arsredovisning/2019/", "rapporter.utkast"),
    Rad("rapporter:text", lambda m: "/rapporter/arsredovisning/2019/text/ordforande/", "rapporter.redigera"),
    Rad(
        "rapporter:insatstext",
        lambda m: f"/rapporter/arsredovisning/2019/insats/{m['insats'].pk}/text/arbete/",
        "rapporter.redigera",
        annat_forbund_url=lambda m: f"/rapporter/arsredovisning/2019/insats/{m['annan_insats'].pk}/text/arbete/",
    ),
    Rad("rapporter:generera", lambda m: "/rapporter/verksamhetsplan/2020/skapa/", "rapporter.redigera", metod="post"),
    Rad("rapporter:slutlig", lambda m: "/rapporter/verksamhetsplan/2020/slutlig/", "rapporter.redigera", metod="post"),
    Rad("rapporter:ateroppna", lambda m: "/rapporter/arsredovisning/2019/ateroppna/", "rapporter.redigera", metod="post"),
    Rad("rapporter:faststall", lambda m: "/rapporter/arsredovisning/2019/faststall/", "rapporter.redigera", metod="post"),
    Rad("rapporter:avstamning", lambda m: "/rapporter/arsredovisning/2018/avstamning/", "rapporter.visa"),
    Rad("rapporter:mal", lambda m: "/rapporter/mal/2019/", "rapporter.utkast"),
    Rad(
        "rapporter:mal_ny",
        lambda m: "/rapporter/mal/2019/nytt/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"mal": "Nytt mål", "period": "2019"},
    ),
    Rad("rapporter:mal_kopiera", lambda m: "/rapporter/mal/2020/kopiera/", "rapporter.redigera", metod="post"),
    Rad(
        "rapporter:mal_andra",
        lambda m: f"/rapporter/mal/andra/{m['mal'].pk}/",
        "rapporter.redigera",
        annat_forbund_url=lambda m: f"/rapporter/mal/andra/{m['annat_mal'].pk}/",
    ),
    Rad(
        "rapporter:mal_ta_bort",
        lambda m: f"/rapporter/mal/ta-bort/{m['mal'].pk}/",
        "rapporter.redigera",
        metod="post",
        annat_forbund_url=lambda m: f"/rapporter/mal/ta-bort/{m['annat_mal'].pk}/",
    ),
    Rad("rapporter:plan_starta", lambda m: "/rapporter/plan/2024/starta/", "rapporter.redigera", metod="post"),
    Rad("rapporter:plan_kopiera", lambda m: "/rapporter/plan/2021/ny-plan/", "rapporter.redigera", metod="post"),
    Rad("rapporter:avsnitt_nytt", lambda m: "/rapporter/plan/2021/avsnitt/nytt/", "rapporter.redigera"),
    Rad(
        "rapporter:avsnitt_andra",
        lambda m: f"/rapporter/plan/avsnitt/{m['avsnitt'].pk}/",
        "rapporter.redigera",
        annat_forbund_url=lambda m: f"/rapporter/plan/avsnitt/{m['annat_avsnitt'].pk}/",
    ),
    Rad(
        "rapporter:avsnitt_flytta",
        lambda m: f"/rapporter/plan/avsnitt/{m['avsnitt'].pk}/flytta/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"riktning": "upp"},
        annat_forbund_url=lambda m: f"/rapporter/plan/avsnitt/{m['annat_avsnitt'].pk}/flytta/",
    ),
    Rad(
        "rapporter:avsnitt_ta_bort",
        lambda m: f"/rapporter/plan/avsnitt/{m['avsnitt'].pk}/ta-bort/",
        "rapporter.redigera",
        metod="post",
        annat_forbund_url=lambda m: f"/rapporter/plan/avsnitt/{m['annat_avsnitt'].pk}/ta-bort/",
    ),
    Rad("rapporter-planavsnitt-list", lambda m: "/api/rapporter/planavsnitt/", "rapporter.utkast"),
    Rad(
        "rapporter-planavsnitt-detail",
        lambda m: f"/api/rapporter/planavsnitt/{m['avsnitt'].pk}/",
        "rapporter.utkast",
        annat_forbund_url=lambda m: f"/api/rapporter/planavsnitt/{m['annat_avsnitt'].pk}/",
    ),
    Rad(
        "rapporter-planavsnitt-flytta",
        lambda m: f"/api/rapporter/planavsnitt/{m['avsnitt'].pk}/flytta/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"riktning": "ned"},
        json=True,
        annat_forbund_url=lambda m: f"/api/rapporter/planavsnitt/{m['annat_avsnitt'].pk}/flytta/",
    ),
    Rad(
        "rapporter-planavsnitt-starta",
        lambda m: "/api/rapporter/planavsnitt/starta/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"ar": 2025},
        json=True,
    ),
    Rad(
        "rapporter-planavsnitt-kopiera",
        lambda m: "/api/rapporter/planavsnitt/kopiera/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"fran_ar": 2021, "till_ar": 2022},
        json=True,
    ),
    Rad("rapporter-rapport-list", lambda m: "/api/rapporter/rapporter/", "rapporter.visa"),
    Rad(
        "rapporter-rapport-detail",
        lambda m: f"/api/rapporter/rapporter/{m['fastslagd'].pk}/",
        "rapporter.visa",
        annat_forbund_url=lambda m: f"/api/rapporter/rapporter/{m['annan_fastslagd'].pk}/",
    ),
    Rad(
        "rapporter-rapport-skapa",
        lambda m: "/api/rapporter/rapporter/skapa/",
        "rapporter.redigera",
        metod="post",
        data=lambda m: {"typ": "verksamhetsplan", "ar": 2020},
        json=True,
    ),
    Rad("rapporter-text-list", lambda m: "/api/rapporter/texter/", "rapporter.utkast"),
    Rad("rapporter-mal-list", lambda m: "/api/rapporter/mal/", "rapporter.utkast"),
    Rad(
        "rapporter-mal-detail",
        lambda m: f"/api/rapporter/mal/{m['mal'].pk}/",
        "rapporter.utkast",
        annat_forbund_url=lambda m: f"/api/rapporter/mal/{m['annat_mal'].pk}/",
    ),
]
# Rows whose OK-answer for an allowed role is not 2xx/302 because the request itself is refused politely.
for _rad in RADER:
    if _rad.namn in {"rapporter:ateroppna", "rapporter:faststall", "rapporter:slutlig"}:
        _rad.ok_status = {302}


@pytest.mark.parametrize("roll", ROLLER)
def test_matris(roll: str, forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Every row of RADER for this role (each row in a savepoint rolled back after it)."""
    kor_matris(RADER, roll, klient(roll), bygg_miljo(forbund, annat_forbund))


def test_utan_inloggning(forbund: Forbund, annat_forbund: Forbund) -> None:
    kor_utan_inloggning(RADER, bygg_miljo(forbund, annat_forbund))


def test_revisor_laddar_ned_fastslagd_men_inte_utkast(forbund: Forbund, klient: Callable[..., Client]) -> None:
    """Auditors download the adopted annual report; a draft of another report is hidden from them."""
    fastslagd = _rapport(forbund, last=True)
    utkast = _rapport(forbund, last=False, typ="verksamhetsplan", ar=2020)
    f.insats(forbund, "AMT")
    revisor = klient(RollTyp.REVISOR)
    assert revisor.get(f"/dokument/{fastslagd.dokument_id}/fil/").status_code == 200
    assert revisor.get(f"/dokument/{utkast.dokument_id}/fil/").status_code == 403
    sidan = revisor.get("/rapporter/").content.decode()
    assert "Årsredovisning 2019" in sidan and "Verksamhetsplan 2020" not in sidan
    api = revisor.get("/api/rapporter/rapporter/").json()
    rader = api["results"] if isinstance(api, dict) else api
    assert [r["id"] for r in rader] == [fastslagd.pk]
    assert revisor.get(f"/api/rapporter/rapporter/{utkast.pk}/").status_code == 404
    ledamot = klient(RollTyp.STYRELSELEDAMOT)
    assert ledamot.get(f"/dokument/{utkast.dokument_id}/fil/").status_code == 200  # board members read drafts


def test_annat_forbunds_rapport_ar_404(forbund: Forbund, annat_forbund: Forbund, klient: Callable[..., Client]) -> None:
    annan = _rapport(annat_forbund, last=True)
    c = klient(RollTyp.FORBUNDSCHEF)
    assert c.get(f"/api/rapporter/rapporter/{annan.pk}/").status_code == 404
    assert c.get(f"/dokument/{annan.dokument_id}/fil/").status_code == 404
    assert not Forbundsmal.objects.filter(forbund=forbund, mal="x").exists()
