"""Loading the year's balances: one aggregate query per year, grouped by statement line and note line in the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Case, DecimalField, IntegerField, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from finsam.models import Forbund

from ..models import Kontointervall, Kontokoppling, Kontosaldo, Redovisningsimport

NOLL = Decimal("0.00")


@dataclass
class Saldon:
    """Sums per (statement line) and per (statement line, note line); `ej_mappade` lists accounts outside every range."""

    rad: dict[str, dict[str, Decimal]] = field(default_factory=lambda: defaultdict(lambda: {"ib": NOLL, "ub": NOLL, "res": NOLL}))
    spec: dict[tuple[str, int | None], dict[str, Decimal]] = field(
        default_factory=lambda: defaultdict(lambda: {"ib": NOLL, "ub": NOLL, "res": NOLL})
    )
    ej_mappade: list[dict[str, Any]] = field(default_factory=list)
    finns: bool = False

    def ib(self, rad: str) -> Decimal:
        return self.rad[rad]["ib"] if rad in self.rad else NOLL

    def ub(self, rad: str) -> Decimal:
        return self.rad[rad]["ub"] if rad in self.rad else NOLL

    def res(self, rad: str) -> Decimal:
        return self.rad[rad]["res"] if rad in self.rad else NOLL


def _case(intervall: list[Any], varde: str, output: Any) -> Any:
    if not intervall:
        return Value(None, output_field=output)
    return Case(*[When(konto__gte=i.fran, konto__lte=i.till, then=Value(getattr(i, varde))) for i in intervall], default=None,
                output_field=output)


def las_rorelse(forbund: Forbund, imp: Redovisningsimport, intervall: list[Kontointervall]) -> dict[str | None, Decimal]:
    """The vouchers' sum per statement line (one aggregate query), to compare with the balances in the file."""
    from django.db.models import CharField

    from ..models import Transaktion

    dec = DecimalField(max_digits=16, decimal_places=2)
    qs = (
        Transaktion.objects.filter(forbund=forbund, redovisningsimport=imp)
        .annotate(_rad=_case(intervall, "rad", CharField()))
        .values("_rad")
        .annotate(summa=Coalesce(Sum("belopp"), Value(NOLL), output_field=dec))
        .order_by()
    )
    return {r["_rad"]: Decimal(r["summa"]) for r in qs}


def las_saldon(forbund: Forbund, imp: Redovisningsimport | None, rar: int, intervall: list[Kontointervall],
               kopplingar: list[Kontokoppling]) -> Saldon:
    """Sums of IB/UB/RES per statement line and note line for one import and year (rar). Two queries."""
    saldon = Saldon()
    if imp is None:
        return saldon
    from django.db.models import CharField

    qs = Kontosaldo.objects.filter(forbund=forbund, redovisningsimport=imp, rar=rar).annotate(
        _rad=_case(intervall, "rad", CharField()), _spec=_case(kopplingar, "pk", IntegerField())
    )
    dec = DecimalField(max_digits=16, decimal_places=2)
    for r in qs.values("_rad", "_spec").annotate(
        ib=Coalesce(Sum("ib"), Value(NOLL), output_field=dec), ub=Coalesce(Sum("ub"), Value(NOLL), output_field=dec),
        res=Coalesce(Sum("res"), Value(NOLL), output_field=dec),
    ).order_by():
        saldon.finns = True
        varden = {"ib": Decimal(r["ib"]), "ub": Decimal(r["ub"]), "res": Decimal(r["res"])}
        if r["_rad"] is None:
            continue
        for k, v in varden.items():
            saldon.rad[r["_rad"]][k] += v
            saldon.spec[(r["_rad"], r["_spec"])][k] += v
    villkor = Q()
    for i in intervall:
        villkor |= Q(konto__gte=i.fran, konto__lte=i.till)
    ej = Kontosaldo.objects.filter(forbund=forbund, redovisningsimport=imp, rar=rar)
    if intervall:
        ej = ej.exclude(villkor)
    ej = ej.exclude(ib=0, ub=0, res=0).order_by("konto")
    saldon.ej_mappade = [{"konto": s.konto, "namn": s.namn, "ib": s.ib, "ub": s.ub, "res": s.res} for s in ej]
    return saldon
