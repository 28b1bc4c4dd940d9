"""Demo data for ekonomi (Samordningsförbundet Skellefteå-Norsjö): allocations 2019–2022, the account mapping,
the 2019 bookkeeping from the SIE file the demo ships, the budget 2019 and the budget 2020 with plan 2021–2022 in
the shape of the seed's table (002), underfinanced by 142 000 kr as the board's decision of 2019-11-28 says.

Idempotent: what exists is left alone; the SIE import is repeated only when no 2019 import exists.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from finsam.models import Forbund, Medlem
from insatser.models import Insats
from insatser.selectors import beviljat_per_ar
from styrelse.models import Paragraf, Sammantrade

from . import services
from .models import Budget, Kontokoppling, Redovisningsimport, Tilldelning

SIE_2019 = Path(__file__).resolve().parent / "demo_data" / "skelleftea-norsjo-2019.se"

# year: (allocation, Skellefteå 18–64, Norsjö 18–64) – plausible figures in the statutes' shape
TILLDELNING = {
    2019: (5_600_000, 41_236, 2_118),
    2020: (5_676_000, 41_180, 2_105),
    2021: (5_776_000, 41_322, 2_096),
    2022: (5_776_000, 41_410, 2_088),  # 5 776 tkr: seed 001
    2023: (5_776_000, 41_455, 2_079),  # 5 776 tkr: seed 000
    2024: (5_776_000, 41_500, 2_070),  # the plan years: the allocation of 2023 carried on
    2025: (5_776_000, 41_540, 2_062),
}
ADMINISTRATION = [
    # nyckel, budget 2019, budget 2020, plan 2021, plan 2022
    ("adm-forbundschef", 940_000, 960_000, 975_000, 990_000),
    ("adm-kansli", 150_000, 110_000, 110_000, 110_000),
    ("adm-styrelse", 120_000, 125_000, 125_000, 125_000),
    ("adm-resor", 65_000, 65_000, 65_000, 65_000),
    ("adm-natverk", 11_000, 11_000, 11_000, 11_000),
    ("adm-sammantraden", 10_000, 10_000, 10_000, 10_000),
]
INSATSER_2019 = [
    ("AMT", "Arbetsmarknadstorget", 1_900_000),
    ("MySam", "MySam – myndighetssamverkan", 1_000_000),
    ("NAFS", "NAFS Skellefteå-Norsjö", 1_400_000),
]
UNDERSKOTT_2020 = Decimal(142_000)


def _medlem(forbund: Forbund, kod: str) -> Medlem:
    return Medlem.objects.get(forbund=forbund, kod=kod)


def _insatsnyckel(forbund: Forbund, kortnamn: str) -> tuple[str, Any]:
    insats = Insats.objects.filter(forbund=forbund, kortnamn=kortnamn).first()
    return (f"insats-{insats.pk}", insats) if insats else (f"ins-{kortnamn.lower()}", None)


def seed_tilldelning(forbund: Forbund, aktor: Any) -> None:
    for ar, (belopp, skelleftea, norsjo) in TILLDELNING.items():
        if not Tilldelning.objects.filter(forbund=forbund, ar=ar).exists():
            services.tilldelning_spara(
                forbund=forbund,
                aktor=aktor,
                ar=ar,
                belopp=Decimal(belopp),
                invanare={_medlem(forbund, "skelleftea").pk: skelleftea, _medlem(forbund, "norsjo").pk: norsjo},
            )


def seed_kontoplan(forbund: Forbund, aktor: Any) -> None:
    if Kontokoppling.objects.filter(forbund=forbund).exists():
        return
    services.kontoplan_standard(forbund)
    m = {kod: _medlem(forbund, kod) for kod in ("fk", "region", "skelleftea", "norsjo")}
    kopplingar: list[tuple[int, int, str, str, Medlem | None]] = [
        (1511, 1511, "Skellefteå kommun", "", None),
        (1512, 1512, "Norsjö kommun", "", None),
        (1513, 1513, "Region Västerbotten", "", None),
        (1640, 1649, "Moms", "", None),
        (1790, 1799, "Övriga fordringar", "", None),
        (2440, 2449, "Leverantörsskulder", "", None),
        (2710, 2799, "Personalens skatter och avgifter", "", None),
        (2900, 2999, "Upplupna kostnader och förutbetalda intäkter", "", None),
        (3010, 3019, "Driftbidrag från staten", f"medlem-{m['fk'].pk}", m["fk"]),
        (3020, 3029, "Driftbidrag från landsting/region", f"medlem-{m['region'].pk}", m["region"]),
        (3030, 3039, "Driftbidrag från Skellefteå kommun", f"medlem-{m['skelleftea'].pk}", m["skelleftea"]),
        (3040, 3049, "Driftbidrag från Norsjö kommun", f"medlem-{m['norsjo'].pk}", m["norsjo"]),
        (3900, 3999, "Övrigt (Umeå och Lycksele Samordningsförbund)", "", None),
        (4010, 4019, "Uppdragsersättning förbundschef", "adm-forbundschef", None),
        (4510, 4514, "Arbetsmarknadstorget", _insatsnyckel(forbund, "AMT")[0], None),
        (4515, 4519, "MySam", _insatsnyckel(forbund, "MySam")[0], None),
        (4520, 4529, "NAFS", _insatsnyckel(forbund, "NAFS")[0], None),
        (4530, 4539, "Kompetensutveckling i samverkan", "ins-kompetensutveckling", None),
        (5010, 5099, "Lokalhyra", "adm-kansli", None),
        (5810, 5899, "Resor och logi", "adm-resor", None),
        (6110, 6199, "Kontor, IT och telefoni", "adm-kansli", None),
        (6410, 6499, "Arvoden styrelsen", "adm-styrelse", None),
        (6980, 6989, "Medlemsavgift NNS", "adm-natverk", None),
        (6990, 6999, "Sammanträdeskostnader", "adm-sammantraden", None),
        (8310, 8399, "Ränteintäkter", "", None),
    ]
    for fran, till, text, nyckel, medlem in kopplingar:
        services.kontokoppling_spara(forbund=forbund, aktor=aktor, fran=fran, till=till, text=text, nyckel=nyckel, medlem=medlem)


def _paragraf(forbund: Forbund, ar: int, rubrik_del: str, datum: dt.date, nummer: int, rubrik: str) -> Any:
    """The board's decision on the budget: the styrelse demo's paragraph if it exists, else one for the demo."""
    p = Paragraf.objects.filter(forbund=forbund, ar=ar, rubrik__icontains=rubrik_del).select_related("sammantrade").first()
    if p is not None:
        return p
    mote = Sammantrade.objects.filter(forbund=forbund, datum=datum).first() or Sammantrade.objects.create(
        forbund=forbund, datum=datum, plats="Skellefteå"
    )
    p = Paragraf.objects.filter(forbund=forbund, ar=ar, nummer=nummer).first()
    return p or Paragraf.objects.create(
        forbund=forbund, sammantrade=mote, ar=ar, nummer=nummer, rubrik=rubrik, text="att fastställa verksamhetsplan och budget"
    )


def _satt(
    budget: Budget, aktor: Any, nyckel: str, text: str, grupp: str, varden: tuple[int | None, ...], insats: Any = None, ordning: int = 500
) -> None:
    rad = budget.rader.filter(nyckel=nyckel).first()
    belopp = [Decimal(v) if v is not None else None for v in varden]
    services.budgetrad_spara(
        budget=budget,
        aktor=aktor,
        rad=rad,
        grupp=grupp,
        nyckel=nyckel,
        text=text,
        insats=insats,
        ordning=rad.ordning if rad else ordning,
        belopp=belopp[0] or Decimal(0),
        plan1=belopp[1],
        plan2=belopp[2],
    )


def seed_budget_2019(forbund: Forbund, aktor: Any) -> None:
    if Budget.objects.filter(forbund=forbund, ar=2019).exists():
        return
    b = services.budget_skapa(forbund=forbund, aktor=aktor, ar=2019, kommentar="Budget 2019 med plan 2020–2021.")
    for nyckel, b19, b20, b21, _ in ADMINISTRATION:
        rad = b.rader.get(nyckel=nyckel)
        _satt(b, aktor, nyckel, rad.text, "administration", (b19, b20, b21))

    beviljat = beviljat_per_ar(forbund, 2019)  # the intervention lines are the board's grants for the year
    for kortnamn, namn, belopp in INSATSER_2019:
        nyckel, insats = _insatsnyckel(forbund, kortnamn)
        belopp = int(beviljat.get(insats.pk, belopp)) if insats else belopp
        _satt(b, aktor, nyckel, namn, "insatser", (belopp, belopp, None), insats=insats)
    _satt(b, aktor, "ins-kompetensutveckling", "Kompetensutveckling i samverkan", "insatser", (250_000, 150_000, 150_000))
    _satt(b, aktor, "nya-aktiviteter", "Nya ej beslutade aktiviteter", "nya", (200_000, 800_000, 1_500_000), ordning=900)
    p = _paragraf(forbund, 2018, "budget 2019", dt.date(2018, 11, 29), 85, "Verksamhetsplan och budget 2019, plan 2020–2021")
    services.budget_faststall(budget=b, aktor=aktor, paragraf=p)


def seed_budget_2020(forbund: Forbund, aktor: Any) -> None:
    if Budget.objects.filter(forbund=forbund, ar=2020).exists():
        return
    b = services.budget_skapa(forbund=forbund, aktor=aktor, ar=2020, kommentar="Budget 2020 med plan 2021–2022.")
    for nyckel, _, b20, b21, b22 in ADMINISTRATION:
        _satt(b, aktor, nyckel, b.rader.get(nyckel=nyckel).text, "administration", (b20, b21, b22))
    misam_nyckel, misam = _insatsnyckel(forbund, "MISAM")
    if not b.rader.filter(nyckel=misam_nyckel).exists():  # the board decided 3 550 000 kr for the new platform (§ 2019-11-28)
        _satt(b, aktor, misam_nyckel, "MISAM – Myndigheter och individ i samarbete", "insatser", (3_550_000, 3_550_000, 3_550_000), insats=misam)
    _satt(b, aktor, "ins-kompetensutveckling", "Kompetensutveckling i samverkan", "insatser", (135_000, 135_000, 135_000))
    _satt(b, aktor, "ins-psykeveckan", "Psykeveckan", "insatser", (100_000, 75_000, 75_000))
    # New, not yet decided activities balance the plan years and leave 2020 underfinanced by 142 000 kr, as decided.
    rader = list(b.rader.all())
    intakt = [sum((r.belopp if i == 0 else (r.plan1 if i == 1 else r.plan2)) or 0 for r in rader if r.ar_intakt) for i in range(3)]
    kostnad = [
        sum((r.belopp if i == 0 else (r.plan1 if i == 1 else r.plan2)) or 0 for r in rader if not r.ar_intakt and r.nyckel != "nya-aktiviteter")
        for i in range(3)
    ]
    nya = [intakt[0] + UNDERSKOTT_2020 - kostnad[0], intakt[1] - kostnad[1], intakt[2] - kostnad[2]]
    _satt(b, aktor, "nya-aktiviteter", "Nya ej beslutade aktiviteter", "nya", tuple(max(int(v), 0) for v in nya), ordning=900)
    p = _paragraf(forbund, 2019, "budget 2020", dt.date(2019, 11, 28), 80, "Verksamhetsplan och budget 2020 (bilaga 3)")
    services.budget_faststall(budget=b, aktor=aktor, paragraf=p)


# Örnsköldsvik's budget 2020 with plan 2021–2022, as in its verksamhetsplan (seed 002, table 8, tkr).
OVIK_TILLDELNING = {2020: 5_034_000, 2021: 5_036_000, 2022: 5_036_000}
OVIK_INVANARE_18_64 = 31_400  # one municipality: the split between municipalities does not depend on it
OVIK_ADMINISTRATION: list[tuple[str, str, tuple[int | None, ...]]] = [
    ("adm-forbundschef", "Uppdragsersättning förbundschef 100 %", (725, 735, 745)),
    ("adm-kansli", "Kanslikostnader, hyra, dator, tele, dataskyddsombud", (100, 100, 100)),
    ("adm-styrelse", "Arvoden, ersättningar styrelsen", (120, 120, 120)),
    ("adm-resor", "Rese- och logikostnader", (65, 65, 65)),
    ("adm-natverk", "Medlemsavgift NNS inklusive serviceavgift", (11, 11, 11)),
    ("adm-sammantraden", "Sammanträdeskostnader", (10, 10, 10)),
]
OVIK_INSATSER: list[tuple[str, str, tuple[int | None, ...]]] = [
    ("ins-plattform-u", "Plattform U", (600, 600, 600)),
    ("ins-vidare-vy", "Vidare Vy", (455, 455, None)),
    ("ins-appler", "Projekt Äpplet", (600, 600, None)),
    ("ins-samtalsbyra", "Samtalsbyrå för unga", (300, 305, 310)),
    ("ins-vinr", "Processtöd VINR 50 %", (280, 21, None)),
    ("ins-vagen-till-arbete", "Processtöd Vägen till arbete 25 %", (63, None, None)),
    ("ins-psykisk-halsa", "Processtöd/Utvecklingsstrateg Psykisk hälsa 100 %", (610, 620, None)),
    ("ins-psykeveckan", "Psykeveckan V.45", (100, 75, 75)),
    ("ins-kompetensutveckling", "Kompetensutveckling i samverkan", (135, None, None)),
    ("ins-kurser", "Kurs- och konferensavgifter", (50, None, None)),
]
OVIK_NYA = (810, 1319, 3000)


def _tkr(varden: tuple[int | None, ...]) -> tuple[int | None, ...]:
    return tuple(v * 1000 if v is not None else None for v in varden)


def seed_ornskoldsvik(aktor: Any) -> None:
    """The second demo förbund's allocation and its budget 2020 (a draft: the demo holds none of its meetings)."""
    ovik = Forbund.objects.filter(slug="ornskoldsvik").first()
    if ovik is None or Budget.objects.filter(forbund=ovik, ar=2020).exists():
        return
    kommun = Medlem.objects.get(forbund=ovik, typ=Medlem.Typ.KOMMUN)
    for ar, belopp in OVIK_TILLDELNING.items():
        if not Tilldelning.objects.filter(forbund=ovik, ar=ar).exists():
            services.tilldelning_spara(forbund=ovik, aktor=aktor, ar=ar, belopp=Decimal(belopp), invanare={kommun.pk: OVIK_INVANARE_18_64})
    b = services.budget_skapa(forbund=ovik, aktor=aktor, ar=2020, kommentar="Budget 2020, plan 2021–2022 (verksamhetsplanen, avsnitt 8).")
    for nyckel, text, varden in OVIK_ADMINISTRATION:
        _satt(b, aktor, nyckel, text, "administration", _tkr(varden))
    for i, (nyckel, text, varden) in enumerate(OVIK_INSATSER):
        _satt(b, aktor, nyckel, text, "insatser", _tkr(varden), ordning=500 + i)
    _satt(b, aktor, "nya-aktiviteter", "Nya ej beslutade aktiviteter", "nya", _tkr(OVIK_NYA), ordning=900)


# Budgets for the demo's 2022 and 2023 plans (seeds 001 and 000 state the allocation, 5 776 tkr, and the two
# ordinary interventions MISAM and NAFS, but print no budget table): drafts with plausible figures in the shape of
# the adopted 2020 budget, new activities balancing each year.
PLANBUDGET_INSATSER = [("MISAM", "MISAM – Myndigheter och individ i samarbete", 3_550_000), ("NAFS", "NAFS Skellefteå-Norsjö", 600_000)]


def seed_planbudget(forbund: Forbund, aktor: Any, ar: int) -> None:
    if Budget.objects.filter(forbund=forbund, ar=ar).exists() or not Tilldelning.objects.filter(forbund=forbund, ar=ar + 2).exists():
        return
    b = services.budget_skapa(forbund=forbund, aktor=aktor, ar=ar, kommentar=f"Budget {ar} med plan {ar + 1}–{ar + 2} (utkast).")
    for nyckel, _, _, _, b22 in ADMINISTRATION:
        varden = tuple(b22 + (15_000 * (ar + i - 2022) if nyckel == "adm-forbundschef" else 0) for i in range(3))
        _satt(b, aktor, nyckel, b.rader.get(nyckel=nyckel).text, "administration", varden)
    for kortnamn, namn, belopp in PLANBUDGET_INSATSER:
        nyckel, insats = _insatsnyckel(forbund, kortnamn)
        if not b.rader.filter(nyckel=nyckel).exists():  # a grant decided for the year fills its own line
            _satt(b, aktor, nyckel, namn, "insatser", (belopp, belopp, belopp), insats=insats)
    _satt(b, aktor, "ins-kompetensutveckling", "Kompetensutveckling i samverkan", "insatser", (135_000, 135_000, 135_000))
    rader = list(b.rader.all())
    falt = ["belopp", "plan1", "plan2"]
    netto = [sum((getattr(r, f) or 0) * (1 if r.ar_intakt else -1) for r in rader if r.nyckel != "nya-aktiviteter") for f in falt]
    _satt(b, aktor, "nya-aktiviteter", "Nya ej beslutade aktiviteter", "nya", tuple(max(int(v), 0) for v in netto), ordning=900)


def seed_bokforing(forbund: Forbund, aktor: Any) -> None:
    if not Redovisningsimport.objects.filter(forbund=forbund, ar=2019).exists():
        services.bokforing_importera(forbund=forbund, aktor=aktor, data=SIE_2019.read_bytes(), filnamn=SIE_2019.name)


def seed(forbund: Forbund, aktor: Any) -> None:
    seed_tilldelning(forbund, aktor)
    seed_kontoplan(forbund, aktor)
    seed_budget_2019(forbund, aktor)
    seed_budget_2020(forbund, aktor)
    seed_bokforing(forbund, aktor)
    seed_planbudget(forbund, aktor, 2022)
    seed_planbudget(forbund, aktor, 2023)
    seed_ornskoldsvik(aktor)
