"""The checks every förbund/file command makes first: one Swedish wording for an unknown förbund or a missing file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from finsam.kommando import befintlig_fil, forbund_fran_slug

pytestmark = pytest.mark.django_db


def test_okant_forbund_och_saknad_fil(forbund: Any, tmp_path: Path) -> None:
    assert forbund_fran_slug(forbund.slug) == forbund
    with pytest.raises(CommandError, match=r"^Förbundet finns-ej finns inte\.$"):
        forbund_fran_slug("finns-ej")
    fil = tmp_path / "a.csv"
    with pytest.raises(CommandError, match="finns inte"):
        befintlig_fil(fil)
    fil.write_text("x")
    assert befintlig_fil(str(fil)) == fil


@pytest.mark.parametrize("kommando", ["import_insatser", "importera_delegationsordning", "import_deltagare", "import_sie"])
def test_importkommandona_vagrar_lika(forbund: Any, tmp_path: Path, kommando: str) -> None:
    with pytest.raises(CommandError, match=r"^Förbundet finns-ej finns inte\.$"):
        call_command(kommando, str(tmp_path / "x.csv"), "--forbund", "finns-ej")
    with pytest.raises(CommandError, match=r"^Filen .*x\.csv finns inte\.$"):
        call_command(kommando, str(tmp_path / "x.csv"), "--forbund", forbund.slug)
