"""A streaming parser for SIE files, types 1, 2, 3, 4E and 4I (SIE filformat, version 4B).

Pure: bytes in, a `SieFil` out, or a `ValidationError` with a Swedish message naming the row and the value.
The format is line based: `#LABEL field field …`, strings in double quotes (`\\"` is a quote, `\\\\` a backslash),
object lists in braces, and vouchers (`#VER`) whose transactions (`#TRANS`) sit between `{` and `}`.
Unknown labels are ignored, as the format requires. Vouchers are handed one at a time to `pa_verifikation`
(so a large file is never held as objects); without it they are collected in `SieFil.verifikationer`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zlib
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from finsam.formatting import tal

from .avkodning import kodning_for
from .modell import NOLL, SALDOTYPER, Periodpost, SieFil, Ver

TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([{}])|([^\s"{}]+)|"(.*)$')
ESCAPE = re.compile(r'\\(["\\])')
TRANSRADER = frozenset({"#TRANS", "#RTRANS", "#BTRANS"})
# The common #TRANS line (konto, no objects, amount, optionally a date and a text without escapes), read in one match;
# every other shape goes through the general tokenizer. Fields: account, amount, date (or ""), text.
TRANS_SNABB = re.compile(r'#TRANS\s+([0-9]{1,9})\s+\{\s*\}\s+(-?[0-9]+(?:\.[0-9]+)?)(?:\s+([0-9]{8}|"")(?:\s+"([^"\\]*)")?)?')
# The common #VER line: series and number bare or quoted, the date, optionally a text, a registration date and a
# signature (quoted, without escapes). Fields: series (quoted, bare), number (quoted, bare), date, text, regdate, sign.
_FALT = r'(?:"([^"\\]*)"|([^\s"{}]+))'
VER_SNABB = re.compile(rf'#VER\s+{_FALT}\s+{_FALT}\s+([0-9]{{8}})(?:\s+"([^"\\]*)")?(?:\s+([0-9]{{8}}))?(?:\s+"([^"\\]*)")?')
# Programs known to write vouchers on accounts they do not declare with #KONTO (payroll, invoicing and asset
# registers export only their postings; the ledger holds the chart).
UTAN_KONTOPLAN = ("LÖN", "LON", "FAKTURERING", "ANLÄGGNINGSREGISTER", "ANLAGGNINGSREGISTER", "ORDER")
MAX_KONTO = 999_999_999

Verifikationsmottagare = Callable[[Ver], None]


def _fel(rad: int, text: str) -> ValidationError:
    return ValidationError(f"SIE-filen, rad {rad}: {text}")


def tokens(line: str) -> list[str]:
    """Split a SIE line into fields: quoted strings (with escapes), braces, bare words."""
    if '"' not in line:
        return line.replace("{", " { ").replace("}", " } ").split()
    out: list[str] = []
    for citat, klammer, ord_, oavslutat in TOKEN.findall(line):
        if klammer:
            out.append(klammer)
        elif ord_:
            out.append(ord_)
        else:
            out.append(ESCAPE.sub(r"\1", citat or oavslutat))
    return out


def _tokens_och_ksumma(line: str) -> tuple[list[str], str]:
    """The fields, and the characters the checksum covers, in one pass over a line with quoted strings."""
    falt: list[str] = []
    delar: list[str] = []
    for citat, klammer, ord_, oavslutat in TOKEN.findall(line):
        if klammer:
            falt.append(klammer)
            continue
        varde = ord_ or ESCAPE.sub(r"\1", citat or oavslutat)
        falt.append(varde)
        delar.append(varde)
    return falt, "".join(delar)


def _ksumma_delar(line: str) -> str:
    """The characters the checksum covers on a line: every field's content, without quotes, braces and separators."""
    return "".join(ESCAPE.sub(r"\1", c or o) if (c or o) else w for c, _k, w, o in TOKEN.findall(line))


_DATUM: dict[str, dt.date] = {}


def _datum(varde: str, rad: int) -> dt.date:
    d = _DATUM.get(varde)
    if d is not None:
        return d
    try:
        if len(varde) != 8 or not varde.isdigit():
            raise ValueError(varde)
        d = dt.date(int(varde[:4]), int(varde[4:6]), int(varde[6:]))
    except ValueError as exc:
        raise _fel(rad, f"ogiltigt datum {varde!r} (ska skrivas ÅÅÅÅMMDD).") from exc
    if len(_DATUM) < 20_000:
        _DATUM[varde] = d
    return d


def _belopp(varde: str, rad: int) -> Decimal:
    try:
        v = Decimal(varde.replace(",", "."))
    except InvalidOperation as exc:
        raise _fel(rad, f"ogiltigt belopp {varde!r}.") from exc
    if not v.is_finite():
        raise _fel(rad, f"ogiltigt belopp {varde!r}.")
    return v


def _konto(varde: str, rad: int) -> int:
    if not varde.isdigit() or int(varde) > MAX_KONTO:
        raise _fel(rad, f"ogiltigt kontonummer {varde!r}.")
    return int(varde)


def _arsnr(varde: str, rad: int) -> int:
    try:
        return int(varde)
    except ValueError as exc:
        raise _fel(rad, f"ogiltigt årsnummer {varde!r} (0 = räkenskapsåret, -1 = året före).") from exc


def _objektlista(falt: list[str], start: int) -> tuple[list[str], int]:
    """The fields inside `{…}` beginning at `start`, and the index after the closing brace."""
    slut = falt.index("}", start) if "}" in falt[start:] else len(falt)
    return falt[start + 1 : slut], slut + 1


class _Tolk:
    def __init__(self, pa_verifikation: Verifikationsmottagare | None) -> None:
        self.fil = SieFil()
        self.pa_verifikation = pa_verifikation
        self.odeklarerade: dict[int, int] = {}  # account -> first row
        self.forsta: tuple[dt.date, int, str] | None = None  # the earliest and latest voucher (date, row, name)
        self.sista: tuple[dt.date, int, str] | None = None

    # -- labels outside vouchers -------------------------------------------------------------------------------
    def etikett(self, etikett: str, arg: list[str], nr: int) -> None:
        fil = self.fil
        if etikett in ("#IB", "#UB", "#RES"):
            if len(arg) < 3:
                raise _fel(nr, f"{etikett} kräver årsnummer, konto och belopp.")
            if not arg[1].isdigit() and _belopp(arg[2], nr) == 0:
                return self.utan_nummer(arg[1], nr)
            nyckel = (_arsnr(arg[0], nr), _konto(arg[1], nr))
            tabell = fil.ib if etikett == "#IB" else fil.ub if etikett == "#UB" else fil.res
            tabell[nyckel] = tabell.get(nyckel, NOLL) + _belopp(arg[2], nr)
        elif etikett in ("#KONTO", "#KTYP", "#SRU") and arg and not arg[0].isdigit():
            self.utan_nummer(arg[0], nr)
        elif etikett == "#KONTO":
            if not arg:
                raise _fel(nr, "#KONTO saknar kontonummer.")
            fil.konton[_konto(arg[0], nr)] = arg[1] if len(arg) > 1 else ""
        elif etikett == "#KTYP" and len(arg) >= 2:
            fil.ktyp[_konto(arg[0], nr)] = arg[1].upper()[:1]
        elif etikett == "#PSALDO" or etikett in ("#OIB", "#OUB"):
            self.periodpost(etikett, arg, nr)
        elif etikett == "#RAR" and len(arg) == 1:
            fil.varningar.append(f"Rad {nr}: #RAR {arg[0]} saknar datum och används inte.")
        elif etikett == "#RAR":
            if len(arg) < 3:
                raise _fel(nr, "#RAR kräver årsnummer, start- och slutdatum.")
            fran, tom = _datum(arg[1], nr), _datum(arg[2], nr)
            if fran > tom:
                raise _fel(nr, f"#RAR {arg[0]} börjar {fran:%Y-%m-%d}, efter att det slutar {tom:%Y-%m-%d}.")
            fil.rar[_arsnr(arg[0], nr)] = (fran, tom)
        elif etikett == "#SIETYP" and arg:
            fil.sietyp = arg[0].strip()
        elif etikett == "#FORMAT" and arg:
            fil.format = arg[0]
        elif etikett == "#PROGRAM" and arg:
            fil.program, fil.programversion = arg[0], " ".join(arg[1:])
        elif etikett == "#GEN" and arg:
            fil.gen_datum = _datum(arg[0], nr)
            fil.gen_sign = arg[1] if len(arg) > 1 else ""
        elif etikett == "#ORGNR" and arg:
            fil.orgnr = arg[0]
        elif etikett == "#FNAMN" and arg:
            fil.fnamn = arg[0]
        elif etikett == "#KPTYP" and arg:
            fil.kptyp = arg[0]
        elif etikett == "#DIM" and arg:
            fil.dimensioner[int(arg[0]) if arg[0].isdigit() else 0] = arg[1] if len(arg) > 1 else ""
        elif etikett == "#OBJEKT" and len(arg) >= 2 and arg[0].isdigit():
            fil.objekt[(int(arg[0]), arg[1])] = arg[2] if len(arg) > 2 else ""
        # Every other label (#FLAGGA, #PROSA, #FTYP, #FNR, #ADRESS, #BKOD, #TAXAR, #OMFATTN, #VALUTA, #SRU, #ENHET,
        # #UNDERDIM, #PBUDGET, … and labels of later versions) carries nothing the accounts use: ignored.

    def utan_nummer(self, konto: str, nr: int) -> None:
        """A program's own non-numeric account (SoftOne's "FEL"/"DIFF"): skipped where it carries no amount."""
        varning = f"Kontot {konto!r} har inget kontonummer och används inte (första gången rad {nr})."
        if not any(v.startswith(f"Kontot {konto!r} ") for v in self.fil.varningar):
            self.fil.varningar.append(varning)

    def periodpost(self, etikett: str, arg: list[str], nr: int) -> None:
        if etikett in ("#PSALDO", "#OIB", "#OUB") and len(arg) >= 3 and not arg[2 if etikett == "#PSALDO" else 1].isdigit():
            return self.utan_nummer(arg[2 if etikett == "#PSALDO" else 1], nr)  # object and period balances: not in the statements
        if etikett == "#PSALDO":
            if len(arg) < 4:
                raise _fel(nr, "#PSALDO kräver årsnummer, period, konto och saldo.")
            rar, period, konto = _arsnr(arg[0], nr), arg[1], _konto(arg[2], nr)
            if not (len(period) == 6 and period.isdigit() and 1 <= int(period[4:]) <= 12):
                raise _fel(nr, f"ogiltig period {period!r} (ska skrivas ÅÅÅÅMM).")
            rest = arg[3:]
        else:
            if len(arg) < 3:
                raise _fel(nr, f"{etikett} kräver årsnummer, konto, objekt och saldo.")
            rar, period, konto, rest = _arsnr(arg[0], nr), "0", _konto(arg[1], nr), arg[2:]
        objekt: list[str] = []
        if rest and rest[0] == "{":
            objekt, i = _objektlista(rest, 0)
            rest = rest[i:]
        if not rest:
            raise _fel(nr, f"{etikett} saknar saldo.")
        dim, obj = (int(objekt[0]) if objekt[0].isdigit() else None, objekt[1]) if len(objekt) >= 2 else (None, "")
        self.fil.perioder.append(
            Periodpost(typ=etikett[1:].lower(), rar=rar, period=int(period), konto=konto, dimension=dim, objekt=obj[:40], belopp=_belopp(rest[0], nr))
        )

    # -- vouchers ------------------------------------------------------------------------------------------------
    def ny_ver(self, arg: list[str], nr: int) -> Ver:
        if len(arg) < 3:
            raise _fel(nr, "#VER kräver serie, nummer och datum.")
        return Ver(serie=arg[0], nummer=arg[1], datum=_datum(arg[2], nr), text=arg[3] if len(arg) > 3 else "", rad=nr)

    def trans(self, ver: Ver, falt: list[str], nr: int) -> None:
        if len(falt) < 3:
            raise _fel(nr, f"#TRANS i verifikation {ver.namn} kräver konto och belopp.")
        k = falt[1]
        konto = int(k) if k.isdigit() and len(k) < 10 else _konto(k, nr)
        i = 2
        if falt[2] == "{":
            i = 4 if len(falt) > 3 and falt[3] == "}" else _objektlista(falt, 2)[1]
        n = len(falt)
        if i >= n:
            raise _fel(nr, f"#TRANS i verifikation {ver.namn} saknar belopp.")
        belopp = _belopp(falt[i], nr)
        if konto not in self.fil.konton and konto not in self.odeklarerade:
            self.odeklarerade[konto] = nr
        datum = _datum(falt[i + 1], nr) if n > i + 1 and falt[i + 1] else ver.datum
        text = falt[i + 2] if n > i + 2 else ""
        ver.trans.append((konto, belopp, datum, text))

    def ver_klar(self, ver: Ver, nr: int) -> None:
        fil = self.fil
        trans = ver.trans
        if not trans:
            raise _fel(ver.rad, f"verifikation {ver.namn} ({ver.datum:%Y-%m-%d}) saknar transaktionsrader. Filen importerades inte.")
        summa = sum([t[1] for t in trans], NOLL)
        if summa:
            raise _fel(
                ver.rad,
                f"verifikation {ver.namn} ({ver.datum:%Y-%m-%d}) balanserar inte: debet och kredit skiljer "
                f"{tal(summa, 2)} kr. Filen importerades inte.",
            )
        rar0 = fil.rar.get(0)
        if rar0 is not None and not rar0[0] <= ver.datum <= rar0[1]:
            raise _fel(
                ver.rad,
                f"verifikation {ver.namn} är daterad {ver.datum:%Y-%m-%d}, utanför räkenskapsåret "
                f"{rar0[0]:%Y-%m-%d} – {rar0[1]:%Y-%m-%d}. Filen importerades inte.",
            )
        rorelse = fil.rorelse
        for konto, belopp, _d, _t in trans:
            rorelse[konto] = rorelse.get(konto, NOLL) + belopp
        fil.antal_verifikationer += 1
        fil.antal_transaktioner += len(trans)
        datum = ver.datum
        if fil.forsta_datum is None or datum < fil.forsta_datum:
            fil.forsta_datum, self.forsta = datum, (datum, ver.rad, ver.namn)
        if fil.sista_datum is None or datum > fil.sista_datum:
            fil.sista_datum, self.sista = datum, (datum, ver.rad, ver.namn)
        if self.pa_verifikation is not None:
            self.pa_verifikation(ver)
        else:
            fil.verifikationer.append(ver)

    # -- the end ---------------------------------------------------------------------------------------------------
    def avsluta(self) -> None:
        fil = self.fil
        fil.har_saldon = bool(fil.ib or fil.ub or fil.res)
        if not fil.sietyp:
            raise ValidationError("Filen saknar #SIETYP och är inte en SIE-fil.")
        if fil.sietyp not in (*SALDOTYPER, "4"):
            raise ValidationError(f"Filen anger #SIETYP {fil.sietyp}; SIE-typerna är 1, 2, 3 och 4.")
        if fil.typ != "4I" and 0 not in fil.rar:
            raise ValidationError("SIE-filen saknar #RAR 0 (räkenskapsårets början och slut).")
        rar0 = fil.rar.get(0)
        if rar0 is not None:  # vouchers written before #RAR 0
            for datum, rad, namn in (v for v in (self.forsta, self.sista) if v is not None):
                if not rar0[0] <= datum <= rar0[1]:
                    raise _fel(
                        rad,
                        f"verifikation {namn} är daterad {datum:%Y-%m-%d}, utanför räkenskapsåret "
                        f"{rar0[0]:%Y-%m-%d} – {rar0[1]:%Y-%m-%d}. Filen importerades inte.",
                    )
        if self.odeklarerade and fil.konton:
            konto, rad = min(self.odeklarerade.items(), key=lambda p: p[1])
            text = f"{len(self.odeklarerade)} konton i verifikationerna saknar #KONTO i filen, det första {konto} (rad {rad})"
            if any(ord_ in fil.program.upper() for ord_ in UTAN_KONTOPLAN):
                fil.varningar.append(f"{text}; {fil.program} brukar inte skriva ut kontoplanen, så kontonamnen hämtas från tidigare import.")
            else:
                raise _fel(
                    rad,
                    f"konto {konto} används i en verifikation men finns inte i filens kontoplan (#KONTO). "
                    "Filen är ofullständig och importerades inte.",
                )
        elif self.odeklarerade:
            fil.varningar.append(f"Filen har ingen kontoplan (#KONTO); {len(self.odeklarerade)} konton saknar namn.")
        if fil.sietyp in SALDOTYPER and fil.antal_verifikationer:
            fil.varningar.append(f"SIE typ {fil.sietyp} ska inte innehålla verifikationer; {fil.antal_verifikationer} lästes men används inte.")


def las_sie(data: bytes, *, pa_verifikation: Verifikationsmottagare | None = None, framsteg: Callable[[int, int], None] | None = None) -> SieFil:
    """Parse and validate a SIE file of any type. Refuses, naming the row: an unbalanced, empty or out-of-year voucher,
    a #TRANS on an undeclared account, a #KSUMMA mismatch, a truncated file, a #RAR ending before it starts."""
    kodning, hoppa = kodning_for(data)
    tolk = _Tolk(pa_verifikation)
    fil = tolk.fil
    fil.kodning = kodning.namn
    strom = io.TextIOWrapper(io.BytesIO(data), encoding=kodning.python, errors="strict", newline=None)
    if hoppa:
        strom.read(1)  # the byte order mark
    aktuell: Ver | None = None
    i_block = False
    konton, odeklarerade = fil.konton, tolk.odeklarerade
    trans_snabb, ver_snabb = TRANS_SNABB.fullmatch, VER_SNABB.fullmatch
    koda = kodning.koda
    crc: int | None = None  # running checksum after an opening #KSUMMA
    ksumma_slut = False
    sista = 0
    storlek = len(data) or 1
    nasta_rapport = storlek // 20
    position = 0
    nr = 0
    try:
        for nr, rad in enumerate(strom, start=1):
            position += len(rad)
            if framsteg is not None and position >= nasta_rapport:
                framsteg(position, storlek)
                nasta_rapport += storlek // 20
            rad = rad.strip()
            if not rad:
                continue
            sista = nr
            if ksumma_slut:
                raise _fel(nr, "rader efter den avslutande #KSUMMA.")
            if i_block and (m := trans_snabb(rad)) is not None:  # the common #TRANS line: one match, no tokenizing
                assert aktuell is not None
                k, b, d, text = m.groups()
                konto = int(k)
                if konto not in konton and konto not in odeklarerade:
                    odeklarerade[konto] = nr
                if d is None or d == '""':
                    d = ""
                    datum = aktuell.datum
                else:
                    datum = _datum(d, nr)
                aktuell.trans.append((konto, Decimal(b), datum, text or ""))
                if crc is not None:
                    delar = f"#TRANS{k}{b}{d}{text}" if text else f"#TRANS{k}{b}{d}"
                    crc = zlib.crc32(delar.encode("ascii") if delar.isascii() else koda(delar), crc)
                continue
            if aktuell is None and (m := ver_snabb(rad)) is not None:  # the common #VER line
                sq, sb, nq, nb, d, text, regdatum, sign = m.groups()
                serie, nummer = sq if sb is None else sb, nq if nb is None else nb
                aktuell = Ver(serie=serie, nummer=nummer, datum=_datum(d, nr), text=text or "", rad=nr)
                if crc is not None:
                    delar = f"#VER{serie}{nummer}{d}{text or ''}{regdatum or ''}{sign or ''}"
                    crc = zlib.crc32(delar.encode("ascii") if delar.isascii() else koda(delar), crc)
                continue
            if rad[0] == "{" and len(rad) == 1:
                if aktuell is None or i_block:
                    raise _fel(nr, "en klammer { utan föregående #VER.")
                i_block = True
                continue
            if rad[0] == "}" and len(rad) == 1:
                if aktuell is None or not i_block:
                    raise _fel(nr, "en klammer } utan öppnad verifikation.")
                tolk.ver_klar(aktuell, nr)
                aktuell, i_block = None, False
                continue
            if rad[0] != "#":
                raise _fel(nr, f"raden börjar inte med en etikett (#): {rad[:40]!r}.")
            if crc is not None and '"' in rad:
                falt, delar = _tokens_och_ksumma(rad)
            else:
                falt = tokens(rad)
                delar = "".join(falt).replace("{", "").replace("}", "") if crc is not None else ""
            etikett = falt[0].upper()
            if etikett == "#KSUMMA":
                if crc is None:
                    if len(falt) > 1:
                        raise _fel(nr, "#KSUMMA med en kontrollsumma utan en inledande #KSUMMA.")
                    crc = 0
                    continue
                if len(falt) < 2 or not falt[1].isdigit():
                    raise _fel(nr, f"den avslutande #KSUMMA saknar kontrollsumma: {rad[:40]!r}.")
                if int(falt[1]) != crc:
                    raise _fel(
                        nr,
                        f"kontrollsumman stämmer inte: filen anger #KSUMMA {falt[1]} men innehållet ger {crc}. "
                        "Filen har ändrats eller skadats efter exporten och importerades inte.",
                    )
                fil.ksumma, ksumma_slut = "ok", True
                continue
            if crc is not None:
                crc = zlib.crc32(delar.encode("ascii") if delar.isascii() else koda(delar), crc)
            if i_block:
                if etikett == "#TRANS":
                    assert aktuell is not None
                    tolk.trans(aktuell, falt, nr)
                elif etikett not in TRANSRADER:  # #RTRANS/#BTRANS: a later addition (repeated as #TRANS) or a removed row
                    raise _fel(nr, f"{etikett} får inte stå inuti verifikation {aktuell.namn if aktuell else ''}.")
                continue
            if aktuell is not None:
                raise _fel(nr, f"verifikation {aktuell.namn} saknar transaktioner inom {{ }}.")
            if etikett == "#VER":
                aktuell = tolk.ny_ver(falt[1:], nr)
                continue
            if etikett in TRANSRADER:
                raise _fel(nr, f"{etikett} utanför en verifikation.")
            tolk.etikett(etikett, falt[1:], nr)
    except UnicodeDecodeError as exc:
        raise ValidationError(f"SIE-filen, rad {nr + 1}: tecken som inte finns i {kodning.namn}. Exportera filen igen som SIE (PC8).") from exc
    if aktuell is not None:
        raise ValidationError(
            f"SIE-filen slutar mitt i verifikation {aktuell.namn} (rad {aktuell.rad}); klammern }} saknas. Filen är avkortad och importerades inte."
        )
    if crc is not None and not ksumma_slut:
        raise ValidationError(
            f"SIE-filen är avkortad: den börjar med #KSUMMA men den avslutande kontrollsumman saknas "
            f"(sista raden är rad {sista}). Filen importerades inte."
        )
    tolk.avsluta()
    if b"\xef\xbf\xbd" in data:
        fil.varningar.append(
            "Filen innehåller ersättningstecknet � i stället för bokstäver: de förstördes redan när filen sparades. "
            "Exportera den igen från ekonomisystemet om namnen ska bli rätt."
        )
    return fil
