"""What a SIE file holds, as plain data (the parser fills it; the import service stores it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

NOLL = Decimal("0.00")
SALDOTYPER = ("1", "2", "3")


def kontonyckel(konto: int) -> int:
    """The four-digit number an account is mapped by: 5- and 6-digit accounts by their first four digits,
    2- and 3-digit accounts (Kommun-Bas groups such as 301) padded to four (3010)."""
    siffror = len(str(konto))
    if siffror > 4:
        return konto // 10 ** (siffror - 4)
    if siffror < 4:
        return konto * 10 ** (4 - siffror)
    return konto


# A transaction row (#TRANS): (konto, belopp, datum, text). A plain tuple, because a large file has hundreds of
# thousands of them and a tuple is made several times faster than any class.
Trans = tuple[int, Decimal, dt.date, str]


@dataclass(slots=True)
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
class Periodpost:
    """#PSALDO (period balance, `period` YYYYMM) or #OIB/#OUB (object balance at the start/end, period 0)."""

    typ: str  # "psaldo", "oib", "oub"
    rar: int
    period: int
    konto: int
    dimension: int | None
    objekt: str
    belopp: Decimal


@dataclass
class SieFil:
    sietyp: str = ""
    format: str = ""
    program: str = ""
    programversion: str = ""
    gen_datum: dt.date | None = None
    gen_sign: str = ""
    orgnr: str = ""
    fnamn: str = ""
    kptyp: str = ""
    kodning: str = ""
    ksumma: str = ""  # "" = the file has none; "ok" = verified
    rar: dict[int, tuple[dt.date, dt.date]] = field(default_factory=dict)
    konton: dict[int, str] = field(default_factory=dict)
    ktyp: dict[int, str] = field(default_factory=dict)
    dimensioner: dict[int, str] = field(default_factory=dict)
    objekt: dict[tuple[int, str], str] = field(default_factory=dict)
    ib: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    ub: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    res: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    perioder: list[Periodpost] = field(default_factory=list)
    verifikationer: list[Ver] = field(default_factory=list)  # only when no consumer takes them one by one
    antal_verifikationer: int = 0
    antal_transaktioner: int = 0
    rorelse: dict[int, Decimal] = field(default_factory=dict)  # the vouchers' sum per account
    forsta_datum: dt.date | None = None
    sista_datum: dt.date | None = None
    varningar: list[str] = field(default_factory=list)
    har_saldon: bool = False  # the file itself carries #IB/#UB/#RES (set when parsing ends)

    @property
    def typ(self) -> str:
        """ "1", "2", "3", "4E" (balances and vouchers) or "4I" (vouchers only)."""
        if self.sietyp == "4":
            return "4E" if self.har_saldon else "4I"
        return self.sietyp

    def ar_for(self) -> int | None:
        if 0 in self.rar:
            return self.rar[0][1].year
        if self.sista_datum is not None and self.forsta_datum is not None and self.forsta_datum.year == self.sista_datum.year:
            return self.sista_datum.year
        return None

    def ar_balanskonto(self, konto: int) -> bool:
        """A balance account (assets, equity, liabilities): #KTYP T/S where given, else class 1–2."""
        typ = self.ktyp.get(konto)
        if typ:
            return typ in ("T", "S")
        return str(kontonyckel(konto))[0] in "12"

    def harled_saldon(self) -> None:
        """Fill what the file leaves out for the year (rar 0): closing balances from #IB and the vouchers, results
        from the vouchers (or, without vouchers, from #UB − #IB of result accounts). A file with #UB but no #RES
        therefore still gives the year's result."""
        har_ub = any(r == 0 for r, _ in self.ub)
        har_res = any(r == 0 for r, _ in self.res)
        if not har_ub:
            for (rar, konto), belopp in self.ib.items():
                if rar == 0 and self.ar_balanskonto(konto):
                    self.ub[(0, konto)] = belopp
            for konto, belopp in self.rorelse.items():
                if self.ar_balanskonto(konto):
                    self.ub[(0, konto)] = self.ub.get((0, konto), NOLL) + belopp
        if not har_res:
            if self.rorelse:
                for konto, belopp in self.rorelse.items():
                    if not self.ar_balanskonto(konto):
                        self.res[(0, konto)] = belopp
            else:
                for (rar, konto), belopp in list(self.ub.items()):
                    if rar == 0 and not self.ar_balanskonto(konto):
                        self.res[(0, konto)] = belopp - self.ib.get((0, konto), NOLL)
        # result accounts carried in #UB by some programs: their closing balance is the result, not a balance
        for rar, konto in [k for k in self.ub if not self.ar_balanskonto(k[1])]:
            self.res.setdefault((rar, konto), self.ub[(rar, konto)] - self.ib.get((rar, konto), NOLL))
