"""Reads of the needs analysis: levels and trends per kommun as shares of the population, comparison with the county
and the country, and participants per 1 000 full-year equivalents. A fixed number of queries whatever the data size."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count

from finsam.models import Forbund
from finsam.permissions import Kontext

from .. import diagram
from ..models import Inskrivning
from ..models.behovsanalys import ERSATTNINGAR, Behovsanalys, Matt, Niva, Statistikvarde
from .maskering import maskera

AR_TILLBAKA = 4  # the trend shows the year and the four before (as seed 004f: 2014–2018)
EN_DECIMAL = Decimal("0.1")


def _avrunda(v: Decimal | None, steg: Decimal = EN_DECIMAL) -> Decimal | None:
    return None if v is None else v.quantize(steg, rounding=ROUND_HALF_UP)


class Tabell:
    """The figures of a förbund keyed by (regionkod, år, kön, ålder, mått); the total of the sexes when no total is given."""

    def __init__(self, rader: list[tuple[Any, ...]]) -> None:
        self.v: dict[tuple[str, int, str, str, str], Decimal] = {}
        for kod, ar, kon, alder, matt, varde in rader:
            self.v[(kod, ar, kon, alder, matt)] = varde

    def he(self, kod: str, ar: int, matt: str, kon: str = "totalt", alder: str = "20-64") -> Decimal | None:
        varde = self.v.get((kod, ar, kon, alder, matt))
        if varde is None and kon == "totalt":
            k, m = self.v.get((kod, ar, "kvinnor", alder, matt)), self.v.get((kod, ar, "man", alder, matt))
            varde = k + m if k is not None and m is not None else None
        return varde

    def summa(self, kod: str, ar: int, kon: str = "totalt", alder: str = "20-64") -> Decimal | None:
        varden = [v for m in ERSATTNINGAR if (v := self.he(kod, ar, m, kon, alder)) is not None]
        return sum(varden, Decimal(0)) if varden else None

    def andel(self, kod: str, ar: int, matt: str | None = None, kon: str = "totalt", alder: str = "20-64") -> Decimal | None:
        """Full-year equivalents as a share (%) of the population of the same sex and age group."""
        he = self.summa(kod, ar, kon, alder) if matt is None else self.he(kod, ar, matt, kon, alder)
        folk = self.he(kod, ar, Matt.FOLKMANGD, kon, alder)
        if he is None or not folk:
            return None
        return _avrunda(he * 100 / folk)


def per_tusen(deltagare: int, helarsekvivalenter: Decimal | None) -> Decimal | None:
    """Participants per 1 000 full-year equivalents in public support (one decimal)."""
    if not helarsekvivalenter:
        return None
    return _avrunda(Decimal(deltagare) * 1000 / helarsekvivalenter)


def deltagare_per_kommun(forbund: Forbund, ar: int) -> dict[int, int]:
    """Distinct participants with enrolments active in `ar`, per home kommun (one aggregate query)."""
    qs = Inskrivning.objects.filter(forbund=forbund, hemkommun__isnull=False).under_ar(ar)
    return {r["hemkommun_id"]: r["n"] for r in qs.values("hemkommun_id").annotate(n=Count("deltagare_id", distinct=True)).order_by()}


def _region(t: Tabell, kod: str, namn: str, ar: int, ar_lista: list[int]) -> dict[str, Any]:
    he = t.summa(kod, ar)
    return {
        "kod": kod,
        "namn": namn,
        "folkmangd": t.he(kod, ar, Matt.FOLKMANGD),
        "he": _avrunda(he),
        "andel": t.andel(kod, ar),
        "andel_kvinnor": t.andel(kod, ar, kon="kvinnor"),
        "andel_man": t.andel(kod, ar, kon="man"),
        "andel_20_29": t.andel(kod, ar, alder="20-29"),
        "per_ersattning": [{"namn": m.label, "he": _avrunda(t.he(kod, ar, m)), "andel": t.andel(kod, ar, m)} for m in ERSATTNINGAR],
        "per_ersattning_20_29": [{"namn": m.label, "andel": t.andel(kod, ar, m, alder="20-29")} for m in ERSATTNINGAR],
        "trend": [t.andel(kod, a) for a in ar_lista],
    }


def behovsanalys(kontext: Kontext, ar: int) -> dict[str, Any]:
    """The page's data; participant counts below the masking threshold are masked for roles that must not see them."""
    kontext.kraver("utfall.visa")
    return behovsanalys_data(kontext.forbund, ar, omaskerat=kontext.kan("utfall.omaskerat"))


def behovsanalys_data(forbund: Forbund, ar: int, *, omaskerat: bool) -> dict[str, Any]:
    """Everything the page and the PDF show for a year, in a fixed number of queries (the PDF is masked: it is published)."""
    ar_lista = list(range(ar - AR_TILLBAKA, ar + 1))
    rader = list(
        Statistikvarde.objects.filter(forbund=forbund, ar__gte=ar_lista[0], ar__lte=ar).values_list(
            "regionkod", "region", "niva", "kommun_id", "ar", "kon", "alder", "matt", "varde"
        )
    )
    t = Tabell([(r[0], *r[4:]) for r in rader])
    namn = {r[0]: (r[1], r[2], r[3]) for r in rader}
    deltagare = deltagare_per_kommun(forbund, ar)
    kommuner, ovriga, jamforelse = [], [], []
    for kod, (regionnamn, niva, kommun_id) in sorted(namn.items(), key=lambda p: p[1][0]):
        rad = _region(t, kod, regionnamn, ar, ar_lista)
        if niva == Niva.KOMMUN and kommun_id is not None:
            n = deltagare.get(kommun_id, 0)
            rad["deltagare"] = n if omaskerat else maskera(n, forbund)
            rad["per_1000"] = per_tusen(n, rad["he"]) if isinstance(rad["deltagare"], int) else None
            kommuner.append(rad)
        elif niva == Niva.KOMMUN:
            ovriga.append(rad)
        else:
            jamforelse.append(rad)
    jamforelse.sort(key=lambda r: r["kod"] == "00")  # the county before the country
    lanets = sorted([{**r, "medlem": r in kommuner} for r in kommuner + ovriga if r["andel"] is not None], key=lambda r: r["andel"], reverse=True)
    he_sum = sum((r["he"] for r in kommuner if r["he"] is not None), Decimal(0))
    folk_sum = sum((r["folkmangd"] for r in kommuner if r["folkmangd"] is not None), Decimal(0))
    n_sum = sum(deltagare.get(k, 0) for k in {namn[r["kod"]][2] for r in kommuner})
    forbundet = {
        "he": he_sum if kommuner else None,
        "folkmangd": folk_sum if kommuner else None,
        "andel": _avrunda(he_sum * 100 / folk_sum) if folk_sum else None,
        "deltagare": n_sum if omaskerat else maskera(n_sum, forbund),
        "per_1000": per_tusen(n_sum, he_sum) if (omaskerat or isinstance(maskera(n_sum, forbund), int)) else None,
    }
    serier = [(r["namn"], r["trend"], "kommun") for r in kommuner] + [
        (r["namn"], r["trend"], "riket" if r["kod"] == "00" else "lan") for r in jamforelse
    ]
    staplar = [(r["namn"], [(p["namn"], p["andel"]) for p in r["per_ersattning"]]) for r in lanets] + [
        (r["namn"], [(p["namn"], p["andel"]) for p in r["per_ersattning"]]) for r in jamforelse
    ]
    staplar_unga = [(r["namn"], [(p["namn"], p["andel"]) for p in r["per_ersattning_20_29"]]) for r in kommuner + ovriga + jamforelse]
    regioner = kommuner + jamforelse
    ersattning_tabell = [{"namn": m.label, "celler": [r["per_ersattning"][i] for r in regioner]} for i, m in enumerate(ERSATTNINGAR)]
    return {
        "ar": ar,
        "ar_lista": ar_lista,
        "regioner": regioner,
        "ersattning_tabell": ersattning_tabell,
        "finns": bool(rader),
        "kommuner": kommuner,
        "jamforelse": jamforelse,
        "lanets_kommuner": lanets,
        "forbundet": forbundet,
        "analys": Behovsanalys.objects.filter(forbund=forbund, ar=ar).select_related("beslut", "dokument").first(),
        "diagram": {
            "trend": diagram.linjer(ar_lista, serier, f"Helårsekvivalenter i andel av befolkningen 20–64 år, {ar_lista[0]}–{ar}"),
            "ersattning": diagram.staplar(staplar, f"Andel helårsekvivalenter per kommun och ersättning {ar} (20–64 år)"),
            "unga": diagram.staplar(staplar_unga, f"Andel helårsekvivalenter per kommun och ersättning {ar} (20–29 år)"),
        },
    }


def ar_med_statistik(forbund: Forbund) -> list[int]:
    return list(Statistikvarde.objects.filter(forbund=forbund).values_list("ar", flat=True).distinct().order_by("-ar"))


def faststalld_behovsanalys(forbund: Forbund, ar: int) -> Behovsanalys | None:
    """The adopted needs analysis of a year, for the verksamhetsplan and applications to refer to (None if not adopted)."""
    return Behovsanalys.objects.filter(forbund=forbund, ar=ar, faststalld__isnull=False).select_related("beslut", "dokument").first()
