"""Benchmark: the SIE import of a large year and the accounts for the year.

Run: .venv/bin/python benchmarks/ekonomi_sie.py [--verifikationer 100000]
(uses a throw-away test database: SQLite by default, PostgreSQL with DATABASE_URL and FINSAM_TEST_DB).

Targets (issue 11, on PostgreSQL): a 100 000-voucher SIE 4E file imported with full validation (balance per voucher,
dates in the year, declared accounts, #KSUMMA) at ≥ 20 000 vouchers/s; peak memory flat (streaming: the vouchers are
never held as objects); the accounts for the year in < 100 ms with a constant number of queries.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import time
import tracemalloc
import zlib
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

KONTON = {
    1510: "Kundfordringar",
    1930: "Företagskonto",
    2010: "Eget kapital",
    2440: "Leverantörsskulder",
    2910: "Upplupna kostnader",
    3010: "Driftbidrag från staten",
    3020: "Driftbidrag från Region Västerbotten",
    3030: "Driftbidrag från Skellefteå kommun",
    4010: "Förbundschef",
    4510: "Insats Arbetsmarknadstorget",
    5010: "Lokalhyra",
    5810: "Resor och logi",
    6110: "Kontor, IT och telefoni",
    6410: "Arvoden styrelsen",
    7830: "Avskrivningar",
    84011: "Ränteintäkter bank",
}
KOSTNADER = [4010, 4510, 5010, 5810, 6110, 6410]


def sie_fil(antal: int, ar: int = 2019) -> bytes:
    """A consistent SIE 4E file with `antal` vouchers of three rows each, its balances and a #KSUMMA."""
    rader: list[str] = [
        "#FLAGGA 0",
        "#KSUMMA",
        '#PROGRAM "Finsam benchmark" 1.0',
        "#FORMAT PC8",
        f"#GEN {ar + 1}0115 bench",
        "#SIETYP 4",
        '#FNAMN "Samordningsförbundet Bench"',
        "#ORGNR 222000-0000",
        "#KPTYP BAS2014",
        f"#RAR 0 {ar}0101 {ar}1231",
        f"#RAR -1 {ar - 1}0101 {ar - 1}1231",
    ]
    rader += [f'#KONTO {k} "{n}"' for k, n in KONTON.items()]
    ib = {1930: Decimal("5000000.00"), 2010: Decimal("-5000000.00")}
    rorelse: dict[int, Decimal] = {}
    ver: list[str] = []
    for i in range(antal):
        d = dt.date(ar, 1 + i % 12, 1 + i % 28).strftime("%Y%m%d")
        kostnad = KOSTNADER[i % len(KOSTNADER)]
        belopp = Decimal(100 + i % 9000) + Decimal(i % 100) / 100
        moms = (belopp / 5).quantize(Decimal("0.01"))
        rows = [(kostnad, belopp), (2440, -(belopp + moms)), (1510 if i % 2 else 2910, moms)]
        ver.append(f'#VER A {i + 1} {d} "Faktura {i + 1} från leverantör åäö"\n{{')
        for konto, b in rows:
            ver.append(f"   #TRANS {konto} {{}} {b}")
            rorelse[konto] = rorelse.get(konto, Decimal(0)) + b
        ver.append("}")
    rader += [f"#IB 0 {k} {v}" for k, v in ib.items()]
    rader += [f"#UB 0 {k} {ib.get(k, Decimal(0)) + rorelse.get(k, Decimal(0))}" for k in sorted(set(ib) | set(rorelse)) if k < 3000]
    rader += [f"#RES 0 {k} {v}" for k, v in sorted(rorelse.items()) if k >= 3000]
    rader += ver
    from ekonomi.bokforing.sie.tolkning import _ksumma_delar

    crc = 0
    for r in rader[2:]:
        r = r.strip()
        if r not in ("{", "}"):
            crc = zlib.crc32(_ksumma_delar(r).encode("cp437"), crc)
    rader.append(f"#KSUMMA {crc}")
    return ("\n".join(rader) + "\n").encode("cp437")


MAL_PER_S = 20_000  # vouchers per second of processor time, the whole import
MAL_MS = 100  # the accounts for the year


def _tal(x: float) -> str:
    return f"{x:,.0f}".replace(",", "\u202f")


def _bedom(ok: bool) -> str:
    return "uppnått" if ok else "EJ UPPNÅTT"


def _rakenskaper_tid(rakenskaper: Any, forbund: Any) -> tuple[list[float], int]:
    rakenskaper(forbund, 2019)  # warm-up
    tider = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            rakenskaper(forbund, 2019)
            tider.append(time.perf_counter() - t0)
    return tider, len(q.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verifikationer", type=int, default=100_000)
    parser.add_argument("--minne", type=int, default=20_000, help="vouchers in the larger memory-measurement file")
    args = parser.parse_args()
    setup_test_environment()
    namn = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        from ekonomi.bokforing.sie import las_sie
        from ekonomi.selectors import rakenskaper
        from ekonomi.services import bokforing_importera
        from finsam.services import forbund_create

        forbund = forbund_create(slug="bench", namn="Samordningsförbundet Bench", region="Region Västerbotten", kommuner=["Skellefteå", "Norsjö"])
        data = sie_fil(args.verifikationer)
        print(
            f"databas: {connection.vendor}; fil: {len(data) / 1024 / 1024:.1f} MiB, {args.verifikationer} verifikationer, "
            f"{3 * args.verifikationer} transaktioner"
        )

        t0, c0 = time.perf_counter(), time.process_time()
        fil = las_sie(data, pa_verifikation=lambda v: None)
        t_las, c_las = time.perf_counter() - t0, time.process_time() - c0
        assert fil.ksumma == "ok" and fil.antal_verifikationer == args.verifikationer
        print(f"belastning (load average 1 min): {os.getloadavg()[0]:.1f} på {os.cpu_count()} kärnor")
        print(
            f"tolkning och kontroll:   {t_las:6.2f} s  {args.verifikationer / t_las:9.0f} verifikationer/s "
            f"(processortid {c_las:5.2f} s: {args.verifikationer / c_las:7.0f} verifikationer/s)"
        )

        rss_fore = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0, c0 = time.perf_counter(), time.process_time()
        imp = bokforing_importera(forbund=forbund, aktor="benchmark", data=data, filnamn="bench.se")
        t_import, c_import = time.perf_counter() - t0, time.process_time() - c0
        rss_efter = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        per_s = imp.antal_verifikationer / c_import
        print(
            f"import (tolkning, kontroll, spara): {t_import:6.2f} s  {imp.antal_verifikationer / t_import:9.0f} verifikationer/s "
            f"(processortid i Python {c_import:5.2f} s: {per_s:7.0f} verifikationer/s; databasens egen tid ingår inte)"
        )
        print(f"  mål: ≥ {_tal(MAL_PER_S)} verifikationer/s (processortid, PostgreSQL): {_tal(per_s)} – {_bedom(per_s >= MAL_PER_S)}")
        print(
            f"minne: processens maxRSS {rss_fore / 1024:.0f} MiB före importen, {rss_efter / 1024:.0f} MiB efter "
            f"(+{(rss_efter - rss_fore) / 1024:.0f} MiB; filen själv {len(data) / 1024 / 1024:.1f} MiB)"
        )
        toppar = []
        for antal in (args.minne // 4, args.minne):  # Python's own allocations (tracemalloc is slow: smaller files)
            liten = sie_fil(antal)
            tracemalloc.start()
            bokforing_importera(forbund=forbund, aktor="benchmark", data=liten, filnamn="minne.se", ersatt=True)
            _nu, topp = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            toppar.append(topp - len(liten))
            print(f"minne: {antal} verifikationer ({len(liten) / 1024 / 1024:.1f} MiB): Python-allokeringar högst {topp / 1024 / 1024:.1f} MiB")
        platt = toppar[1] < 2 * max(toppar[0], 1 << 20)  # four times the file, not four times the memory beyond the file itself
        print(f"  mål: platt minne (strömmande; under 200 MiB för en fil på 100 MB): {_bedom(platt)}")
        tider_ar, fragor = _rakenskaper_tid(rakenskaper, forbund)  # a small year (the last memory file)
        bokforing_importera(forbund=forbund, aktor="benchmark", data=data, filnamn="bench.se", ersatt=True)
        tider, fragor_stor = _rakenskaper_tid(rakenskaper, forbund)
        d = rakenskaper(forbund, 2019)
        print(
            f"räkenskaper 2019:        {min(tider) * 1000:6.0f} ms (bäst av 5), {fragor_stor} frågor "
            f"({fragor} frågor och {min(tider_ar) * 1000:.0f} ms för ett år med {args.minne} verifikationer)"
        )
        ej_ok = [k["kontroll"] for k in d["avstamning"] if not k["ok"]]
        print(f"  avstämning: {'alla kontroller ok' if not ej_ok else 'ej ok: ' + '; '.join(ej_ok)}")
        print(f"  mål: < {MAL_MS} ms och konstant antal frågor: {_bedom(min(tider) * 1000 < MAL_MS and fragor == fragor_stor)}")
    finally:
        connection.creation.destroy_test_db(namn, verbosity=0)


if __name__ == "__main__":
    main()
