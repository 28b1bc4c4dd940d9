"""Benchmark: SIE import, the annual accounts and the quarterly follow-up on a large year.

Run: .venv/bin/python benchmarks/ekonomi_sie.py [--skala 40]
(uses a throw-away test database: SQLite by default, PostgreSQL with DATABASE_URL and FINSAM_TEST_DB).

Targets: parsing and importing a year of 10 000 vouchers in under 10 s; the accounts and the quarterly follow-up in a
fixed number of queries (≤ 14 and ≤ 10) and under 1 s whatever the number of vouchers.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skala", type=int, default=40, help="monthly cost vouchers multiplied by this")
    args = parser.parse_args()
    setup_test_environment()
    namn = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from ekonomi import demo
        from ekonomi.bokforing.sie import las_sie
        from ekonomi.demo_data.generera import sie_bytes
        from ekonomi.selectors import rakenskaper
        from ekonomi.selectors.uppfoljning import kvartalsuppfoljning
        from ekonomi.services import bokforing_importera
        from finsam.services import forbund_create

        forbund = forbund_create(slug="bench", namn="Samordningsförbundet Bench", region="Region Västerbotten",
                                 kommuner=["Skellefteå", "Norsjö"])
        demo.seed(forbund, "benchmark")
        data = sie_bytes(2019, args.skala)
        t0 = time.perf_counter()
        fil = las_sie(data)
        t_parse = time.perf_counter() - t0
        antal_ver = len(fil.verifikationer)
        antal_trans = sum(len(v.trans) for v in fil.verifikationer)
        t0 = time.perf_counter()
        bokforing_importera(forbund=forbund, aktor="benchmark", data=data, filnamn="bench.se")
        t_import = time.perf_counter() - t0
        with CaptureQueriesContext(connection) as q1:
            t0 = time.perf_counter()
            d = rakenskaper(forbund, 2019)
            t_rak = time.perf_counter() - t0
        with CaptureQueriesContext(connection) as q2:
            t0 = time.perf_counter()
            kvartalsuppfoljning(forbund, 2019, 3)
            t_kv = time.perf_counter() - t0
        print(f"databas: {connection.vendor}; fil: {len(data) / 1e6:.1f} MB, {antal_ver} verifikationer, {antal_trans} transaktioner")
        print(f"SIE-tolkning:            {t_parse:6.2f} s")
        print(f"import (tolkning + spara): {t_import:6.2f} s")
        print(f"räkenskaper 2019:        {t_rak * 1000:6.0f} ms, {len(q1.captured_queries)} frågor, avstämning ok: {d['avstamning_ok']}")
        print(f"kvartalsuppföljning Q3:  {t_kv * 1000:6.0f} ms, {len(q2.captured_queries)} frågor")
    finally:
        connection.creation.destroy_test_db(namn, verbosity=0)


if __name__ == "__main__":
    main()
