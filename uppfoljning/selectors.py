"""Reads: the outcome report (`utfall`, a contract used by rapporter and insatser), masking, participant lists.

`utfall(forbund, ar)` runs a fixed number of queries (two on PostgreSQL, three elsewhere) whatever the data size; every count is
an aggregate in the database (conditional COUNT per gender, median with window functions).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet

from finsam.models import Forbund
from finsam.permissions import Kontext
from insatser.models import Insats

from .models import Deltagare, Inskrivning, Installning
from .vokabular import ALDERSGRUPPER, ARBETE_STUDIER, KON_KODER, Forsorjning, Remittent, Utbildning

G_NYCKLAR = ["totalt", *KON_KODER]
KATEGORIER: dict[str, list[str]] = {
    "remittent": [c.value for c in Remittent],
    "utbildning": [c.value for c in Utbildning],
    "forsorjning_in": [c.value for c in Forsorjning],
    "forsorjning_ut": [c.value for c in Forsorjning],
}
MATT = ["deltagare", "nya", "avslutade", "aldersgrupp", "remittent", "utbildning", "forsorjning_in", "forsorjning_ut",
        "genomstromning", "median_dagar", "andel_arbete_studier"]


@functools.cache
def _aggregat_sql(vendor: str) -> tuple[str, list[str]]:
    """One statement: conditional aggregates over the enrolments active in the year, per (intervention, gender) and per gender.

    Built once from the vocabulary (fixed literals, no user input); parameters: %(f)s förbund id, %(ar)s year.
    Written as SQL rather than ORM expressions because compiling ~45 conditional aggregates costs more than running them.
    On PostgreSQL one scan with GROUPING SETS also yields the medians (percentile_cont) per intervention and in total;
    elsewhere the two groupings are a UNION ALL and the medians a second query (`_medianer`).
    Each row starts with (grouping flag of insats_id, grouping flag of kon, insats_id, kon).
    """
    person = "deltagare_id"
    avslut = "slutar = %(ar)s AND forsorjning_ut <> ''"
    namn: list[str] = ["deltagare", "nya", "avslutade"]
    uttryck: list[str] = [
        f"COUNT(DISTINCT {person})", f"COUNT(DISTINCT {person}) FILTER (WHERE startar = %(ar)s)", f"COUNT(*) FILTER (WHERE {avslut})"
    ]
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
    tabell = Inskrivning._meta.db_table
    urval = "forbund_id = %(f)s AND startar <= %(ar)s AND (slutar IS NULL OR slutar >= %(ar)s)"
    if vendor == "postgresql":
        median = f"percentile_cont(0.5) WITHIN GROUP (ORDER BY dagar) FILTER (WHERE {avslut} AND dagar IS NOT NULL)"
        sql = (f"SELECT GROUPING(insats_id), GROUPING(kon), insats_id, kon, {kolumner}, {median} FROM {tabell} "  # noqa: S608
               f"WHERE {urval} GROUP BY GROUPING SETS ((insats_id, kon), (kon), (insats_id), ())")
        return sql, [*namn, "median"]
    sql = (f"SELECT 0, 0, insats_id, kon, {kolumner} FROM {tabell} WHERE {urval} GROUP BY insats_id, kon "  # noqa: S608
           f"UNION ALL SELECT 1, 0, NULL, kon, {kolumner} FROM {tabell} WHERE {urval} GROUP BY kon")
    return sql, namn


def _tomt_g() -> dict[str, int]:
    return dict.fromkeys(G_NYCKLAR, 0)


def _tom_post() -> dict[str, Any]:
    post: dict[str, Any] = {"deltagare": _tomt_g(), "nya": _tomt_g(), "avslutade": _tomt_g(),
                            "aldersgrupp": {namn: _tomt_g() for namn, _, _ in ALDERSGRUPPER}}
    for falt, koder in KATEGORIER.items():
        post[falt] = {kod: _tomt_g() for kod in koder}
    return post


def _lagg_till(post: dict[str, Any], kon: str, rad: dict[str, Any]) -> None:
    for nyckel, varde in rad.items():
        if nyckel in ("insats_id", "kon") or not varde:
            continue
        if "__" in nyckel:
            falt, kod = nyckel.split("__", 1)
            g = post[falt][kod]
        else:
            g = post[nyckel]
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


def _insatser(forbund: Forbund) -> list[Insats]:
    return list(Insats.objects.filter(forbund=forbund).only("id", "kortnamn", "namn", "inriktning", "startdatum", "slutdatum").order_by("kortnamn"))


def _pagar(insats: Insats, ar: int) -> bool:
    return (insats.inriktning == Insats.Inriktning.INDIVID and insats.startdatum <= dt.date(ar, 12, 31)
            and (insats.slutdatum is None or insats.slutdatum >= dt.date(ar, 1, 1)))


def utfall(forbund: Forbund, ar: int) -> dict[str, Any]:
    """Outcomes for a förbund and a year, per intervention and in total, split by gender.

    Returns exactly what `manage.py utfall --forbund SLUG --ar YEAR --json` prints (see docs/uppfoljning.md).
    The caller checks the permission `utfall.visa`; masking for publication is `maskera_utfall`.
    """
    alla = _insatser(forbund)
    per_insats: dict[int, dict[str, Any]] = {i.pk: _tom_post() for i in alla}
    totalt = _tom_post()
    sql, namn = _aggregat_sql(connection.vendor)
    medianer: dict[int | None, Any] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, {"f": forbund.pk, "ar": ar})
        for utan_insats, utan_kon, insats_id, kon, *varden in cursor.fetchall():
            rad = dict(zip(namn, varden, strict=True))
            if utan_kon:  # PostgreSQL: the per-intervention and total rows carry the medians
                medianer[None if utan_insats else insats_id] = rad["median"]
                continue
            rad.pop("median", None)
            post = totalt if utan_insats else per_insats.get(insats_id)
            if post is not None:
                _lagg_till(post, kon, rad)
    if connection.vendor != "postgresql":
        medianer = _medianer(forbund.pk, ar)
    # Individual-oriented interventions running in the year, and any intervention with participants in it.
    insatser = [i for i in alla if _pagar(i, ar) or per_insats[i.pk]["deltagare"]["totalt"] or per_insats[i.pk]["avslutade"]["totalt"]]
    resultat: list[dict[str, Any]] = []
    for insats in insatser:
        post = per_insats[insats.pk]
        _kvoter(post, medianer.get(insats.pk))
        resultat.append({"kortnamn": insats.kortnamn, "namn": insats.namn, **{k: post[k] for k in MATT}})
    _kvoter(totalt, medianer.get(None))
    return {"forbund": forbund.slug, "ar": ar, "insatser": resultat, "totalt": {k: totalt[k] for k in MATT}}


# --- Masking for published documents ------------------------------------------------------------


def maskeringsgrans(forbund: Forbund) -> int:
    """The förbund's masking threshold (0 = off). Cached on the förbund instance: one query per instance."""
    cache = getattr(forbund, "_uppf_maskeringsgrans", None)
    if cache is None:
        cache = Installning.objects.filter(forbund=forbund).values_list("maskeringsgrans", flat=True).first() or 0
        forbund._uppf_maskeringsgrans = cache  # type: ignore[attr-defined]
    return int(cache)


def maskera(tal: int, forbund: Forbund | None = None, *, grans: int | None = None) -> int | str:
    """A count as it may be published: "<N" when 0 < tal < N (the förbund's threshold), else the number.

    `maskera(3, forbund)` → "<5" if the förbund masks under 5; with masking off (the default) → 3.
    """
    n = grans if grans is not None else (maskeringsgrans(forbund) if forbund is not None else 0)
    if n and 0 < tal < n:
        return f"<{n}"
    return tal


def _maskera_g(varde: Any, grans: int) -> Any:
    if isinstance(varde, dict):
        if set(varde) == set(G_NYCKLAR):
            return {k: maskera(v, grans=grans) for k, v in varde.items()}
        return {k: _maskera_g(v, grans) for k, v in varde.items()}
    return varde


def maskera_utfall(data: dict[str, Any], forbund: Forbund, *, grans: int | None = None) -> dict[str, Any]:
    """A copy of `utfall(...)` with every count below the threshold shown as "<N" (ratios are kept)."""
    n = grans if grans is not None else maskeringsgrans(forbund)
    if not n:
        return data
    ut = copy.deepcopy(data)
    for post in [*ut["insatser"], ut["totalt"]]:
        for nyckel in ("deltagare", "nya", "avslutade", "aldersgrupp", *KATEGORIER):
            post[nyckel] = _maskera_g(post[nyckel], n)
    ut["maskeringsgrans"] = n
    return ut


def utfall_for(kontext: Kontext, ar: int, *, publicering: bool = False) -> dict[str, Any]:
    """The report as this role may see it: roles without `utfall.omaskerat` (and any publication) get masked counts."""
    kontext.kraver("utfall.visa")
    data = utfall(kontext.forbund, ar)
    if publicering or not kontext.kan("utfall.omaskerat"):
        return maskera_utfall(data, kontext.forbund)
    return data


# --- Participant-level reads (kansli only) -------------------------------------------------------


def installning(forbund: Forbund) -> Installning:
    obj = Installning.objects.filter(forbund=forbund).first()
    return obj or Installning(forbund=forbund)


def deltagare_lista(kontext: Kontext, *, sok: str = "", insats_id: int | None = None, bara_oppna: bool = False) -> QuerySet[Deltagare]:
    kontext.kraver("deltagare.visa")
    qs = Deltagare.objects.filter(forbund=kontext.forbund, gallrad=False)
    if sok:
        qs = qs.filter(kod__icontains=sok.strip())
    # Filters through subqueries, so that the counts below still cover all of a participant's enrolments.
    if insats_id:
        qs = qs.filter(id__in=Inskrivning.objects.filter(forbund=kontext.forbund, insats_id=insats_id).values("deltagare_id"))
    if bara_oppna:
        qs = qs.filter(id__in=Inskrivning.objects.filter(forbund=kontext.forbund, slutar__isnull=True).values("deltagare_id"))
    return qs.annotate(
        antal=Count("inskrivningar", distinct=True),
        oppna=Count("inskrivningar", filter=Q(inskrivningar__slutar__isnull=True), distinct=True),
        senast=Max("inskrivningar__startar"),
    ).order_by("kod")


def oppna_inskrivningar(kontext: Kontext, kod: str) -> list[Inskrivning]:
    kontext.kraver("deltagare.visa")
    return list(
        Inskrivning.objects.filter(forbund=kontext.forbund, deltagare__kod__iexact=kod.strip(), slutar__isnull=True)
        .select_related("insats", "deltagare").order_by("insats__kortnamn")
    )


def inskrivningar_for(kontext: Kontext, deltagare: Deltagare) -> list[Inskrivning]:
    kontext.kraver("deltagare.visa")
    return list(Inskrivning.objects.filter(forbund=kontext.forbund, deltagare=deltagare).select_related("insats"))
