"""A real Celery worker process for tests, on Redis, reading the test database.

Used through the `celery_worker_process` fixture (tests/conftest.py). Each test run uses its
own queue on Redis db 14, so parallel runs on one machine do not steal each other's tasks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]
TEST_REDIS_URL = os.environ.get("FINSAM_TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_svarar(url: str = TEST_REDIS_URL) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except Exception:
        return False


def _database_env() -> dict[str, str]:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return {"SQLITE_PATH": str(db["NAME"]), "DATABASE_URL": ""}
    user = db.get("USER") or "postgres"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return {"DATABASE_URL": f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"}


class WorkerProcess:
    def __init__(
        self, visibility_timeout: int = 8, *, broker_dir: Path | None = None, beat: bool = False, env_extra: dict[str, str] | None = None
    ) -> None:
        self.queue = f"finsam-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self.visibility_timeout = visibility_timeout
        self.proc: subprocess.Popen[bytes] | None = None
        self.log = Path(settings.MEDIA_ROOT) / f"{self.queue}.log"
        # broker_dir: the embedded default's filesystem broker instead of Redis; beat: run beat in the worker (-B).
        self.broker_dir = broker_dir
        self.beat = beat
        self.env_extra = env_extra or {}

    def transport_options(self) -> dict[str, Any]:
        if self.broker_dir is None:
            return {"visibility_timeout": self.visibility_timeout}
        for sub in ("queue", "control"):
            (self.broker_dir / sub).mkdir(parents=True, exist_ok=True)
        return {
            "data_folder_in": str(self.broker_dir / "queue"),
            "data_folder_out": str(self.broker_dir / "queue"),
            "control_folder": str(self.broker_dir / "control"),
        }

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(_database_env())
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "finsam.settings.base",
                "DJANGO_DEBUG": "false",
                "REDIS_URL": TEST_REDIS_URL,
                "FINSAM_TASK_MODE": "celery",
                "MEDIA_ROOT": str(settings.MEDIA_ROOT),
                "CELERY_VISIBILITY_TIMEOUT": str(self.visibility_timeout),
                "LOG_LEVEL": "WARNING",
                "CELERY_QUEUE": self.queue,
            }
        )
        if self.broker_dir is not None:
            env.update({"REDIS_URL": "", "CELERY_BROKER_DIR": str(self.broker_dir)})
        env.update(self.env_extra)
        return env

    def start(self) -> None:
        logf = open(self.log, "ab")  # noqa: SIM115 - kept open for the process' lifetime
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "finsam",
                "worker",
                "-Q",
                self.queue,
                "--concurrency=1",
                "--pool=prefork",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-l",
                "INFO",
                "-n",
                f"{self.queue}@%h",
            ]
            + (["-B", "--schedule", str(Path(settings.MEDIA_ROOT) / f"{self.queue}-beat")] if self.beat else []),
            cwd=ROOT,
            env=self.env(),
            stdout=logf,
            stderr=subprocess.STDOUT,
        )

    def barn(self) -> list[int]:
        """PIDs of the pool processes (the ones that run tasks)."""
        if self.proc is None:
            return []
        out = subprocess.run(["pgrep", "-P", str(self.proc.pid)], capture_output=True, text=True).stdout
        return [int(p) for p in out.split()]

    def stop(self, *, kill: bool = False) -> None:
        if self.proc is None:
            return
        for pid in self.barn():
            if kill:
                os.kill(pid, signal.SIGKILL)
        self.proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        self.proc = None

    def configure_sender(self, settings_fixture: Any) -> None:
        """Make the test process send tasks to this worker's queue on Redis."""
        from finsam.celery import app

        settings_fixture.FINSAM_TASK_MODE = "celery"
        app.conf.broker_url = TEST_REDIS_URL if self.broker_dir is None else "finsamfil://"
        app.conf.task_default_queue = self.queue
        app.conf.broker_transport_options = self.transport_options()
        app.conf.task_always_eager = False
        # drop a cached connection pool to the in-memory broker used by other tests
        app._pool = None
        app.amqp._producer_pool = None

    def vanta_pa(self, villkor: Any, timeout: float = 90, intervall: float = 0.3) -> bool:
        slut = time.monotonic() + timeout
        while time.monotonic() < slut:
            if villkor():
                return True
            time.sleep(intervall)
        return False

    def logg(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""


@contextmanager
def worker_igang(settings_fixture: Any, *, start: bool = True, **kwargs: Any) -> Iterator[WorkerProcess]:
    """A configured worker (Redis, or the filesystem broker with broker_dir=...); the sender's Celery
    configuration is restored afterwards. start=False: only configure (the test starts it later)."""
    from finsam.celery import app

    old = (app.conf.broker_url, app.conf.task_default_queue, app.conf.broker_transport_options, app.conf.task_always_eager)
    worker = WorkerProcess(**kwargs)
    worker.configure_sender(settings_fixture)
    if start:
        worker.start()
    try:
        yield worker
    finally:
        worker.stop()
        app.conf.broker_url, app.conf.task_default_queue, app.conf.broker_transport_options, app.conf.task_always_eager = old
        app._pool = None
        app.amqp._producer_pool = None
