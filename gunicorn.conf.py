"""gunicorn's production settings (read from the working directory: Dockerfile, docker-compose.yml, benchmarks/load.py).

Threaded workers: a page spends much of its time waiting for PostgreSQL, and a sync worker holds its process (and
closes the connection after every response) while it waits. On two cores, 3 processes × 4 threads served twice the
requests/s of 5 sync workers in benchmarks/load.py (issue 16), with keep-alive. Each thread keeps its own database
connection (CONN_MAX_AGE): 12 connections per server. Override with WEB_CONCURRENCY and GUNICORN_THREADS.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
keepalive = 5


def post_worker_init(worker: object) -> None:
    """Move the loaded app (modules, URL patterns, templates) out of the garbage collector's view: a full collection
    walked all of it, about 130 ms on a page now and then (the p95/p99 tail in benchmarks/load.py)."""
    import gc

    gc.collect()
    gc.freeze()
