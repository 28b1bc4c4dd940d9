"""Benchmark of the board app (not part of the test run).

Run: .venv/bin/python benchmarks/styrelse_bench.py [--arenden 200] [--ar 30]
(uses a throw-away test database: SQLite by default, PostgreSQL with DATABASE_URL and FINSAM_TEST_DB).

1. The meeting page with 10 and with N agenda items (each with an attachment, half decided with a vote): the number of
   queries must be equal; target under 1.5 s for N = 200 (ten times a real agenda) on the shared 2-core machine.
2. Deciding N/2 paragraphs one after the other through `beslut_fatta` (quorum check, numbering lock, votes, audit):
   target ≥ 10 decisions/s (a meeting decides ~15).
3. Searching decisions by text over Y years × 80 paragraphs (`beslut_sok`): target under 0.2 s.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--arenden", type=int, default=200)
    parser.add_argument("--ar", type=int, default=30)
    parser.add_argument("--profil", action="store_true", help="print a cProfile of one meeting page request at N items")
    parser.add_argument("--sortering", default="cumulative")
    parser.add_argument("--rader", type=int, default=60)
    args = parser.parse_args()
    setup_test_environment()
    namn = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from django.contrib.auth import get_user_model
        from django.test import Client

        from finsam.models import RollTyp
        from finsam.services import forbund_create, roll_tilldela
        from styrelse.models import Arende, Paragraf, Sammantrade
        from styrelse.selectors import beslut_sok
        from styrelse.services import beslut_fatta
        from tests.styrelse.factories import narvaro, styrelse

        f = forbund_create(slug="bench", namn="Samordningsförbundet Bench", region="Region B", kommuner=["Skellefteå", "Norsjö"])
        user = get_user_model().objects.create_user(username="chef", password="x" * 12)
        roll_tilldela(forbund=f, aktor=None, user=user, roll=RollTyp.FORBUNDSCHEF)
        s = styrelse(f)

        def mote(antal: int, datum: dt.date) -> tuple[Sammantrade, list[Arende]]:
            m = Sammantrade.objects.create(forbund=f, datum=datum)
            for led in s["ledamot"].values():
                narvaro(m, led)
            arenden = [
                Arende.objects.create(
                    forbund=f,
                    sammantrade=m,
                    ordning=i + 1,
                    rubrik=f"Ärende {i + 1}",
                    forslag="att godkänna\natt uppdra till förbundschefen att utreda",
                )
                for i in range(antal)
            ]
            return m, arenden

        ids = [m.person.pk for m in s["ledamot"].values()]
        roster = {ids[0]: "ja", ids[1]: "ja", ids[2]: "ja", ids[3]: "ja", ids[4]: "nej"}
        liten, liten_a = mote(10, dt.date(2019, 2, 1))
        stor, stor_a = mote(args.arenden, dt.date(2019, 11, 28))
        for a in liten_a[:5]:
            beslut_fatta(sammantrade=liten, arende=a, aktor=user, text="", beslut=a.forslag, roster=roster)
        t0 = time.perf_counter()
        for a in stor_a[: args.arenden // 2]:
            beslut_fatta(sammantrade=stor, arende=a, aktor=user, text="", beslut=a.forslag, roster=roster)
        per_sek = (args.arenden // 2) / (time.perf_counter() - t0)

        # The pages are timed without the test environment's instrumented render (it copies every template's context
        # for the test client, which a real server does not do).
        teardown_test_environment()
        c = Client()
        c.force_login(user)
        resultat = {}
        for m in (liten, stor):
            c.get(f"/styrelse/moten/{m.pk}/")
            tider = []
            for _ in range(5):
                with CaptureQueriesContext(connection) as q:
                    t = time.perf_counter()
                    assert c.get(f"/styrelse/moten/{m.pk}/").status_code == 200
                    tider.append(time.perf_counter() - t)
            resultat[m.pk] = (len(q.captured_queries), statistics.median(tider))
        if args.profil:
            profil = cProfile.Profile()
            profil.enable()
            c.get(f"/styrelse/moten/{stor.pk}/")
            profil.disable()
            pstats.Stats(profil).sort_stats(args.sortering).print_stats(args.rader)

        for ar in range(1980, 1980 + args.ar):
            m = Sammantrade.objects.create(forbund=f, datum=dt.date(ar, 6, 1))
            Paragraf.objects.bulk_create(
                [
                    Paragraf(
                        forbund=f,
                        sammantrade=m,
                        ar=ar,
                        nummer=n,
                        rubrik=f"Rubrik {n} om Sobona" if n % 40 == 0 else f"Rubrik {n}",
                        beslut="att godkänna",
                    )
                    for n in range(1, 81)
                ]
            )
        tider = []
        for _ in range(10):
            t = time.perf_counter()
            traffar = len(list(beslut_sok(f, q="Sobona")))
            tider.append(time.perf_counter() - t)

        print(f"Databas: {connection.vendor}")
        print(f"Mötessidan, 10 ärenden: {resultat[liten.pk][0]} frågor, median {resultat[liten.pk][1] * 1000:.0f} ms")
        print(f"Mötessidan, {args.arenden} ärenden: {resultat[stor.pk][0]} frågor, median {resultat[stor.pk][1] * 1000:.0f} ms")
        print(f"beslut_fatta: {per_sek:.1f} beslut/s ({args.arenden // 2} beslut med omröstning)")
        print(f"beslut_sok över {args.ar * 80} paragrafer: {traffar} träffar, median {statistics.median(tider) * 1000:.1f} ms")
        ok = resultat[liten.pk][0] == resultat[stor.pk][0] and resultat[stor.pk][1] < 1.5 and per_sek >= 10 and statistics.median(tider) < 0.2
        print("MÅL UPPFYLLDA" if ok else "MÅL EJ UPPFYLLDA")
    finally:
        connection.creation.destroy_test_db(namn, verbosity=0)


if __name__ == "__main__":
    main()
