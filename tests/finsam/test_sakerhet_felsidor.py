"""No debug page ever: DEBUG off by default, Swedish 400/403/404/500 pages, JSON errors under /api/."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from finsam.models import RollTyp

ROOT = Path(__file__).resolve().parents[2]
ENGELSKA = ("Not Found", "Page not found", "Forbidden", "Server Error", "matches the given query", "Bad Request", "CSRF verification")


def _utan_engelska(text: str) -> None:
    for ord_ in ENGELSKA:
        assert ord_ not in text, ord_


def test_bas_installningar_har_debug_av_utan_miljovariabel() -> None:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_DEBUG"}
    env["DJANGO_SETTINGS_MODULE"] = "finsam.settings.base"
    kod = "import django; django.setup(); from django.conf import settings; print(settings.DEBUG, settings.WHITENOISE_USE_FINDERS)"
    ut = subprocess.run([sys.executable, "-c", kod], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert ut.stdout.strip() == "False True"
    env["DJANGO_DEBUG"] = "true"
    ut = subprocess.run([sys.executable, "-c", kod], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert ut.stdout.strip() == "True True"


def test_statiska_filer_serveras_med_debug_av(settings, db) -> None:
    assert settings.DEBUG is False
    svar = Client().get("/static/finsam/css/app.css")
    assert svar.status_code == 200
    assert b".kort" in b"".join(svar.streaming_content)  # type: ignore[attr-defined]


def test_404_sida_pa_svenska(chef_klient: Client) -> None:
    svar = chef_klient.get("/finns-inte/")
    assert svar.status_code == 404
    text = svar.content.decode()
    assert "<h1>Sidan finns inte</h1>" in text and 'lang="sv"' in text
    _utan_engelska(text)


def test_404_for_objekt_i_sida_utan_engelsk_text(chef_klient: Client) -> None:
    svar = chef_klient.get("/dokument/987654/")
    assert svar.status_code == 404
    text = svar.content.decode()
    assert "<p>Finns inte.</p>" in text  # the project's own Swedish message is shown
    _utan_engelska(text)
    # Django's get_object_or_404 raises "No Anslag matches the given query.": replaced by the Swedish default
    svar = Client().get("/anslagstavla/987654/protokoll.pdf")
    assert svar.status_code == 404
    text = svar.content.decode()
    assert "Det du söker finns inte" in text
    _utan_engelska(text)


def test_403_sida_pa_svenska(klient) -> None:
    svar = klient(RollTyp.REVISOR).get("/handelser/")
    assert svar.status_code == 403
    text = svar.content.decode()
    assert "<h1>Ingen behörighet</h1>" in text
    _utan_engelska(text)


def test_400_sida_pa_svenska(db) -> None:
    svar = Client(HTTP_HOST="angripare.example").get("/")
    assert svar.status_code == 400
    text = svar.content.decode()
    assert "<h1>Felaktig begäran</h1>" in text
    _utan_engelska(text)


def test_csrf_fel_pa_svenska(chef, db) -> None:
    c = Client(enforce_csrf_checks=True)
    c.force_login(chef)
    svar = c.post("/organisation/organisationsblad/", {"ar": 2020})
    assert svar.status_code == 403
    text = svar.content.decode()
    assert "Formuläret hade gått ut" in text
    _utan_engelska(text)


def test_500_sida_pa_svenska(chef_klient: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import finsam.views

    def trasig(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hemlig detalj")

    monkeypatch.setattr(finsam.views, "startsida_for", trasig)
    chef_klient.raise_request_exception = False
    svar = chef_klient.get("/")
    assert svar.status_code == 500
    text = svar.content.decode()
    assert "<h1>Något gick fel</h1>" in text
    assert "hemlig detalj" not in text and "Traceback" not in text
    _utan_engelska(text)


def test_api_404_for_okand_adress_ar_json(chef_klient: Client) -> None:
    svar = chef_klient.get("/api/finns-inte/")
    assert svar.status_code == 404
    assert svar["Content-Type"].startswith("application/json")
    assert svar.json() == {"fel": [{"falt": None, "meddelande": "Hittades inte.", "kod": "not_found"}]}


def test_api_404_for_objekt_pa_svenska(chef_klient: Client) -> None:
    """DRF passes Django's "No Mal matches the given query." on; the API answers in Swedish."""
    svar = chef_klient.get("/api/insatser/mal/987654/")
    assert svar.status_code == 404
    assert svar.json() == {"fel": [{"falt": None, "meddelande": "Hittades inte.", "kod": "not_found"}]}


def test_api_405_ar_json_pa_svenska(chef_klient: Client) -> None:
    svar = chef_klient.delete("/api/dokument/")
    assert svar.status_code == 405
    assert svar.json() == {"fel": [{"falt": None, "meddelande": 'Metoden "DELETE" tillåts inte.', "kod": "method_not_allowed"}]}


def test_api_500_ar_json(chef_klient: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    import finsam.api.views

    def trasig(*args: object, **kwargs: object) -> None:
        raise RuntimeError("hemlig detalj")

    monkeypatch.setattr(finsam.api.views, "roller_for_user", trasig)
    chef_klient.raise_request_exception = False
    svar = chef_klient.get("/api/forbund/")
    assert svar.status_code == 500
    assert svar.json() == {"fel": [{"falt": None, "meddelande": "Ett tekniskt fel inträffade. Försök igen om en stund.", "kod": "server_error"}]}
