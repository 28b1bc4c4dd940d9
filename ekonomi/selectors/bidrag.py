"""Members' contributions: the allocation split by statutes § 11, rounded so the parts sum exactly to the total."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import Any

from finsam.models import Forbund, Medlem
from finsam.sortering import svensk
from forvaltning.selectors.regler import stadgeregler_pa

from ..models import Bidragsavrundning, Tilldelning
from ..rakenskaper.bidragskontroll import avrunda, bidragsregler


def fordela(total: int, vikter: list[Fraction]) -> list[int]:
    """Split whole kronor by exact shares (largest remainder): the parts always sum to `total`."""
    exakta = [total * v for v in vikter]
    golv = [int(e.numerator // e.denominator) for e in exakta]
    rest = total - sum(golv)
    ordning = sorted(range(len(exakta)), key=lambda i: (-(exakta[i] - golv[i]), i))
    for i in ordning[:rest]:
        golv[i] += 1
    return golv


def kvartal(belopp: int) -> list[int]:
    """Invoicing per quarter: four equal parts in whole kronor, the remainder on the last."""
    del_ = belopp // 4
    return [del_, del_, del_, belopp - 3 * del_]


# The statutes' usual split (§ 11, lag 2003:1210 § 8): the state half, the region and the municipalities a quarter each.
STANDARDANDELAR = {"staten": Fraction(1, 2), "region": Fraction(1, 4), "kommunerna": Fraction(1, 4)}
_ANDELSORD = {Fraction(1, 2): "hälften", Fraction(1, 4): "en fjärdedel", Fraction(1, 3): "en tredjedel", Fraction(3, 4): "tre fjärdedelar"}


def _andel_text(andel: Fraction) -> str:
    return _ANDELSORD.get(andel, f"{andel.numerator}/{andel.denominator}")


def andelar_for(forbund: Forbund, ar: int) -> dict[str, Fraction]:
    """The members' shares of the year's contribution: from the förbundsordning in force on 1 January of `ar`
    (forvaltning.selectors.regler), else the statutes' usual split."""
    return stadgeregler_pa(forbund, dt.date(ar, 1, 1)).andelar or STANDARDANDELAR


def medlemsbidrag(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The allocation per member for `ar`: the state's share (through Försäkringskassan for FK and AF), the region's
    and the municipalities' share split by population 18–64 on 31 December of the year before; the shares from the
    statutes in force on 1 January (andelar_for), usually a half and two quarters.

    {"ar", "tilldelning", "referensdatum", "rader": [{"medlem_id", "medlem", "typ", "grund", "invanare", "andel",
    "belopp", "kvartal": [4 × int]}], "per_medlem": {medlem_id: Decimal}, "summa"}. Four queries.
    """
    tilldelning = Tilldelning.objects.filter(forbund=forbund, ar=ar).first()
    resultat: dict[str, Any] = {
        "ar": ar,
        "tilldelning": None,
        "referensdatum": dt.date(ar - 1, 12, 31),
        "rader": [],
        "per_medlem": {},
        "summa": Decimal(0),
        "kommentar": "",
    }
    if tilldelning is None:
        return resultat
    medlemmar = list(Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn")))
    invanare = {k.medlem_id: k.invanare for k in tilldelning.kommunandelar.all()}
    staten = next((m for m in medlemmar if m.typ == Medlem.Typ.FK), None) or next((m for m in medlemmar if m.typ == Medlem.Typ.AF), None)
    region = next((m for m in medlemmar if m.typ == Medlem.Typ.REGION), None)
    kommuner = [m for m in medlemmar if m.typ == Medlem.Typ.KOMMUN]
    summa_inv = sum(invanare.get(m.pk, 0) for m in kommuner)

    andelar = andelar_for(forbund, ar)
    delar: list[tuple[Medlem | None, str, Fraction, int | None]] = [
        (staten, f"Staten (Försäkringskassan för FK och AF), {_andel_text(andelar['staten'])}", andelar["staten"], None),
        (region, f"Regionen, {_andel_text(andelar['region'])}", andelar["region"], None),
    ]
    for m in kommuner:
        inv = invanare.get(m.pk, 0)
        k = andelar["kommunerna"]
        andel_k = Fraction(inv, summa_inv) * k if summa_inv else k / len(kommuner)
        delar.append((m, f"Kommunerna, {_andel_text(k)} efter invånare 18–64 år ({inv} av {summa_inv})", andel_k, inv))
    total = int(tilldelning.belopp)
    belopp = fordela(total, [d[2] for d in delar])
    for (medlem, grund, andel, antal), b in zip(delar, belopp, strict=True):
        resultat["rader"].append(
            {
                "medlem_id": medlem.pk if medlem else None,
                "medlem": medlem.namn if medlem else "(medlem saknas)",
                "typ": medlem.typ if medlem else "",
                "grund": grund,
                "invanare": antal,
                "andel": float(andel),
                "belopp": Decimal(b),
                "kvartal": [Decimal(k) for k in kvartal(b)],
            }
        )
        if medlem is not None:
            resultat["per_medlem"][medlem.pk] = resultat["per_medlem"].get(medlem.pk, Decimal(0)) + Decimal(b)
    resultat.update(tilldelning=tilldelning.belopp, summa=Decimal(sum(belopp)), kommentar=tilldelning.kommentar)
    return resultat


def bidragsregler_for(forbund: Forbund, ar: int, *, mb: dict[str, Any] | None = None) -> dict[str, Any]:
    """The year's rounding rule and adjustments, and per member what the förbund should invoice: the statutes' exact
    share, rounded by the rule, plus the adopted adjustments (what the contribution check expects). Five queries, two
    when the caller passes the year's `medlemsbidrag` it already has (`mb`)."""
    regler = bidragsregler(forbund, ar)
    regel: Bidragsavrundning | None = regler["regel"]
    steg = Bidragsavrundning.STEG.get(regel.regel, 1) if regel else 1  # type: ignore[call-overload]
    if mb is None or mb.get("ar") != ar:
        mb = medlemsbidrag(forbund, ar)
    rader = []
    for r in mb["rader"]:
        exakt = Decimal(r["belopp"])
        avrundat = avrunda(exakt, steg)
        justering = sum((j.belopp for j in regler["justeringar"] if j.medlem_id == r["medlem_id"]), Decimal(0))
        rader.append({"medlem": r["medlem"], "exakt": exakt, "avrundat": avrundat, "justering": justering, "att_fakturera": avrundat + justering})
    return {
        "regel": regel,
        "justeringar": regler["justeringar"],
        "rader": rader,
        "summa_exakt": sum((r["exakt"] for r in rader), Decimal(0)),
        "summa_att_fakturera": sum((r["att_fakturera"] for r in rader), Decimal(0)),
    }
