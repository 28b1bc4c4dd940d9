"""Which character encoding a SIE file is really in.

The format prescribes PC8 (IBM code page 437), but programs write UTF-8, ISO-8859-1/15 or Windows-1252 too.
We never guess silently: the Swedish letters decide. Å, Ä, Ö, å, ä, ö (and é, ü) have distinct bytes in
CP437 and in the Latin encodings; a file whose letters are evidently in one of them is read in it, and the
import says which. A file with evidence for both, or with bytes that mean different things in the candidate
encodings, is refused.
"""

from __future__ import annotations

import codecs
import encodings.cp437
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

# å ä ö Å Ä Ö é ü between two ASCII letters, in each encoding
# (the letter first, then the look-behind: the regex engine then skips straight to candidate bytes, four times faster)
CP437_I_ORD = re.compile(rb"[\x86\x84\x94\x8f\x8e\x99\x82\x81](?<=[A-Za-z].)(?=[A-Za-z])")
LATIN_I_ORD = re.compile(rb"[\xe5\xe4\xf6\xc5\xc4\xd6\xe9\xfc](?<=[A-Za-z].)(?=[A-Za-z])")
DOMINANS = 10  # with letters of both kinds, one must outnumber the other this many times
# Bytes where ISO-8859-1 and ISO-8859-15 differ (€, Š, š, Ž, ž, Œ, œ, Ÿ against ¤ ¦ ¨ ´ ¸ ¼ ½ ¾)
LATIN1_LATIN9_SKILJER = bytes([0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE])
# Bytes 0x80–0x9F left undefined by Windows-1252
CP1252_ODEFINIERADE = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D])


# Python's cp437 codec encodes through a dictionary, one character at a time; a table built from its decoding table
# takes the fast path (the #KSUMMA check encodes every line with text).
_CP437_TABELL = codecs.charmap_build(encodings.cp437.decoding_table)


@dataclass(frozen=True)
class Kodning:
    python: str  # the codec name
    namn: str  # what the page shows

    def koda(self, text: str) -> bytes:
        """The text in this encoding (strict)."""
        if self.python == "cp437":
            return codecs.charmap_encode(text, "strict", _CP437_TABELL)[0]
        return text.encode(self.python)


CP437 = Kodning("cp437", "PC8 (CP437)")
UTF8 = Kodning("utf-8", "UTF-8")
LATIN = Kodning("iso-8859-15", "ISO-8859-1/ISO-8859-15 (Latin-1)")
CP1252 = Kodning("cp1252", "Windows-1252")


def kodning_for(data: bytes) -> tuple[Kodning, int]:
    """(the encoding, how many bytes to skip: a UTF-8 byte order mark). Refuses what cannot be told apart."""
    if data.startswith(b"\xef\xbb\xbf"):
        return UTF8, 3
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValidationError("SIE-filen är sparad som UTF-16; exportera den igen som SIE (PC8) från ekonomisystemet.")
    if data.isascii():
        return CP437, 0  # plain ASCII reads the same in every candidate
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return UTF8, 0
    # Only letters inside a word count: Swedish å, ä, ö sit between letters ("från", "förbund"), while CP437's box drawing
    # (0xC4 is ─) and Windows-1252's quotes (0x94 is ”) stand next to spaces.
    pc8, latin = len(CP437_I_ORD.findall(data)), len(LATIN_I_ORD.findall(data))
    if pc8 and latin and max(pc8, latin) < DOMINANS * min(pc8, latin):
        raise ValidationError(
            f"SIE-filens teckenkodning går inte att avgöra: {pc8} bokstäver är skrivna som i PC8 (CP437) och {latin} som i "
            "ISO-8859/Windows-1252. Exportera filen igen som SIE (PC8) från ekonomisystemet."
        )
    if latin > pc8:
        if any(0x80 <= b <= 0x9F for b in set(data)):
            odefinierade = [f"0x{b:02X}" for b in CP1252_ODEFINIERADE if bytes([b]) in data]
            if odefinierade:
                raise ValidationError(
                    f"SIE-filens teckenkodning går inte att avgöra: bokstäverna är skrivna som i ISO-8859/Windows-1252 men "
                    f"filen innehåller också tecknen {', '.join(odefinierade)}, som bara finns i PC8 (CP437). Exportera filen "
                    "igen som SIE (PC8) från ekonomisystemet."
                )
            return CP1252, 0
        skiljer = [f"0x{b:02X}" for b in LATIN1_LATIN9_SKILJER if bytes([b]) in data]
        if skiljer:
            raise ValidationError(
                "SIE-filens teckenkodning går inte att avgöra: den är skriven i ISO-8859-1 eller ISO-8859-15, och tecknen "
                f"{', '.join(skiljer)} betyder olika saker i dem. Exportera filen igen som SIE (PC8)."
            )
        return LATIN, 0
    return CP437, 0  # CP437 letters, or no letters to go by: the format's own encoding
