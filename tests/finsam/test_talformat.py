"""One library formats numbers for people (issue 15): Babel through finsam.formatting (tal, kr, tkr), never a hand-written
thousands separator (`f"{n:,}".replace(",", " ")`), which gave a plain space where the rest of the app writes a no-break
space, and a number that can wrap at the line end. Demo data is exempt: it copies the text people typed in the seeds."""

from __future__ import annotations

import re
from pathlib import Path

from finsam.formatting import kr, tal

ROOT = Path(__file__).resolve().parents[2]
APPAR = ["finsam", "styrelse", "insatser", "uppfoljning", "ekonomi", "rapporter", "forvaltning"]
TUSENTAL_FOR_HAND = re.compile(r":,(\.\d+f)?\}")


def handskrivna_tusental(rot: Path) -> list[str]:
    ut = []
    for app in APPAR:
        for fil in sorted((rot / app).rglob("*.py")):
            if "migrations" in fil.parts or fil.name.startswith("demo"):
                continue
            for nr, rad in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1):
                if TUSENTAL_FOR_HAND.search(rad):
                    ut.append(f"{fil.relative_to(rot)}:{nr}")
    return ut


def test_inga_handskrivna_tusentalsavgransare() -> None:
    assert handskrivna_tusental(ROOT) == []


def test_kontrollen_hittar_handskrivna_tusental(tmp_path: Path) -> None:
    (tmp_path / "insatser").mkdir()
    (tmp_path / "insatser" / "x.py").write_text('a = f"{n:,}".replace(",", " ")\nb = f"{m:,.0f} kr"\nc = f"{n:>5}"\n')
    assert handskrivna_tusental(tmp_path) == ["insatser/x.py:1", "insatser/x.py:2"]


def test_meddelandena_skriver_tal_som_resten_av_appen() -> None:
    assert (tal(10_000_000), kr(60_000)) == ("10\u00a0000\u00a0000", "60\u00a0000\u00a0kr")
