"""django-import-export resource for enrolments: the administratör's spreadsheet, in and out.

One row = one enrolment. A row is matched to an existing enrolment by (insats, deltagare_id,
inskriven); anonymous rows (samtycke = nej) by (insats, deltagare_id, start year). The resource
loads the förbund's interventions, participants and enrolments once per import (a fixed number of
queries), validates every row with the model's rules and the one-open-enrolment rule across the
file, and writes in bulk.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Model
from django.utils import timezone
from import_export import fields, resources, widgets

from finsam.models import Forbund
from insatser.models import Insats

from .models import KOD_VALIDATOR, Deltagare, Inskrivning
from .vokabular import Forsorjning, Kon, Remittent, Utbildning, tolka

KOLUMNER = ["insats", "deltagare_id", "kon", "fodelsear", "remittent", "utbildning", "forsorjning_in", "inskriven", "avslutad",
            "forsorjning_ut", "samtycke"]
JA = {"ja", "j", "yes", "true", "1", "x"}
NEJ = {"nej", "n", "no", "false", "0"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class KodWidget(widgets.Widget):
    """A vocabulary code; the Swedish label is accepted too (case-insensitive)."""

    def __init__(self, choices: Any) -> None:
        super().__init__()
        self.choices = choices

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = _text(value)
        return tolka(self.choices, text) if text else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value or ""


class DatumWidget(widgets.Widget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> dt.date | None:
        if value in (None, ""):
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            if len(text) != 10:
                raise ValueError
            return dt.date.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"värdet ”{text}” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD") from exc

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.isoformat() if value else ""


class ArWidget(widgets.Widget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        text = _text(value)
        if not text:
            return None
        if not (text.isdigit() and len(text) == 4):
            raise ValueError(f"värdet ”{text}” är inget årtal; skriv fyra siffror, t.ex. 1990")
        return int(text)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class SamtyckeWidget(widgets.Widget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool:
        text = _text(value).lower()
        if text in JA:
            return True
        if text in NEJ:
            return False
        raise ValueError(f"värdet ”{_text(value)}” är inte tillåtet; tillåtna värden: ja, nej")

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "ja" if value else "nej"


class InsatsWidget(widgets.Widget):
    """Intervention kortnamn (case-insensitive) → its id, from the resource's per-import cache."""

    def __init__(self, resurs: InskrivningResource) -> None:
        super().__init__()
        self.resurs = resurs

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int:
        text = _text(value)
        insats = self.resurs.insatser.get(text.lower())
        if insats is None:
            kanda = ", ".join(sorted(i.kortnamn for i in self.resurs.insatser.values() if i.inriktning == Insats.Inriktning.INDIVID))
            kanda = kanda or "(inga individinriktade insatser registrerade)"
            raise ValueError(f"insatsen ”{text}” finns inte i förbundet; tillåtna kortnamn: {kanda}")
        if insats.inriktning != Insats.Inriktning.INDIVID:
            raise ValueError(f"insatsen ”{text}” är strukturinriktad; deltagare skrivs bara in i individinriktade insatser")
        return int(insats.pk)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return obj.insats.kortnamn if obj is not None else ""


class DeltagareWidget(widgets.Widget):
    """Participant code → its id (participants new to the förbund are created in before_import)."""

    def __init__(self, resurs: InskrivningResource) -> None:
        super().__init__()
        self.resurs = resurs

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int:
        text = _text(value)
        pk = self.resurs.deltagare.get(text)
        if pk is None:
            raise ValueError(
                f"värdet ”{text}” är ingen giltig deltagarkod; tillåtet är 1–40 tecken: bokstäver, siffror, punkt, bindestreck, understreck"
            )
        return pk

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return obj.deltagare.kod if obj is not None else ""


def infoga(model: type[Model], objekt: list[Any], faltnamn: list[str]) -> None:
    """INSERT many rows at once: COPY on PostgreSQL, one executemany elsewhere (Django's bulk_create spends most of an import
    preparing values). `objekt` are model instances, or tuples in the order of `faltnamn`."""
    falt: list[Any] = [model._meta.get_field(n) for n in faltnamn]
    attr = [f.attname for f in falt]
    if objekt and isinstance(objekt[0], tuple):
        objekt = [SimpleNamespace(**dict(zip(attr, rad, strict=True))) for rad in objekt]
    ops = connection.ops
    kolumner = ", ".join(ops.quote_name(f.column) for f in falt)
    tabell = ops.quote_name(model._meta.db_table)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {tabell} ({kolumner}) FROM STDIN") as kopia:
            for o in objekt:
                kopia.write_row([getattr(o, a) for a in attr])
        return
    konv: list[Any] = []
    for f in falt:
        typ = f.get_internal_type()
        konv.append(ops.adapt_datefield_value if typ == "DateField" else ops.adapt_datetimefield_value if typ == "DateTimeField" else None)
    sql = f"INSERT INTO {tabell} ({kolumner}) VALUES ({', '.join(['%s'] * len(falt))})"  # noqa: S608
    rader = [[k(v) if k is not None and v is not None else v for k, v in zip(konv, (getattr(o, a) for a in attr), strict=True)] for o in objekt]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rader)


def uppdatera(model: type[Model], objekt: list[Any], faltnamn: list[str]) -> None:
    """UPDATE many rows by primary key with one executemany."""
    ops = connection.ops
    falt: list[Any] = [model._meta.get_field(n) for n in faltnamn]
    konv: list[Any] = []
    for f in falt:
        typ = f.get_internal_type()
        konv.append(ops.adapt_datefield_value if typ == "DateField" else ops.adapt_datetimefield_value if typ == "DateTimeField" else None)
    satt = ", ".join(ops.quote_name(f.column) + " = %s" for f in falt)
    sql = f"UPDATE {ops.quote_name(model._meta.db_table)} SET {satt} WHERE {ops.quote_name(str(model._meta.pk.column))} = %s"  # noqa: S608
    rader = [[*(k(v) if k is not None and v is not None else v for k, v in zip(konv, (getattr(o, f.attname) for f in falt), strict=True)), o.pk]
             for o in objekt]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rader)


INSKRIVNING_FALT = ["forbund", "insats", "deltagare", "samtycke", "samtycke_datum", "kon", "fodelsear", "remittent", "utbildning",
                    "forsorjning_in", "inskriven", "avslutad", "forsorjning_ut", "startar", "slutar", "alder", "dagar", "gallrad", "andrad"]
UPPDATERA_FALT = ["kon", "fodelsear", "remittent", "utbildning", "forsorjning_in", "inskriven", "avslutad", "forsorjning_ut", "samtycke",
                  "samtycke_datum", "startar", "slutar", "alder", "dagar", "andrad"]


class InskrivningResource(resources.ModelResource):
    insats = fields.Field(attribute="insats_id", column_name="insats")
    deltagare_id = fields.Field(attribute="deltagare_id", column_name="deltagare_id")
    kon = fields.Field(attribute="kon", column_name="kon", widget=KodWidget(Kon))
    fodelsear = fields.Field(attribute="fodelsear", column_name="fodelsear", widget=ArWidget())
    remittent = fields.Field(attribute="remittent", column_name="remittent", widget=KodWidget(Remittent))
    utbildning = fields.Field(attribute="utbildning", column_name="utbildning", widget=KodWidget(Utbildning))
    forsorjning_in = fields.Field(attribute="forsorjning_in", column_name="forsorjning_in", widget=KodWidget(Forsorjning))
    inskriven = fields.Field(attribute="inskriven", column_name="inskriven", widget=DatumWidget())
    avslutad = fields.Field(attribute="avslutad", column_name="avslutad", widget=DatumWidget())
    forsorjning_ut = fields.Field(attribute="forsorjning_ut", column_name="forsorjning_ut", widget=KodWidget(Forsorjning))
    samtycke = fields.Field(attribute="samtycke", column_name="samtycke", widget=SamtyckeWidget())

    class Meta:
        model = Inskrivning
        fields = tuple(KOLUMNER)
        import_order = tuple(KOLUMNER)
        export_order = tuple(KOLUMNER)
        import_id_fields = ("insats", "deltagare_id", "inskriven")
        use_bulk = True
        batch_size = 2000
        skip_diff = True
        skip_unchanged = True
        report_skipped = False
        clean_model_instances = False
        use_transactions = True

    def __init__(self, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.forbund = forbund
        self.fields["insats"].widget = InsatsWidget(self)
        self.fields["deltagare_id"].widget = DeltagareWidget(self)
        self.insatser: dict[str, Insats] = {}
        self.deltagare: dict[str, int] = {}
        self.befintliga: dict[tuple[Any, ...], Inskrivning] = {}
        self.oppna: dict[tuple[int, int], Inskrivning] = {}
        self.nya_deltagare = 0
        self.andringar: list[dict[str, Any]] = []
        self.radnummer: list[int] = []  # file row number of each dataset row (header is row 1)
        self._importfalt: list[Any] | None = None

    # --- export (same columns as the import: a file exported here can be imported again) ---
    def get_queryset(self) -> Any:
        return Inskrivning.objects.filter(forbund=self.forbund).select_related("insats", "deltagare")

    def dehydrate_insats(self, obj: Inskrivning) -> str:
        return obj.insats.kortnamn

    def dehydrate_deltagare_id(self, obj: Inskrivning) -> str:
        return obj.deltagare.kod

    # --- import: load everything once ---
    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        self.insatser = {i.kortnamn.lower(): i for i in Insats.objects.filter(forbund=self.forbund)}
        koder = {_text(k) for k in dataset["deltagare_id"]} if "deltagare_id" in dataset.headers else set()
        befintliga = dict(Deltagare.objects.filter(forbund=self.forbund, gallrad=False).values_list("kod", "id"))
        nu = timezone.now()
        nya: list[tuple[Any, ...]] = []
        for kod in sorted(koder - set(befintliga)):
            try:
                KOD_VALIDATOR(kod)
            except ValidationError:
                continue  # reported on the row by DeltagareWidget
            nya.append((self.forbund.pk, kod, "", False, nu))
        if nya:
            infoga(Deltagare, nya, ["forbund", "kod", "pnr_hash", "gallrad", "skapad"])
            befintliga = dict(Deltagare.objects.filter(forbund=self.forbund, gallrad=False).values_list("kod", "id"))
            self.nya_deltagare = len(nya)
        self.deltagare = befintliga
        # Only the enrolments of the participants in the file can match a row or collide with one.
        nya_koder = {d[1] for d in nya}
        ids = sorted(self.deltagare[k] for k in koder if k in self.deltagare and k not in nya_koder)
        for i in range(0, len(ids), 5000):
            for ins in Inskrivning.objects.filter(forbund=self.forbund, gallrad=False, deltagare_id__in=ids[i : i + 5000]):
                self.befintliga[self._nyckel(ins.insats_id, ins.deltagare_id, ins.samtycke, ins.inskriven, ins.startar)] = ins
                if ins.slutar is None:
                    self.oppna[(ins.insats_id, ins.deltagare_id)] = ins

    @staticmethod
    def _nyckel(insats_id: int, deltagare_id: int, samtycke: bool, inskriven: dt.date | None, startar: int | None) -> tuple[Any, ...]:
        return (insats_id, deltagare_id, inskriven) if samtycke else (insats_id, deltagare_id, "anonym", startar)

    def get_instance(self, instance_loader: Any, row: dict[str, Any]) -> Inskrivning | None:
        try:
            insats = self.insatser[_text(row.get("insats")).lower()]
            deltagare_pk = self.deltagare[_text(row.get("deltagare_id"))]
            inskriven = DatumWidget().clean(row.get("inskriven"))
            samtycke = SamtyckeWidget().clean(row.get("samtycke"))
        except (KeyError, ValueError):
            return None
        return self.befintliga.get(self._nyckel(insats.pk, deltagare_pk, samtycke, inskriven, inskriven.year if inskriven else None))

    def init_instance(self, row: Any = None) -> Inskrivning:
        return Inskrivning(forbund_id=self.forbund.pk)

    def import_instance(self, instance: Inskrivning, row: Any, **kwargs: Any) -> None:
        """Each column through its widget onto the instance; every bad cell is collected (row errors name them all).

        Same contract as import-export's own, without its generic per-field attribute traversal (our attributes are plain).
        """
        fel: dict[str, ValidationError] = {}
        for falt in self.get_import_fields():
            if falt.column_name not in row:
                continue
            try:
                setattr(instance, falt.attribute, falt.widget.clean(row[falt.column_name], row=row))
            except ValueError as exc:
                fel[falt.attribute] = ValidationError(str(exc), code="invalid")
        if fel:
            raise ValidationError(fel)

    def get_import_fields(self) -> list[Any]:
        # import-export recomputes this for every row; the fields never change during an import.
        if self._importfalt is None:
            self._importfalt = super().get_import_fields()
        return self._importfalt

    @staticmethod
    def _varden(ins: Inskrivning) -> tuple[Any, ...]:
        return (ins.kon, ins.fodelsear, ins.remittent, ins.utbildning, ins.forsorjning_in, ins.inskriven, ins.avslutad, ins.forsorjning_ut,
                ins.samtycke, ins.startar, ins.slutar, ins.alder, ins.dagar)

    def after_init_instance(self, instance: Inskrivning, new: bool, row: Any, **kwargs: Any) -> None:
        if not new:
            instance._uppf_fore = self._varden(instance)  # type: ignore[attr-defined]

    def skip_row(self, instance: Inskrivning, original: Any, row: Any, import_validation_errors: Any = None) -> bool:
        if import_validation_errors or instance.pk is None:
            return False
        instance.harled()
        return self._varden(instance) == getattr(instance, "_uppf_fore", None)

    def validate_instance(self, instance: Inskrivning, import_validation_errors: Any = None, validate_unique: bool = True) -> None:
        fel: dict[str, list[str]] = {k: list(v) if isinstance(v, list) else [str(v)] for k, v in (import_validation_errors or {}).items()}
        fel = {k: [m.message if isinstance(m, ValidationError) else str(m) for m in v] for k, v in fel.items()}
        if not {"insats_id", "deltagare_id", "inskriven", "samtycke"} & set(fel):
            try:
                instance.clean()
            except ValidationError as exc:
                for falt, meddelanden in exc.message_dict.items():
                    fel.setdefault(falt, meddelanden)
        if not fel:
            nyckel = (instance.insats_id, instance.deltagare_id)
            annan = self.oppna.get(nyckel)
            if instance.slutar is None:
                if annan is not None and annan is not instance:
                    start = f" sedan {annan.inskriven:%Y-%m-%d}" if annan.inskriven else ""
                    fel["inskriven"] = [f"deltagaren har redan en pågående inskrivning i insatsen{start}; avsluta den först"]
                else:
                    self.oppna[nyckel] = instance
            elif annan is instance:
                del self.oppna[nyckel]
        if fel:
            raise ValidationError(fel)
        if instance.pk is None:
            nyckel_ny = self._nyckel(instance.insats_id, instance.deltagare_id, instance.samtycke, instance.inskriven, instance.startar)
            self.befintliga[nyckel_ny] = instance

    def bulk_create(self, using_transactions: bool, dry_run: bool, raise_errors: bool, batch_size: int | None = None, result: Any = None) -> None:
        if self.create_instances and (using_transactions or not dry_run):
            try:
                nu = timezone.now()
                for ins in self.create_instances:
                    ins.andrad = nu
                infoga(Inskrivning, self.create_instances, INSKRIVNING_FALT)
            except Exception as e:
                self.handle_import_error(result, e, raise_errors)
            finally:
                self.create_instances.clear()

    def bulk_update(self, using_transactions: bool, dry_run: bool, raise_errors: bool, batch_size: int | None = None, result: Any = None) -> None:
        if self.update_instances and (using_transactions or not dry_run):
            try:
                nu = timezone.now()
                for ins in self.update_instances:
                    ins.andrad = nu
                uppdatera(Inskrivning, self.update_instances, UPPDATERA_FALT)
            except Exception as e:
                self.handle_import_error(result, e, raise_errors)
            finally:
                self.update_instances.clear()

    def after_import_row(self, row: Any, row_result: Any, **kwargs: Any) -> None:
        if row_result.import_type in ("new", "update") and len(self.andringar) < 500:
            i = kwargs.get("row_number", 1)
            self.andringar.append({"rad": self.radnummer[i - 1] if i - 1 < len(self.radnummer) else i + 1, "typ": row_result.import_type,
                                   "insats": _text(row.get("insats")), "deltagare": _text(row.get("deltagare_id")),
                                   "inskriven": _text(row.get("inskriven")), "avslutad": _text(row.get("avslutad"))})
