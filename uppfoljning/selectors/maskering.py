"""Masking of the outcome report for everyone who must not see small counts (board, auditors, the public).

Primary suppression: a count 0 < n < threshold is shown as "<N". Complementary suppression: in every relation of the
report where one cell is the sum of others — the genders to their total, a dimension's categories to its line
(participants or exits), the interventions to the förbund's total — no masked cell may be left alone, or it could be
derived by subtraction (`totalt 124; kvinna 58; man 65; annat <5` gives annat = 1). Then the smallest other count of that
relation is hidden as well ("x"), repeatedly, until every relation has none or at least two hidden cells. Ratios and the
median that would reveal a hidden count are hidden too. The threshold is on by default (3) and cannot go lower.
"""

from __future__ import annotations

import copy
from typing import Any

from finsam.models import Forbund

from ..models import MASKERINGSGRANS_MIN, Installning
from ..vokabular import KON_KODER
from .utfall import G_NYCKLAR, KATEGORIER

DOLT = "x"
HUVUD = ("deltagare", "nya", "avslutade")
DIMENSIONER = ("aldersgrupp", *KATEGORIER)

Cell = tuple[Any, str, str | None, str]  # (post, measure, category or None, gender key)


def maskeringsgrans(forbund: Forbund) -> int:
    """The förbund's masking threshold (at least 3). Cached on the förbund instance: one query per instance."""
    cache = getattr(forbund, "_uppf_maskeringsgrans", None)
    if cache is None:
        cache = Installning.objects.filter(forbund=forbund).values_list("maskeringsgrans", flat=True).first() or MASKERINGSGRANS_MIN
        forbund._uppf_maskeringsgrans = cache  # type: ignore[attr-defined]
    return max(int(cache), MASKERINGSGRANS_MIN)


def maskera(tal: int, forbund: Forbund | None = None, *, grans: int | None = None) -> int | str:
    """One count as it may be published on its own: "<N" when 0 < tal < N (the förbund's threshold), else the number."""
    n = grans if grans is not None else (maskeringsgrans(forbund) if forbund is not None else MASKERINGSGRANS_MIN)
    if n and 0 < tal < n:
        return f"<{n}"
    return tal


def _g(post: dict[str, Any], matt: str, kategori: str | None) -> dict[str, Any]:
    return post[matt] if kategori is None else post[matt][kategori]


def _celler_och_relationer(poster: dict[Any, dict[str, Any]]) -> tuple[dict[Cell, int], list[tuple[Cell, list[Cell]]]]:
    varden: dict[Cell, int] = {}
    linjer: list[tuple[str, str | None]] = [(m, None) for m in HUVUD]
    linjer += [(d, k) for d in DIMENSIONER for k in next(iter(poster.values()))[d]]
    for p, post in poster.items():
        for matt, kategori in linjer:
            for kon in G_NYCKLAR:
                varden[(p, matt, kategori, kon)] = int(_g(post, matt, kategori)[kon] or 0)
    relationer: list[tuple[Cell, list[Cell]]] = []
    for p, post in poster.items():
        for matt, kategori in linjer:  # genders → total
            relationer.append(((p, matt, kategori, "totalt"), [(p, matt, kategori, k) for k in KON_KODER]))
        for d in DIMENSIONER:  # categories → the line they split (exits for the exit destination, participants otherwise)
            linje = "avslutade" if d == "forsorjning_ut" else "deltagare"
            for kon in G_NYCKLAR:
                relationer.append(((p, linje, None, kon), [(p, d, k, kon) for k in post[d]]))
    delar = [p for p in poster if p != "T"]
    if "T" in poster and delar:  # interventions → the förbund's total
        for matt, kategori in linjer:
            for kon in G_NYCKLAR:
                relationer.append((("T", matt, kategori, kon), [(p, matt, kategori, kon) for p in delar]))
    return varden, relationer


def undertryck(varden: dict[Cell, int], relationer: list[tuple[Cell, list[Cell]]], grans: int) -> tuple[set[Cell], set[Cell]]:
    """(primary, complementary) suppressed cells: no relation is left with exactly one hidden cell."""
    primara = {c for c, v in varden.items() if 0 < v < grans}
    dolda = set(primara)
    andrat = True
    while andrat:
        andrat = False
        for summa, delar in relationer:
            celler = [summa, *delar]
            if sum(c in dolda for c in celler) != 1:
                continue
            kandidater = [c for c in delar if c not in dolda]
            # The smallest non-zero part hides the least; a zero part next; the sum itself last.
            val = (
                min((c for c in kandidater if varden[c] > 0), key=lambda c: varden[c], default=None)
                or (kandidater[0] if kandidater else None)
                or (summa if summa not in dolda else None)
            )
            if val is not None:
                dolda.add(val)
                andrat = True
    return primara, dolda - primara


def maskera_utfall(data: dict[str, Any], forbund: Forbund, *, grans: int | None = None) -> dict[str, Any]:
    """A copy of `utfall(...)` as a board member, an auditor or the public may see it (see the module text)."""
    n = max(grans if grans is not None else maskeringsgrans(forbund), MASKERINGSGRANS_MIN)
    ut = copy.deepcopy(data)
    poster: dict[Any, dict[str, Any]] = {i: p for i, p in enumerate(ut["insatser"])}
    poster["T"] = ut["totalt"]
    varden, relationer = _celler_och_relationer(poster)
    primara, sekundara = undertryck(varden, relationer, n)
    for p, matt, kategori, kon in primara | sekundara:
        _g(poster[p], matt, kategori)[kon] = f"<{n}" if (p, matt, kategori, kon) in primara else DOLT
    dolda = primara | sekundara
    for p, post in poster.items():
        avslut = (p, "avslutade", None, "totalt")
        if avslut in dolda or (p, "deltagare", None, "totalt") in dolda:
            post["genomstromning"] = None
        if avslut in dolda or any((p, "forsorjning_ut", k, "totalt") in dolda for k in ("arbete", "studier")):
            post["andel_arbete_studier"] = None
        if avslut in primara:  # the median of one or two exits is a person's own duration
            post["median_dagar"] = None
    ut["maskeringsgrans"] = n
    ut["dolda"] = len(sekundara)
    return ut
