"""The participant import: read a CSV (`;` or `,`; UTF-8 with/without BOM or Windows-1252) or XLSX file,
validate every row and write all or nothing (`deltagare_import`). One audit event per import.
"""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from import_export.formats import base_formats

from finsam.audit import handelse_logga
from finsam.models import Forbund
from finsam.tasking import enqueue

from .models import Importkorning
from .resources import KOLUMNER, InskrivningResource

MAX_BYTES_STANDARD = 5 * 1024 * 1024
MAX_FEL = 200


def max_bytes() -> int:
    return int(getattr(settings, "UPPFOLJNING_IMPORT_MAX_BYTES", MAX_BYTES_STANDARD))


@dataclass
class ImportResultat:
    rader: int
    nya: int
    uppdaterade: int
    oforandrade: int
    nya_deltagare: int
    sha256: str
    torrkorning: bool
    andringar: list[dict[str, Any]] = field(default_factory=list)

    def sammanfattning(self) -> str:
        verb = "skulle" if self.torrkorning else ""
        if self.torrkorning:
            return (f"Provkörning: {self.rader} rader lästes. {self.nya} nya inskrivningar {verb} skapas, {self.uppdaterade} {verb} uppdateras, "
                    f"{self.oforandrade} är oförändrade. Inget har sparats.")
        return (f"{self.rader} rader importerades: {self.nya} nya inskrivningar, {self.uppdaterade} uppdaterade, "
                f"{self.oforandrade} oförändrade, {self.nya_deltagare} nya deltagarkoder.")


def _rubrik(text: Any) -> str:
    t = unicodedata.normalize("NFKD", str(text or "").strip().lower()).encode("ascii", "ignore").decode()
    return t.replace(" ", "_").replace("-", "_")


def _avkoda(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValidationError("Filens teckenkodning känns inte igen; spara som CSV (UTF-8) eller CSV (semikolonavgränsad) från Excel.") from exc


def las_fil(data: bytes, filnamn: str = "") -> tuple[tablib.Dataset, list[int]]:
    """The file as a dataset with normalised headers, without empty rows, and the file row number of each row."""
    if len(data) > max_bytes():
        raise ValidationError(
            f"Filen är för stor ({len(data) / 1024 / 1024:.1f} MB); största tillåtna storlek är {max_bytes() / 1024 / 1024:.0f} MB."
        )
    if not data.strip():
        raise ValidationError("Filen är tom.")
    try:
        if data[:4] == b"PK\x03\x04" or filnamn.lower().endswith(".xlsx"):
            raw = base_formats.XLSX().create_dataset(data)
        else:
            text = _avkoda(data)
            forsta = text.lstrip().split("\n", 1)[0]
            avgransare = ";" if forsta.count(";") >= forsta.count(",") and ";" in forsta else ("\t" if "\t" in forsta else ",")
            raw = base_formats.CSV().create_dataset(text, delimiter=avgransare)
    except ValidationError:
        raise
    except Exception as exc:  # any parser error: a broken file
        raise ValidationError(f"Filen kunde inte läsas som CSV eller Excel (XLSX): {exc.__class__.__name__}.") from exc
    rubriker = [_rubrik(h) for h in (raw.headers or [])]
    while rubriker and not rubriker[-1]:
        rubriker.pop()
    okanda = [h for h in rubriker if h not in KOLUMNER]
    saknas = [k for k in KOLUMNER if k not in rubriker]
    fel = []
    if okanda:
        fel.append(f"Rad 1: okända kolumner: {', '.join(okanda)}.")
    if saknas:
        fel.append(f"Rad 1: kolumner saknas: {', '.join(saknas)}.")
    if fel:
        fel.append(f"Första raden ska innehålla kolumnerna (i valfri ordning): {', '.join(KOLUMNER)}.")
        raise ValidationError(fel)
    ds = tablib.Dataset(headers=rubriker)
    radnummer: list[int] = []
    for i, rad in enumerate(raw, start=2):
        varden = list(rad)[: len(rubriker)]
        varden += [None] * (len(rubriker) - len(varden))
        if all(v is None or str(v).strip() == "" for v in varden):
            continue
        ds.append(varden)
        radnummer.append(i)
    if not len(ds):
        raise ValidationError("Filen innehåller inga datarader.")
    return ds, radnummer


def _felrader(resultat: Any, resurs: InskrivningResource, ds: tablib.Dataset, radnummer: list[int]) -> list[str]:
    kolumn = {f.attribute: f.column_name for f in resurs.fields.values()}
    fel: list[str] = []
    for rad in resultat.invalid_rows:
        nr = radnummer[rad.number - 1]
        data = dict(zip(ds.headers, ds[rad.number - 1], strict=False))
        for attr, meddelanden in rad.error_dict.items():
            kol = kolumn.get(attr, attr)
            varde = data.get(kol)
            varde_text = "" if varde is None else str(varde).strip()
            for m in meddelanden:
                text = m.message if isinstance(m, ValidationError) else str(m)
                if text.startswith(("värdet ”", "insatsen ”")):
                    fel.append(f"Rad {nr}, kolumn {kol}: {text}.".replace("..", "."))
                else:
                    fel.append(f"Rad {nr}, kolumn {kol} (värde ”{varde_text}”): {text}".rstrip(".") + ".")
    for rad in resultat.row_errors():
        nr_index, fel_lista = rad
        for e in fel_lista:
            fel.append(f"Rad {radnummer[nr_index - 1]}: raden kunde inte sparas ({e.error}).")
    for e in resultat.base_errors:
        fel.append(f"Importen avbröts: {e.error}.")
    if len(fel) > MAX_FEL:
        fel = [*fel[:MAX_FEL], f"… och {len(fel) - MAX_FEL} fel till."]
    return fel


@transaction.atomic
def deltagare_import(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str = "", torrkorning: bool = False) -> ImportResultat:
    """Import the administratör's spreadsheet: all rows or none. A dry run saves nothing and shows what would change.

    Raises ValidationError with one Swedish message per faulty cell (row, column, value, what is allowed).
    """
    sha = hashlib.sha256(data).hexdigest()
    ds, radnummer = las_fil(data, filnamn)
    resurs = InskrivningResource(forbund)
    resurs.radnummer = radnummer
    resultat = resurs.import_data(ds, dry_run=torrkorning, use_transactions=True, rollback_on_validation_errors=True)
    if resultat.has_errors() or resultat.has_validation_errors():
        transaction.set_rollback(True)
        raise ValidationError(_felrader(resultat, resurs, ds, radnummer))
    tot = resultat.totals
    ut = ImportResultat(
        rader=len(ds), nya=tot.get("new", 0), uppdaterade=tot.get("update", 0), oforandrade=tot.get("skip", 0),
        nya_deltagare=resurs.nya_deltagare, sha256=sha, torrkorning=torrkorning, andringar=resurs.andringar,
    )
    if torrkorning:
        transaction.set_rollback(True)
        return ut
    handelse_logga(aktor=aktor, forbund=forbund, handling="deltagare_importera", detaljer={
        "filnamn": filnamn[:200], "sha256": sha, "rader": ut.rader, "nya": ut.nya, "uppdaterade": ut.uppdaterade,
        "oforandrade": ut.oforandrade, "nya_deltagare": ut.nya_deltagare,
    })
    return ut


def bakgrund_bytes() -> int:
    """Files larger than this are imported by a Celery task (the page follows its progress)."""
    return int(getattr(settings, "UPPFOLJNING_IMPORT_BAKGRUND_BYTES", 256 * 1024))


@transaction.atomic
def import_bestall(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str, torrkorning: bool) -> Importkorning:
    """Queue a large import; the task runs `deltagare_import` (all or nothing, one audit event) and drops the file."""
    if len(data) > max_bytes():
        raise ValidationError(
            f"Filen är för stor ({len(data) / 1024 / 1024:.1f} MB); största tillåtna storlek är {max_bytes() / 1024 / 1024:.0f} MB."
        )
    korning = Importkorning.objects.create(forbund=forbund, filnamn=filnamn[:200], data=data, sha256=hashlib.sha256(data).hexdigest(),
                                           torrkorning=torrkorning, bestalld_av=aktor if getattr(aktor, "is_authenticated", False) else None)
    from .tasks import deltagare_import_task

    enqueue(deltagare_import_task, korning.pk)
    return korning


def import_kor(*, korning_id: int) -> Importkorning | None:
    """Run a queued import once (idempotent: a finished run is left as it is)."""
    with transaction.atomic():
        korning = Importkorning.objects.select_for_update(of=("self",)).select_related("forbund", "bestalld_av").filter(pk=korning_id).first()
        if korning is None or not korning.pagar:
            return korning
        korning.status = Importkorning.Status.PAGAR
        korning.save(update_fields=["status"])
    try:
        resultat = deltagare_import(forbund=korning.forbund, aktor=korning.bestalld_av or "import", data=bytes(korning.data),
                                    filnamn=korning.filnamn, torrkorning=korning.torrkorning)
    except ValidationError as exc:
        korning.status, korning.fel = Importkorning.Status.AVVISAD, exc.messages
    else:
        korning.status, korning.resultat = Importkorning.Status.KLAR, dataclasses.asdict(resultat)
    korning.data = b""
    korning.klar = timezone.now()
    korning.save(update_fields=["status", "fel", "resultat", "data", "klar"])
    return korning
