"""Benchmark: the demo förbund's annual report 2019 – snapshot build, render per page, peak memory (not part of the test run).

    .venv/bin/python benchmarks/rapporter_arsredovisning.py [--korningar 3] [--ny-databas]

1. Builds (once; --ny-databas to redo) its own SQLite database with `seed_demo` (every app's demo data).
2. Snapshot build: the report's data read once from every app, reconciled and stored (`underlag_bygg`), median of
   `--korningar`. Target: under 1 s.
3. Render from the stored snapshot the way the worker does (snapshot → HTML → WeasyPrint → tagged PDF/A-3a), and, in the
   same run, plain WeasyPrint on the very same HTML with no Finsam code (default URL fetcher, assets as file:// URLs,
   the same PDF/A variant). Prints seconds per page for both and their ratio. Targets: ≤ 0.15 s/page and ≤ 1.3×.
4. Peak memory of the process (RSS).

The machine is shared: wall time depends on the load, so CPU time is printed too, with the load average.
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = os.environ.get("FINSAM_BENCH_SQLITE", f"/tmp/finsam-bench-rapporter-{ROOT.name}.sqlite3")
os.environ.setdefault("SQLITE_PATH", DB)
os.environ.setdefault("MEDIA_ROOT", f"/tmp/finsam-bench-rapporter-media-{ROOT.name}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")
os.environ["FINSAM_TASK_MODE"] = "celery"  # jobs go to an in-memory broker nobody consumes: nothing runs beside the benchmark
os.environ.pop("DATABASE_URL", None)
os.environ.pop("REDIS_URL", None)

print = functools.partial(print, flush=True)

MAL_UNDERLAG = 1.0
MAL_SIDA = 0.15
MAL_KVOT = 1.3


def forbered(ny: bool) -> None:
    from django.core.management import call_command

    if ny and Path(DB).exists():
        Path(DB).unlink()
    fanns = Path(DB).exists()
    call_command("migrate", verbosity=0)
    if not fanns:
        print("Laddar demodata (seed_demo) …")
        call_command("seed_demo", stdout=io.StringIO())


def _median(fn: object, n: int) -> tuple[float, float, object]:
    vagg, cpu, svar = [], [], None
    for _ in range(n):
        t0, c0 = time.perf_counter(), time.process_time()
        svar = fn()  # type: ignore[operator]
        vagg.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(vagg), statistics.median(cpu), svar


def _ren_html(html: str, katalog: Path) -> str:
    """The same HTML for plain WeasyPrint: /static/ assets as file:// URLs (the stylesheet's fonts too)."""
    static = ROOT / "static"
    css = (static / "finsam" / "css" / "print.css").read_text(encoding="utf-8").replace('url("/static/', f'url("file://{static}/')
    (katalog / "print.css").write_text(css, encoding="utf-8")
    return html.replace('href="/static/finsam/css/print.css"', f'href="file://{katalog}/print.css"')


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--korningar", type=int, default=3)
    parser.add_argument("--ny-databas", action="store_true")
    args = parser.parse_args()
    import django

    django.setup()
    from finsam.celery import app

    app.conf.task_always_eager = False
    app.conf.broker_url = "memory://"
    forbered(args.ny_databas)

    from django.db import transaction
    from pypdf import PdfReader
    from weasyprint import HTML

    from finsam.documents.render import html_to_pdf, render_html
    from finsam.models import Forbund
    from rapporter import selectors, services
    from rapporter.models import RapportTyp, Rapportunderlag

    forbund = Forbund.objects.get(slug="skelleftea-norsjo")
    print(f"Belastning (load average 1/5/15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} på {os.cpu_count()} kärnor")
    rapport = services.rapport_hamta_eller_skapa(forbund=forbund, typ=RapportTyp.ARSREDOVISNING, ar=2019)

    def bygg() -> Rapportunderlag | None:
        with transaction.atomic():
            return services.underlag_bygg(rapport=rapport, aktor=None)

    bygg()  # warm imports and per-process caches
    v, c, underlag = _median(bygg, args.korningar)
    assert isinstance(underlag, Rapportunderlag)
    print(
        f"Underlag (snapshot) byggt och sparat: median {v:.3f} s väggklocka, {c:.3f} s CPU; "
        f"{len(underlag.data['avstamning'])} kontroller, alla stämmer: {underlag.avstamning_ok}; "
        f"mål < {MAL_UNDERLAG} s: {'uppfyllt' if v < MAL_UNDERLAG else 'EJ uppfyllt'}"
    )

    underlag = Rapportunderlag.objects.select_related("forbund").get(pk=underlag.pk)
    html_tid, _, html = _median(
        lambda: render_html("rapporter/pdf/arsredovisning.html", selectors.arsredovisning_fran_underlag(underlag)), args.korningar
    )
    assert isinstance(html, str)
    finsam_v, finsam_c, pdf = _median(
        lambda: html_to_pdf(render_html("rapporter/pdf/arsredovisning.html", selectors.arsredovisning_fran_underlag(underlag))), args.korningar
    )
    assert isinstance(pdf, bytes)
    sidor = len(PdfReader(io.BytesIO(pdf)).pages)
    with tempfile.TemporaryDirectory() as tmp:
        ren = _ren_html(html, Path(tmp))
        ren_v, ren_c, ren_pdf = _median(lambda: HTML(string=ren).write_pdf(pdf_variant="pdf/a-3a"), args.korningar)
    assert isinstance(ren_pdf, bytes)
    ren_sidor = len(PdfReader(io.BytesIO(ren_pdf)).pages)
    kvot = finsam_v / ren_v
    print(f"Årsredovisning 2019 (demo) från underlaget: {sidor} sidor, {len(pdf) // 1024} KiB PDF/A-3a (HTML ur mallen: {html_tid:.3f} s)")
    print(f"  Finsam (underlag → HTML → WeasyPrint):  {finsam_v:.2f} s = {finsam_v / sidor:.3f} s/sida väggklocka, {finsam_c / sidor:.3f} s/sida CPU")
    print(
        f"  WeasyPrint ensam, samma HTML ({ren_sidor} sidor): {ren_v:.2f} s = {ren_v / ren_sidor:.3f} s/sida väggklocka, "
        f"{ren_c / ren_sidor:.3f} s/sida CPU"
    )
    print(
        f"  kvot Finsam/WeasyPrint: {kvot:.2f} (mål ≤ {MAL_KVOT}: {'uppfyllt' if kvot <= MAL_KVOT else 'EJ uppfyllt'}); "
        f"mål ≤ {MAL_SIDA} s/sida: {'uppfyllt' if finsam_v / sidor <= MAL_SIDA else 'EJ uppfyllt'} (väggklocka), "
        f"{'uppfyllt' if finsam_c / sidor <= MAL_SIDA else 'EJ uppfyllt'} (CPU)"
    )
    print(f"Toppminne (processens RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
