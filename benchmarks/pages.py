"""Per-page benchmark (issue 16; not a test): queries and server time of every main page at N and at 10N.

Run: .venv/bin/python benchmarks/pages.py [--n 15] [--hoppa-over-forberedelse]

It creates a PostgreSQL database (`finsam_sidor`, on DATABASE_URL's server or 127.0.0.1:5432), migrates it with
the production settings of benchmarks/load.py, loads the demo data and measures in-process (Django's test client,
the full middleware stack) each page: the number of queries, the CPU time of the server (process time, median of
N runs after a warm-up) and the wall time (median). Then it enlarges the demo förbund to 10N:

- a meeting with 200 agenda items (half of them decided, each with an attachment) next to the demo meeting;
- 2 000 more participants, enrolled in a 20-year intervention (2005–2024), next to the demo's participants;

and measures the same pages on the large objects. Targets from issue 16: ≤ 40 ms CPU at N, ≤ 2× that at 10N and
identical query counts. Printed per page with OK/EJ OK; the machine's load average is printed with the figures.

Last (skip with --utan-nationellt) it generates the national dataset of benchmarks/uppfoljning_bench.py into the same
database (80 förbund, ~700 000 enrolments; once) and measures the pages of its largest förbund, printing EXPLAIN
ANALYZE of every query on the national tables: a sequential scan, or a scan that reads more rows than the förbund
has, touches other förbunds' rows and fails the target.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import random
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

ROT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROT))

from benchmarks.load import PY, _forbered_databas, _miljo  # noqa: E402

MAL_CPU_MS = 40.0
MAL_FAKTOR = 2.0


def _forbered(env: dict[str, str]) -> None:
    print("== Förbereder: migrate + seed_demo (produktionsinställningar, PostgreSQL)")
    subprocess.run([PY, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROT, env=env, check=True)
    subprocess.run([PY, "manage.py", "seed_demo"], cwd=ROT, env=env, check=True, stdout=subprocess.DEVNULL)


def _forstora(forbund: Any) -> tuple[int, int]:
    """Add a 200-item meeting and a 20-year intervention with 2 000 participants; return their ids."""
    from django.contrib.auth import get_user_model
    from django.core.files.base import ContentFile

    from insatser.models import Beviljande, Insats, Mal
    from styrelse.models import Arende, Bilaga, Paragraf, Sammantrade
    from uppfoljning.models import Deltagare, Inskrivning

    mote = Sammantrade.objects.filter(forbund=forbund, plats="Bänkmöte 200").first()
    if mote is None:
        mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 12, 12), plats="Bänkmöte 200")
        nummer = 900
        for i in range(200):
            a = Arende.objects.create(
                forbund=forbund,
                sammantrade=mote,
                ordning=i + 1,
                rubrik=f"Ärende {i + 1}",
                text="Föredragning av ärendet med bakgrund och förslag.",
                forslag="att godkänna\natt uppdra till förbundschefen att utreda",
            )
            b = Bilaga(forbund=forbund, sammantrade=mote, arende=a, nummer=i + 1, titel=f"Underlag {i + 1}", storlek=12_000)
            b.fil.save(f"bank-{mote.pk}-{i + 1}.pdf", ContentFile(b"%PDF-1.7 bank"), save=False)
            b.save()
            if i % 2 == 0:
                nummer += 1
                p = Paragraf.objects.create(
                    forbund=forbund, sammantrade=mote, ar=2019, nummer=nummer, rubrik=a.rubrik, beslut="att godkänna\natt uppdra till förbundschefen"
                )
                a.paragraf = p
                a.save(update_fields=["paragraf"])
    insats = Insats.objects.filter(forbund=forbund, kortnamn="BANK20").first()
    if insats is None:
        mall = Insats.objects.filter(forbund=forbund).order_by("pk").first()
        assert mall is not None
        insats = Insats.objects.create(
            forbund=forbund,
            kortnamn="BANK20",
            namn="Bänkinsats över 20 år",
            typ=mall.typ,
            inriktning=mall.inriktning,
            status=mall.status,
            startdatum=dt.date(2005, 1, 1),
            agare_medlem=mall.agare_medlem,
        )
        rnd = random.Random(16)
        deltagare = Deltagare.objects.bulk_create([Deltagare(forbund=forbund, kod=f"BANK-{n:05d}") for n in range(2000)])
        rader = []
        for d in deltagare:
            start = dt.date(rnd.randint(2005, 2024), rnd.randint(1, 12), rnd.randint(1, 28))
            slut = start + dt.timedelta(days=rnd.randint(30, 700))
            rad = Inskrivning(
                forbund=forbund,
                insats=insats,
                deltagare=d,
                kon=rnd.choice(["kvinna", "man"]),
                fodelsear=start.year - rnd.randint(18, 60),
                remittent="af",
                utbildning="gymnasium",
                forsorjning_in="forsorjningsstod",
                inskriven=start,
                avslutad=slut if slut < dt.date(2025, 1, 1) else None,
                forsorjning_ut="arbete" if slut < dt.date(2025, 1, 1) else "",
                samtycke_datum=start,
            )
            rad.harled()
            rader.append(rad)
        Inskrivning.objects.bulk_create(rader, batch_size=1000)
    # Like the demo's interventions: a goal and a grant per year (the page then asks the same queries as at N).
    if not Mal.objects.filter(insats=insats).exists():
        Mal.objects.create(forbund=forbund, insats=insats, text="Fler deltagare i arbete eller studier", ordning=1)
        paragraf = Paragraf.objects.filter(forbund=forbund).order_by("pk").first()
        assert paragraf is not None
        Beviljande.objects.bulk_create(
            [Beviljande(forbund=forbund, insats=insats, paragraf=paragraf, ar=ar, belopp=Decimal(500_000)) for ar in range(2005, 2025)]
        )
    get_user_model()  # the app registry is ready
    return mote.pk, insats.pk


STORA_TABELLER = ("uppfoljning_inskrivning", "uppfoljning_deltagare")


def _skanningar(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every scan node of an EXPLAIN (ANALYZE, FORMAT JSON) plan on one of the national tables."""
    ut = []
    if plan.get("Relation Name") in STORA_TABELLER:
        ut.append(plan)
    for barn in plan.get("Plans", []):
        ut.extend(_skanningar(barn))
    return ut


def _forklara(sql_lista: list[str], egna: dict[str, int]) -> tuple[list[str], bool]:
    """EXPLAIN ANALYZE every query of a page that reads a national table. A scan touches another förbund's rows when
    it is a sequential scan or reads (returns plus removes by filter or recheck, over all loops) more rows of the
    table than the förbund has. Returns the printed lines and whether every scan stays within the förbund."""
    from django.db import connection

    rader: list[str] = []
    ok = True
    for sql in sql_lista:
        if not any(t in sql for t in STORA_TABELLER):
            continue
        if sql.startswith("DECLARE"):
            sql = sql.split(" FOR ", 1)[1]
        with connection.cursor() as c:
            c.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql)
            plan = c.fetchone()[0][0]["Plan"]
        rader.append(f"   fråga: {' '.join(sql.split())[:150]}…")
        for n in _skanningar(plan):
            bort = n.get("Rows Removed by Filter", 0) + n.get("Rows Removed by Index Recheck", 0)
            lasta = (n.get("Actual Rows", 0) + bort) * n.get("Actual Loops", 1)
            villkor = " ".join(str(n[k]) for k in ("Index Cond", "Recheck Cond", "Filter") if k in n)
            egen = egna[n["Relation Name"]]
            bra = n["Node Type"] != "Seq Scan" and lasta <= egen
            ok = ok and bra
            rader.append(
                f"     {'OK ' if bra else 'EJ OK'} {n['Node Type']} på {n['Relation Name']}"
                f"{' via ' + n['Index Name'] if 'Index Name' in n else ''}: {lasta} rader lästa (förbundet har {egen})"
                f"{'; ' + villkor[:160] if villkor else ''}"
            )
    return rader, ok


def _nationellt(n: int) -> bool:
    """The largest förbund of the 700 000-enrolment national dataset (benchmarks/uppfoljning_bench.py, generated into
    this database once): its pages' CPU and queries, and EXPLAIN ANALYZE of every query on the national tables."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from benchmarks.uppfoljning_bench import generera
    from finsam.models import Forbund, Roll, RollTyp
    from insatser.models import Insats
    from uppfoljning.models import Deltagare, Inskrivning

    print("\n== Nationellt: 80 förbund, ~700 000 inskrivningar (genereras en gång i databasen)")
    generera(False)
    forbund = Forbund.objects.filter(slug__startswith="bench-").order_by("-slug").first()
    assert forbund is not None
    user, _ = get_user_model().objects.get_or_create(username="bank-chef")
    Roll.objects.get_or_create(user=user, forbund=forbund, defaults={"roll": RollTyp.FORBUNDSCHEF})
    klient = Client(HTTP_HOST="127.0.0.1")
    klient.force_login(user)
    egna = {
        "uppfoljning_inskrivning": Inskrivning.objects.filter(forbund=forbund).count(),
        "uppfoljning_deltagare": Deltagare.objects.filter(forbund=forbund).count(),
    }
    with connection.cursor() as c:
        c.execute("SELECT COUNT(*) FROM uppfoljning_inskrivning")
        alla = c.fetchone()[0]
    print(f"{forbund.namn}: {egna['uppfoljning_inskrivning']} av {alla} inskrivningar, {egna['uppfoljning_deltagare']} deltagare")
    insats = Insats.objects.filter(forbund=forbund).order_by("pk").first()
    assert insats is not None
    sidor = [
        ("Start, förbundschef", "/"),
        ("Deltagarlista", "/uppfoljning/"),
        ("Deltagarlista, sida 2", "/uppfoljning/?sida=2"),
        ("Utfallsrapport", "/uppfoljning/utfall/?ar=2019"),
        ("Insats", f"/insatser/{insats.pk}/"),
    ]
    print(f"{'sida':24s} {'frågor':>6s} {'CPU ms':>8s} {'vägg ms':>8s}")
    alla_ok = True
    for namn, sokvag in sidor:
        f, c, v = _mat(klient, sokvag, n)
        print(f"{namn:24s} {f:6d} {c:8.1f} {v:8.1f}")
        with CaptureQueriesContext(connection) as q:
            klient.get(sokvag)
        rader, ok = _forklara([x["sql"] for x in q.captured_queries], egna)
        alla_ok = alla_ok and ok
        print(f"  EXPLAIN ANALYZE {sokvag}: {'inga andra förbunds rader' if ok else 'LÄSER ANDRA FÖRBUNDS RADER'}")
        print("\n".join(rader) if rader else "     (ingen fråga mot de nationella tabellerna)")
    return alla_ok


def _mat(klient: Any, sokvag: str, n: int) -> tuple[int, float, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    svar = klient.get(sokvag)
    assert svar.status_code == 200, f"{sokvag} gav {svar.status_code}"
    cpu, vagg = [], []
    fragor = 0
    for _ in range(n):
        with CaptureQueriesContext(connection) as q:
            c0, v0 = time.process_time(), time.perf_counter()
            klient.get(sokvag)
            cpu.append(time.process_time() - c0)
            vagg.append(time.perf_counter() - v0)
        fragor = len(q.captured_queries)
    return fragor, statistics.median(cpu) * 1000, statistics.median(vagg) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=15, help="runs per page (median)")
    parser.add_argument("--databas", default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    parser.add_argument("--namn", default="finsam_sidor", help="the benchmark database's name (one per person sharing a server)")
    parser.add_argument("--hoppa-over-forberedelse", action="store_true", help="reuse the database as it is")
    parser.add_argument("--utan-nationellt", action="store_true", help="skip the 700 000-enrolment national dataset and its EXPLAIN")
    parser.add_argument("--profil", action="store_true", help="print the 25 most expensive functions (cumulative) of every page at N")
    args = parser.parse_args()
    if args.hoppa_over_forberedelse:
        env = _miljo(args.databas.rsplit("/", 1)[0] + "/" + args.namn)
    else:
        env = _miljo(_forbered_databas(args.databas, args.namn))
        _forbered(env)
    subprocess.run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROT, env=env, check=True)
    env["FINSAM_SIDCACHE"] = "false"  # the cost of building each page (a kept page costs a floor request: benchmarks/load.py)
    os.environ.update(env)
    for namn in ("REDIS_URL", "FINSAM_CACHE_URL"):  # as load.py: the server's settings come from env alone
        if namn not in env:
            os.environ.pop(namn, None)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from finsam.models import Forbund
    from insatser.models import Insats
    from styrelse.models import Sammantrade

    # No setup_test_environment(): its instrumented render copies every template's context for the test client
    # (about half of a form-heavy page's time), which a real server does not do.
    forbund = Forbund.objects.order_by("pk").first()
    assert forbund is not None
    demo_mote = Sammantrade.objects.filter(forbund=forbund).exclude(arenden=None).exclude(plats="Bänkmöte 200").order_by("-datum").first()
    demo_insats = Insats.objects.filter(forbund=forbund).exclude(kortnamn="BANK20").order_by("pk").first()
    assert demo_mote is not None and demo_insats is not None
    ar = 2019
    klienter: dict[str, Client] = {}
    for roll in ("chef", "administrator", "ledamot", "revisor"):
        k = Client(HTTP_HOST="127.0.0.1")
        k.force_login(get_user_model().objects.get(username=roll))
        klienter[roll] = k

    def sidor(mote: int, insats: int) -> list[tuple[str, str, str]]:
        return [
            ("Start, förbundschef", "chef", "/"),
            ("Start, administratör", "administrator", "/"),
            ("Start, ledamot", "ledamot", "/"),
            ("Start, revisor", "revisor", "/"),
            ("Sammanträde", "chef", f"/styrelse/moten/{mote}/"),
            ("Sammanträde, ledamot", "ledamot", f"/styrelse/moten/{mote}/"),
            ("Insats", "chef", f"/insatser/{insats}/"),
            ("Deltagarlista", "chef", "/uppfoljning/"),
            ("Utfallsrapport", "chef", f"/uppfoljning/utfall/?ar={ar}"),
            ("Räkenskaper", "chef", f"/ekonomi/rakenskaper/?ar={ar}"),
        ]

    def kor(rubrik: str, lista: list[tuple[str, str, str]]) -> dict[str, tuple[int, float, float]]:
        print(f"\n== {rubrik} (last: {os.getloadavg()[0]:.1f})")
        print(f"{'sida':24s} {'frågor':>6s} {'CPU ms':>8s} {'vägg ms':>8s}")
        res = {}
        for namn, roll, sokvag in lista:
            res[namn] = _mat(klienter[roll], sokvag, args.n)
            if args.profil and rubrik.startswith("N:"):
                profil = cProfile.Profile()
                profil.runcall(klienter[roll].get, sokvag)
                print(f"-- profil: {namn} {sokvag}")
                pstats.Stats(profil).sort_stats("cumulative").print_stats(r"finsam|styrelse|insatser|uppfoljning|ekonomi|rapporter|forvaltning", 25)
            f, c, v = res[namn]
            print(f"{namn:24s} {f:6d} {c:8.1f} {v:8.1f}")
        return res

    liten = kor("N: demodata", sidor(demo_mote.pk, demo_insats.pk))
    stor_mote, stor_insats = _forstora(forbund)
    stor = kor("10N: möte med 200 ärenden, insats över 20 år, +2 000 deltagare", sidor(stor_mote, stor_insats))

    print(f"\n== Mål (issue 16): ≤ {MAL_CPU_MS:.0f} ms CPU vid N, ≤ {MAL_FAKTOR:.0f}× vid 10N, samma antal frågor")
    print(f"{'sida':24s} {'frågor N/10N':>12s} {'CPU N':>7s} {'CPU 10N':>8s} {'kvot':>5s}  resultat")
    alla_ok = True
    for namn in liten:
        (fn, cn, _), (fs, cs, _) = liten[namn], stor[namn]
        kvot = cs / cn if cn else float("inf")
        brister: list[str] = []
        if cn > MAL_CPU_MS:
            brister.append(f"CPU vid N > {MAL_CPU_MS:.0f} ms")
        if kvot > MAL_FAKTOR:
            brister.append(f"10N > {MAL_FAKTOR:.0f}×")
        if fn != fs:
            brister.append("frågorna växer")
        alla_ok = alla_ok and not brister
        print(f"{namn:24s} {fn:5d}/{fs:<6d} {cn:7.1f} {cs:8.1f} {kvot:5.2f}  {'OK' if not brister else 'EJ OK: ' + ', '.join(brister)}")
    if not args.utan_nationellt:
        nat_ok = _nationellt(args.n)
        print(f"Planerna: {'ingen sida läser ett annat förbunds rader' if nat_ok else 'EJ OK: en sida läser andra förbunds rader'}")
        alla_ok = alla_ok and nat_ok
    print("\nALLA MÅL NÅDDA" if alla_ok else "\nMÅLEN INTE NÅDDA FÖR ALLA SIDOR")


if __name__ == "__main__":
    main()
