"""Outcomes per home kommun and time in public support at entry, and the two goal measures waiting time and attendance
(issue 18). Aggregates in the database, a fixed number of queries; counts masked for the roles that see aggregates only."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Q

from finsam.models import Forbund, Medlem
from finsam.permissions import Kontext

from ..models import Inskrivning, Narvaroperiod
from ..vokabular import ARBETE_STUDIER, FORSORJNINGSTID_BAND
from .maskering import DOLT, maskera, maskeringsgrans

SAKNAS = "Uppgift saknas"
KOLUMNER = ["deltagare", "kvinnor", "man", "avslutade", "arbete_studier", *(f"band_{kod}" for kod, *_ in FORSORJNINGSTID_BAND), "band_saknas"]


def _urval(forbund: Forbund, ar: int, insats_id: int | None = None) -> Any:
    qs = Inskrivning.objects.filter(forbund=forbund, samtycke=True)
    return qs.filter(insats_id=insats_id) if insats_id is not None else qs


def vantetid_median(forbund: Forbund, ar: int, insats_id: int | None = None) -> Decimal | None:
    """Median days from referral to start for the enrolments that started in `ar` (None without any referral date)."""
    dagar = list(
        _urval(forbund, ar, insats_id).filter(startar=ar, vantedagar__isnull=False).order_by("vantedagar").values_list("vantedagar", flat=True)
    )
    if not dagar:
        return None
    mitt = len(dagar) // 2
    median = Decimal(dagar[mitt]) if len(dagar) % 2 else (Decimal(dagar[mitt - 1]) + Decimal(dagar[mitt])) / 2
    return median.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def narvaro_andel(forbund: Forbund, ar: int, insats_id: int | None = None) -> Decimal | None:
    """Attendance in `ar` (%): the average of the period rates (attended / planned sessions of a month or quarter)
    over the periods starting in `ar`. An enrolment active in `ar` that records no periods but totals for the
    enrolment counts as one period with its totals. None when nothing is recorded."""
    urval = _urval(forbund, ar, insats_id)
    kvoter = [
        Decimal(n) / Decimal(p)
        for p, n in Narvaroperiod.objects.filter(forbund=forbund, period__year=ar, inskrivning__in=urval).values_list("planerade", "narvarade")
    ]
    kvoter += [
        Decimal(f or 0) / Decimal(p)
        for p, f in urval.under_ar(ar).filter(narvaro_planerad__gt=0, narvaroperioder__isnull=True).values_list("narvaro_planerad", "narvaro_faktisk")
    ]
    if not kvoter:
        return None
    return (sum(kvoter, Decimal(0)) * 100 / len(kvoter)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _aggregat(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    person = "deltagare_id"
    uttryck: dict[str, Any] = {
        "deltagare": Count(person, distinct=True),
        "kvinnor": Count(person, distinct=True, filter=Q(kon="kvinna")),
        "man": Count(person, distinct=True, filter=Q(kon="man")),
        "avslutade": Count("id", filter=Q(slutar=ar) & ~Q(forsorjning_ut="")),
        "arbete_studier": Count("id", filter=Q(slutar=ar, forsorjning_ut__in=ARBETE_STUDIER)),
        "band_saknas": Count(person, distinct=True, filter=Q(forsorjningstid__isnull=True)),
    }
    for kod, _, lag, hog in FORSORJNINGSTID_BAND:
        uttryck[f"band_{kod}"] = Count(person, distinct=True, filter=Q(forsorjningstid__gte=lag, forsorjningstid__lte=hog))
    qs = Inskrivning.objects.filter(forbund=forbund).under_ar(ar).values("hemkommun_id").annotate(**uttryck).order_by()
    return [dict(r) for r in qs]


def _komplettera(celler: list[tuple[dict[str, Any], str]]) -> bool:
    """A lone masked cell in a relation takes the smallest other positive count with it ("x"); True if it changed anything."""
    if sum(1 for r, k in celler if not isinstance(r[k], int)) != 1:
        return False
    ovriga = sorted(((r, k) for r, k in celler if isinstance(r[k], int) and r[k] > 0), key=lambda p: p[0][p[1]])
    if not ovriga:
        return False
    r, k = ovriga[0]
    r[k] = DOLT
    return True


def _maskera(rader: list[dict[str, Any]], forbund: Forbund) -> None:
    """Primary suppression (<N) per cell; then complementary suppression until no relation has a lone hidden cell: each
    column (the kommuner add up to the total), the sexes of a row, and the bands of a row (they add up to the participants)."""
    grans = maskeringsgrans(forbund)
    for r in rader:
        for kol in KOLUMNER:
            r[kol] = maskera(r[kol], grans=grans)
    band = [k for k in KOLUMNER if k.startswith("band_")]
    for _ in range(10):
        andrat = False
        for kol in KOLUMNER:
            andrat |= _komplettera([(r, kol) for r in rader])
        for r in rader:
            andrat |= _komplettera([(r, "kvinnor"), (r, "man")])
            andrat |= _komplettera([(r, k) for k in band])
        if not andrat:
            return


def utfall_per_kommun(kontext: Kontext, ar: int) -> dict[str, Any]:
    """Participants, exits and exits to work or studies per home kommun, with the distribution of time in public support."""
    kontext.kraver("utfall.visa")
    forbund = kontext.forbund
    kommuner = {m.pk: m.namn for m in Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)}
    per_id = {r["hemkommun_id"]: r for r in _aggregat(forbund, ar)}
    rader = []
    for pk, namn in sorted(kommuner.items(), key=lambda p: p[1]):
        rader.append({"namn": namn, **{k: per_id.get(pk, {}).get(k, 0) for k in KOLUMNER}})
    if None in per_id:
        rader.append({"namn": SAKNAS, **{k: per_id[None][k] for k in KOLUMNER}})
    rader = [r for r in rader if r["deltagare"] or r["avslutade"]]
    totalt = {k: sum(r[k] for r in rader) for k in KOLUMNER}
    for r in [*rader, totalt]:
        r["andel_arbete_studier"] = round(r["arbete_studier"] * 100 / r["avslutade"], 1) if r["avslutade"] else None
    maskerat = not kontext.kan("utfall.omaskerat")
    if maskerat:
        _maskera(rader, forbund)
        for r in rader:
            if not (isinstance(r["avslutade"], int) and isinstance(r["arbete_studier"], int)):
                r["andel_arbete_studier"] = None
    band = [(f"band_{kod}", namn) for kod, namn, _, _ in FORSORJNINGSTID_BAND] + [("band_saknas", SAKNAS)]
    return {"rader": rader, "totalt": totalt, "band": band, "maskerat": maskerat}
