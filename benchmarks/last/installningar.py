"""Production settings for the load benchmark, plus two floor views (not used by the app)."""

from finsam.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.last.urls"

import os  # noqa: E402

STATIC_ROOT = os.environ.get("FINSAM_BENCH_STATIC", "/tmp/finsam-bench-static")
