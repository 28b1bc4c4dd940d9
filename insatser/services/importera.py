"""Import and export of interventions from a spreadsheet (django-import-export).

CSV with `;` or `,` in UTF-8 or Windows-1252, or XLSX. All-or-nothing: the file is first imported in a
dry run; any error in any row stops the import and every error is reported in Swedish with its row
and column. A row with an existing kortnamn updates that intervention.

The column `agare` names the owner: a member code (e.g. skelleftea) or an outside organisation. It is required for a
new intervention (Insats.clean(), the same rule as the page and the API); an empty cell keeps an existing owner.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from import_export import fields, resources, widgets
from import_export.instance_loaders import CachedInstanceLoader

from finsam.audit import handelse_logga
from finsam.export import dataset_rader, som_csv, som_xlsx
from finsam.kodning import avkoda
from finsam.models import Forbund, Medlem
from finsam.sortering import svensk

from ..models import Insats

KOLUMNER = ["kortnamn", "namn", "typ", "inriktning", "startdatum", "slutdatum", "agare", "parter"]
AGARFALT = ("agare_medlem", "agare_extern")
OBLIGATORISKA = ["kortnamn", "namn", "typ", "inriktning", "startdatum"]


class ValWidget(widgets.Widget):
    def __init__(self, val: list[str]) -> None:
        super().__init__()
        self.val = val

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip().lower()
        if not text:
            raise ValueError("Värde saknas.")
        if text not in self.val:
            raise ValueError(f"”{value}” är inte giltigt; använd {', '.join(self.val)}.")
        return text


class DatumWidget(widgets.Widget):
    def __init__(self, obligatorisk: bool) -> None:
        super().__init__()
        self.obligatorisk = obligatorisk

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = str(value or "").strip()
        if not text:
            if self.obligatorisk:
                raise ValueError("Datum saknas.")
            return None
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError as exc:
            raise ValueError(f"”{text}” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD.") from exc

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.isoformat() if value else ""


class ParterWidget(widgets.ManyToManyWidget):
    """Member codes separated by commas inside the cell, looked up in the förbund only."""

    def __init__(self, forbund: Forbund) -> None:
        super().__init__(Medlem, separator=",", field="kod")
        self.forbund = forbund
        self._medlemmar: dict[str, Medlem] | None = None

    @property
    def medlemmar(self) -> dict[str, Medlem]:
        if self._medlemmar is None:  # one query per import, not per row
            self._medlemmar = {m.kod: m for m in Medlem.objects.filter(forbund=self.forbund).order_by("ordning")}
        return self._medlemmar

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[Medlem]:
        koder = list(dict.fromkeys(k.strip().lower() for k in str(value or "").split(",") if k.strip()))
        okanda = [k for k in koder if k not in self.medlemmar]
        if okanda:
            raise ValueError(f"Okänd medlemskod {', '.join(okanda)}; förbundets koder är {', '.join(self.medlemmar)}.")
        return [self.medlemmar[k] for k in koder]


class InsatsResource(resources.ModelResource):
    kortnamn = fields.Field(attribute="kortnamn", column_name="kortnamn")
    namn = fields.Field(attribute="namn", column_name="namn")
    typ = fields.Field(attribute="typ", column_name="typ", widget=ValWidget(list(Insats.Typ.values)))
    inriktning = fields.Field(attribute="inriktning", column_name="inriktning", widget=ValWidget(list(Insats.Inriktning.values)))
    startdatum = fields.Field(attribute="startdatum", column_name="startdatum", widget=DatumWidget(True))
    slutdatum = fields.Field(attribute="slutdatum", column_name="slutdatum", widget=DatumWidget(False))

    class Meta:
        model = Insats
        fields = KOLUMNER
        import_id_fields = ["kortnamn"]
        clean_model_instances = True
        skip_unchanged = False
        skip_diff = True
        instance_loader_class = CachedInstanceLoader  # one query loads the förbund's interventions

    def __init__(self, forbund: Forbund, aktor: Any = None) -> None:
        super().__init__()
        self.forbund = forbund
        self.aktor = aktor
        self.fields["parter"] = fields.Field(attribute="parter", column_name="parter", widget=ParterWidget(forbund))
        self.fields["agare"] = fields.Field(attribute=None, column_name="agare", readonly=True)

    def get_queryset(self) -> Any:
        return Insats.objects.filter(forbund=self.forbund)

    def init_instance(self, row: Any = None) -> Insats:
        return Insats(forbund=self.forbund)

    def import_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors.update(exc.error_dict)
        for falt in ("kortnamn", "namn"):
            if not str(row.get(falt) or "").strip():
                errors[falt] = ValidationError("Värde saknas.")
        self._satt_agare(instance, str(row.get("agare") or "").strip())
        try:
            parter = self.fields["parter"].widget.clean(row.get("parter"))
            if instance.pk and len(parter) < 2 and instance.beviljanden.exists():
                errors["parter"] = ValidationError("Insatsen har beviljade medel; minst två medlemmar måste delta.")
        except ValueError as exc:
            errors["parter"] = ValidationError(str(exc))
        if errors:
            raise ValidationError(errors)

    def _satt_agare(self, instance: Insats, agare: str) -> None:
        if not agare:
            return  # keeps the owner of an existing intervention; a new one is refused by Insats.clean()
        medlem = self.fields["parter"].widget.medlemmar.get(agare.lower())
        instance.agare_medlem = medlem
        instance.agare_extern = "" if medlem else agare

    def validate_instance(self, instance: Any, import_validation_errors: Any = None, validate_unique: bool = True) -> None:
        """Field and model validation in Python. The database constraints are not queried row by row: kortnamn is unique
        because each row is matched to an existing intervention (and duplicates in the file are refused), and the period
        and age checks are in Insats.clean()."""
        errors = dict(import_validation_errors or {})
        try:
            instance.full_clean(exclude=list(errors), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        for falt in AGARFALT:  # the owner is one column in the file
            if falt in errors:
                errors.setdefault("agare", []).extend(errors.pop(falt))
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        if kwargs.get("dry_run"):
            return
        handelse_logga(
            aktor=self.aktor,
            forbund=self.forbund,
            handling="insats_importera",
            objekt=instance,
            detaljer={k: str(row.get(k) or "") for k in KOLUMNER},
        )

    def dehydrate_agare(self, insats: Insats) -> str:
        return insats.agare_medlem.kod if insats.agare_medlem_id and insats.agare_medlem else insats.agare_extern

    def dehydrate_parter(self, insats: Insats) -> str:
        return ",".join(m.kod for m in insats.parter.all())


@dataclass
class Importresultat:
    fel: list[str] = field(default_factory=list)
    nya: int = 0
    uppdaterade: int = 0

    @property
    def ok(self) -> bool:
        return not self.fel


def las_fil(innehall: bytes, filnamn: str = "") -> tablib.Dataset:
    """Read CSV (; or , — UTF-8, UTF-16, Windows-1252 or ISO-8859, detected by finsam.kodning) or XLSX into a dataset with lower-case headers."""
    if innehall[:4] == b"PK\x03\x04" or filnamn.lower().endswith(".xlsx"):
        try:
            data = tablib.Dataset().load(io.BytesIO(innehall), format="xlsx")
        except Exception as exc:
            raise ValidationError("Filen kunde inte läsas som XLSX.") from exc
        rubriker = [str(h or "").strip().lower() for h in (data.headers or [])]
        rader = [list(r) for r in data]
    else:
        text, _kodning = avkoda(innehall)
        forsta = text.splitlines()[0] if text.strip() else ""
        avgransare = ";" if forsta.count(";") >= forsta.count(",") else ","
        alla = [r for r in csv.reader(io.StringIO(text), delimiter=avgransare) if any(c.strip() for c in r)]
        if not alla:
            raise ValidationError("Filen är tom.")
        rubriker = [h.strip().lower() for h in alla[0]]
        rader = alla[1:]
    saknas = [k for k in [*OBLIGATORISKA, "parter"] if k not in rubriker]
    if saknas:
        raise ValidationError(f"Kolumnen {', '.join(saknas)} saknas i rubrikraden. Kolumner som krävs: {', '.join(KOLUMNER)}.")
    dataset = tablib.Dataset(headers=rubriker)
    for rad in rader:
        rad = list(rad) + [""] * (len(rubriker) - len(rad))
        dataset.append(rad[: len(rubriker)])
    return dataset


def _felrader(resultat: Any) -> list[str]:
    fel: list[str] = []
    for rad in resultat.invalid_rows:
        for falt, meddelanden in sorted(rad.error_dict.items()):
            kolumn = "" if falt == NON_FIELD_ERRORS else f", kolumn {falt}"
            for m in meddelanden:
                fel.append(f"Rad {rad.number + 1}{kolumn}: {m}")
    for nummer, rad in resultat.row_errors():
        for e in rad:
            fel.append(f"Rad {nummer + 1}: {e.error}")
    for e in resultat.base_errors:
        fel.append(f"Filen: {e.error}")
    return fel


def importera(*, forbund: Forbund, aktor: Any, innehall: bytes, filnamn: str = "") -> Importresultat:
    """Import interventions all-or-nothing. Row numbers in messages count the header as row 1."""
    utfall = Importresultat()
    try:
        dataset = las_fil(innehall, filnamn)
    except ValidationError as exc:
        utfall.fel = list(exc.messages)
        return utfall
    sett: dict[str, int] = {}
    for i, rad in enumerate(dataset.dict, start=2):
        kort = str(rad.get("kortnamn") or "").strip().lower()
        if kort and kort in sett:
            utfall.fel.append(f"Rad {i}, kolumn kortnamn: {rad['kortnamn']} finns redan på rad {sett[kort]}.")
        sett.setdefault(kort, i)
    if utfall.fel:
        return utfall
    resurs = InsatsResource(forbund, aktor)
    with transaction.atomic():  # one pass; any error in any row rolls back every row
        resultat = resurs.import_data(dataset, dry_run=False, use_transactions=True, raise_errors=False)
        utfall.fel = _felrader(resultat)
        if utfall.fel:
            transaction.set_rollback(True)
            return utfall
        utfall.nya = resultat.totals.get("new", 0)
        utfall.uppdaterade = resultat.totals.get("update", 0)
        handelse_logga(
            aktor=aktor,
            forbund=forbund,
            handling="insatser_importera",
            detaljer={"fil": filnamn, "nya": utfall.nya, "uppdaterade": utfall.uppdaterade},
        )
    return utfall


def exportera(forbund: Forbund, format_: str = "csv") -> bytes:
    """The register as CSV or XLSX through finsam.export: neutralised text (no formulas), dates and amounts typed."""
    qs = Insats.objects.filter(forbund=forbund).select_related("agare_medlem").prefetch_related("parter").order_by(svensk("kortnamn"))
    rader = dataset_rader(InsatsResource(forbund).export(queryset=qs))
    return som_xlsx(rader, blad="Insatser") if format_ == "xlsx" else som_csv(rader)
