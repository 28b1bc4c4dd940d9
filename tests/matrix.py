"""The permission matrix as a test: every page and API endpoint × every role × another förbund.

Each app's tests/<app>/test_behorigheter.py defines RADER (rows) and a `miljo` builder; the
rows name the permission from finsam.permissions that must decide access. A role holding the
permission gets a success status; every other role gets 403; an object of another förbund
gives 404 to every role that would otherwise see it. tests/finsam/test_url_tackning.py checks
that every named URL of the project has a row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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
