"""Deployment: the compose file, the Dockerfile, production settings (check --deploy), .env.example."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_har_tjansterna_och_delar_ett_block() -> None:
    compose = _compose()
    tjanster = compose["services"]
    assert set(tjanster) == {"db", "redis", "web", "worker", "beat"}
    app = compose["x-app"]
    for namn in ("web", "worker", "beat"):
        # YAML merge (<<: *app) gives each app service the shared block's settings
        assert tjanster[namn]["image"] == app["image"]
        assert tjanster[namn]["environment"]["DJANGO_SETTINGS_MODULE"] == "finsam.settings.production"
        assert tjanster[namn]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert tjanster[namn]["environment"]["REDIS_URL"].startswith("redis://redis:6379")
        assert set(tjanster[namn]["depends_on"]) == {"db", "redis"}
    assert tjanster["db"]["image"].startswith("postgres:")
    assert tjanster["redis"]["image"].startswith("redis:")


def test_compose_kommandon_finns() -> None:
    tjanster = _compose()["services"]
    web = " ".join(tjanster["web"]["command"])
    assert "gunicorn finsam.wsgi:application" in web and "migrate" in web
    assert tjanster["worker"]["command"][:4] == ["celery", "-A", "finsam", "worker"]
    assert tjanster["beat"]["command"][:4] == ["celery", "-A", "finsam", "beat"]
    # the modules the commands name exist
    import finsam.celery
    import finsam.wsgi

    assert finsam.celery.app.main == "finsam"
    assert callable(finsam.wsgi.application)
    assert "/healthz" in str(tjanster["web"]["healthcheck"]["test"])


def test_dockerfile_har_weasyprints_bibliotek() -> None:
    text = (ROOT / "Dockerfile").read_text()
    for paket in ("libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0"):
        assert paket in text
    assert "requirements.txt" in text and "collectstatic" in text and "USER finsam" in text


def test_env_example_namnger_varje_miljovariabel() -> None:
    exempel = (ROOT / ".env.example").read_text()
    namngivna = set(re.findall(r"^([A-Z_]+)=", exempel, re.MULTILINE))
    anvanda: set[str] = set()
    for fil in (ROOT / "finsam" / "settings" / "base.py", ROOT / "finsam" / "settings" / "production.py"):
        anvanda |= set(re.findall(r"(?:environ\.get|env_bool|env_list)\(\s*\"([A-Z_]+)\"", fil.read_text()))
    anvanda |= {"DEMO_PASSWORD"}
    assert anvanda - namngivna == set()


def test_produktionsinstallningar_klarar_check_deploy() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "finsam.settings.production",
        "DJANGO_SECRET_KEY": "x7#kq2-" + "a9Zb3Lm8Qw4Er6Ty1Ui5Op0As2Df7Gh3Jk9Lz4Xc8Vb6Nm1Qp5Wr",
        "DJANGO_ALLOWED_HOSTS": "finsam.example.se",
    }
    res = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_produktion_vagrar_starta_utan_hemlig_nyckel() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "finsam.settings.production", "DJANGO_SECRET_KEY": "", "DJANGO_ALLOWED_HOSTS": "x"}
    res = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert res.returncode != 0
    assert "DJANGO_SECRET_KEY" in res.stderr


def test_readme_har_aktuell_behorighetsmatris_och_de_tva_kommandona() -> None:
    from finsam.permissions import som_markdown

    text = (ROOT / "README.md").read_text()
    assert som_markdown() in text, "Kör `python manage.py behorigheter --readme`."
    forsta = text[: text.index("## ", 10)]
    assert "make run" in forsta and "make test" in forsta
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in ci
