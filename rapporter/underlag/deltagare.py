"""Participants in the snapshot: uppföljning's outcome, unmasked, with an explicit "Uppgift saknas" row per breakdown.

The snapshot keeps the true counts so the reconciliation can check that every breakdown sums to its total; the
published PDF masks small counts at render time (`maskera`).
"""

from __future__ import annotations

import copy
from typing import Any

from django.db.models import Count

from finsam.models import Forbund
from uppfoljning.models import Inskrivning
from uppfoljning.selectors import maskera as uppfoljning_maskera
from uppfoljning.selectors import maskeringsgrans

from .. import kallor

KON = ["kvinna", "man", "annat"]
G = ["totalt", *KON]
# (breakdown, the total it must sum to)
FORDELNINGAR = [
    ("aldersgrupp", "deltagare"),
    ("remittent", "deltagare"),
    ("utbildning", "deltagare"),
    ("forsorjning_in", "deltagare"),
    ("forsorjning_ut", "avslutade"),
]
SAKNAS_KOD = "uppgift_saknas"


def _saknas_rad(rader: list[dict[str, Any]], summa: dict[str, Any]) -> dict[str, Any]:
    """The explicit "Uppgift saknas" row: the total minus the known rows (negative when the rows exceed the total)."""
    return {
        "kod": SAKNAS_KOD,
        "namn": "Uppgift saknas",
        **{k: int(summa.get(k) or 0) - sum(int(r.get(k) or 0) for r in rader if r["kod"] != SAKNAS_KOD) for k in G},
    }


def komplettera(post: dict[str, Any]) -> dict[str, Any]:
    """Add "Uppgift saknas" rows to every breakdown of one intervention (or the total), and the gender row."""
    for falt, mot in FORDELNINGAR:
        rader = [r for r in post.get(falt) or [] if r["kod"] != SAKNAS_KOD]
        post[falt] = [*rader, _saknas_rad(rader, post[mot])]
    d = post["deltagare"]
    post["kon_saknas"] = int(d["totalt"]) - sum(int(d[k]) for k in KON)
    return post


def _flera_insatser(forbund: Forbund, ar: int) -> int:
    """Σ (interventions − 1) over the participants in more than one intervention during `ar` (one query)."""
    rader = (
        Inskrivning.objects.filter(forbund=forbund, startar__lte=ar)
        .exclude(slutar__lt=ar)
        .values("deltagare_id")
        .annotate(n=Count("insats_id", distinct=True))
        .filter(n__gt=1)
        .values_list("n", flat=True)
    )
    return sum(n - 1 for n in rader)


def deltagardata(forbund: Forbund, ar: int) -> dict[str, Any]:
    ut = kallor.utfall(forbund, ar, maskera=False)
    if ut.get("saknas"):
        return {"utfall": ut, "flera_insatser": 0}
    for post in ut["per_insats"].values():
        komplettera(post)
    komplettera(ut["totalt"])
    return {"utfall": ut, "flera_insatser": _flera_insatser(forbund, ar)}


def maskera(ut: dict[str, Any], forbund: Forbund) -> dict[str, Any]:
    """A copy for publication: every count below the förbund's threshold as "<N" (uppföljning's rule)."""
    if ut.get("saknas"):
        return ut
    grans = maskeringsgrans(forbund)
    kopia = copy.deepcopy(ut)

    def g(d: dict[str, Any]) -> None:
        for k in G:
            if isinstance(d.get(k), int) and d[k] >= 0:
                d[k] = uppfoljning_maskera(d[k], grans=grans)

    for post in [*kopia["per_insats"].values(), kopia["totalt"]]:
        for nyckel in ("deltagare", "nya", "avslutade"):
            g(post[nyckel])
        for falt, _ in FORDELNINGAR:
            for r in post[falt]:
                g(r)
    return kopia


def maskera_tal(varde: int, forbund: Forbund) -> int | str:
    """One published count masked by uppföljning's rule ("<N" below the förbund's threshold)."""
    return uppfoljning_maskera(varde, grans=maskeringsgrans(forbund))
