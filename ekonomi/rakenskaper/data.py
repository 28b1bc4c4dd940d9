"""Loading the year's balances: one aggregate query per year, grouped by statement line and note line in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import BigIntegerField, Case, F, IntegerField, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Round

from finsam.models import Forbund

from ..models import Kontointervall, Kontokoppling, Kontosaldo, Redovisningsimport

NOLL = Decimal("0.00")


@dataclass
class Saldon:
    """Sums per (statement line) and per (statement line, note line); `ej_mappade` lists accounts outside every range."""

    rad: dict[str, dict[str, Decimal]] = field(default_factory=lambda: defaultdict(lambda: {"ib": NOLL, "ub": NOLL, "res": NOLL}))
    spec: dict[tuple[str, int | None], dict[str, Decimal]] = field(default_factory=lambda: defaultdict(lambda: {"ib": NOLL, "ub": NOLL, "res": NOLL}))
    ej_mappade: list[dict[str, Any]] = field(default_factory=list)
    utanfor: list[dict[str, Any]] = field(default_factory=list)  # classes 9 and 0: internal, never in the statements
    # accounts without a note mapping, per (statement line, three-digit account group), with the file's account names
    grupper: dict[tuple[str, int], dict[str, Any]] = field(default_factory=dict)
    # the vouchers' sum per statement line (stored per account at import), to compare with the balances in the file
    rorelse: dict[str | None, Decimal] = field(default_factory=dict)
    finns: bool = False

    def ib(self, rad: str) -> Decimal:
        return self.rad[rad]["ib"] if rad in self.rad else NOLL

    def ub(self, rad: str) -> Decimal:
        return self.rad[rad]["ub"] if rad in self.rad else NOLL

    def res(self, rad: str) -> Decimal:
        return self.rad[rad]["res"] if rad in self.rad else NOLL


def summa_exakt(falt: str) -> Any:
    """SUM of a money column in whole öre as an integer: exact on every database (SQLite keeps decimals as floating
    point and would sum 0.1 + 0.2 to 0.30000000000000004). Convert back with `fran_ore`."""
    return Coalesce(Sum(Cast(Round(F(falt) * 100), BigIntegerField())), Value(0), output_field=BigIntegerField())


def fran_ore(ore: int | None) -> Decimal:
    return (Decimal(ore or 0) / 100).quantize(Decimal("0.01"))


def _case(intervall: list[Any], varde: str, output: Any) -> Any:
    if not intervall:
        return Value(None, output_field=output)
    return Case(
        *[When(kontonyckel__gte=i.fran, kontonyckel__lte=i.till, then=Value(getattr(i, varde))) for i in intervall], default=None, output_field=output
    )


def las_saldon(
    forbund: Forbund, imp: Redovisningsimport | None, rar: int, intervall: list[Kontointervall], kopplingar: list[Kontokoppling]
) -> Saldon:
    """Sums of IB/UB/RES per statement line, per note line and per account group for one import and year (rar). One query
    (one row per account: a year has hundreds, not thousands). Accounts of classes 9 and 0 are set apart, not unmapped."""
    saldon = Saldon()
    if imp is None:
        return saldon
    from django.db.models import CharField

    from ..bokforing.kontoplan import utanfor_rakenskaperna

    qs = Kontosaldo.objects.filter(forbund=forbund, redovisningsimport=imp, rar=rar).annotate(
        _rad=_case(intervall, "rad", CharField()), _spec=_case(kopplingar, "pk", IntegerField())
    )
    for r in qs.values("konto", "kontonyckel", "namn", "ib", "ub", "res", "verifikationer", "_rad", "_spec").order_by("konto"):
        saldon.finns = True
        if r["verifikationer"]:
            saldon.rorelse[r["_rad"]] = saldon.rorelse.get(r["_rad"], NOLL) + Decimal(r["verifikationer"])
        varden = {"ib": Decimal(r["ib"]), "ub": Decimal(r["ub"]), "res": Decimal(r["res"])}
        nyckel = r["kontonyckel"] or r["konto"]
        if r["_rad"] is None:
            if not any(varden.values()):
                continue
            konto = {"konto": r["konto"], "namn": r["namn"], **varden}
            (saldon.utanfor if utanfor_rakenskaperna(nyckel) else saldon.ej_mappade).append(konto)
            continue
        for k, v in varden.items():
            saldon.rad[r["_rad"]][k] += v
            saldon.spec[(r["_rad"], r["_spec"])][k] += v
        if r["_spec"] is None:
            grupp = saldon.grupper.setdefault((r["_rad"], nyckel // 10), {"ib": NOLL, "ub": NOLL, "res": NOLL, "namn": []})
            for k, v in varden.items():
                grupp[k] += v
            if r["namn"] and r["namn"] not in grupp["namn"]:
                grupp["namn"].append(r["namn"])
    return saldon
