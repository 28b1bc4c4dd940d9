"""Demo data of the needs analysis (seed 004f: "Offentlig försörjning i Skellefteå och Norsjö 2014–2018", bilaga 13 to
the meeting of 2020-02-13), and the issue-18 fields of the demo enrolments (home kommun, time in public support, referral
date, attendance). The seed's figures are charts without numbers, so the levels are modelled on the published national
pattern (about 12 % of the population aged 20–64 in full-year equivalents, falling sickness and activity compensation,
rising establishment allowance until 2017) with a deterministic spread per kommun. Idempotent."""

from __future__ import annotations

import datetime as dt
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from finsam.audit import handelse_logga
from finsam.models import Forbund, Medlem

from .models import Inskrivning
from .models.behovsanalys import Behovsanalys, Statistikvarde, niva_for
from .services.statistikimport import medlemskommuner

AR = range(2014, 2019)
# SCB's codes and the population aged 20–64 (2018, rounded) of the counties the demo förbund lie in.
LAN: dict[str, tuple[str, dict[str, tuple[str, int]]]] = {
    "24": (
        "Västerbottens län",
        {
            "2401": ("Nordmaling", 3900),
            "2403": ("Bjurholm", 1300),
            "2404": ("Vindeln", 2900),
            "2409": ("Robertsfors", 3600),
            "2417": ("Norsjö", 2100),
            "2418": ("Malå", 1600),
            "2421": ("Storuman", 3000),
            "2422": ("Sorsele", 1300),
            "2425": ("Dorotea", 1300),
            "2460": ("Vännäs", 4800),
            "2462": ("Vilhelmina", 3300),
            "2463": ("Åsele", 1400),
            "2480": ("Umeå", 77000),
            "2481": ("Lycksele", 6800),
            "2482": ("Skellefteå", 40000),
        },
    ),
    "22": (
        "Västernorrlands län",
        {
            "2260": ("Ånge", 4800),
            "2262": ("Timrå", 10000),
            "2280": ("Härnösand", 13000),
            "2281": ("Sundsvall", 55000),
            "2282": ("Kramfors", 9500),
            "2283": ("Sollefteå", 9800),
            "2284": ("Örnsköldsvik", 30500),
        },
    ),
}
RIKET_FOLK = 5_900_000
# Share (%) of the population 20–64 per system in 2014 and the yearly change; women's share of it; the rate among 20–29.
SYSTEM: dict[str, tuple[float, float, float, float]] = {
    "sjukpenning": (2.1, 0.12, 0.65, 1.2),
    "sjuk_aktivitetsersattning": (5.0, -0.35, 0.56, 1.9),
    "arbetsloshet": (1.6, -0.07, 0.45, 1.7),
    "arbetsmarknadsatgarder": (2.4, -0.03, 0.45, 4.1),
    "ekonomiskt_bistand": (2.1, -0.06, 0.47, 3.6),
    "etableringsersattning": (0.4, 0.18, 0.45, 1.6),
}
UNGA_ANDEL = 0.22


def _d(v: float) -> Decimal:
    return Decimal(str(v)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _kommun_varden(kod: str, folk: int, ar: int) -> list[tuple[str, str, str, Decimal]]:
    """(kön, ålder, mått, värde) of one kommun and year."""
    rnd = random.Random(f"finsam-he-{kod}")  # noqa: S311 - deterministic demo data
    faktor = {m: rnd.uniform(0.75, 1.45) for m in SYSTEM}
    folk_ar = folk * (1 + 0.004 * (2018 - ar))
    ut: list[tuple[str, str, str, Decimal]] = [
        ("totalt", "20-64", "folkmangd", _d(round(folk_ar))),
        ("kvinnor", "20-64", "folkmangd", _d(round(folk_ar * 0.49))),
        ("man", "20-64", "folkmangd", _d(round(folk_ar) - round(folk_ar * 0.49))),
        ("totalt", "20-29", "folkmangd", _d(round(folk_ar * UNGA_ANDEL))),
    ]
    for matt, (bas, andring, kvinnor, unga) in SYSTEM.items():
        t = ar - 2014
        procent = bas + andring * t
        if matt == "etableringsersattning" and ar == 2018:
            procent -= 0.3  # the establishment programme peaked in 2017
        he = max(folk_ar * procent * faktor[matt] / 100, 0.0)
        k = round(he * kvinnor, 1)
        ut += [
            ("totalt", "20-64", matt, _d(he)),
            ("kvinnor", "20-64", matt, _d(k)),
            ("man", "20-64", matt, _d(he) - _d(k)),
            ("totalt", "20-29", matt, _d(folk_ar * UNGA_ANDEL * unga * faktor[matt] * (procent / bas if bas else 1) / 100)),
        ]
    return ut


def _lan_for(forbund: Forbund) -> str | None:
    namn = {n.lower() for n in medlemskommuner(forbund)}
    return next((lan for lan, (_, kommuner) in LAN.items() if any(k.lower() in namn for k, _ in kommuner.values())), None)


def statistik_seed(forbund: Forbund, aktor: Any) -> int:
    lan = _lan_for(forbund)
    if lan is None or Statistikvarde.objects.filter(forbund=forbund).exists():
        return 0
    lannamn, kommuner = LAN[lan]
    medlemmar = medlemskommuner(forbund)
    objekt: list[Statistikvarde] = []
    for ar in AR:
        summor: dict[tuple[str, str, str], Decimal] = {}
        for kod, (namn, folk) in kommuner.items():
            for kon, alder, matt, varde in _kommun_varden(kod, folk, ar):
                objekt.append(
                    Statistikvarde(
                        forbund=forbund,
                        regionkod=kod,
                        region=namn,
                        niva="kommun",
                        kommun_id=medlemmar.get(namn.lower()),
                        ar=ar,
                        kon=kon,
                        alder=alder,
                        matt=matt,
                        varde=varde,
                    )
                )
                summor[(kon, alder, matt)] = summor.get((kon, alder, matt), Decimal(0)) + varde
        for (kon, alder, matt), varde in summor.items():
            objekt.append(
                Statistikvarde(
                    forbund=forbund, regionkod=lan, region=lannamn, niva=niva_for(lan), ar=ar, kon=kon, alder=alder, matt=matt, varde=varde
                )
            )
        for kon, alder, matt, varde in _kommun_varden("00", RIKET_FOLK, ar):
            objekt.append(
                Statistikvarde(forbund=forbund, regionkod="00", region="Riket", niva="riket", ar=ar, kon=kon, alder=alder, matt=matt, varde=varde)
            )
    Statistikvarde.objects.bulk_create(objekt, batch_size=2000)
    Behovsanalys.objects.get_or_create(
        forbund=forbund,
        ar=2018,
        defaults={
            "analys": (
                "Andelen av befolkningen 20–64 år som försörjs av offentliga ersättningar har minskat sedan 2014, främst genom "
                "att färre har sjuk- och aktivitetsersättning. Sjukpenningen ökar däremot, särskilt bland kvinnor, och bland unga "
                "20–29 år är ekonomiskt bistånd och arbetsmarknadsåtgärder de största ersättningarna.\n\n"
                "Förbundet prioriterar därför insatser för unga vuxna med försörjningsstöd och tidiga, samordnade insatser för "
                "personer som varit sjukskrivna länge. Underlaget följs upp årligen i analysgruppen tillsammans med Umeåregionen."
            )
        },
    )
    handelse_logga(aktor=aktor, forbund=forbund, handling="demodata_skapa", detaljer={"statistikvarden": len(objekt)})
    return len(objekt)


def inskrivningar_komplettera(forbund: Forbund) -> int:
    """Home kommun, time in public support, referral date and attendance on demo enrolments that lack them."""
    kommuner = list(Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN).order_by("ordning"))
    if not kommuner:
        return 0
    vikter = [12 if i == 0 else 1 for i in range(len(kommuner))]  # the largest kommun first, as the members are ordered
    qs = Inskrivning.objects.filter(forbund=forbund, samtycke=True, gallrad=False, hemkommun__isnull=True, inskriven__isnull=False)
    andrade = []
    for ins in qs.select_related("deltagare").order_by("id"):
        inskriven: dt.date = ins.inskriven  # type: ignore[assignment]
        rnd = random.Random(f"finsam-behov-{ins.deltagare.kod}-{inskriven}")  # noqa: S311 - deterministic demo data
        ins.hemkommun = rnd.choices(kommuner, weights=vikter)[0]
        ins.forsorjningstid = int(rnd.triangular(0, 120, 14))
        remitterad = inskriven - dt.timedelta(days=int(rnd.triangular(2, 70, 18)))
        ins.remitterad = remitterad
        veckor = max(((ins.avslutad or inskriven) - inskriven).days // 7, 4)
        ins.narvaro_planerad = veckor * 2
        ins.narvaro_faktisk = min(veckor * 2, round(veckor * 2 * rnd.betavariate(8, 2.5)))
        ins.vantedagar = (inskriven - remitterad).days
        andrade.append(ins)
    Inskrivning.objects.bulk_update(
        andrade, ["hemkommun", "forsorjningstid", "remitterad", "narvaro_planerad", "narvaro_faktisk", "vantedagar"], batch_size=1000
    )
    return len(andrade)
