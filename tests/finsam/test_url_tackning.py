"""Every named URL of the project has a row in a permission matrix (or is public on purpose)."""

from __future__ import annotations

import importlib
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

APPAR = ["finsam", "styrelse", "insatser", "uppfoljning", "ekonomi", "rapporter", "forvaltning"]

# Reachable without a role, on purpose.
PUBLIKA = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "password_change",
    "password_change_done",
    "healthz",
    "favicon",
    "api_token",
    "api_schema",
    "api_docs",
    "api_mina_forbund",
    "forbund_byt",
    "api-root",
}


def _namn(resolver: URLResolver, prefix: str = "") -> set[str]:
    namn: set[str] = set()
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            if getattr(p, "app_name", None) == "admin":
                continue
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            namn |= _namn(p, ns)
        elif isinstance(p, URLPattern) and p.name:
            namn.add(prefix + p.name)
    return namn


def _rader() -> set[str]:
    alla: set[str] = set()
    for app in APPAR:
        # test_behorigheter.py and any further matrix files of the app (test_behorigheter_<del>.py)
        katalog = Path(__file__).resolve().parent.parent / app
        for namn in ["test_behorigheter", *sorted(p.stem for p in katalog.glob("test_behorigheter_*.py"))]:
            try:
                modul = importlib.import_module(f"tests.{app}.{namn}")
            except ModuleNotFoundError:
                continue
            alla |= {r.namn for r in modul.RADER}
            alla |= set(getattr(modul, "PUBLIKA", set()))
    return alla


def test_varje_url_har_en_rad_i_matrisen() -> None:
    urls = {n for n in _namn(get_resolver()) if not n.endswith(("-root", "_format")) and "format" not in n}
    saknas = sorted(urls - _rader() - PUBLIKA)
    assert not saknas, f"URL:er utan rad i behörighetsmatrisen: {saknas}"
