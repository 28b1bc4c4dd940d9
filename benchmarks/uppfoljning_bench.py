"""National-scale benchmark of the follow-up register on PostgreSQL (not part of the test run).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/finsam_bench .venv/bin/python benchmarks/uppfoljning_bench.py [--regenerate]

1. Generates (once; --regenerate to redo) 80 förbund × 20 years (2005–2024) × ~700 000 enrolments with COPY
   into its own database (created and migrated if missing).
2. Times `uppfoljning.selectors.utfall(forbund, year)` against the same aggregates written as ONE raw SQL query
   (GROUPING SETS, COUNT DISTINCT … FILTER, percentile_cont) in alternating pairs (report, raw, report, raw, …) so that
   both see the same cache and load. Targets: median under 150 ms and ≤ 1.2× the raw query.
3. Counts the queries per report for a small and a large förbund-year (must be equal: constant).
4. Imports a 20 000-row CSV file with full validation (every rule, every row message; rolled back afterwards) against a
   parse-and-COPY floor (the same rows into the same tables, decoded, csv-parsed and COPYed with no validation), in
   alternating pairs.
   Targets: ≤ 3× the floor and ≥ 10 000 rows/s.

    .venv/bin/python benchmarks/uppfoljning_bench.py --bara-import   # step 4 only, without the national dataset
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/finsam_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")
os.environ.setdefault("FINSAM_TASK_MODE", "eager")

FORBUND = 80
AR = list(range(2005, 2025))
MAL_INSKRIVNINGAR = 700_000
RAPPORTAR = 2019
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

    from finsam.models import Forbund
    from insatser.models import Insats
    from uppfoljning.models import Deltagare, Inskrivning

    call_command("migrate", verbosity=0)
    if regenerera:
        Inskrivning.objects.all().delete()
        Deltagare.objects.all().delete()
        Insats.objects.filter(forbund__slug__startswith="bench-").delete()
    if Inskrivning.objects.filter(forbund__slug__startswith="bench-").count() >= MAL_INSKRIVNINGAR * 0.9:
        print(f"Data finns redan: {Inskrivning.objects.count():,} inskrivningar".replace(",", " "))
        return
    rnd = random.Random(2026)
    t0 = time.perf_counter()
    forbund = []
    for n in range(FORBUND):
        f, _ = Forbund.objects.get_or_create(slug=f"bench-{n:02d}", defaults={"namn": f"Samordningsförbundet Bänk {n:02d}"})
        forbund.append(f)
    # Förbund differ in size (weights 1–4); the last one is the largest and is the one reported on.
    vikter = [1 + 3 * (i / (FORBUND - 1)) for i in range(FORBUND)]
    per_vikt = MAL_INSKRIVNINGAR / sum(vikter) / len(AR)
    insatser: dict[int, list[int]] = {}
    for f in forbund:
        objs = [
            Insats(
                forbund=f,
                kortnamn=f"INS{k}",
                namn=f"Insats {k}",
                typ="ordinarie",
                inriktning="individ",
                status="pagaende",
                startdatum=dt.date(2005, 1, 1),
            )
            for k in range(6)
        ]
        Insats.objects.bulk_create(objs)
        insatser[f.pk] = list(Insats.objects.filter(forbund=f).values_list("id", flat=True))
    kon = ["kvinna"] * 46 + ["man"] * 52 + ["annat"] * 2
    rem = ["af", "fk", "kommun", "region", "annan"]
    utb = ["saknar_grundskola", "grundskola", "grundsarskola", "gymnasium", "gymnasiesarskola", "eftergymnasial_kort", "eftergymnasial_lang", "okand"]
    fors = [
        "arbete",
        "studier",
        "a_kassa",
        "aktivitetsstod",
        "sjuk_rehabpenning",
        "sjukersattning",
        "aktivitetsersattning",
        "forsorjningsstod",
        "etableringsersattning",
        "annan_offentlig",
        "ingen_offentlig",
        "okand",
    ]
    nu = dt.datetime.now(dt.UTC)
    deltagare_rader = []
    inskrivningar: list[tuple[object, ...]] = []
    for f, v in zip(forbund, vikter, strict=True):
        nummer = 0
        for ar in AR:
            for _ in range(int(rnd.gauss(per_vikt * v, per_vikt * v * 0.1))):
                nummer += 1
                deltagare_rader.append((f.pk, f"P{ar}-{nummer:05d}", "", False, nu))
                start = dt.date(ar, 1, 1) + dt.timedelta(days=rnd.randrange(365))
                fodd = ar - rnd.randint(16, 64)
                slut = start + dt.timedelta(days=int(rnd.triangular(20, 900, 220)))
                avslutad = slut if slut <= dt.date(2024, 12, 31) and rnd.random() < 0.97 else None
                inskrivningar.append(
                    (
                        f.pk,
                        rnd.choice(insatser[f.pk]),
                        (f.pk, f"P{ar}-{nummer:05d}"),
                        True,
                        start,
                        rnd.choice(kon),
                        fodd,
                        rnd.choice(rem),
                        rnd.choice(utb),
                        rnd.choice(fors),
                        start,
                        avslutad,
                        rnd.choice(fors) if avslutad else "",
                        ar,
                        avslutad.year if avslutad else None,
                        ar - fodd,
                        (avslutad - start).days if avslutad else None,
                        False,
                        nu,
                        "",
                    )
                )
    with connection.cursor() as c, c.cursor.copy("COPY uppfoljning_deltagare (forbund_id, kod, pnr_hash, gallrad, skapad) FROM STDIN") as cp:
        for r in deltagare_rader:
            cp.write_row(r)
    ids = {(fid, kod): pk for pk, fid, kod in Deltagare.objects.values_list("id", "forbund_id", "kod").iterator(chunk_size=50_000)}
    kolumner = (
        "forbund_id, insats_id, deltagare_id, samtycke, samtycke_datum, kon, fodelsear, remittent, utbildning, forsorjning_in, "
        "inskriven, avslutad, forsorjning_ut, startar, slutar, alder, dagar, gallrad, andrad, alder_skal"
    )
    with connection.cursor() as c, c.cursor.copy(f"COPY uppfoljning_inskrivning ({kolumner}) FROM STDIN") as cp:
        for r in inskrivningar:
            cp.write_row((r[0], r[1], ids[r[2]], *r[3:]))
    with connection.cursor() as c:
        c.execute("ANALYZE uppfoljning_deltagare; ANALYZE uppfoljning_inskrivning; ANALYZE insatser_insats")
    print(
        f"Genererade {len(inskrivningar):,} inskrivningar och {len(deltagare_rader):,} deltagare i {FORBUND} förbund × {len(AR)} år "
        f"på {time.perf_counter() - t0:.1f} s".replace(",", " ")
    )


def ra_sql() -> str:
    from uppfoljning.selectors import ALDERSGRUPPER, KATEGORIER

    person = "deltagare_id"
    delar = [
        f"COUNT(DISTINCT {person}) AS deltagare",
        f"COUNT(DISTINCT {person}) FILTER (WHERE startar = %(ar)s) AS nya",
        "COUNT(*) FILTER (WHERE slutar = %(ar)s AND forsorjning_ut <> '') AS avslutade",
    ]
    for namn, lag, hog in ALDERSGRUPPER:
        delar.append(f'COUNT(DISTINCT {person}) FILTER (WHERE alder BETWEEN {lag} AND {hog}) AS "a_{namn}"')
    for falt in ("remittent", "utbildning", "forsorjning_in"):
        for kod in KATEGORIER[falt]:
            delar.append(f"COUNT(DISTINCT {person}) FILTER (WHERE {falt} = '{kod}') AS {falt}_{kod}")
    for kod in KATEGORIER["forsorjning_ut"]:
        delar.append(f"COUNT(*) FILTER (WHERE slutar = %(ar)s AND forsorjning_ut = '{kod}') AS ut_{kod}")
    delar.append("percentile_cont(0.5) WITHIN GROUP (ORDER BY dagar) FILTER (WHERE slutar = %(ar)s AND forsorjning_ut <> '') AS median")
    return (
        f"SELECT insats_id, kon, {', '.join(delar)} FROM uppfoljning_inskrivning "
        "WHERE forbund_id = %(f)s AND startar <= %(ar)s AND (slutar IS NULL OR slutar >= %(ar)s) "
        "GROUP BY GROUPING SETS ((insats_id, kon), (insats_id), (kon), ())"
    )


def tid(fn: object, n: int = KORNINGAR) -> tuple[float, list[float]]:
    for _ in range(3):
        fn()  # type: ignore[operator]
    tider = []
    for _ in range(n):
        t = time.perf_counter()
        fn()  # type: ignore[operator]
        tider.append((time.perf_counter() - t) * 1000)
    return statistics.median(tider), tider


def matt_rapport() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from finsam.models import Forbund
    from uppfoljning.models import Inskrivning
    from uppfoljning.selectors import utfall

    stor = Forbund.objects.get(slug=f"bench-{FORBUND - 1:02d}")
    liten = Forbund.objects.get(slug="bench-00")
    for f in (liten, stor):
        n = Inskrivning.objects.filter(forbund=f).under_ar(RAPPORTAR).count()
        tot = Inskrivning.objects.filter(forbund=f).count()
        print(f"  {f.slug}: {tot:,} inskrivningar totalt, {n:,} aktiva {RAPPORTAR}".replace(",", " "))
    sql = ra_sql()

    def ra() -> list[tuple[object, ...]]:
        with connection.cursor() as c:
            c.execute(sql, {"f": stor.pk, "ar": RAPPORTAR})
            return c.fetchall()

    for _ in range(3):
        utfall(stor, RAPPORTAR)
        ra()
    orm_tider, ra_tider = [], []
    for _ in range(KORNINGAR):  # alternating pairs: both measured under the same conditions
        t = time.perf_counter()
        utfall(stor, RAPPORTAR)
        orm_tider.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ra()
        ra_tider.append((time.perf_counter() - t) * 1000)
    orm_median, ra_median = statistics.median(orm_tider), statistics.median(ra_tider)
    kvot = statistics.median(o / r for o, r in zip(orm_tider, ra_tider, strict=True))
    # Cross-check: the raw query gives the same totals as the selector.
    data = utfall(stor, RAPPORTAR)
    totalrad = next(r for r in ra() if r[0] is None and r[1] is None)
    assert data["totalt"]["deltagare"]["totalt"] == totalrad[2], (data["totalt"]["deltagare"], totalrad[2])
    assert data["totalt"]["avslutade"]["totalt"] == totalrad[4]
    print(f"Rapport {stor.slug} {RAPPORTAR}: utfall() median {orm_median:.1f} ms (min {min(orm_tider):.1f}, max {max(orm_tider):.1f}, n={KORNINGAR})")
    print(f"Samma aggregat som EN rå SQL-fråga: median {ra_median:.1f} ms (min {min(ra_tider):.1f}, max {max(ra_tider):.1f})")
    print(
        f"Kvot utfall()/rå SQL (median av {KORNINGAR} växelvisa par): {kvot:.2f} (mål ≤ 1,2: {'uppfyllt' if kvot <= 1.2 else 'EJ uppfyllt'}); "
        f"mål median < 150 ms: {'uppfyllt' if orm_median < 150 else 'EJ uppfyllt'}"
    )
    antal = []
    for f in (liten, stor):
        with CaptureQueriesContext(connection) as ctx:
            utfall(f, RAPPORTAR)
        antal.append(len(ctx.captured_queries))
    print(f"Frågor per rapport: {antal[0]} (minsta förbundet) och {antal[1]} (största) – {'konstant' if antal[0] == antal[1] else 'INTE konstant'}")


def _importforbund() -> object:
    import datetime as dt_

    from finsam.models import Forbund
    from insatser.models import Insats

    f, _ = Forbund.objects.get_or_create(slug="bench-import", defaults={"namn": "Samordningsförbundet Bänk import"})
    for k in range(6):
        Insats.objects.get_or_create(
            forbund=f,
            kortnamn=f"INS{k}",
            defaults={"namn": f"Insats {k}", "typ": "ordinarie", "inriktning": "individ", "status": "pagaende", "startdatum": dt_.date(2005, 1, 1)},
        )
    return f


def _golv(data: bytes, forbund: object) -> int:
    """The floor: the same rows into the same tables with no validation at all: decode, csv-parse, map each cell with a plain
    dict lookup, COPY the participants, read their ids back, COPY the enrolments."""
    import csv
    import io

    from django.db import connection
    from django.utils import timezone

    from insatser.models import Insats

    fid = forbund.pk  # type: ignore[attr-defined]
    rader = list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))[1:]
    insatser = dict(Insats.objects.filter(forbund_id=fid).values_list("kortnamn", "id"))
    kod = {
        "Kvinna": "kvinna",
        "man": "man",
        "annat": "annat",
        "af": "af",
        "Försäkringskassan": "fk",
        "kommun": "kommun",
        "gymnasium": "gymnasium",
        "Grundskola": "grundskola",
        "okand": "okand",
        "forsorjningsstod": "forsorjningsstod",
        "Aktivitetsstöd": "aktivitetsstod",
        "a_kassa": "a_kassa",
        "arbete": "arbete",
        "Studier": "studier",
        "": "",
    }
    nu = timezone.now()
    with connection.cursor() as c:
        with c.cursor.copy("COPY uppfoljning_deltagare (forbund_id, kod, pnr_hash, gallrad, skapad) FROM STDIN") as cp:
            for r in rader:
                cp.write_row((fid, r[1], "", False, nu))
        c.execute("SELECT kod, id FROM uppfoljning_deltagare WHERE forbund_id = %s AND kod = ANY(%s)", [fid, [r[1] for r in rader]])
        ids = dict(c.fetchall())
        kolumner = (
            "forbund_id, insats_id, deltagare_id, samtycke, kon, fodelsear, remittent, utbildning, forsorjning_in, inskriven, "
            "avslutad, forsorjning_ut, alder_skal, startar, gallrad, andrad"
        )
        with c.cursor.copy(f"COPY uppfoljning_inskrivning ({kolumner}) FROM STDIN") as cp:
            for r in rader:
                cp.write_row(
                    (
                        fid,
                        insatser[r[0]],
                        ids[r[1]],
                        r[10] == "ja",
                        kod[r[2]],
                        r[3],
                        kod[r[4]],
                        kod[r[5]],
                        kod[r[6]],
                        r[7],
                        r[8] or None,
                        kod[r[9]],
                        "",
                        r[7][:4],
                        False,
                        nu,
                    )
                )
    return len(rader)


def matt_import() -> None:
    from django.db import transaction

    from uppfoljning.services.importera import deltagare_import

    f = _importforbund()
    rnd = random.Random(7)
    rader = ["insats;deltagare_id;kon;fodelsear;remittent;utbildning;forsorjning_in;inskriven;avslutad;forsorjning_ut;samtycke"]
    for i in range(20_000):
        ar = rnd.randint(2015, 2024)
        start = dt.date(ar, 1, 1) + dt.timedelta(days=rnd.randrange(300))
        slut = start + dt.timedelta(days=rnd.randint(30, 400))
        avslut = slut <= dt.date(2024, 12, 31) and rnd.random() < 0.7
        rader.append(
            f"INS{rnd.randrange(6)};IMP-{i:05d};{rnd.choice(['Kvinna', 'man', 'annat'])};{ar - rnd.randint(16, 64)};"
            f"{rnd.choice(['af', 'Försäkringskassan', 'kommun'])};{rnd.choice(['gymnasium', 'Grundskola', 'okand'])};"
            f"{rnd.choice(['forsorjningsstod', 'Aktivitetsstöd', 'a_kassa'])};{start};{slut if avslut else ''};"
            f"{rnd.choice(['arbete', 'Studier']) if avslut else ''};{rnd.choice(['ja'] * 19 + ['nej'])}"
        )
    data = ("\r\n".join(rader) + "\r\n").encode("cp1252")
    tider, cpu, golv, golv_cpu = [], [], [], []
    for _ in range(5):  # alternating pairs: floor, import, floor, import …
        with transaction.atomic():
            t, c = time.perf_counter(), time.process_time()
            n = _golv(data, f)
            golv.append(time.perf_counter() - t)
            golv_cpu.append(time.process_time() - c)
            transaction.set_rollback(True)
        with transaction.atomic():
            t, c = time.perf_counter(), time.process_time()
            r = deltagare_import(forbund=f, aktor="benchmark", data=data, filnamn="bench.csv")
            tider.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            transaction.set_rollback(True)
    assert n == r.rader
    m, mc, g, gc = statistics.median(tider), statistics.median(cpu), statistics.median(golv), statistics.median(golv_cpu)
    kvot = statistics.median(t / g_ for t, g_ in zip(tider, golv, strict=True))
    print(
        f"Import av {r.rader:,} rader (Windows-1252; semikolon; full validering; {r.nya:,} nya): median {m:.3f} s = {r.rader / m:,.0f} rader/s "
        f"(körningar: {' / '.join(f'{t:.3f}' for t in tider)} s); CPU-tid median {mc:.3f} s = {r.rader / mc:,.0f} rader per CPU-sekund".replace(
            ",", " "
        )
    )
    print(
        f"Golv (samma rader i samma tabeller utan validering: avkoda + csv-tolka + COPY): median {g:.3f} s = {r.rader / g:,.0f} rader/s "
        f"(körningar: {' / '.join(f'{t:.3f}' for t in golv)} s); CPU-tid median {gc:.3f} s".replace(",", " ")
    )
    print(
        f"Kvot import/golv (median av växelvisa par, väggtid): {kvot:.2f} (mål ≤ 3: {'uppfyllt' if kvot <= 3 else 'EJ uppfyllt'}); "
        f"CPU-kvot {mc / gc:.2f}; ≥ 10 000 rader/s (vid låg last): {'uppfyllt' if r.rader / m >= 10_000 else 'EJ uppfyllt i denna körning'}"
    )


def belastning() -> str:
    return "belastning (load average 1/5/15 min): " + " / ".join(f"{x:.1f}" for x in os.getloadavg()) + f" på {os.cpu_count()} kärnor"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regenerate", action="store_true")
    parser.add_argument("--bara-import", action="store_true")
    args = parser.parse_args()
    import django

    skapa_databas()
    django.setup()
    from django.db import connection

    print(f"PostgreSQL {connection.cursor().connection.info.server_version}, databas {connection.settings_dict['NAME']}")
    if not args.bara_import:
        generera(args.regenerate)
    else:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    print(belastning())
    if not args.bara_import:
        matt_rapport()
    matt_import()
    print(belastning())


if __name__ == "__main__":
    main()
