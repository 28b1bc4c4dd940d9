"""Every registered document type renders a tagged PDF (issue 15, DOS-lagen): a structure tree, document language
Swedish, headings, table headers in every table, the PDF/A-3a identification, and the same creation time in the
Info dictionary and the XMP metadata. Checked with pikepdf on each type, not on the renderer alone.

Small data per type (one meeting with one decided item, one year of accounts); the test fails when a new document
type is registered without a case here."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pikepdf
import pytest

from ekonomi.services import budget_skapa
from finsam.documents.registry import DOKUMENTTYPER
from finsam.models import Dokument, Forbund, Person
from forvaltning.services.arkiv import dokumenthanteringsplan_skapa, gallring_foresla
from styrelse.models import Anslag, Arende, Paragraf, Sammantrade
from tests.ekonomi.factories import importera_csv, kopplingar, tilldelning

pytestmark = pytest.mark.django_db


def _mote(forbund: Forbund) -> Sammantrade:
    ordf = Person.objects.create(forbund=forbund, namn="Åsa Öberg")
    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 11, 28), starttid=dt.time(9), plats="Skellefteå", ordforande=ordf)
    Arende.objects.create(forbund=forbund, sammantrade=mote, ordning=1, rubrik="Budget 2020 för Ärlig väg", forslag="godkänna förslaget")
    Paragraf.objects.create(forbund=forbund, sammantrade=mote, ar=2019, nummer=69, rubrik="Budget 2020 för Ärlig väg", beslut="att godkänna")
    return mote


def _styrelse(typ: str) -> Callable[[Forbund], dict[str, Any]]:
    def parametrar(forbund: Forbund) -> dict[str, Any]:
        mote = _mote(forbund)
        if typ == "styrelse_anslagsbevis":
            Anslag.objects.create(
                forbund=forbund, sammantrade=mote, uppsatt=dt.date(2019, 12, 2), nedtas=dt.date(2019, 12, 24), forvaringsplats="Kansliet"
            )
        if typ == "styrelse_protokollsutdrag":
            return {"paragraf": mote.paragrafer.get().pk}
        return {"sammantrade": mote.pk}

    return parametrar


def _ekonomi(forbund: Forbund) -> dict[str, Any]:
    tilldelning(forbund, ar=2019)
    kopplingar(forbund)
    importera_csv(forbund)
    budget_skapa(forbund=forbund, aktor=None, ar=2019)
    return {"ar": 2019, "kvartal": 2}


def _gallring(forbund: Forbund) -> dict[str, Any]:
    dokumenthanteringsplan_skapa(forbund=forbund, aktor="test")
    return {"gallring": gallring_foresla(forbund=forbund, idag=dt.date(2026, 11, 30)).pk}


FALL: dict[str, Callable[[Forbund], dict[str, Any]]] = {
    "styrelse_kallelse": _styrelse("styrelse_kallelse"),
    "styrelse_protokoll": _styrelse("styrelse_protokoll"),
    "styrelse_protokollsutdrag": _styrelse("styrelse_protokollsutdrag"),
    "styrelse_anslagsbevis": _styrelse("styrelse_anslagsbevis"),
    "organisationsblad": lambda forbund: {"ar": 2019},
    "rakenskaper": _ekonomi,
    "kvartalsrapport": _ekonomi,
    "arsredovisning": lambda forbund: {"ar": 2019},
    "verksamhetsplan": lambda forbund: {"ar": 2020},
    "behovsanalys": lambda forbund: {"ar": 2018},
    "gallringsprotokoll": _gallring,
}


def _barn(nod: Any) -> list[Any]:
    k = nod.get("/K")
    lista = list(k) if isinstance(k, pikepdf.Array) else [k]
    return [b for b in lista if isinstance(b, pikepdf.Dictionary)]


def _taggar(nod: Any) -> list[str]:
    """The structure element types (/S) under `nod`, in document order."""
    egen = [str(nod.S)] if "/S" in nod else []
    return egen + [t for b in _barn(nod) for t in _taggar(b)]


def _tabeller(nod: Any) -> list[Any]:
    if "/S" in nod and str(nod.S) == "/Table":
        return [nod]
    return [t for b in _barn(nod) for t in _tabeller(b)]


def struktur(pdf: bytes) -> dict[str, Any]:
    """What the test checks, read while the PDF is open: catalog entries, element types in order, each table's types."""
    with pikepdf.open(io.BytesIO(pdf)) as dokument:
        rot = dokument.Root
        trad = rot.get("/StructTreeRoot")
        xmp = dokument.open_metadata()
        return {
            "pdfa": (str(xmp.get("pdfaid:part", "")), str(xmp.get("pdfaid:conformance", ""))),
            "datum": (str(dokument.docinfo.get("/CreationDate", "")), str(xmp.get("xmp:CreateDate", ""))),
            "strukturtrad": trad is not None,
            "sprak": str(rot.get("/Lang", "")),
            "markerad": bool(rot.MarkInfo.Marked) if "/MarkInfo" in rot else False,
            "taggar": _taggar(trad) if trad is not None else [],
            "tabeller": [_taggar(t) for t in _tabeller(trad)] if trad is not None else [],
        }


def _datum_info(d: str) -> str:
    """D:20191128093000+01'00 → 2019-11-28T09:30:00 (the Info dictionary's date as the XMP writes it, without zone)."""
    d = d.removeprefix("D:")
    return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}"


def test_varje_registrerad_dokumenttyp_har_ett_fall() -> None:
    assert sorted(DOKUMENTTYPER) == sorted(FALL)


@pytest.mark.parametrize("typ", sorted(FALL))
def test_dokumenttypen_ar_taggad(forbund: Forbund, typ: str) -> None:
    dokument = Dokument(forbund=forbund, typ=typ, titel=typ, nyckel=f"test:{typ}", parametrar=FALL[typ](forbund))
    pdf = DOKUMENTTYPER[typ].bygg(dokument, lambda procent, text: None)
    s = struktur(pdf)
    assert s["strukturtrad"], f"{typ}: inget strukturträd"
    assert (s["sprak"], s["markerad"]) == ("sv", True), typ
    assert s["taggar"][0] == "/Document" and "/H1" in s["taggar"], f"{typ}: {s['taggar'][:8]}"
    assert s["pdfa"] == ("3", "A"), f"{typ}: PDF/A-identifiering {s['pdfa']}"
    info, xmp = s["datum"]  # the Info dictionary and the XMP metadata name the same creation time (to the second)
    assert info and xmp and _datum_info(info) == xmp[:19], f"{typ}: Info {info} mot XMP {xmp}"
    utan_rubrikceller = [t[:6] for t in s["tabeller"] if "/TH" not in t]
    assert utan_rubrikceller == [], f"{typ}: tabeller utan rubrikceller (TH)"
