"""Benchmark: the demo förbund's annual report as PDF/A (not part of the test run).

    .venv/bin/python benchmarks/rapporter_arsredovisning.py [--korningar 3] [--ny-databas]

1. Builds (once; --ny-databas to redo) its own SQLite database with `seed_demo` (every app's demo data).
2. Renders Samordningsförbundet Skellefteå-Norsjö's årsredovisning 2019 `--korningar` times the way the worker
   does (data from the apps → HTML → WeasyPrint → PDF/A-3b) and prints pages, wall seconds, CPU seconds,
   seconds per page and the process' peak memory. Target: under 0.3 s per page.
3. Times the web request that orders the report (POST, returns at once; the job is only queued) and the
   report page (GET), median of 20. Target: under 100 ms.

The machine is shared: wall time depends on the load, so the CPU time of this process is printed too,
together with the load average.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = os.environ.get("FINSAM_BENCH_SQLITE", "/tmp/finsam-bench-rapporter.sqlite3")
os.environ.setdefault("SQLITE_PATH", DB)
os.environ.setdefault("MEDIA_ROOT", "/tmp/finsam-bench-rapporter-media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")
os.environ["FINSAM_TASK_MODE"] = "celery"  # the request queues the job (in-memory broker) and returns
os.environ.pop("REDIS_URL", None)

print = functools.partial(print, flush=True)

MAL_SIDA = 0.3
MAL_WEBB_MS = 100


def forbered(ny: bool) -> None:
    from django.core.management import call_command

    if ny and Path(DB).exists():
        Path(DB).unlink()
    fanns = Path(DB).exists()
    call_command("migrate", verbosity=0)
    if not fanns:
        print("Laddar demodata (seed_demo) …", flush=True)
        call_command("seed_demo", stdout=io.StringIO())


def rendera(korningar: int) -> None:
    from pypdf import PdfReader

    from finsam.models import Forbund
    from rapporter import pdf, selectors

    forbund = Forbund.objects.get(slug="skelleftea-norsjo")
    vagg, cpu, sidor = [], [], 0
    for _ in range(korningar):
        t0, c0 = time.perf_counter(), time.process_time()
        data = pdf.arsredovisning_pdf(selectors.arsredovisning(forbund, 2019))
        vagg.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        sidor = len(PdfReader(io.BytesIO(data)).pages)
    topp_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    v, c = statistics.median(vagg), statistics.median(cpu)
    print(f"Årsredovisning 2019 (demo): {sidor} sidor, {len(data) // 1024} KiB PDF/A")
    print(f"  väggklocka: median {v:.2f} s = {v / sidor:.3f} s/sida (körningar: {', '.join(f'{x:.2f}' for x in vagg)})")
    print(f"  CPU-tid:    median {c:.2f} s = {c / sidor:.3f} s/sida")
    print(f"  toppminne (processens RSS): {topp_mib:.0f} MiB")
    print(f"  mål < {MAL_SIDA} s/sida: {'uppfyllt' if c / sidor < MAL_SIDA else 'EJ uppfyllt'} (CPU), "
          f"{'uppfyllt' if v / sidor < MAL_SIDA else 'ej uppfyllt'} (väggklocka)")


def webb() -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from finsam.models import Dokument

    c = Client()
    c.force_login(get_user_model().objects.get(username="chef"))
    post, get, post_cpu, get_cpu = [], [], [], []
    for _ in range(20):
        Dokument.objects.filter(nyckel="arsredovisning:2019").update(status=Dokument.Status.KLAR)  # not "in progress"
        t0, c0 = time.perf_counter(), time.process_time()
        svar = c.post("/rapporter/arsredovisning/2019/skapa/", HTTP_HOST="localhost")
        post.append((time.perf_counter() - t0) * 1000)
        post_cpu.append((time.process_time() - c0) * 1000)
        assert svar.status_code == 302, svar.status_code
        t0, c0 = time.perf_counter(), time.process_time()
        svar = c.get("/rapporter/arsredovisning/2019/", HTTP_HOST="localhost")
        get.append((time.perf_counter() - t0) * 1000)
        get_cpu.append((time.process_time() - c0) * 1000)
        assert svar.status_code == 200, svar.status_code
    p, g = statistics.median(post), statistics.median(get)
    print(f"Webbförfrågan som beställer rapporten (POST): median {p:.0f} ms väggklocka, {statistics.median(post_cpu):.0f} ms CPU; "
          f"mål < {MAL_WEBB_MS} ms: {'uppfyllt' if p < MAL_WEBB_MS else 'EJ uppfyllt'}")
    print(f"Rapportsidan med avstämning och diagram (GET): median {g:.0f} ms väggklocka, {statistics.median(get_cpu):.0f} ms CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--korningar", type=int, default=3)
    parser.add_argument("--ny-databas", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost", "testserver"]
    from finsam.celery import app

    app.conf.task_always_eager = False  # publish to the in-memory broker: no worker consumes it here
    app.conf.broker_url = "memory://"
    forbered(args.ny_databas)
    print(f"Belastning (load average 1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} på {os.cpu_count()} kärnor")
    rendera(args.korningar)
    webb()


if __name__ == "__main__":
    main()
