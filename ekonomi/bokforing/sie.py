"""A parser for SIE type 4 (the Swedish standard export of every accounting system).

Pure: bytes in, a `SieFil` out, or a `ValidationError` with a Swedish message naming the line or
the voucher. The format is line based: `#LABEL field field …`, strings in double quotes,
object lists in braces, and vouchers (`#VER`) whose transactions (`#TRANS`) sit between `{` and `}`.
Files are in CP437 (`#FORMAT PC8`, which the standard prescribes) unless they start with a UTF-8 BOM.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from finsam.formatting import tal

NOLL = Decimal("0.00")


@dataclass
class Trans:
    konto: int
    belopp: Decimal
    datum: dt.date
    text: str = ""


@dataclass
class Ver:
    serie: str
    nummer: str
    datum: dt.date
    text: str
    rad: int
    trans: list[Trans] = field(default_factory=list)

    @property
    def namn(self) -> str:
        return f"{self.serie} {self.nummer}".strip()


@dataclass
class SieFil:
    sietyp: str = ""
    format: str = ""
    program: str = ""
    fnamn: str = ""
    rar: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)
    konton: dict[int, str] = field(default_factory=dict)
    ib: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    ub: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    res: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    verifikationer: list[Ver] = field(default_factory=list)


def _fel(rad: int, text: str) -> ValidationError:
    return ValidationError(f"SIE-filen, rad {rad}: {text}")


TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"?|([{}])|([^\s"{}]+)')
ESCAPE = re.compile(r"\\(.)")


def tokens(line: str) -> list[str]:
    """Split a SIE line into fields: quoted strings (\\" escapes a quote), braces, bare words."""
    out: list[str] = []
    for citat, klammer, ord_ in TOKEN.findall(line):
        out.append(ord_ or klammer or ESCAPE.sub(r"\1", citat))
    return out


def _datum(varde: str, rad: int) -> dt.date:
    try:
        if len(varde) != 8 or not varde.isdigit():
            raise ValueError(varde)
        return dt.date(int(varde[:4]), int(varde[4:6]), int(varde[6:]))
    except ValueError as exc:
        raise _fel(rad, f"ogiltigt datum {varde!r} (ska skrivas ÅÅÅÅMMDD).") from exc


def _belopp(varde: str, rad: int) -> Decimal:
    try:
        return Decimal(varde.replace(",", "."))
    except InvalidOperation as exc:
        raise _fel(rad, f"ogiltigt belopp {varde!r}.") from exc


def _konto(varde: str, rad: int) -> int:
    if not varde.isdigit():
        raise _fel(rad, f"ogiltigt kontonummer {varde!r}.")
    return int(varde)


def _utan_objekt(falt: list[str]) -> list[str]:
    """Drop an object list `{…}` (dimension references) from the fields."""
    if "{" not in falt:
        return falt
    start = falt.index("{")
    slut = falt.index("}", start) if "}" in falt[start:] else len(falt) - 1
    return falt[:start] + falt[slut + 1 :]


def avkoda(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    return data.decode("cp437")


def las_sie(data: bytes) -> SieFil:
    """Parse a SIE type 4 file. Refuses unbalanced vouchers, naming the voucher."""
    fil = SieFil()
    aktuell: Ver | None = None
    i_block = False
    for nr, rad in enumerate(avkoda(data).splitlines(), start=1):
        rad = rad.strip()
        if not rad:
            continue
        if rad == "{":
            if aktuell is None or i_block:
                raise _fel(nr, "en klammer { utan föregående #VER.")
            i_block = True
            continue
        if rad == "}":
            if aktuell is None or not i_block:
                raise _fel(nr, "en klammer } utan öppnad verifikation.")
            _kontrollera_balans(aktuell)
            fil.verifikationer.append(aktuell)
            aktuell, i_block = None, False
            continue
        if not rad.startswith("#"):
            raise _fel(nr, "raden börjar inte med en etikett (#).")
        falt = tokens(rad)
        etikett, arg = falt[0].upper(), falt[1:]
        if aktuell is not None and not i_block:
            raise _fel(nr, f"verifikation {aktuell.namn} saknar transaktioner inom {{ }}.")
        if i_block and etikett not in {"#TRANS", "#RTRANS", "#BTRANS"}:
            raise _fel(nr, f"{etikett} får inte stå inuti verifikation {aktuell.namn if aktuell else ''}.")
        _tolka(fil, etikett, arg, nr, aktuell)
        if etikett == "#VER":
            aktuell = _ny_ver(arg, nr)
    if aktuell is not None:
        raise ValidationError(f"SIE-filen slutar mitt i verifikation {aktuell.namn} (rad {aktuell.rad}); klammern }} saknas.")
    if not fil.sietyp:
        raise ValidationError("Filen saknar #SIETYP och är inte en SIE-fil.")
    if fil.sietyp != "4":
        raise ValidationError(f"Filen är SIE typ {fil.sietyp}; importera en SIE typ 4-fil (med verifikationer).")
    if 0 not in fil.rar:
        raise ValidationError("SIE-filen saknar #RAR 0 (räkenskapsårets början och slut).")
    return fil


def _ny_ver(arg: list[str], nr: int) -> Ver:
    if len(arg) < 3:
        raise _fel(nr, "#VER kräver serie, nummer och datum.")
    return Ver(serie=arg[0], nummer=arg[1], datum=_datum(arg[2], nr), text=arg[3] if len(arg) > 3 else "", rad=nr)


def _tolka(fil: SieFil, etikett: str, arg: list[str], nr: int, ver: Ver | None) -> None:
    if etikett == "#SIETYP" and arg:
        fil.sietyp = arg[0]
    elif etikett == "#FORMAT" and arg:
        fil.format = arg[0]
    elif etikett == "#PROGRAM" and arg:
        fil.program = " ".join(arg)
    elif etikett == "#FNAMN" and arg:
        fil.fnamn = arg[0]
    elif etikett == "#RAR":
        if len(arg) < 3:
            raise _fel(nr, "#RAR kräver årsnummer, start- och slutdatum.")
        fil.rar[int(arg[0])] = (_datum(arg[1], nr), _datum(arg[2], nr))
    elif etikett == "#KONTO":
        if len(arg) < 1:
            raise _fel(nr, "#KONTO saknar kontonummer.")
        fil.konton[_konto(arg[0], nr)] = arg[1] if len(arg) > 1 else ""
    elif etikett in {"#IB", "#UB", "#RES"}:
        if len(arg) < 3:
            raise _fel(nr, f"{etikett} kräver årsnummer, konto och belopp.")
        nyckel = (int(arg[0]), _konto(arg[1], nr))
        tabell = {"#IB": fil.ib, "#UB": fil.ub, "#RES": fil.res}[etikett]
        tabell[nyckel] = tabell.get(nyckel, NOLL) + _belopp(arg[2], nr)
    elif etikett == "#TRANS":
        assert ver is not None
        falt = _utan_objekt(arg)
        if len(falt) < 2:
            raise _fel(nr, f"#TRANS i verifikation {ver.namn} kräver konto och belopp.")
        datum = _datum(falt[2], nr) if len(falt) > 2 and falt[2] else ver.datum
        text = falt[3] if len(falt) > 3 else ""
        ver.trans.append(Trans(konto=_konto(falt[0], nr), belopp=_belopp(falt[1], nr), datum=datum, text=text))
    # Other labels (#FLAGGA, #ORGNR, #ADRESS, #KPTYP, #DIM, #OBJEKT, #RTRANS, #BTRANS, #SRU, #GEN …) carry nothing we use.


def _kontrollera_balans(ver: Ver) -> None:
    summa = sum((t.belopp for t in ver.trans), NOLL)
    if summa != 0:
        raise ValidationError(
            f"Verifikation {ver.namn} ({ver.datum:%Y-%m-%d}, rad {ver.rad}) balanserar inte: "
            f"debet och kredit skiljer {tal(summa, 2)} kr. Filen importerades inte."
        )
