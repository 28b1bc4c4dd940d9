"""The annual report's tables fit the page (issue 12: a report a revisor reads): no word runs past the right edge of
the text area and no two words on a line overprint each other. Read with poppler's pdftotext -bbox (poppler-utils is a
system dependency, see scripts/system-deps.sh), on a report whose figures have as many digits as a real förbund's."""

from __future__ import annotations

import copy
import html
import itertools
import re
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from finsam.models import Forbund
from rapporter import pdf, selectors

from .test_underlag import bas  # noqa: F401  (the consistent report as a fixture)

pytestmark = pytest.mark.django_db
ORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
SIDA = re.compile(r"<page [^>]*>(.*?)</page>", re.S)


def ord_per_sida(data: bytes, tmp: Path) -> list[list[tuple[float, float, float, str]]]:
    fil = tmp / "r.pdf"
    fil.write_bytes(data)
    ut = subprocess.run(["pdftotext", "-bbox", str(fil), "-"], capture_output=True, text=True, check=True).stdout
    return [  # the draft's watermark (70 pt letters, rotated) is left out
        [(float(x0), float(y0), float(x1), html.unescape(t)) for x0, y0, x1, y1, t in ORD.findall(sida) if float(y1) - float(y0) < 20]
        for sida in SIDA.findall(ut)
    ]


def fel_i_sattningen(sidor: list[list[tuple[float, float, float, str]]]) -> list[str]:
    fel = []
    for nr, ord_ in enumerate(sidor, 1):
        huvud = [x1 for _x0, y0, x1, _t in ord_ if y0 < 60]  # the running header's right end: the text area's edge
        if not huvud:  # the cover has no running header
            continue
        hogerkant = max(huvud)
        fel += [f"sida {nr}: ”{t}” slutar {x1 - hogerkant:.1f} pt utanför kanten" for _x0, _y0, x1, t in ord_ if x1 > hogerkant + 1]
        rader: dict[int, list[tuple[float, float, str]]] = {}
        for x0, y0, x1, t in ord_:
            rader.setdefault(round(y0), []).append((x0, x1, t))
        for rad in rader.values():
            rad.sort()
            fel += [f"sida {nr}: ”{a[2]}” och ”{b[2]}” skrivs över varandra" for a, b in itertools.pairwise(rad) if b[0] < a[1] - 0.5]
    return fel


def test_tabellerna_ryms_pa_sidan(bas: dict[str, Any], forbund: Forbund, tmp_path: Path) -> None:  # noqa: F811
    d = copy.deepcopy(bas)
    for rad in d["flerarsoversikt"]["ar"]:  # a real förbund's size: seven-digit amounts, negative where they are costs
        rad.update(intakter=Decimal("5619750"), kostnader=Decimal("-5791245"), arets_resultat=Decimal("-171495"), eget_kapital=Decimal("1418505"))
        rad.update(soliditet=Decimal("0.915"), deltagare=301, kalla="Bokföringen")
    sidor = ord_per_sida(pdf.arsredovisning_pdf(selectors.rendera.kontext(d, forbund)), tmp_path)
    fel = fel_i_sattningen(sidor)
    assert fel == [], "\n".join(fel)
