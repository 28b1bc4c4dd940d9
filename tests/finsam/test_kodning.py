"""Encoding detection for uploaded CSV files (issue 15: charset-normalizer, never a silent guess)."""

from __future__ import annotations

import codecs

import pytest
from django.core.exceptions import ValidationError

from finsam.kodning import avkoda

TEXT = "kod;insats;kön;utbildning\nA-1;Återvändo;kvinna;gymnasium\nB-2;Ärlig väg;man;förgymnasial\nC-3;Öppna dörrar;kvinna;eftergymnasial\n"


@pytest.mark.parametrize(
    ("data", "kodning"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_varje_kodning_ger_samma_text(data: bytes, kodning: str) -> None:
    text, namn = avkoda(data)
    assert text == TEXT
    assert namn == kodning


def test_iso_8859_15_ger_samma_svenska_tecken() -> None:
    text, namn = avkoda(TEXT.encode("iso8859_15"))
    assert text == TEXT
    assert namn in {"Windows-1252", "ISO-8859-15"}


@pytest.mark.parametrize("data", [b"\x00\x01\x02\x03PK\x03\x04", bytes(range(128, 256)) * 4, b"\xff\xfe\x00\xd8"])
def test_binart_eller_oavgorbart_vagras_pa_svenska(data: bytes) -> None:
    with pytest.raises(ValidationError) as fel:
        avkoda(data)
    assert "Spara filen som" in fel.value.messages[0]
