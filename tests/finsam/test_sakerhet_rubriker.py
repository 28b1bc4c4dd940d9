"""Headers: a Content-Security-Policy without inline script, no-store on everything with data, upload size
refused from the Content-Length before the body is read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from finsam.models import RollTyp
from uppfoljning.models import Importkorning

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def _direktiv(svar: Any) -> dict[str, list[str]]:
    policy = svar["Content-Security-Policy"]
    return {d.split()[0]: d.split()[1:] for d in (x.strip() for x in policy.split(";")) if d}


def test_csp_tillater_inga_inline_skript(chef_klient: Client) -> None:
    svar = chef_klient.get("/")
    assert svar.status_code == 200
    direktiv = _direktiv(svar)
    assert direktiv["script-src"] == ["'self'"]
    assert direktiv["default-src"] == ["'self'"] and direktiv["object-src"] == ["'none'"]
    assert direktiv["frame-ancestors"] == ["'none'"] and direktiv["form-action"] == ["'self'"]
    assert "Content-Security-Policy" in Client().get("/logga-in/")  # also for logged-out pages


def test_inga_inline_skript_eller_handelseattribut_i_mallarna() -> None:
    """Every <script> has a src; no on*="..." handler, no javascript: URL (PDF templates are not served as pages)."""
    fynd = []
    for mall in sorted(ROOT.glob("**/templates/**/*.html")):
        if ".venv" in mall.parts or "pdf" in mall.parts:
            continue
        text = mall.read_text(encoding="utf-8")
        for m in re.finditer(r"<script\b[^>]*>", text):
            if "src=" not in m.group(0):
                fynd.append(f"{mall.relative_to(ROOT)}: {m.group(0)}")
        for m in re.finditer(r"\son[a-z]+\s*=\s*[\"']|javascript:", text):
            fynd.append(f"{mall.relative_to(ROOT)}: {m.group(0).strip()}")
    assert fynd == []


def test_api_dokumentationen_har_inget_inline_skript(chef_klient: Client) -> None:
    svar = chef_klient.get("/api/docs/")
    assert svar.status_code == 200
    html = svar.content.decode()
    assert all("src=" in m for m in re.findall(r"<script\b[^>]*>", html))
    assert chef_klient.get("/api/docs/?script=").status_code == 200


def test_no_store_pa_sidor_api_och_nedladdningar(chef_klient: Client, forbund: Any, anvandare: Any) -> None:
    for url in ("/", "/uppfoljning/", "/uppfoljning/utfall/", "/handelser/"):
        svar = chef_klient.get(url)
        assert svar.status_code == 200, url
        assert svar["Cache-Control"] == "no-store", url
    # the national export of participants (CSV)
    from tests.insatser import factories

    insats = factories.insats(forbund, "MISAM")
    svar = chef_klient.get(f"/uppfoljning/export/?insats={insats.kortnamn}&ar=2020")
    assert svar.status_code == 200 and svar["Content-Type"].startswith("text/csv") and svar["Cache-Control"] == "no-store"
    token = Token.objects.create(user=anvandare(RollTyp.FORBUNDSCHEF)).key
    svar = Client(HTTP_AUTHORIZATION=f"Token {token}").get("/api/uppfoljning/deltagare/")
    assert svar.status_code == 200 and svar["Cache-Control"] == "no-store"


def test_for_stor_uppladdning_vagras_fore_lasning(chef_klient: Client, settings: Any) -> None:
    settings.FINSAM_MAX_UPLOAD_BYTES = 1024 * 1024
    svar = chef_klient.generic("POST", "/uppfoljning/import/", b"x" * 10, content_type="multipart/form-data; boundary=x", CONTENT_LENGTH="5000000")
    # the body (10 bytes) was never read: reading 5 MB from it would fail
    assert svar.status_code == 413
    assert "Det du skickade är för stort (4,8 MiB). Högsta tillåtna storlek är 1 MiB." in svar.content.decode()
    assert not Importkorning.objects.exists()
    api = chef_klient.generic("POST", "/api/uppfoljning/import/", b"x" * 10, content_type="multipart/form-data; boundary=x", CONTENT_LENGTH="5000000")
    assert api.status_code == 413
    assert api.json()["fel"][0]["kod"] == "for_stor"
