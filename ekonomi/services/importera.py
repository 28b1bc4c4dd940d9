"""Importing a year's bookkeeping (SIE of every type, or a CSV trial balance).

Read first, write after: `bokforing_las` parses and validates the whole file without touching the database (the
vouchers' rows stream to a temporary file, so a large year is never held as objects); `bokforing_spara` writes it
in one transaction. A refused file therefore changes nothing and the year's previous import stays. Replacing a
year needs `ersatt=True`; adding a SIE 4I file's vouchers to a year that has balances needs `tillagg=True`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund

from ..bokforing.saldobalans import las_saldobalans
from ..bokforing.sie import NOLL, SieFil, Ver, kontonyckel, las_sie
from ..models import Dimensionsobjekt, Kontosaldo, Periodsaldo, Redovisningsimport, Transaktion

Framsteg = Callable[[int, str], None]
KLASSER = {
    "1": "Tillgångar",
    "2": "Eget kapital och skulder",
    "3": "Intäkter",
    "4": "Kostnader (4)",
    "5": "Kostnader (5)",
    "6": "Kostnader (6)",
    "7": "Kostnader (7)",
    "8": "Finansiella poster och resultat",
    "9": "Internredovisning",
    "0": "Övrigt (0)",
}


def max_bytes() -> int:
    """The one size cap for bookkeeping files, the same for the page, the API and the command."""
    return int(settings.FINSAM_MAX_UPLOAD_BYTES)


def storlek_kontrollera(storlek: int) -> None:
    if storlek > max_bytes():
        raise ValidationError(f"Filen är {storlek / 1024 / 1024:.1f} MiB; största tillåtna storlek är {max_bytes() / 1024 / 1024:.0f} MiB.")
    if storlek == 0:
        raise ValidationError("Filen är tom.")


def _copy_text(v: str) -> str:
    return v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _copy_faltet(v: str) -> str:
    """A text as a COPY field: escaped only when it holds a backslash, a tab or a line break (rarely)."""
    return _copy_text(v) if "\\" in v or "\t" in v or "\n" in v or "\r" in v else v


@dataclass
class Tolkad:
    """A parsed, validated file, not yet saved."""

    kalla: str
    ar: int
    fran: dt.date
    tom: dt.date
    sha256: str
    sietyp: str = ""
    info: dict[str, Any] = field(default_factory=dict)
    saldon: list[Kontosaldo] = field(default_factory=list)
    perioder: list[Periodsaldo] = field(default_factory=list)
    objekt: list[Dimensionsobjekt] = field(default_factory=list)
    rader: IO[str] | None = None  # the vouchers' rows, tab separated: serie, vernr, datum, konto, kontonyckel, belopp, text
    antal_rader: int = 0
    antal_verifikationer: int = 0
    rorelse: dict[int, Decimal] = field(default_factory=dict)  # the vouchers' sum per account
    varningar: list[str] = field(default_factory=list)

    def klass_summor(self) -> dict[str, Decimal]:
        return _klass_summor((s.konto, s.kontonyckel, s.ub, s.res) for s in self.saldon if s.rar == 0)


def _klass_summor(rader: Any) -> dict[str, Decimal]:
    """Closing balance per account class 1–2 and result per class 3–9: what a replaced import changes."""
    ut: dict[str, Decimal] = {}
    for _konto, nyckel, ub, res in rader:
        klass = str(nyckel)[0]
        ut[klass] = ut.get(klass, NOLL) + (ub if klass in "12" else res)
    return dict(sorted(ut.items()))


def _sie_ar(fil: SieFil, ar: int | None) -> int:
    """The file's financial year; refused when it cannot be told or is not the year asked for."""
    filar = fil.ar_for()
    if filar is None:
        raise ValidationError("SIE-filen saknar #RAR 0 och verifikationerna spänner över flera år; räkenskapsåret går inte att avgöra.")
    if ar is not None and filar != ar:
        raise ValidationError(f"SIE-filen avser räkenskapsåret {filar}, inte {ar}.")
    return filar


def _las_sie(data: bytes, ar: int | None, framsteg: Framsteg | None) -> Tolkad:
    rader = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed after saving
    kontotext: dict[int, str] = {}  # account -> "konto\tkontonyckel\t"
    datumtext: dict[dt.date, str] = {}
    buffert: list[str] = []
    antal = 0

    def pa_verifikation(ver: Ver) -> None:
        """One COPY line per transaction row (tab separated: serie, vernr, datum, konto, kontonyckel, belopp, text),
        written in blocks of a few thousand rows."""
        nonlocal antal
        serie, nummer, vertext = ver.serie[:20], ver.nummer[:40], _copy_faltet(ver.text[:200])
        borjan = f"{serie if serie.isalnum() else _copy_text(serie)}\t{nummer if nummer.isalnum() else _copy_text(nummer)}\t"
        for konto, belopp, datum, text in ver.trans:
            k = kontotext.get(konto)
            if k is None:
                k = kontotext[konto] = f"{konto}\t{kontonyckel(konto)}\t"
            d = datumtext.get(datum)
            if d is None:
                d = datumtext[datum] = f"{datum.isoformat()}\t"
            b = str(belopp)
            if "E" in b:
                b = f"{belopp:f}"
            buffert.append(f"{borjan}{d}{k}{b}\t{_copy_faltet(text[:200]) if text else vertext}\n")
        if len(buffert) >= 4096:
            antal += len(buffert)
            rader.write("".join(buffert))
            buffert.clear()

    def rapport(position: int, storlek: int) -> None:
        if framsteg is not None:
            framsteg(int(80 * position / storlek), "Läser och kontrollerar filen")

    try:
        fil = las_sie(data, pa_verifikation=pa_verifikation, framsteg=rapport)
        antal += len(buffert)
        rader.write("".join(buffert))
        buffert.clear()
        filar = _sie_ar(fil, ar)
    except BaseException:
        rader.close()
        raise
    fran, slut = fil.rar.get(0) or (dt.date(filar, 1, 1), dt.date(filar, 12, 31))
    fil.harled_saldon()
    t = Tolkad(
        kalla="sie",
        ar=filar,
        fran=fran,
        tom=slut,
        sha256=hashlib.sha256(data).hexdigest(),
        sietyp=fil.typ,
        rader=rader,
        antal_rader=antal,
        antal_verifikationer=fil.antal_verifikationer if fil.typ not in ("1", "2", "3") else 0,
        varningar=fil.varningar,
    )
    if t.sietyp in ("1", "2", "3"):
        t.antal_rader = 0  # balances only; stray vouchers are not used
    t.info = {
        "program": f"{fil.program} {fil.programversion}".strip()[:200],
        "foretag": fil.fnamn[:200],
        "format": fil.format[:20],
        "kodning": fil.kodning,
        "genererad": fil.gen_datum,
        "genererad_av": fil.gen_sign[:60],
        "orgnr": fil.orgnr[:20],
        "kontoplanstyp": fil.kptyp[:40],
        "ksumma": fil.ksumma == "ok",
    }
    if t.sietyp not in ("1", "2", "3"):
        t.rorelse = fil.rorelse
    for rar in (0, -1):
        konton = sorted({k for (r, k) in (*fil.ib, *fil.ub, *fil.res) if r == rar} | (set(t.rorelse) if rar == 0 else set()))
        for k in konton:
            t.saldon.append(
                Kontosaldo(
                    rar=rar,
                    konto=k,
                    kontonyckel=kontonyckel(k),
                    namn=fil.konton.get(k, "")[:200],
                    ib=fil.ib.get((rar, k), NOLL),
                    ub=fil.ub.get((rar, k), NOLL),
                    res=fil.res.get((rar, k), NOLL),
                    verifikationer=t.rorelse.get(k, NOLL) if rar == 0 else NOLL,
                )
            )
    if t.sietyp == "4I":
        t.saldon = []  # vouchers only: an addition never touches the balances
    t.perioder = [
        Periodsaldo(typ=p.typ, rar=p.rar, period=p.period, konto=p.konto, dimension=p.dimension, objekt=p.objekt, belopp=p.belopp)
        for p in fil.perioder
        if p.rar in (0, -1)
    ]
    t.objekt = [
        Dimensionsobjekt(dimension=d, dimensionsnamn=fil.dimensioner.get(d, "")[:200], kod=kod[:40], namn=namn[:200])
        for (d, kod), namn in fil.objekt.items()
    ]
    return t


def _csv_period(ar: int | None, tom: dt.date | None) -> tuple[int, dt.date]:
    if ar is None:
        raise ValidationError({"ar": "Ange räkenskapsåret för saldobalansen."})
    tom = tom or dt.date(ar, 12, 31)
    if tom.year != ar:
        raise ValidationError({"tom": f"Datumet måste ligga i {ar}."})
    return ar, tom


def _las_csv(data: bytes, ar: int | None, tom: dt.date | None) -> Tolkad:
    ar, tom = _csv_period(ar, tom)
    rader = las_saldobalans(data)
    t = Tolkad(kalla="csv", ar=ar, fran=dt.date(ar, 1, 1), tom=tom, sha256=hashlib.sha256(data).hexdigest())
    t.rorelse = {r.konto: r.res if r.konto >= 3000 else r.ub - r.ib for r in rader}
    t.saldon = [
        Kontosaldo(
            rar=0, konto=r.konto, kontonyckel=kontonyckel(r.konto), namn=r.namn[:200], ib=r.ib, ub=r.ub, res=r.res, verifikationer=t.rorelse[r.konto]
        )
        for r in rader
    ]
    # The period's movement as one row per account, dated at the balance's end (no vouchers in a trial balance).
    buf = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - closed after saving
    for r in rader:
        rorelse = t.rorelse[r.konto]
        if rorelse:
            buf.write(f"SB\t\t{tom.isoformat()}\t{r.konto}\t{kontonyckel(r.konto)}\t{rorelse:f}\tSaldobalans\n")
            t.antal_rader += 1
    t.rader = buf
    return t


def bokforing_las(*, data: bytes, kalla: str = "sie", ar: int | None = None, tom: dt.date | None = None, framsteg: Framsteg | None = None) -> Tolkad:
    """Parse and validate a file completely. No database access; a refusal names the row and the value."""
    storlek_kontrollera(len(data))
    if kalla == Redovisningsimport.Kalla.SIE:
        return _las_sie(data, ar, framsteg)
    if kalla == Redovisningsimport.Kalla.CSV:
        return _las_csv(data, ar, tom)
    raise ValidationError({"kalla": "Okänd filtyp; välj SIE eller CSV."})


def _utan_verifikationer(_ver: Ver) -> None:
    """The check before queueing reads every voucher but keeps none."""


def bokforing_kontrollera(*, forbund: Forbund, data: bytes, kalla: str = "sie", ar: int | None = None, tom: dt.date | None = None) -> None:
    """Every check that needs the file and not the write, done before a job is queued so the form (and the API) refuse
    at once with the row and the value: size, file type, encoding, header (#SIETYP, #RAR), #KSUMMA, structure, every
    voucher (balance, date, declared accounts), the year; a SIE 4I file needs a year with balances. Nothing is written."""
    storlek_kontrollera(len(data))
    if kalla == Redovisningsimport.Kalla.CSV:
        _csv_period(ar, tom)
        las_saldobalans(data)
        return
    if kalla != Redovisningsimport.Kalla.SIE:
        raise ValidationError({"kalla": "Okänd filtyp; välj SIE eller CSV."})
    fil = las_sie(data, pa_verifikation=_utan_verifikationer)
    filar = _sie_ar(fil, ar)
    if fil.typ == "4I" and not Kontosaldo.objects.filter(forbund=forbund, redovisningsimport__ar=filar).exists():
        raise ValidationError(_bara_verifikationer(filar))


def _bara_verifikationer(ar: int) -> str:
    return (
        "Filen är SIE typ 4I: den innehåller bara verifikationer, inga saldon (#IB, #UB, #RES), och räkenskaperna kan inte "
        f"göras av den. Exportera SIE typ 4E (med saldon) för {ar} från ekonomisystemet."
    )


def bokforing_jamforelse(*, forbund: Forbund, tolkad: Tolkad) -> dict[str, Any] | None:
    """What importing would change when the year already has an import: balances per account class and voucher counts,
    before and after. None when the year is new."""
    tidigare = Redovisningsimport.objects.filter(forbund=forbund, ar=tolkad.ar).first()
    if tidigare is None:
        return None
    fore = _klass_summor(Kontosaldo.objects.filter(redovisningsimport=tidigare, rar=0).values_list("konto", "kontonyckel", "ub", "res"))
    efter = tolkad.klass_summor() if tolkad.sietyp != "4I" else fore
    klasser = sorted(set(fore) | set(efter))
    return {
        "typ": "tillagg" if tolkad.sietyp == "4I" else "ersatt",
        "ar": tolkad.ar,
        "filnamn_fore": tidigare.filnamn,
        "sha256_fore": tidigare.sha256,
        "sha256_efter": tolkad.sha256,
        "verifikationer_fore": tidigare.antal_verifikationer,
        "verifikationer_efter": tidigare.antal_verifikationer + tolkad.antal_verifikationer if tolkad.sietyp == "4I" else tolkad.antal_verifikationer,
        "klasser": [{"klass": k, "text": KLASSER.get(k, k), "fore": str(fore.get(k, NOLL)), "efter": str(efter.get(k, NOLL))} for k in klasser],
    }


def _spara_rader(forbund: Forbund, imp: Redovisningsimport, tolkad: Tolkad, *, copy: bool | None = None) -> None:
    """Insert the vouchers' rows from the temporary file: COPY on PostgreSQL, multi-row INSERTs of bound values elsewhere
    (`copy=False` takes that path on PostgreSQL too: the tests prove both store the same rows)."""
    if tolkad.rader is None or not tolkad.antal_rader:
        return
    if copy is None:
        copy = connection.vendor == "postgresql"
    tolkad.rader.seek(0)
    falt: list[Any] = [
        Transaktion._meta.get_field(f) for f in ("forbund", "redovisningsimport", "serie", "vernr", "datum", "konto", "kontonyckel", "belopp", "text")
    ]
    ops = connection.ops
    tabell = ops.quote_name(Transaktion._meta.db_table)
    kolumner = ", ".join(ops.quote_name(str(f.column)) for f in falt)
    prefix = f"{forbund.pk}\t{imp.pk}\t"
    with connection.cursor() as cursor:
        if copy:
            with cursor.cursor.copy(f"COPY {tabell} ({kolumner}) FROM STDIN") as kopia:  # type: ignore[attr-defined]
                while block := tolkad.rader.readlines(1 << 20):
                    kopia.write("".join([prefix + rad for rad in block]))
            return
        platshallare = f"({', '.join(['%s'] * len(falt))})"
        per_sats = 200  # rows per INSERT: 1 800 parameters, below every backend's limit
        while block := tolkad.rader.readlines(1 << 20):
            varden: list[Any] = []
            for rad in block:
                serie, vernr, datum, konto, nyckel, belopp, text = rad.rstrip("\n").split("\t")
                if "\\" in text or "\\" in serie or "\\" in vernr:
                    serie, vernr, text = (_fran_copy(v) for v in (serie, vernr, text))
                varden.append((forbund.pk, imp.pk, serie, vernr, datum, int(konto), int(nyckel), belopp, text))
            for i in range(0, len(varden), per_sats):
                del_ = varden[i : i + per_sats]
                sql = f"INSERT INTO {tabell} ({kolumner}) VALUES {', '.join([platshallare] * len(del_))}"  # noqa: S608 - names from the model, values bound
                cursor.execute(sql, [v for rad in del_ for v in rad])


def _fran_copy(v: str) -> str:
    return v.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\")


@transaction.atomic
def bokforing_spara(*, forbund: Forbund, aktor: Any, tolkad: Tolkad, filnamn: str, ersatt: bool = False, tillagg: bool = False) -> Redovisningsimport:
    """Write a parsed file. Replacing a year's import needs `ersatt`; a SIE 4I file (vouchers, no balances) is refused,
    or added to a year that has balances when `tillagg`. Audited with both checksums."""
    tidigare = Redovisningsimport.objects.select_for_update().filter(forbund=forbund, ar=tolkad.ar).first()
    if tolkad.sietyp == "4I":
        return _lagg_till(forbund=forbund, aktor=aktor, tolkad=tolkad, filnamn=filnamn, tidigare=tidigare, tillagg=tillagg)
    if tidigare is not None and not ersatt:
        raise ValidationError(f"Bokföringen för {tolkad.ar} är redan importerad ({tidigare.filnamn}). Bekräfta att den ska ersättas.")
    fore = snapshot(tidigare) if tidigare else {}
    sha_fore = tidigare.sha256 if tidigare else ""
    if tidigare is not None:
        tidigare.delete()
    imp = Redovisningsimport(
        forbund=forbund,
        ar=tolkad.ar,
        kalla=tolkad.kalla,
        filnamn=filnamn[:255],
        sha256=tolkad.sha256,
        fran=tolkad.fran,
        tom=tolkad.tom,
        antal_verifikationer=tolkad.antal_verifikationer,
        sietyp=tolkad.sietyp,
        varningar=tolkad.varningar[:50],
        importerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
        **{k: v if v is not None else "" for k, v in tolkad.info.items() if k != "genererad"},
        genererad=tolkad.info.get("genererad"),
    )
    imp.full_clean()
    imp.save()
    for grupp in (tolkad.saldon, tolkad.perioder, tolkad.objekt):
        for obj in grupp:
            obj.forbund, obj.redovisningsimport = forbund, imp  # type: ignore[attr-defined]
    Kontosaldo.objects.bulk_create(tolkad.saldon, batch_size=1000)
    Periodsaldo.objects.bulk_create(tolkad.perioder, batch_size=1000)
    Dimensionsobjekt.objects.bulk_create(tolkad.objekt, batch_size=1000)
    _spara_rader(forbund, imp, tolkad)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="bokforing_importera",
        objekt=imp,
        andringar=diff(fore, snapshot(imp)),
        detaljer={
            "konton": len(tolkad.saldon),
            "transaktioner": tolkad.antal_rader,
            "ersatte": tidigare is not None,
            "sha256_fore": sha_fore,
            "sha256_efter": tolkad.sha256,
            "sietyp": tolkad.sietyp,
        },
    )
    return imp


def _lagg_till(
    *, forbund: Forbund, aktor: Any, tolkad: Tolkad, filnamn: str, tidigare: Redovisningsimport | None, tillagg: bool
) -> Redovisningsimport:
    if tidigare is None or not tidigare.saldon.exists():
        raise ValidationError(_bara_verifikationer(tolkad.ar))
    if not tillagg:
        raise ValidationError(
            f"Filen är SIE typ 4I (bara verifikationer). Året {tolkad.ar} har redan saldon från {tidigare.filnamn}; bekräfta att "
            f"filens {tolkad.antal_verifikationer} verifikationer ska läggas till som ett tillägg."
        )
    if tolkad.fran < tidigare.fran or tolkad.tom > tidigare.tom:
        raise ValidationError(f"Verifikationerna ligger utanför den importerade periodens {tidigare.fran:%Y-%m-%d} – {tidigare.tom:%Y-%m-%d}.")
    fore = snapshot(tidigare)
    befintliga = {k.konto: k for k in tidigare.saldon.filter(rar=0)}
    nya = []
    for konto, summa in tolkad.rorelse.items():
        if konto in befintliga:
            befintliga[konto].verifikationer += summa
        else:
            nya.append(
                Kontosaldo(forbund=forbund, redovisningsimport=tidigare, rar=0, konto=konto, kontonyckel=kontonyckel(konto), verifikationer=summa)
            )
    Kontosaldo.objects.bulk_update([k for k in befintliga.values() if k.konto in tolkad.rorelse], ["verifikationer"], batch_size=500)
    Kontosaldo.objects.bulk_create(nya)
    tidigare.antal_verifikationer += tolkad.antal_verifikationer
    tidigare.save(update_fields=["antal_verifikationer"])
    _spara_rader(forbund, tidigare, tolkad)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="bokforing_tillagg",
        objekt=tidigare,
        andringar=diff(fore, snapshot(tidigare)),
        detaljer={
            "filnamn": filnamn[:200],
            "verifikationer": tolkad.antal_verifikationer,
            "transaktioner": tolkad.antal_rader,
            "sha256_fore": tidigare.sha256,
            "sha256_efter": tolkad.sha256,
        },
    )
    return tidigare


def bokforing_importera(
    *,
    forbund: Forbund,
    aktor: Any,
    data: bytes,
    filnamn: str,
    kalla: str = "sie",
    ar: int | None = None,
    tom: dt.date | None = None,
    ersatt: bool = False,
    tillagg: bool = False,
    framsteg: Framsteg | None = None,
) -> Redovisningsimport:
    """Import a year's bookkeeping: parse and validate everything, then write in one transaction (a refused file changes
    nothing). The background job (`bokforing_import_bestall`) runs this."""
    tolkad = bokforing_las(data=data, kalla=kalla, ar=ar, tom=tom, framsteg=framsteg)
    try:
        if framsteg is not None:
            framsteg(85, "Sparar")
        return bokforing_spara(forbund=forbund, aktor=aktor, tolkad=tolkad, filnamn=filnamn, ersatt=ersatt, tillagg=tillagg)
    finally:
        if tolkad.rader is not None:
            tolkad.rader.close()
