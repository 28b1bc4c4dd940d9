"""Benchmark of the insatser app on PostgreSQL (not part of the test run).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/finsam_bench_insatser .venv/bin/python benchmarks/insatser_bench.py [--regenerate]

1. Generates (once; --regenerate to redo) 80 förbund × 60 interventions × 20 years (2005–2024) × 2 grants a year
   (192 000 grants) plus one large decision paragraph granting 180 amounts, in its own database.
2. Times `beviljat_per_ar(forbund, year)` (median of 25 runs); target under 20 ms.
3. Times the traceability of a decision paragraph with 3 grants and with 180 grants, and counts their queries
   (must be equal: the number of queries does not depend on the number of grants).
4. Imports a 500-row CSV of interventions all-or-nothing (rolled back afterwards) and counts its queries; a förbund
   has tens of interventions, so the target is modest: the whole file within 30 s (≥ 17 rows/s) on the shared machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/finsam_bench_insatser")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")
os.environ.setdefault("FINSAM_TASK_MODE", "eager")

FORBUND = 80
INSATSER = 60
AR = list(range(2005, 2025))
KORNINGAR = 25


def skapa_databas() -> None:
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], password=db.get("PASSWORD") or None, dbname="postgres", autocommit=True
    ) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')
            print(f"Skapade databasen {db['NAME']}")


def generera(regenerera: bool) -> None:
    from django.core.management import call_command
    from django.db import connection

    from finsam.models import Forbund, Medlem
    from insatser.models import Beviljande, Insats
    from styrelse.models import Paragraf, Sammantrade

    call_command("migrate", verbosity=0)
    if regenerera:
        Beviljande.objects.all().delete()
    if Beviljande.objects.count() >= FORBUND * INSATSER * len(AR) * 2:
        print(f"Data finns redan: {Beviljande.objects.count():,} beviljanden".replace(",", " "))
        return
    t0 = time.perf_counter()
    for n in range(FORBUND):
        f, _ = Forbund.objects.get_or_create(slug=f"bench-{n:02d}", defaults={"namn": f"Samordningsförbundet Bänk {n:02d}"})
        if not Medlem.objects.filter(forbund=f).exists():
            Medlem.objects.bulk_create(
                [
                    Medlem(forbund=f, namn=namn, typ=typ, kod=kod, ordning=i)
                    for i, (namn, typ, kod) in enumerate(
                        [
                            ("Försäkringskassan", "fk", "fk"),
                            ("Arbetsförmedlingen", "af", "af"),
                            ("Regionen", "region", "region"),
                            ("Kommunen", "kommun", "kommun"),
                        ]
                    )
                ]
            )
        medlemmar = list(Medlem.objects.filter(forbund=f))
        if not Insats.objects.filter(forbund=f).exists():
            Insats.objects.bulk_create(
                [
                    Insats(
                        forbund=f,
                        kortnamn=f"INS{k:02d}",
                        namn=f"Insats {k}",
                        typ="ordinarie",
                        inriktning="individ",
                        status="pagaende",
                        startdatum=dt.date(2005, 1, 1),
                    )
                    for k in range(INSATSER)
                ]
            )
            through = Insats.parter.through
            through.objects.bulk_create(
                [through(insats_id=i, medlem_id=m.pk) for i in Insats.objects.filter(forbund=f).values_list("id", flat=True) for m in medlemmar[:2]]
            )
        insatser = list(Insats.objects.filter(forbund=f).values_list("id", flat=True))
        rader = []
        for ar in AR:
            mote, _ = Sammantrade.objects.get_or_create(forbund=f, datum=dt.date(ar - 1, 11, 28))
            budget, _ = Paragraf.objects.get_or_create(forbund=f, ar=ar - 1, nummer=70, defaults={"sammantrade": mote, "rubrik": f"Budget {ar}"})
            tillagg, _ = Paragraf.objects.get_or_create(forbund=f, ar=ar - 1, nummer=71, defaults={"sammantrade": mote, "rubrik": f"Tillägg {ar}"})
            for i in insatser:
                rader.append(Beviljande(forbund=f, insats_id=i, paragraf=budget, ar=ar, belopp=Decimal(100_000 + i % 7 * 1000)))
                rader.append(Beviljande(forbund=f, insats_id=i, paragraf=tillagg, ar=ar, belopp=Decimal(5_000)))
        Beviljande.objects.bulk_create(rader, batch_size=5000, ignore_conflicts=True)
    stor = Forbund.objects.get(slug=f"bench-{FORBUND - 1:02d}")
    mote, _ = Sammantrade.objects.get_or_create(forbund=stor, datum=dt.date(2019, 11, 28))
    liten, _ = Paragraf.objects.get_or_create(forbund=stor, ar=2019, nummer=80, defaults={"sammantrade": mote, "rubrik": "Liten"})
    stora, _ = Paragraf.objects.get_or_create(forbund=stor, ar=2019, nummer=81, defaults={"sammantrade": mote, "rubrik": "Stor"})
    ids = list(Insats.objects.filter(forbund=stor).values_list("id", flat=True))
    nya = [Beviljande(forbund=stor, insats_id=ids[0], paragraf=liten, ar=ar, belopp=Decimal(1000)) for ar in (2020, 2021, 2022)]
    nya += [Beviljande(forbund=stor, insats_id=i, paragraf=stora, ar=ar, belopp=Decimal(1000)) for i in ids for ar in (2020, 2021, 2022)]
    Beviljande.objects.bulk_create(nya, ignore_conflicts=True)
    with connection.cursor() as c:
        c.execute("ANALYZE insatser_beviljande; ANALYZE insatser_insats")
    print(f"Genererade {Beviljande.objects.count():,} beviljanden i {FORBUND} förbund på {time.perf_counter() - t0:.1f} s".replace(",", " "))


def median_ms(fn, n: int = KORNINGAR) -> float:  # type: ignore[no-untyped-def]
    tider = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        tider.append((time.perf_counter() - t) * 1000)
    return statistics.median(tider)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    skapa_databas()
    generera(args.regenerate)

    from django.db import connection, reset_queries, transaction
    from django.test.utils import CaptureQueriesContext

    from finsam.models import Forbund
    from insatser.models import Insats
    from insatser.selectors import beviljat_per_ar
    from insatser.services.importera import importera
    from insatser.sparbarhet import for_insats, for_paragraf
    from styrelse.models import Paragraf

    stor = Forbund.objects.get(slug=f"bench-{FORBUND - 1:02d}")
    resultat = beviljat_per_ar(stor, 2020)
    ms = median_ms(lambda: beviljat_per_ar(stor, 2020))
    print(f"beviljat_per_ar: {len(resultat)} insatser, median {ms:.2f} ms (mål < 20 ms) {'OK' if ms < 20 else 'MISSAT'}")

    liten = Paragraf.objects.get(forbund=stor, ar=2019, nummer=80)
    stora = Paragraf.objects.get(forbund=stor, ar=2019, nummer=81)
    fragor = {}
    for namn, p in (("3 beviljanden", liten), ("180 beviljanden", stora)):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            data = for_paragraf(stor, p)
        fragor[namn] = len(ctx.captured_queries)
        ms = median_ms(lambda p=p: for_paragraf(stor, p), 10)
        print(f"spårbarhet från paragraf, {namn} ({len(data['insatser'])} insatser): {fragor[namn]} frågor, median {ms:.1f} ms")
    print(f"Antal frågor oberoende av antal beviljanden: {'OK' if len(set(fragor.values())) == 1 else 'MISSAT'} {fragor}")
    insats = Insats.objects.filter(forbund=stor).order_by("kortnamn").first()
    reset_queries()
    with CaptureQueriesContext(connection) as ctx:
        for_insats(stor, insats)
    ms = median_ms(lambda: for_insats(stor, insats), 10)
    print(f"spårbarhet från insats (20 år, 40 beviljanden): {len(ctx.captured_queries)} frågor, median {ms:.1f} ms")

    antal = 500
    rader = ["kortnamn;namn;typ;inriktning;startdatum;slutdatum;parter"]
    rader += [f"IMP{i:04d};Importerad insats {i};finsam_projekt;individ;2020-01-01;2021-12-31;fk,af" for i in range(antal)]
    innehall = ("\n".join(rader) + "\n").encode("utf-8")
    t = time.perf_counter()
    with connection.cursor() as c:
        for _ in range(50):
            c.execute("SELECT 1")
    latens = (time.perf_counter() - t) / 50 * 1000
    with transaction.atomic():
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            t = time.perf_counter()
            svar = importera(forbund=stor, aktor="bench", innehall=innehall, filnamn="bench.csv")
            sek = time.perf_counter() - t
        transaction.set_rollback(True)
    takt = antal / sek
    print(
        f"import {antal} rader: {'ok' if svar.ok else svar.fel[:3]}, {len(ctx.captured_queries) / antal:.1f} frågor/rad, {sek:.1f} s "
        f"= {takt:.0f} rader/s (mål ≥ 17) {'OK' if takt >= 17 else 'MISSAT'}; databasens svarstid för SELECT 1: {latens:.2f} ms"
    )


if __name__ == "__main__":
    main()
