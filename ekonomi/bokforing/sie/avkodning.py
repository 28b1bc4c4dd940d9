"""Which character encoding a SIE file is really in.

The format prescribes PC8 (IBM code page 437), but programs write UTF-8, ISO-8859-1/15 or Windows-1252 too.
We never guess silently: the Swedish letters decide. Å, Ä, Ö, å, ä, ö (and é, ü) have distinct bytes in
CP437 and in the Latin encodings; a file whose letters are evidently in one of them is read in it, and the
import says which. A file with evidence for both, or with bytes that mean different things in the candidate
encodings, is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError

# Swedish letters (and é, ü, É, Ü) as bytes
CP437_BOKSTAVER = bytes([0x86, 0x84, 0x94, 0x8F, 0x8E, 0x99, 0x82, 0x81, 0x90, 0x9A])
LATIN_BOKSTAVER = bytes([0xE5, 0xE4, 0xF6, 0xC5, 0xC4, 0xD6, 0xE9, 0xFC, 0xC9, 0xDC])
# Bytes where ISO-8859-1 and ISO-8859-15 differ (€, Š, š, Ž, ž, Œ, œ, Ÿ against ¤ ¦ ¨ ´ ¸ ¼ ½ ¾)
LATIN1_LATIN9_SKILJER = bytes([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE])
# Bytes 0x80–0x9F left undefined by Windows-1252
CP1252_ODEFINIERADE = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])
DOMINANS = 20  # one encoding's letters must outnumber the other's this many times to win


@dataclass(frozen=True)
class Kodning:
    python: str  # the codec name
    namn: str  # what the page shows


CP437 = Kodning("cp437", "PC8 (CP437)")
UTF8 = Kodning("utf-8", "UTF-8")
LATIN = Kodning("iso-8859-15", "ISO-8859-1/ISO-8859-15 (Latin-1)")
CP1252 = Kodning("cp1252", "Windows-1252")


def _antal(data: bytes, tecken: bytes) -> int:
    return sum(data.count(bytes([b])) for b in tecken)


def kodning_for(data: bytes) -> tuple[Kodning, int]:
    """(the encoding, how many bytes to skip: a UTF-8 byte order mark). Refuses what cannot be told apart."""
    if data.startswith(b"\xef\xbb\xbf"):
        return UTF8, 3
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError("SIE-filen är sparad som UTF-16; exportera den igen som SIE (PC8) från ekonomisystemet.")
    if max(data, default=0) < 0x80:
        return CP437, 0  # plain ASCII reads the same in every candidate
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UTF8, 0
    pc8, latin = _antal(data, CP437_BOKSTAVER), _antal(data, LATIN_BOKSTAVER)
    if pc8 and (not latin or pc8 >= DOMINANS * latin):
        return CP437, 0
    if latin and (not pc8 or latin >= DOMINANS * pc8):
        if any(0x80 <= b <= 0x9F for b in set(data)):
            odefinierade = [f"0x{b:02X}" for b in CP1252_ODEFINIERADE if bytes([b]) in data]
            if odefinierade:
                raise ValidationError(
                    "SIE-filens teckenkodning går inte att avgöra: bokstäverna är skrivna som i ISO-8859/Windows-1252 men "
                    f"filen innehåller också tecknen {', '.join(odefinierade)}, som saknas där. Exportera filen igen som SIE (PC8)."
                )
            return CP1252, 0
        skiljer = [f"0x{b:02X}" for b in LATIN1_LATIN9_SKILJER if bytes([b]) in data]
        if skiljer:
            raise ValidationError(
                "SIE-filens teckenkodning går inte att avgöra: den är skriven i ISO-8859-1 eller ISO-8859-15, och tecknen "
                f"{', '.join(skiljer)} betyder olika saker i dem. Exportera filen igen som SIE (PC8)."
            )
        return LATIN, 0
    if not pc8 and not latin:
        return CP437, 0  # no letters to go by: the format's own encoding (only symbols differ)
    raise ValidationError(
        f"SIE-filens teckenkodning går inte att avgöra: {pc8} bokstäver är skrivna som i PC8 (CP437) och {latin} som i "
        "ISO-8859/Windows-1252. Exportera filen igen som SIE (PC8) från ekonomisystemet."
    )
