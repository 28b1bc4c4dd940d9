"""The permission matrix as a test: every page and API endpoint × every role × another förbund.

Each app's tests/<app>/test_behorigheter.py defines RADER (rows) and a `miljo` builder; the
rows name the permission from finsam.permissions that must decide access. A role holding the
permission gets a success status; every other role gets 403; an object of another förbund
gives 404 to every role that would otherwise see it. tests/finsam/test_url_tackning.py checks
that every named URL of the project has a row.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.test import Client

from finsam.permissions import roller_for

OK_STATUS = {200, 201, 202, 204, 302}


@dataclass
class Rad:
    namn: str  # URL name (as in reverse()), for the coverage check
    url: Callable[[dict[str, Any]], str]
    behorighet: str
    metod: str = "get"
    data: Callable[[dict[str, Any]], Any] | None = None
    annat_forbund_url: Callable[[dict[str, Any]], str] | None = None
    json: bool = False
    ok_status: set[int] = field(default_factory=lambda: set(OK_STATUS))

    def __str__(self) -> str:
        return f"{self.metod.upper()} {self.namn}"


def anropa(c: Client, rad: Rad, url: str, miljo: dict[str, Any]) -> Any:
    data = rad.data(miljo) if rad.data else None
    if rad.metod == "get":
        return c.get(url, data or {})
    fn = getattr(c, rad.metod)
    if rad.json:
        return fn(url, data=data or {}, content_type="application/json")
    return fn(url, data=data or {})


def kontrollera(rad: Rad, roll: str, klient: Client, miljo: dict[str, Any]) -> None:
    tillaten = roll in roller_for(rad.behorighet)
    svar = anropa(klient, rad, rad.url(miljo), miljo)
    if tillaten:
        assert svar.status_code in rad.ok_status, f"{rad} som {roll}: väntade OK, fick {svar.status_code}"
        if rad.annat_forbund_url is not None:
            svar2 = anropa(klient, rad, rad.annat_forbund_url(miljo), miljo)
            assert svar2.status_code == 404, f"{rad} som {roll} mot annat förbund: väntade 404, fick {svar2.status_code}"
    else:
        assert svar.status_code == 403, f"{rad} som {roll}: väntade 403, fick {svar.status_code}"


def kor_matris(rader: list[Rad], roll: str, klient: Client, miljo: dict[str, Any]) -> None:
    """Check every row for one role against one environment.

    Each row runs inside a savepoint that is rolled back afterwards, so a write in one row never
    changes what the next row sees; the environment is built once per role instead of once per
    row. All failing rows are reported together.
    """
    from django.db import transaction

    filer = _media_ogonblick()
    fel: list[str] = []
    for rad in rader:
        try:
            with transaction.atomic():
                kontrollera(rad, roll, klient, miljo)
                transaction.set_rollback(True)
        except AssertionError as exc:
            fel.append(str(exc).splitlines()[0])
        finally:
            _media_aterstall(filer)  # files are not in the transaction: put back what a row removed
    assert not fel, f"{len(fel)} rader bröt mot behörighetsmatrisen:\n" + "\n".join(fel)


def kor_utan_inloggning(rader: list[Rad], miljo: dict[str, Any]) -> None:
    """Without login every GET page redirects to the login page; the API answers 401/403."""
    fel: list[str] = []
    for rad in rader:
        if rad.metod != "get":
            continue
        svar = Client().get(rad.url(miljo))
        api = rad.url(miljo).startswith("/api/")
        ok = svar.status_code in {401, 403} if api else (svar.status_code == 302 and "/logga-in/" in svar["Location"])
        if not ok:
            fel.append(f"{rad}: fick {svar.status_code}")
    assert not fel, "Nåddes utan inloggning:\n" + "\n".join(fel)


def _media_ogonblick() -> dict[Path, tuple[int, int, bytes]]:
    from django.conf import settings

    rot = Path(settings.MEDIA_ROOT)
    filer = [p for p in rot.rglob("*") if p.is_file()] if rot.exists() else []
    return {p: (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes()) for p in filer}


def _media_aterstall(ogonblick: dict[Path, tuple[int, int, bytes]]) -> None:
    for path, (storlek, andrad, data) in ogonblick.items():
        if not path.exists() or (path.stat().st_size, path.stat().st_mtime_ns) != (storlek, andrad):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            os.utime(path, ns=(andrad, andrad))
