"""Bookkeeping import (SIE type 4 or a CSV trial balance) and the förbund's account mapping."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, models, transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund

from ..bokforing.saldobalans import las_saldobalans
from ..bokforing.sie import las_sie
from ..models import Kontointervall, Kontokoppling, Kontosaldo, Redovisningsimport, Transaktion

STANDARDINTERVALL: list[tuple[int, int, str]] = [
    # Defaults that fit both BAS and the municipal chart of accounts (the ranges)
    (1000, 1499, "anlaggningstillgangar"),
    (1500, 1799, "fordringar"),
    (1900, 1999, "kassa_bank"),
    (2000, 2099, "eget_kapital"),
    (2200, 2399, "langfristiga"),
    (2400, 2999, "kortfristiga"),
    (3000, 3999, "intakter"),
    (4000, 7799, "kostnader"),
    (7800, 7899, "avskrivningar"),
    (7900, 7999, "kostnader"),
    (8000, 8899, "finansiella"),
    (8900, 8999, "resultatdisposition"),
]


def standard_intervall(forbund: Forbund) -> list[Kontointervall]:
    """The default ranges as unsaved objects: used until the förbund saves its own."""
    return [Kontointervall(forbund=forbund, fran=f, till=t, rad=r) for f, t, r in STANDARDINTERVALL]


def kontoplan_standard(forbund: Forbund) -> int:
    """Create the default ranges for a förbund that has none. Returns how many were created."""
    if Kontointervall.objects.filter(forbund=forbund).exists():
        return 0
    Kontointervall.objects.bulk_create([Kontointervall(forbund=forbund, fran=f, till=t, rad=r) for f, t, r in STANDARDINTERVALL])
    return len(STANDARDINTERVALL)


def _overlapp(modell: type[models.Model], obj: Any) -> None:
    krock = (
        modell._default_manager.filter(forbund=obj.forbund, fran__lte=obj.till, till__gte=obj.fran)  # type: ignore[attr-defined]
        .exclude(pk=obj.pk)
        .first()
    )
    if krock is not None:
        raise ValidationError(f"Kontona {obj.fran}–{obj.till} överlappar {krock}.")


@transaction.atomic
def kontointervall_spara(*, forbund: Forbund, aktor: Any, intervall: Kontointervall | None = None, fran: int, till: int, rad: str) -> Kontointervall:
    if kontoplan_standard(forbund):
        handelse_logga(aktor=aktor, forbund=forbund, handling="kontoplan_skapa", detaljer={"intervall": STANDARDINTERVALL})
    fore = snapshot(intervall) if intervall else {}
    obj = intervall or Kontointervall(forbund=forbund)
    obj.fran, obj.till, obj.rad = fran, till, rad
    obj.full_clean()
    _overlapp(Kontointervall, obj)
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="kontointervall_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def kontointervall_ta_bort(*, intervall: Kontointervall, aktor: Any) -> None:
    handelse_logga(aktor=aktor, forbund=intervall.forbund, handling="kontointervall_ta_bort", objekt=intervall,
                   andringar=diff(snapshot(intervall), {}))
    intervall.delete()


@transaction.atomic
def kontokoppling_spara(
    *, forbund: Forbund, aktor: Any, koppling: Kontokoppling | None = None, fran: int, till: int, text: str, nyckel: str = "",
    medlem: Any = None,
) -> Kontokoppling:
    if medlem is not None and medlem.forbund_id != forbund.pk:
        raise ValidationError({"medlem": "Finns inte i förbundet."})
    fore = snapshot(koppling) if koppling else {}
    obj = koppling or Kontokoppling(forbund=forbund)
    obj.fran, obj.till, obj.text, obj.nyckel, obj.medlem = fran, till, text, nyckel, medlem
    obj.full_clean()
    _overlapp(Kontokoppling, obj)
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="kontokoppling_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def kontokoppling_ta_bort(*, koppling: Kontokoppling, aktor: Any) -> None:
    handelse_logga(aktor=aktor, forbund=koppling.forbund, handling="kontokoppling_ta_bort", objekt=koppling,
                   andringar=diff(snapshot(koppling), {}))
    koppling.delete()


def _harled_saldon(fil: Any) -> None:
    """A file without #UB/#RES for the year: closing balances and results follow from #IB and the vouchers."""
    for v in fil.verifikationer:
        for t in v.trans:
            if t.konto < 3000:
                fil.ub[(0, t.konto)] = fil.ub.get((0, t.konto), fil.ib.get((0, t.konto), Decimal(0))) + t.belopp
            else:
                fil.res[(0, t.konto)] = fil.res.get((0, t.konto), Decimal(0)) + t.belopp
    for (rar, konto), belopp in fil.ib.items():
        if rar == 0:
            fil.ub.setdefault((0, konto), belopp)


TRANSAKTIONSFALT = ["forbund", "redovisningsimport", "serie", "vernr", "datum", "konto", "belopp", "text"]
Rad = tuple[str, str, dt.date, int, Decimal, str]  # serie, vernr, datum, konto, belopp, text


def _spara_transaktioner(forbund: Forbund, imp: Redovisningsimport, transaktioner: list[Rad]) -> None:
    """Insert the vouchers' rows without building model objects (a year may hold tens of thousands of rows):
    COPY on PostgreSQL, multi-row INSERTs of bound values elsewhere."""
    if not transaktioner:
        return
    falt: list[Any] = [Transaktion._meta.get_field(f) for f in TRANSAKTIONSFALT]
    ops = connection.ops
    tabell = ops.quote_name(Transaktion._meta.db_table)
    kolumner = ", ".join(ops.quote_name(str(f.column)) for f in falt)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {tabell} ({kolumner}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for serie, vernr, datum, konto, belopp, text in transaktioner:
                    copy.write_row((forbund.pk, imp.pk, serie, vernr, datum, konto, belopp, text))
            return
        platshallare = f"({', '.join(['%s'] * len(falt))})"
        rader = [(forbund.pk, imp.pk, serie, vernr, ops.adapt_datefield_value(datum), konto, ops.adapt_decimalfield_value(belopp, 14, 2),
                  text) for serie, vernr, datum, konto, belopp, text in transaktioner]
        per_sats = 250  # rows per INSERT: 2 000 parameters, well below every backend's limit
        for i in range(0, len(rader), per_sats):
            del_ = rader[i : i + per_sats]
            sql = f"INSERT INTO {tabell} ({kolumner}) VALUES {', '.join([platshallare] * len(del_))}"  # noqa: S608 - names from the model, values bound
            cursor.execute(sql, [v for rad in del_ for v in rad])


@transaction.atomic
def bokforing_importera(
    *, forbund: Forbund, aktor: Any, data: bytes, filnamn: str, kalla: str = "sie", ar: int | None = None, tom: dt.date | None = None
) -> Redovisningsimport:
    """Import a year's bookkeeping. Parses everything first: a faulty file changes nothing. Replaces an earlier import of the year."""
    if kalla == Redovisningsimport.Kalla.SIE:
        fil = las_sie(data)
        fran, slut = fil.rar[0]
        if ar is not None and slut.year != ar:
            raise ValidationError(f"SIE-filen avser räkenskapsåret {slut.year}, inte {ar}.")
        ar = slut.year
        if not any(r == 0 for r, _ in (*fil.ub, *fil.res)):
            _harled_saldon(fil)
        saldon: list[Kontosaldo] = []
        for rar in (0, -1):
            konton = {k for (r, k) in (*fil.ib, *fil.ub, *fil.res) if r == rar}
            for k in sorted(konton):
                saldon.append(Kontosaldo(
                    forbund=forbund, rar=rar, konto=k, namn=fil.konton.get(k, "")[:200],
                    ib=fil.ib.get((rar, k), Decimal(0)), ub=fil.ub.get((rar, k), Decimal(0)), res=fil.res.get((rar, k), Decimal(0)),
                ))
        transaktioner: list[Rad] = [
            (v.serie[:20], v.nummer[:40], t.datum, t.konto, t.belopp, (t.text or v.text)[:200]) for v in fil.verifikationer for t in v.trans
        ]
        info: dict[str, Any] = {"program": fil.program[:200], "foretag": fil.fnamn[:200], "fran": fran, "tom": slut, "antal": len(fil.verifikationer)}
    elif kalla == Redovisningsimport.Kalla.CSV:
        if ar is None:
            raise ValidationError({"ar": "Ange räkenskapsåret för saldobalansen."})
        tom = tom or dt.date(ar, 12, 31)
        if tom.year != ar:
            raise ValidationError({"tom": f"Datumet måste ligga i {ar}."})
        rader = las_saldobalans(data)
        saldon = [Kontosaldo(forbund=forbund, rar=0, konto=r.konto, namn=r.namn[:200], ib=r.ib, ub=r.ub, res=r.res) for r in rader]
        # The period's movement as one row per account, dated at the balance's end (no vouchers in a trial balance).
        transaktioner = [
            ("SB", "", tom, r.konto, r.res if r.konto >= 3000 else r.ub - r.ib, "Saldobalans")
            for r in rader if (r.res if r.konto >= 3000 else r.ub - r.ib)
        ]
        info = {"program": "", "foretag": "", "fran": dt.date(ar, 1, 1), "tom": tom, "antal": 0}
    else:
        raise ValidationError("Okänd filtyp; välj SIE eller CSV.")

    tidigare = Redovisningsimport.objects.select_for_update().filter(forbund=forbund, ar=ar).first()
    fore = snapshot(tidigare) if tidigare else {}
    if tidigare is not None:
        tidigare.delete()
    imp = Redovisningsimport(
        forbund=forbund, ar=ar, kalla=kalla, filnamn=filnamn[:255], sha256=hashlib.sha256(data).hexdigest(),
        program=info["program"], foretag=info["foretag"], fran=info["fran"], tom=info["tom"], antal_verifikationer=info["antal"],
        importerad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    imp.full_clean()
    imp.save()
    for s in saldon:
        s.redovisningsimport = imp
    Kontosaldo.objects.bulk_create(saldon, batch_size=1000)
    _spara_transaktioner(forbund, imp, transaktioner)
    handelse_logga(
        aktor=aktor, forbund=forbund, handling="bokforing_importera", objekt=imp, andringar=diff(fore, snapshot(imp)),
        detaljer={"konton": len(saldon), "transaktioner": len(transaktioner), "ersatte": bool(tidigare)},
    )
    return imp
