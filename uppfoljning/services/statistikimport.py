"""Import of the published statistics of public support (SCB's tables as Statisticon and SCB publish them, seed 004f).

The layout is the one SCB's statistical database exports: one row per region, support system, sex and age group, and
one column per year. Example (CSV with `;`, or the first sheet of an XLSX):

    region;ersättning;kön;ålder;2014;2015;2016;2017;2018
    2417 Norsjö;Sjukpenning;kvinnor;20-64 år;41,2;43,0;39,8;37,1;36,4
    2417 Norsjö;Folkmängd;totalt;20-64 år;2 150;2 131;2 118;2 102;2 094
    24 Västerbottens län;Ekonomiskt bistånd;totalt;20-64 år;3 412;…
    00 Riket;Ekonomiskt bistånd;totalt;20-64 år;…

".." or an empty cell is a missing value (not stored). All or nothing: any faulty cell refuses the whole file with a
Swedish message per row; a re-import replaces the same figures (idempotent). CSV text is decoded by `finsam.kodning`;
the size limits are the upload limit (`finsam.granser.max_uppladdning`) and the participant import's row and cell limits.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction

from finsam.audit import handelse_logga
from finsam.formatting import tal
from finsam.granser import AR_MAX, AR_MIN, max_uppladdning
from finsam.kodning import avkoda
from finsam.models import Forbund, Medlem

from ..models.behovsanalys import PNR_I_TEXT, VARDE_MAX, Aldersgrupp, Matt, Statistikvarde, StatKon, innehaller_personnummer, niva_for
from .fil import _xlsx_rader, grans, rubrik

KOLUMNER = ["region", "ersattning", "kon", "alder"]
MAX_FEL = 200
SAKNAS = {"", "..", "…", "-", "–"}
_REGION = re.compile(r"^(\d{2}|\d{4})\s+(.+)$")
_MATT_ALIAS = {
    "sjukpenning": Matt.SJUKPENNING,
    "sjuk- och aktivitetsersättning": Matt.SJUK_AKTIVITETSERSATTNING,
    "sjukersättning/aktivitetsersättning": Matt.SJUK_AKTIVITETSERSATTNING,
    "sjuk- och aktivitetsersattning": Matt.SJUK_AKTIVITETSERSATTNING,
    "arbetslöshet": Matt.ARBETSLOSHET,
    "arbetslöshetsersättning": Matt.ARBETSLOSHET,
    "arbetsmarknadsåtgärder": Matt.ARBETSMARKNADSATGARDER,
    "aktivitetsstöd": Matt.ARBETSMARKNADSATGARDER,
    "ekonomiskt bistånd": Matt.EKONOMISKT_BISTAND,
    "försörjningsstöd": Matt.EKONOMISKT_BISTAND,
    "etableringsersättning": Matt.ETABLERINGSERSATTNING,
    "folkmängd": Matt.FOLKMANGD,
    "befolkning": Matt.FOLKMANGD,
}
_KON_ALIAS = {"totalt": "totalt", "båda könen": "totalt", "samtliga": "totalt", "kvinnor": "kvinnor", "män": "man", "man": "man"}


def _text(t: str) -> str:
    return re.sub(r"\s+", " ", t.strip().lower()).replace("–", "-")


def _tabell(choices: Any, alias: dict[str, Any]) -> dict[str, str]:
    ut = {_text(c.value): c.value for c in choices} | {_text(str(c.label)): c.value for c in choices}
    return ut | {_text(k): str(v) for k, v in alias.items()}


MATT_TABELL = _tabell(Matt, _MATT_ALIAS)
KON_TABELL = _tabell(StatKon, _KON_ALIAS)
ALDER_TABELL = _tabell(Aldersgrupp, {"20-64": "20-64", "20-29": "20-29", "20-64 år": "20-64", "20-29 år": "20-29"})


def _visa(text: str) -> str:
    """A cell as it may appear in a message: a personnummer is never echoed."""
    return "(ser ut som ett personnummer – visas inte)" if innehaller_personnummer(text) else text.strip()[:60]


def tolka_region(text: str) -> tuple[str, str]:
    """("2417", "Norsjö") from "2417 Norsjö"; "Riket" alone is the country."""
    t = text.strip()
    if innehaller_personnummer(t):
        raise ValueError(PNR_I_TEXT.rstrip("."))
    if _text(t) == "riket":
        return "00", "Riket"
    m = _REGION.match(t)
    if not m:
        raise ValueError(
            f"”{_visa(t)}” saknar regionkod; skriv koden före namnet som i SCB:s tabeller, t.ex. ”2417 Norsjö” eller ”24 Västerbottens län”"
        )
    return m.group(1), m.group(2).strip()


_CENT = Decimal("0.01")
_ENKELT_TAL = re.compile(r"^\d{1,10}(?:[.,]\d{1,2})?$")


def tolka_varde(text: str) -> Decimal | None:
    if _ENKELT_TAL.match(text):  # the common cell (41,2 or 2150): no spaces, no sign, at most two decimals
        varde = Decimal(text.replace(",", "."))
        if varde <= VARDE_MAX:
            return varde.quantize(_CENT)
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if t in SAKNAS:
        return None
    try:
        varde = Decimal(t.replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"”{_visa(text)}” är inget tal; skriv t.ex. 41,2 (eller .. för uppgift saknas)") from None
    if not varde.is_finite() or not 0 <= varde <= VARDE_MAX:
        raise ValueError(f"”{_visa(text)}” ligger utanför 0–{tal(VARDE_MAX)}")
    return varde.quantize(Decimal("0.01"))


def _val(tabell: dict[str, str], text: str, vad: str, choices: Any) -> str:
    kod = tabell.get(_text(text))
    if kod is None:
        tillatna = ", ".join(str(c.label).lower() for c in choices)
        raise ValueError(f"”{_visa(text)}” är ingen känd {vad}; tillåtna: {tillatna}")
    return kod


def _rader(data: bytes) -> tuple[list[tuple[int, list[str]]], str]:
    if data[:4] == b"PK\x03\x04":
        return list(_xlsx_rader(data)), "XLSX"
    text, kodning = avkoda(data)
    forsta = text.lstrip("\ufeff").split("\n", 1)[0]
    avgransare = ";" if ";" in forsta else ("\t" if "\t" in forsta else ",")
    try:
        return list(enumerate(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=avgransare), start=1)), kodning
    except csv.Error as exc:
        raise ValidationError(f"Filen kunde inte läsas som CSV: {exc}.") from exc


@dataclass
class StatistikResultat:
    rader: int
    varden: int
    nya: int
    andrade: int
    oforandrade: int
    ar: list[int]
    regioner: list[str]
    kodning: str
    sha256: str

    def sammanfattning(self) -> str:
        ar = f"{self.ar[0]}–{self.ar[-1]}" if len(self.ar) > 1 else str(self.ar[0])
        return (
            f"{self.rader} rader lästes ({self.kodning}) med {self.varden} värden för {len(self.regioner)} regioner och åren {ar}: "
            f"{self.nya} nya, {self.andrade} ändrade, {self.oforandrade} oförändrade."
        )


def _kontrollera_fil(data: bytes, filnamn: str) -> None:
    if len(data) > max_uppladdning():
        raise ValidationError(f"Filen är för stor ({len(data) // 1024} kB); största tillåtna storlek är {max_uppladdning() // 1024} kB.")
    if not data.strip():
        raise ValidationError("Filen är tom.")
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise ValidationError("Det gamla Excel-formatet (.xls) stöds inte; spara kalkylbladet som Excel-arbetsbok (.xlsx) eller CSV.")
    if filnamn.lower().endswith(".xlsx") and data[:4] != b"PK\x03\x04":
        raise ValidationError("Filen heter .xlsx men är ingen Excel-fil; spara den igen från Excel.")


def _rubriker(celler: list[str]) -> tuple[list[str], dict[int, int]]:
    rubriker = [rubrik(c) for c in celler]
    ar_kolumner: dict[int, int] = {}
    fel = []
    for i, r in enumerate(rubriker):
        if r.isdigit() and len(r) == 4:
            if not AR_MIN <= int(r) <= AR_MAX:
                fel.append(f"Rad 1: kolumnen {r} är inget giltigt år ({AR_MIN}–{AR_MAX}).")
            ar_kolumner[i] = int(r)
        elif r and r not in KOLUMNER:
            fel.append(f"Rad 1: okänd kolumn ”{_visa(celler[i])}”.")
    saknas = [k for k in KOLUMNER if k not in rubriker]
    if saknas:
        fel.append(f"Rad 1: kolumner saknas: {', '.join(saknas)}.")
    if not ar_kolumner:
        fel.append("Rad 1: inga årskolumner (t.ex. 2014, 2015 …) hittades.")
    if fel:
        raise ValidationError([*fel, "Första raden ska vara: region, ersättning, kön, ålder och en kolumn per år, som i SCB:s tabeller."])
    return rubriker, ar_kolumner


Nyckel = tuple[str, int, str, str, str]


def las_statistik(data: bytes, filnamn: str) -> tuple[dict[Nyckel, Decimal], dict[str, str], int, str]:
    """The file's figures by (regionkod, år, kön, ålder, mått), region names by code, data rows and encoding; or every error."""
    _kontrollera_fil(data, filnamn)
    rader, kodning = _rader(data)
    rader = [(nr, c) for nr, c in rader if "".join(c).strip()]
    if not rader:
        raise ValidationError("Filen är tom.")
    max_rader, max_cell = grans("UPPFOLJNING_IMPORT_MAX_RADER"), grans("UPPFOLJNING_IMPORT_MAX_CELL")
    if len(rader) - 1 > max_rader:
        raise ValidationError(f"Filen har fler än {max_rader} datarader; dela upp den i flera filer.")
    rubriker, ar_kolumner = _rubriker(rader[0][1])
    pos = {k: rubriker.index(k) for k in KOLUMNER}
    fel: list[str] = []
    varden: dict[Nyckel, Decimal] = {}
    namn: dict[str, str] = {}
    sedda: dict[tuple[str, str, str, str], int] = {}
    for nr, celler in rader[1:]:
        celler = celler + [""] * (len(rubriker) - len(celler))
        if any(len(c) > max_cell for c in celler):
            fel.append(f"Rad {nr}: en cell har fler än {max_cell} tecken.")
            continue
        radfel: list[str] = []
        try:
            kod, regionnamn = tolka_region(celler[pos["region"]])
        except ValueError as exc:
            radfel.append(f"Rad {nr}, kolumn region: {exc}.")
        tolkat = {}
        for kol, tabell, vad, choices in (
            ("ersattning", MATT_TABELL, "ersättning", Matt),
            ("kon", KON_TABELL, "kön", StatKon),
            ("alder", ALDER_TABELL, "åldersgrupp", Aldersgrupp),
        ):
            try:
                tolkat[kol] = _val(tabell, celler[pos[kol]], vad, choices)
            except ValueError as exc:
                radfel.append(f"Rad {nr}, kolumn {kol}: {exc}.")
        tal: list[tuple[int, Decimal | None]] = []
        for i, ar in ar_kolumner.items():  # each cell parsed once; the figures are kept for the row below
            try:
                tal.append((ar, tolka_varde(celler[i])))
            except ValueError as exc:
                radfel.append(f"Rad {nr}, kolumn {ar}: {exc}.")
        if radfel:
            fel.extend(radfel)
            continue
        radnyckel = (kod, tolkat["ersattning"], tolkat["kon"], tolkat["alder"])
        if radnyckel in sedda:
            fel.append(f"Rad {nr}: samma region, ersättning, kön och ålder som rad {sedda[radnyckel]}.")
            continue
        sedda[radnyckel] = nr
        if namn.setdefault(kod, regionnamn) != regionnamn:
            fel.append(f"Rad {nr}, kolumn region: koden {kod} har namnet ”{namn[kod]}” på en tidigare rad, inte ”{regionnamn}”.")
            continue
        for ar, v in tal:
            if v is not None:
                varden[(kod, ar, tolkat["kon"], tolkat["alder"], tolkat["ersattning"])] = v
    if fel:
        raise ValidationError(fel if len(fel) <= MAX_FEL else [*fel[:MAX_FEL], f"… och {len(fel) - MAX_FEL} fel till."])
    if not varden:
        raise ValidationError("Filen innehåller inga värden (alla celler är tomma eller ..).")
    return varden, namn, len(rader) - 1, kodning


def medlemskommuner(forbund: Forbund) -> dict[str, int]:
    """The förbund's member kommuner by lower-case name, with and without " kommun"."""
    ut: dict[str, int] = {}
    for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN):
        ut[m.namn.lower()] = ut[m.namn.lower().removesuffix(" kommun")] = m.pk
    return ut


Rad = tuple[str, str, str, int | None, int, str, str, str, Decimal]  # regionkod, region, nivå, kommun, år, kön, ålder, mått, värde
UPSERT = (
    "INSERT INTO uppfoljning_statistikvarde (forbund_id, regionkod, region, niva, kommun_id, ar, kon, alder, matt, varde, andrad) "
    "SELECT %s, regionkod, region, niva, kommun_id, ar, kon, alder, matt, varde, now() FROM statistik_in "
    "ON CONFLICT (forbund_id, regionkod, ar, kon, alder, matt) DO UPDATE SET "
    "varde = EXCLUDED.varde, region = EXCLUDED.region, kommun_id = EXCLUDED.kommun_id, andrad = EXCLUDED.andrad"
)


def _skriv(forbund: Forbund, rader: list[Rad]) -> None:
    """New and changed figures in one statement: COPY into a temporary table, then INSERT … ON CONFLICT DO UPDATE.

    A nationwide table is some 180 000 figures; row-by-row ORM writes (and bulk_update's CASE per row) took minutes.
    The table's constraints (unique key, value range, region code) still hold: PostgreSQL checks every row."""
    if connection.vendor != "postgresql":  # the SQLite fallback of development: the same upsert through the ORM
        Statistikvarde.objects.bulk_create(
            [
                Statistikvarde(
                    forbund=forbund, regionkod=r[0], region=r[1], niva=r[2], kommun_id=r[3], ar=r[4], kon=r[5], alder=r[6], matt=r[7], varde=r[8]
                )
                for r in rader
            ],
            batch_size=500,
            update_conflicts=True,
            unique_fields=["forbund", "regionkod", "ar", "kon", "alder", "matt"],
            update_fields=["varde", "region", "kommun", "andrad"],
        )
        return
    with connection.cursor() as cur:
        cur.execute(
            "CREATE TEMPORARY TABLE statistik_in (regionkod varchar(4), region varchar(100), niva varchar(6), kommun_id bigint, "
            "ar smallint, kon varchar(7), alder varchar(5), matt varchar(26), varde numeric(12, 2))"
        )
        with cur.cursor.copy("COPY statistik_in (regionkod, region, niva, kommun_id, ar, kon, alder, matt, varde) FROM STDIN") as kopia:
            for rad in rader:
                kopia.write_row(rad)
        cur.execute(UPSERT, [forbund.pk])
        cur.execute("DROP TABLE statistik_in")  # on an error the transaction's rollback removes it


@transaction.atomic
def statistik_importera(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str = "", torrkorning: bool = False) -> StatistikResultat:
    """Import a table of public support statistics: all figures or none; a re-import replaces the same figures."""
    varden, namn, antal_rader, kodning = las_statistik(data, filnamn)
    befintliga = {
        (kod, ar, kon, alder, matt): (varde, region, kommun_id)
        for kod, ar, kon, alder, matt, varde, region, kommun_id in Statistikvarde.objects.select_for_update()
        .filter(forbund=forbund, ar__in={k[1] for k in varden}, regionkod__in=set(namn))
        .values_list("regionkod", "ar", "kon", "alder", "matt", "varde", "region", "kommun_id")
        .order_by()
    }
    kommuner = medlemskommuner(forbund)
    kommun_for = {kod: kommuner.get(n.lower()) if niva_for(kod) == "kommun" else None for kod, n in namn.items()}
    niva = {kod: niva_for(kod) for kod in namn}
    skrivs: list[Rad] = []
    nya = 0
    for (kod, ar, kon, alder, matt), v in varden.items():
        finns = befintliga.get((kod, ar, kon, alder, matt))
        if finns is None:
            nya += 1
        elif finns == (v, namn[kod], kommun_for[kod]):
            continue
        skrivs.append((kod, namn[kod], niva[kod], kommun_for[kod], ar, kon, alder, matt, v))
    resultat = StatistikResultat(
        rader=antal_rader,
        varden=len(varden),
        nya=nya,
        andrade=len(skrivs) - nya,
        oforandrade=len(varden) - len(skrivs),
        ar=sorted({k[1] for k in varden}),
        regioner=sorted(namn.values()),
        kodning=kodning,
        sha256=hashlib.sha256(data).hexdigest(),
    )
    if torrkorning or not skrivs:  # a dry run, or a re-import that changes nothing, writes nothing
        return resultat
    _skriv(forbund, skrivs)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="statistik_importera",
        detaljer={"filnamn": filnamn[:200], "sha256": resultat.sha256, "nya": resultat.nya, "andrade": resultat.andrade, "ar": resultat.ar},
    )
    return resultat
