"""Budget reads: the current version, the three-year table (as in the seed), the 30 November warning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When

from finsam.formatting import kr
from finsam.models import Forbund

from ..models import Budget, Budgetrad

GRUPPRUBRIK = {"administration": "Administration", "insatser": "Insatser"}


def budgetar(forbund: Forbund) -> QuerySet[Budget]:
    return Budget.objects.filter(forbund=forbund).select_related("paragraf", "paragraf__sammantrade").order_by("-ar", "-version")


def aktuell_budget(forbund: Forbund, ar: int) -> Budget | None:
    """The set budget of the year; if none is set, the latest draft. One query."""
    return (
        Budget.objects.filter(forbund=forbund, ar=ar)
        .exclude(status=Budget.Status.ERSATT)
        .select_related("paragraf", "paragraf__sammantrade")
        .annotate(_f=Case(When(status=Budget.Status.FASTSTALLD, then=Value(0)), default=Value(1), output_field=IntegerField()))
        .order_by("_f", "-version")
        .first()
    )


def _summa(varden: list[list[Decimal | None]]) -> list[Decimal]:
    return [sum((v[i] or Decimal(0) for v in varden), Decimal(0)) for i in range(3)]


def tabell_for(budget: Budget, rader: list[Budgetrad]) -> dict[str, Any]:
    """The seed's table: income per line, costs (negative) per group with sums, total costs, result and equity used."""
    ar_lista = list(budget.planar)
    intakter: list[dict[str, Any]] = [
        {"nyckel": r.nyckel, "text": r.text, "grupp": r.grupp, "belopp": [r.belopp, r.plan1, r.plan2], "id": r.pk} for r in rader if r.ar_intakt
    ]
    grupper: list[dict[str, Any]] = []
    for grupp, rubrik in GRUPPRUBRIK.items():
        egna = [r for r in rader if (r.grupp == grupp or (grupp == "insatser" and r.grupp == "nya"))]
        egna.sort(key=lambda r: (r.grupp == "nya", r.ordning, r.pk or 0))
        gr: list[dict[str, Any]] = [
            {
                "nyckel": r.nyckel,
                "text": r.text,
                "grupp": r.grupp,
                "id": r.pk,
                "belopp": [-v if v is not None else None for v in (r.belopp, r.plan1, r.plan2)],
            }
            for r in egna
        ]
        grupper.append({"grupp": grupp, "rubrik": rubrik, "rader": gr, "summa": _summa([g["belopp"] for g in gr])})
    summa_intakter = _summa([i["belopp"] for i in intakter])
    summa_kostnader = _summa([g["summa"] for g in grupper])
    resultat = [summa_intakter[i] + summa_kostnader[i] for i in range(3)]
    eget_kapital = [max(-r, Decimal(0)) for r in resultat]
    return {
        "ar": budget.ar,
        "ar_lista": ar_lista,
        "budget_id": budget.pk,
        "version": budget.version,
        "status": budget.status,
        "status_text": budget.get_status_display(),
        "paragraf": str(budget.paragraf) if budget.paragraf_id else "",
        "faststalld_datum": budget.faststalld_datum,
        "intakter": intakter,
        "summa_intakter": summa_intakter,
        "grupper": grupper,
        "summa_kostnader": summa_kostnader,
        "resultat": resultat,
        "eget_kapital_anspraktaget": eget_kapital,
        "underfinansierad": eget_kapital[0] > 0,
        "underfinansiering_text": (
            f"Budget {budget.ar} är underfinansierad med {_kr(eget_kapital[0])} som tas ur eget kapital." if eget_kapital[0] > 0 else ""
        ),
    }


def _kr(v: Decimal) -> str:
    return kr(v)


def budget_tabell(forbund: Forbund, ar: int) -> dict[str, Any] | None:
    """The budget for `ar` (the set version, else the latest draft) with the plan for the two following years.

    Amounts in kronor; costs negative as in the seed table. None when no budget exists. Two queries.
    """
    budget = aktuell_budget(forbund, ar)
    if budget is None:
        return None
    rader = list(budget.rader.select_related("medlem", "insats").order_by("ordning", "id"))
    return tabell_for(budget, rader)


def budget_varning(forbund: Forbund, idag: dt.date | None = None) -> str:
    """A warning when next year's budget is not set by 30 November (statutes § 13). Empty when all is well."""
    idag = idag or dt.date.today()
    nasta = idag.year + 1
    if idag < dt.date(idag.year, 10, 1):
        return ""
    if Budget.objects.filter(forbund=forbund, ar=nasta, status=Budget.Status.FASTSTALLD).exists():
        return ""
    if idag > dt.date(idag.year, 11, 30):
        return f"Budget {nasta} är inte fastställd; den skulle ha fastställts senast den 30 november {idag.year}."
    return f"Budget {nasta} ska fastställas av styrelsen senast den 30 november {idag.year}."
