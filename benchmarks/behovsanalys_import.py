"""Benchmark of the behovsanalys import with a nationwide table (not part of the test run).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/finsam_bench .venv/bin/python benchmarks/behovsanalys_import.py

Builds the table SCB publishes for the whole country: all 290 kommuner, 21 län and Riket × 6 support systems and the
population × 3 (totalt, kvinnor, män) × 2 age groups (20–64, 20–29) = 13 104 rows, one column per year 2010–2023
(183 456 figures), as CSV. Times, against the first förbund of the database (created by `manage.py seed_demo`, or a
bare förbund made here), in a transaction rolled back afterwards:

1. reading and validating the file (`las_statistik`),
2. the first import (every figure new),
3. a re-import of the same file (nothing changes, nothing written),
4. a re-import where every figure changed.

Prints seconds and figures per second for each; the target is the first import under 10 s (≥ 20 000 figures/s).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/finsam_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")
os.environ.setdefault("FINSAM_TASK_MODE", "eager")

AR = list(range(2010, 2024))
ERSATTNINGAR = [
    "Sjukpenning",
    "Sjuk- och aktivitetsersättning",
    "Arbetslöshetsersättning",
    "Arbetsmarknadsåtgärder",
    "Ekonomiskt bistånd",
    "Etableringsersättning",
    "Folkmängd",
]
KON = ["totalt", "kvinnor", "män"]
ALDER = ["20-64 år", "20-29 år"]
LAN = [1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25]


def regioner() -> list[str]:
    ut = ["00 Riket"] + [f"{lan:02d} Län {lan:02d}" for lan in LAN]
    kommuner = [(LAN[i % len(LAN)], i // len(LAN) + 1) for i in range(290)]
    ut += [f"{lan:02d}{nr:02d} Kommun {lan:02d}{nr:02d}" for lan, nr in kommuner]
    return ut


def tabell(forskjutning: float = 0.0) -> bytes:
    rnd = random.Random(18)
    rader = [";".join(["region", "ersättning", "kön", "ålder", *map(str, AR)])]
    for region in regioner():
        for ersattning in ERSATTNINGAR:
            for kon in KON:
                for alder in ALDER:
                    bas = rnd.uniform(5, 50_000) if ersattning == "Folkmängd" else rnd.uniform(0.5, 900)
                    varden = [f"{bas * (1 + 0.01 * i) + forskjutning:.1f}".replace(".", ",") for i in range(len(AR))]
                    rader.append(";".join([region, ersattning, kon, alder, *varden]))
    return ("\n".join(rader) + "\n").encode("utf-8")


def main() -> None:
    import django

    django.setup()
    from django.db import transaction

    from finsam.models import Forbund
    from uppfoljning.services.statistikimport import las_statistik, statistik_importera

    data, andrad = tabell(), tabell(0.1)
    rader = data.count(b"\n") - 1
    figurer = rader * len(AR)
    print(f"Tabell: {rader} rader × {len(AR)} år = {figurer} värden, {len(data) / 1024 / 1024:.1f} MB CSV")
    forbund = Forbund.objects.order_by("id").first()
    if forbund is None:
        sys.exit("Ingen förbund i databasen: kör manage.py migrate och seed_demo först.")

    def tid(namn: str, fn: object) -> None:
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        s = time.perf_counter() - start
        print(f"{namn:<38} {s:7.2f} s  {figurer / s:10.0f} värden/s")

    tid("Läsa och kontrollera filen", lambda: las_statistik(data, "riket.csv"))
    with transaction.atomic():
        tid("Första importen (alla värden nya)", lambda: statistik_importera(forbund=forbund, aktor="benchmark", data=data, filnamn="riket.csv"))
        tid("Samma fil igen (inget ändras)", lambda: statistik_importera(forbund=forbund, aktor="benchmark", data=data, filnamn="riket.csv"))
        tid("Alla värden ändrade", lambda: statistik_importera(forbund=forbund, aktor="benchmark", data=andrad, filnamn="riket.csv"))
        transaction.set_rollback(True)


if __name__ == "__main__":
    main()
