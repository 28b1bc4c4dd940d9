"""Queue a Celery task after the current transaction commits.

FINSAM_TASK_MODE:
- "celery": send to the broker; a real worker runs it. Every mode of the product: Redis when
  REDIS_URL is set, otherwise kombu's filesystem broker with the worker `make run` starts;
- "eager": run inline after commit (the test suite). Inside a test wrapped in a transaction
  that never commits, the task runs at once instead, so tests see its result;
- "thread": run in a background thread of the web process (a few browser tests only: no
  countdowns, nothing survives the process; document jobs are still re-queued by the reaper).
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, transaction


def _run_in_thread(task: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    def target() -> None:
        close_old_connections()
        try:
            task.apply(args=args, kwargs=kwargs)
        finally:
            close_old_connections()

    threading.Thread(target=target, daemon=True, name=f"finsam-{task.name}").start()


def enqueue(task: Any, *args: Any, **kwargs: Any) -> None:
    mode = settings.FINSAM_TASK_MODE

    def send() -> None:
        if mode == "celery":
            task.apply_async(args=args, kwargs=kwargs)
        elif mode == "thread":
            _run_in_thread(task, args, kwargs)
        else:
            task.apply(args=args, kwargs=kwargs)

    if mode == "eager" and any(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks):
        send()
    else:
        transaction.on_commit(send)
