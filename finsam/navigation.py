"""Main navigation. An entry shows when its page exists and the role holds its permission."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from .permissions import Kontext


@dataclass(frozen=True)
class Lank:
    text: str
    url_namn: str
    behorighet: str


NAV: list[Lank] = [
    Lank("Start", "start", "forbund.visa"),
    Lank("Mina möten", "styrelse:mina_moten", "styrelse.mina_moten"),
    Lank("Styrelse", "styrelse:index", "styrelse.visa"),
    Lank("Insatser", "insatser:index", "insatser.visa"),
    Lank("Deltagare", "uppfoljning:index", "deltagare.visa"),
    Lank("Utfall", "uppfoljning:utfall", "utfall.visa"),
    Lank("Ekonomi", "ekonomi:index", "ekonomi.visa"),
    Lank("Rapporter", "rapporter:index", "rapporter.visa"),
    Lank("Avtal", "forvaltning:avtal_lista", "avtal.visa"),
    Lank("Organisation", "organisation", "forbund.visa"),
]


@lru_cache(maxsize=64)
def _url(url_namn: str, prefix: str, urlconf: Any) -> str | None:
    """The menu's URLs are the same on every request: reversed once per name, script prefix and URLconf."""
    try:
        return reverse(url_namn, urlconf=urlconf)
    except NoReverseMatch:
        return None


def meny(kontext: Kontext | None, aktuell_sokvag: str) -> list[dict[str, object]]:
    if kontext is None:
        return []
    poster = []
    for lank in NAV:
        if not kontext.kan(lank.behorighet):
            continue
        url = _url(lank.url_namn, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
        if url is None:
            continue
        aktiv = aktuell_sokvag == url if url == "/" else aktuell_sokvag.startswith(url)
        poster.append({"text": lank.text, "url": url, "aktiv": aktiv})
    langst = max((len(str(p["url"])) for p in poster if p["aktiv"]), default=0)
    for p in poster:  # only the most specific entry is current (/styrelse/mina-moten/ rather than /styrelse/)
        p["aktiv"] = bool(p["aktiv"]) and len(str(p["url"])) == langst
    return poster
