"""Audit actions as TextChoices in Swedish, the stored codes migrated, and every refused write on a
locked record audited (also when the service's transaction rolled back)."""

from __future__ import annotations

import ast
import datetime as dt
import importlib
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from finsam.audit import Handling, handelse_logga
from finsam.handlingar import TIDIGARE_KODER
from finsam.models import Forbund, Handelse, RollTyp
from styrelse.models import Arende, Sammantrade

ROOT = Path(__file__).resolve().parents[2]
APPAR = ["finsam", "styrelse", "insatser", "uppfoljning", "ekonomi", "rapporter", "forvaltning"]
ENGELSKA_VERB = ("create", "update", "delete", "import", "add", "remove", "edit", "change", "set", "save")


def _handlingar_i_koden() -> dict[str, list[str]]:
    """Every string given as `handling=` to handelse_logga in the apps' code (conditional expressions included)."""
    funna: dict[str, list[str]] = {}
    for app in APPAR:
        for fil in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in fil.parts:
                continue
            for nod in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
                if isinstance(nod, ast.Call) and getattr(nod.func, "id", getattr(nod.func, "attr", "")) == "handelse_logga":
                    for kw in nod.keywords:
                        if kw.arg == "handling":
                            for varde in ast.walk(kw.value):
                                if isinstance(varde, ast.Constant) and isinstance(varde.value, str):
                                    funna.setdefault(varde.value, []).append(str(fil.relative_to(ROOT)))
    return funna


def test_varje_handling_i_koden_ar_en_textchoice() -> None:
    funna = _handlingar_i_koden()
    assert len(funna) > 80
    okanda = {kod: filer for kod, filer in funna.items() if kod not in Handling.values}
    assert okanda == {}


def test_handlingar_ar_substantiv_verb_pa_svenska_med_svenska_etiketter() -> None:
    for varde, etikett in Handling.choices:
        assert "_" in varde and varde == varde.lower(), varde
        assert not varde.endswith(tuple("_" + v for v in ENGELSKA_VERB)), varde
        assert etikett[0].isupper() and etikett != varde, etikett
    assert Handling.FORBUND_SKAPA.label == "Skapade förbund"
    assert Handling.SKRIVNING_VAGRA.label == "Vägrade ändring av låst post"


def test_datamigreringen_byter_de_lagrade_koderna(forbund: Forbund) -> None:
    migrering = importlib.import_module("finsam.migrations.0004_kant_handling_textchoices")
    assert migrering.TIDIGARE_KODER == TIDIGARE_KODER
    assert set(TIDIGARE_KODER.values()) <= set(Handling.values)
    gammal = handelse_logga(aktor=None, forbund=forbund, handling="forbund_create")
    annan = handelse_logga(aktor=None, forbund=forbund, handling="beslut_fatta")
    from django.apps import apps

    migrering.framat(apps, None)
    gammal.refresh_from_db()
    annan.refresh_from_db()
    assert (gammal.handling, annan.handling) == ("forbund_skapa", "beslut_fatta")
    migrering.bakat(apps, None)
    gammal.refresh_from_db()
    assert gammal.handling == "forbund_create"


def test_handelsesidan_visar_svenska_ord(forbund: Forbund, chef_klient: Client) -> None:
    handelse_logga(aktor=None, forbund=forbund, handling=Handling.DOKUMENT_BESTALL)
    html = chef_klient.get("/handelser/").content.decode()
    assert "Beställde dokument" in html and "Skapade förbund" in html
    assert "dokument_bestall" not in html and "forbund_create" not in html
    # the filter finds Swedish words too
    html = chef_klient.get("/handelser/?handling=beställde").content.decode()
    assert "Beställde dokument" in html and "Skapade förbund" not in html


def _justerat_mote(forbund: Forbund) -> Sammantrade:
    return Sammantrade.objects.create(forbund=forbund, datum=dt.date(2020, 2, 13), status=Sammantrade.Status.GENOMFORT, justerat=timezone.now())


@pytest.mark.django_db
def test_vagrad_skrivning_pa_last_protokoll_via_api_loggas(forbund: Forbund, chef_klient: Client, chef: Any) -> None:
    mote = _justerat_mote(forbund)
    fore = Handelse.objects.count()
    svar = chef_klient.post(f"/api/styrelse/sammantraden/{mote.pk}/dagordning/", {"rubrik": "Nytt ärende"}, content_type="application/json")
    assert svar.status_code == 400
    assert svar.json() == {
        "fel": [{"falt": None, "kod": "last", "meddelande": "Protokollet är justerat och låst. En ändring kan bara göras genom ett nytt beslut."}]
    }
    assert not Arende.objects.filter(sammantrade=mote).exists()
    assert Handelse.objects.count() == fore + 1
    h = Handelse.objects.get(handling=Handling.SKRIVNING_VAGRA)
    assert (h.aktor, h.forbund, h.objekt_id, h.objekttyp) == (chef, forbund, str(mote.pk), "styrelse.sammantrade")
    assert h.detaljer == {
        "skal": "Protokollet är justerat och låst. En ändring kan bara göras genom ett nytt beslut.",
        "vag": f"POST /api/styrelse/sammantraden/{mote.pk}/dagordning/",
    }


@pytest.mark.django_db
def test_vagrad_skrivning_via_sidans_dorr_loggas_en_gang(forbund: Forbund, rf: Any, chef: Any) -> None:
    from django.contrib.messages.storage.fallback import FallbackStorage

    from finsam.web import knapp_handling
    from styrelse.services import arende_skapa

    mote = _justerat_mote(forbund)
    request = rf.post("/styrelse/")
    request.user = chef
    request.session = {}
    request._messages = FallbackStorage(request)
    svar = knapp_handling(request, lambda: arende_skapa(sammantrade=mote, aktor=chef, rubrik="X"), ok="Klart", till="/styrelse/")
    assert svar.status_code == 302
    assert Handelse.objects.filter(handling=Handling.SKRIVNING_VAGRA, objekt_id=str(mote.pk)).count() == 1
    assert [str(m) for m in request._messages] == ["Protokollet är justerat och låst. En ändring kan bara göras genom ett nytt beslut."]


def test_rollen_utan_behorighet_ser_inte_handelser(klient: Any) -> None:
    assert klient(RollTyp.STYRELSELEDAMOT).get("/handelser/").status_code == 403
