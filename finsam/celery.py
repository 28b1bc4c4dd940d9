"""The Celery application. Tasks live in each app's tasks.py.

Without REDIS_URL the broker is kombu's filesystem transport in a local folder (no server
needed), so `make run` starts a real worker in the embedded default too.
"""

import os
from pathlib import Path
from typing import Any

from celery import Celery
from celery.signals import worker_ready

from finsam import kofil  # noqa: F401 (registers the embedded broker's URL scheme, finsamfil://)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "finsam.settings.base")

app = Celery("finsam")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_configure.connect
def _broker_folders(sender: Celery, **kwargs: Any) -> None:
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        if options.get(key):
            Path(options[key]).mkdir(parents=True, exist_ok=True)


@worker_ready.connect
def _pick_up_jobs(sender: Any = None, **kwargs: Any) -> None:
    """At worker start: jobs left queued or cut off by an earlier process are queued again."""
    from django.db import connections

    from finsam.documents.jobb import dokument_aterupta

    try:
        dokument_aterupta(vid_start=True)
    finally:
        connections.close_all()
