"""The outcome report (`utfall`, a contract used by rapporter and insatser).

`utfall(forbund, ar)` runs a fixed number of queries (two on PostgreSQL, three elsewhere) whatever the data size; every count is
an aggregate in the database (conditional COUNT per gender, median with window functions).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from django.db import connection

from finsam.models import Forbund
from finsam.sortering import POSTGRES_KOLLATION, SQLITE_KOLLATION
from insatser.models import Insats

from ..models import Inskrivning
from ..vokabular import ALDERSGRUPPER, ARBETE_STUDIER, KON_KODER, Forsorjning, Remittent, Utbildning

G_NYCKLAR = ["totalt", *KON_KODER]
KATEGORIER: dict[str, list[str]] = {
    "remittent": [c.value for c in Remittent],
    "utbildning": [c.value for c in Utbildning],
    "forsorjning_in": [c.value for c in Forsorjning],
    "forsorjning_ut": [c.value for c in Forsorjning],
}
MATT = [
    "deltagare",
    "nya",
    "avslutade",
    "aldersgrupp",
    "remittent",
    "utbildning",
    "forsorjning_in",
    "forsorjning_ut",
    "genomstromning",
    "median_dagar",
    "andel_arbete_studier",
]


@functools.cache
def _aggregat_sql(vendor: str, tva_ar: bool = True) -> tuple[str, list[str]]:
    """One statement: conditional aggregates over the enrolments active in the year, per (intervention, gender) and per gender.

    Built once from the vocabulary (fixed literals, no user input); parameters: %(f)s förbund id, %(ar)s and %(ar2)s the years
    (the same year twice for one year): every aggregate is grouped by the year too, so a page that shows a year and the one
    before reads both in this one statement.
    Written as SQL rather than ORM expressions because compiling ~45 conditional aggregates costs more than running them.
    On PostgreSQL one scan with GROUPING SETS also yields the medians (percentile_cont) per intervention and in total;
    elsewhere the two groupings are a UNION ALL and the medians a second query (`_medianer`).
    Each row starts with (grouping flag of insats_id, grouping flag of kon, year, insats_id, kon).
    """
    person = "deltagare_id"
    avslut = "slutar = y.ar AND forsorjning_ut <> ''"
    namn: list[str] = ["deltagare", "nya", "avslutade"]
    uttryck: list[str] = [f"COUNT(DISTINCT {person})", f"COUNT(DISTINCT {person}) FILTER (WHERE startar = y.ar)", f"COUNT(*) FILTER (WHERE {avslut})"]
    for grupp, lag, hog in ALDERSGRUPPER:
        namn.append(f"aldersgrupp__{grupp}")
        uttryck.append(f"COUNT(DISTINCT {person}) FILTER (WHERE alder >= {int(lag)} AND alder <= {int(hog)})")
    for falt in ("remittent", "utbildning", "forsorjning_in"):
        for kod in KATEGORIER[falt]:
            namn.append(f"{falt}__{kod}")
            uttryck.append(f"COUNT(DISTINCT {person}) FILTER (WHERE {falt} = '{kod}')")
    for kod in KATEGORIER["forsorjning_ut"]:
        namn.append(f"forsorjning_ut__{kod}")
        uttryck.append(f"COUNT(*) FILTER (WHERE {avslut} AND forsorjning_ut = '{kod}')")
    kolumner = ", ".join(uttryck)
    ar = "SELECT %(ar)s AS ar UNION SELECT %(ar2)s" if tva_ar else "SELECT %(ar)s AS ar"
    tabell = f"{Inskrivning._meta.db_table} CROSS JOIN ({ar}) AS y"
    urval = "forbund_id = %(f)s AND startar <= y.ar AND (slutar IS NULL OR slutar >= y.ar)"
    if vendor == "postgresql":
        median = f"percentile_cont(0.5) WITHIN GROUP (ORDER BY dagar) FILTER (WHERE {avslut} AND dagar IS NOT NULL)"
        sql = (
            f"SELECT GROUPING(insats_id), GROUPING(kon), y.ar, insats_id, kon, {kolumner}, {median} FROM {tabell} "  # noqa: S608
            f"WHERE {urval} GROUP BY GROUPING SETS ((y.ar, insats_id, kon), (y.ar, kon), (y.ar, insats_id), (y.ar))"
        )
        return sql, [*namn, "median"]
    sql = (
        f"SELECT 0, 0, y.ar, insats_id, kon, {kolumner} FROM {tabell} WHERE {urval} GROUP BY y.ar, insats_id, kon "  # noqa: S608
        f"UNION ALL SELECT 1, 0, y.ar, NULL, kon, {kolumner} FROM {tabell} WHERE {urval} GROUP BY y.ar, kon"
    )
    return sql, namn


def _tomt_g() -> dict[str, int]:
    return dict.fromkeys(G_NYCKLAR, 0)


def _tom_post() -> dict[str, Any]:
    post: dict[str, Any] = {
        "deltagare": _tomt_g(),
        "nya": _tomt_g(),
        "avslutade": _tomt_g(),
        "aldersgrupp": {namn: _tomt_g() for namn, _, _ in ALDERSGRUPPER},
    }
    for falt, koder in KATEGORIER.items():
        post[falt] = {kod: _tomt_g() for kod in koder}
    return post


@functools.lru_cache(maxsize=8)
def _vagar(namn: tuple[str, ...]) -> tuple[tuple[int, str, str | None], ...]:
    """Where each aggregate column goes in a post: (column, measure, category or None), read once per statement shape."""
    ut = []
    for i, nyckel in enumerate(namn):
        if nyckel in ("insats_id", "kon", "median"):
            continue
        falt, _, kod = nyckel.partition("__")
        ut.append((i, falt, kod or None))
    return tuple(ut)


def _lagg_till(post: dict[str, Any], kon: str, varden: list[Any], vagar: tuple[tuple[int, str, str | None], ...]) -> None:
    for i, falt, kod in vagar:
        varde = varden[i]
        if not varde:
            continue
        g = post[falt][kod] if kod is not None else post[falt]
        g[kon] += varde
        g["totalt"] += varde


def _kvoter(post: dict[str, Any], median: Decimal | float | None) -> None:
    deltagare = post["deltagare"]["totalt"]
    avslutade = post["avslutade"]["totalt"]
    post["genomstromning"] = round(avslutade / deltagare, 4) if deltagare else 0.0
    post["median_dagar"] = int(Decimal(str(median)).quantize(Decimal(1), rounding=ROUND_HALF_UP)) if median is not None else None
    arbete_studier = sum(post["forsorjning_ut"][kod]["totalt"] for kod in ARBETE_STUDIER)
    post["andel_arbete_studier"] = round(arbete_studier / avslutade, 4) if avslutade else None


_MEDIAN_SQL = """
WITH d AS (
    SELECT insats_id, dagar FROM uppfoljning_inskrivning
    WHERE forbund_id = %s AND slutar = %s AND forsorjning_ut <> '' AND dagar IS NOT NULL
), r AS (
    SELECT insats_id, dagar, ROW_NUMBER() OVER (PARTITION BY insats_id ORDER BY dagar) AS rn,
           COUNT(*) OVER (PARTITION BY insats_id) AS n FROM d
    UNION ALL
    SELECT NULL, dagar, ROW_NUMBER() OVER (ORDER BY dagar), COUNT(*) OVER () FROM d
)
SELECT insats_id, AVG(dagar) FROM r WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY insats_id
"""


def _medianer(forbund_id: int, ar: int) -> dict[int | None, Any]:
    with connection.cursor() as cursor:
        cursor.execute(_MEDIAN_SQL, [forbund_id, ar])
        return {insats_id: median for insats_id, median in cursor.fetchall()}


class _Insats(NamedTuple):
    pk: int
    kortnamn: str
    namn: str
    inriktning: str
    startdatum: dt.date
    slutdatum: dt.date | None


def _datum(varde: Any) -> Any:
    return dt.date.fromisoformat(varde) if isinstance(varde, str) else varde  # SQLite answers dates as text


def _insatser(forbund: Forbund) -> list[_Insats]:
    """The förbund's interventions as plain rows in Swedish order (the report reads six fields). Plain SQL like the
    aggregates: building the ORM statement cost as much as running it (issue 16: the report within 1.2× raw SQL)."""
    kollation = POSTGRES_KOLLATION if connection.vendor == "postgresql" else SQLITE_KOLLATION
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, kortnamn, namn, inriktning, startdatum, slutdatum FROM insatser_insats "  # noqa: S608
            f'WHERE forbund_id = %s ORDER BY kortnamn COLLATE "{kollation}", id',
            [forbund.pk],
        )
        return [_Insats(i, k, n, r, _datum(s), _datum(e)) for i, k, n, r, s, e in cursor.fetchall()]


def _pagar(insats: _Insats, ar: int) -> bool:
    return (
        insats.inriktning == Insats.Inriktning.INDIVID
        and insats.startdatum <= dt.date(ar, 12, 31)
        and (insats.slutdatum is None or insats.slutdatum >= dt.date(ar, 1, 1))
    )


def utfall(forbund: Forbund, ar: int) -> dict[str, Any]:
    """Outcomes for a förbund and a year, per intervention and in total, split by gender.

    Returns exactly what `manage.py utfall --forbund SLUG --ar YEAR --json` prints (see docs/uppfoljning.md).
    The caller checks the permission `utfall.visa`; masking for publication is `maskera_utfall`.
    """
    return utfall_ar(forbund, ar, ar)[ar]


def utfall_ar(forbund: Forbund, ar: int, ar2: int) -> dict[int, dict[str, Any]]:
    """`utfall` for two years (e.g. a year and the year before) from one statement: {year: report}."""
    alla = _insatser(forbund)
    ar_lista = sorted({ar, ar2})
    per_insats: dict[int, dict[int, dict[str, Any]]] = {a: {i.pk: _tom_post() for i in alla} for a in ar_lista}
    totalt = {a: _tom_post() for a in ar_lista}
    sql, namn = _aggregat_sql(connection.vendor, ar != ar2)
    medianer: dict[int, dict[int | None, Any]] = {a: {} for a in ar_lista}
    vagar = _vagar(tuple(namn))
    median_plats = namn.index("median") if "median" in namn else None
    with connection.cursor() as cursor:
        cursor.execute(sql, {"f": forbund.pk, "ar": ar, "ar2": ar2})
        for utan_insats, utan_kon, rad_ar, insats_id, kon, *varden in cursor.fetchall():
            rad_ar = int(rad_ar)
            if utan_kon:  # PostgreSQL: the per-intervention and total rows carry the medians
                medianer[rad_ar][None if utan_insats else insats_id] = varden[median_plats] if median_plats is not None else None
                continue
            post = totalt[rad_ar] if utan_insats else per_insats[rad_ar].get(insats_id)
            if post is not None:
                _lagg_till(post, kon, varden, vagar)
    ut: dict[int, dict[str, Any]] = {}
    for a in ar_lista:
        if connection.vendor != "postgresql":
            medianer[a] = _medianer(forbund.pk, a)
        # Individual-oriented interventions running in the year, and any intervention with participants in it.
        poster = per_insats[a]
        insatser = [i for i in alla if _pagar(i, a) or poster[i.pk]["deltagare"]["totalt"] or poster[i.pk]["avslutade"]["totalt"]]
        resultat: list[dict[str, Any]] = []
        for insats in insatser:
            post = poster[insats.pk]
            _kvoter(post, medianer[a].get(insats.pk))
            resultat.append({"kortnamn": insats.kortnamn, "namn": insats.namn, **{k: post[k] for k in MATT}})
        _kvoter(totalt[a], medianer[a].get(None))
        ut[a] = {"forbund": forbund.slug, "ar": a, "insatser": resultat, "totalt": {k: totalt[a][k] for k in MATT}}
    return ut
