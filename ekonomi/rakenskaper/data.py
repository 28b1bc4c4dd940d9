"""Loading the year's balances: one aggregate query per year, grouped by statement line and note line in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import BigIntegerField, Case, F, Q, Sum, Value, When
from django.db.models.functions import Cast, Coalesce, Round

from finsam.models import Forbund

from ..bokforing.kontoplan import utanfor_rakenskaperna
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


def _forsta(intervall: list[Any], varde: str) -> Any:
    """A function giving what `_case` gives in SQL: the first range (in list order) holding a mapping key, memoised (a
    year has hundreds of accounts and tens of ranges)."""
    minne: dict[int, Any] = {}

    def hitta(nyckel: int) -> Any:
        if nyckel not in minne:
            minne[nyckel] = next((getattr(i, varde) for i in intervall if i.fran <= nyckel <= i.till), None)
        return minne[nyckel]

    return hitta


def las_saldon(
    forbund: Forbund, imp: Redovisningsimport | None, rar: int, intervall: list[Kontointervall], kopplingar: list[Kontokoppling]
) -> Saldon:
    return las_saldon_flera(forbund, [(imp, rar)], intervall, kopplingar)[0]


def las_saldon_flera(
    forbund: Forbund, urval: list[tuple[Redovisningsimport | None, int]], intervall: list[Kontointervall], kopplingar: list[Kontokoppling]
) -> list[Saldon]:
    """Sums of IB/UB/RES per statement line, per note line and per account group for each (import, year (rar)) of
    `urval`. One query for them all, one row per account (a year has hundreds, not thousands), mapped to the ranges here
    as `_case` would in SQL (the same first-match rule, without compiling a CASE per range on every call). Accounts of
    classes 9 and 0 are set apart, not unmapped."""
    ut = [Saldon() for _ in urval]
    villkor = Q()
    plats: dict[tuple[int, int], Saldon] = {}
    for (imp, rar), saldon in zip(urval, ut, strict=True):
        if imp is not None:
            villkor |= Q(redovisningsimport=imp, rar=rar)
            plats[(imp.pk, rar)] = saldon
    if not plats:
        return ut
    rad_for, spec_for = _forsta(intervall, "rad"), _forsta(kopplingar, "pk")
    qs = Kontosaldo.objects.filter(villkor, forbund=forbund).order_by("konto")
    for r in qs.values("redovisningsimport_id", "rar", "konto", "kontonyckel", "namn", "ib", "ub", "res", "verifikationer"):
        saldon = plats[(r["redovisningsimport_id"], r["rar"])]
        saldon.finns = True
        rad, spec = rad_for(r["kontonyckel"]), spec_for(r["kontonyckel"])
        if r["verifikationer"]:
            saldon.rorelse[rad] = saldon.rorelse.get(rad, NOLL) + Decimal(r["verifikationer"])
        varden = {"ib": Decimal(r["ib"]), "ub": Decimal(r["ub"]), "res": Decimal(r["res"])}
        nyckel = r["kontonyckel"] or r["konto"]
        if rad is None:
            if not any(varden.values()):
                continue
            konto = {"konto": r["konto"], "namn": r["namn"], **varden}
            (saldon.utanfor if utanfor_rakenskaperna(nyckel) else saldon.ej_mappade).append(konto)
            continue
        for k, v in varden.items():
            saldon.rad[rad][k] += v
            saldon.spec[(rad, spec)][k] += v
        if spec is None:
            grupp = saldon.grupper.setdefault((rad, nyckel // 10), {"ib": NOLL, "ub": NOLL, "res": NOLL, "namn": []})
            for k, v in varden.items():
                grupp[k] += v
            if r["namn"] and r["namn"] not in grupp["namn"]:
                grupp["namn"].append(r["namn"])
    return ut
