"""Demo attendance per period: MySam records its participants' attendance month by month in 2019 (the goal tree's
närvaro measure reads these), as the kansli would enter them or import them from the intervention's sheet. Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from finsam.models import Forbund

from .models import Inskrivning, Narvaroperiod, Periodtyp

AR = 2019
INSATS = "MySam"


def seed(forbund: Forbund) -> int:
    if Narvaroperiod.objects.filter(forbund=forbund, period__year=AR).exists():
        return 0
    perioder = []
    qs = Inskrivning.objects.filter(
        forbund=forbund, insats__kortnamn=INSATS, samtycke=True, gallrad=False, inskriven__isnull=False, startar__lte=AR
    ).select_related("deltagare")
    for ins in qs.filter(slutar__isnull=True) | qs.filter(slutar__gte=AR):
        rnd = random.Random(f"finsam-narvaro-{ins.deltagare.kod}")  # noqa: S311 - deterministic demo data
        inskriven: dt.date = ins.inskriven  # type: ignore[assignment]  # filtered on inskriven__isnull=False
        start = max(inskriven, dt.date(AR, 1, 1))
        slut = min(ins.avslutad or dt.date(AR, 12, 31), dt.date(AR, 12, 31))
        manad = dt.date(start.year, start.month, 1)
        while manad <= slut:
            planerade = rnd.choice([4, 6, 8, 8, 8, 10])
            narvarade = min(planerade, round(planerade * rnd.betavariate(9, 2.5)))
            perioder.append(
                Narvaroperiod(forbund=forbund, inskrivning=ins, periodtyp=Periodtyp.MANAD, period=manad, planerade=planerade, narvarade=narvarade)
            )
            manad = dt.date(manad.year + manad.month // 12, manad.month % 12 + 1, 1)
    Narvaroperiod.objects.bulk_create(perioder, batch_size=2000)
    return len(perioder)
