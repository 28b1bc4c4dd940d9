"""The embedded default's broker writes each message whole (finsam/kofil.py): a worker that lists the queue while a
message is being written never reads a half-written file (kombu's own transport: "Unrecoverable error:
JSONDecodeError", the worker dies and every later job stays queued)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from queue import Empty
from typing import Any

import pytest
from kombu import Connection

from finsam import kofil


@pytest.fixture
def kanal(tmp_path: Path) -> Iterator[Any]:
    ko = tmp_path / "queue"
    ko.mkdir()
    with Connection(
        transport=kofil.Transport,
        transport_options={"data_folder_in": str(ko), "data_folder_out": str(ko), "control_folder": str(tmp_path / "control")},
    ) as conn:
        yield conn.default_channel


def test_meddelandet_gar_fram_helt(kanal: Any) -> None:
    kanal._put("celery", {"body": "dokument 7", "headers": {"task": "finsam.dokument_rendera_task"}})
    assert kanal._get("celery") == {"body": "dokument 7", "headers": {"task": "finsam.dokument_rendera_task"}}
    with pytest.raises(Empty):
        kanal._get("celery")


def test_en_worker_som_laser_under_skrivningen_ser_inget_halvt_meddelande(kanal: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another worker takes the queue at the moment the message's bytes are being written."""
    under_skrivningen: list[object] = []
    riktig = kofil.str_to_bytes

    def skriv_medan_en_annan_laser(text: str) -> bytes:
        try:
            under_skrivningen.append(kanal._get("celery"))
        except Empty:
            under_skrivningen.append("tom kö")
        return riktig(text)

    monkeypatch.setattr(kofil, "str_to_bytes", skriv_medan_en_annan_laser)
    kanal._put("celery", {"body": "x" * 10_000})
    assert under_skrivningen == ["tom kö"]  # kombu's own _put: JSONDecodeError on an empty file here
    assert kanal._get("celery") == {"body": "x" * 10_000}
    assert [p.name for p in Path(kanal.data_folder_in).iterdir()] == []  # no temporary file left behind


def test_utan_redis_anvands_den_atomiska_transporten(tmp_path: Path) -> None:
    miljo = {**os.environ, "REDIS_URL": "", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}", "CELERY_BROKER_DIR": str(tmp_path)}
    miljo["DJANGO_SETTINGS_MODULE"] = "finsam.settings.base"
    kod = "import django; django.setup(); from finsam.celery import app; print(type(app.connection_for_write().transport).__module__)"
    ut = subprocess.run([sys.executable, "-c", kod], env=miljo, capture_output=True, text=True, check=True).stdout
    assert ut.strip().splitlines()[-1] == "finsam.kofil"
