"""JSON for snapshots: Decimal, date and datetime survive the round trip (tagged), so sums stay exact."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any


class UnderlagEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, Decimal):
            return {"__d": str(o)}
        if isinstance(o, dt.datetime):
            return {"__dt": o.isoformat()}
        if isinstance(o, dt.date):
            return {"__date": o.isoformat()}
        return super().default(o)


def _hook(d: dict[str, Any]) -> Any:
    if len(d) == 1:
        if "__d" in d:
            return Decimal(d["__d"])
        if "__date" in d:
            return dt.date.fromisoformat(d["__date"])
        if "__dt" in d:
            return dt.datetime.fromisoformat(d["__dt"])
    return d


class UnderlagDecoder(json.JSONDecoder):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["object_hook"] = _hook
        super().__init__(*args, **kwargs)


def till_text(data: Any) -> str:
    return json.dumps(data, cls=UnderlagEncoder, sort_keys=True, ensure_ascii=False)


def rundtur(data: Any) -> Any:
    """The data exactly as it reads back from the database (int keys become strings, tuples lists)."""
    return json.loads(till_text(data), cls=UnderlagDecoder)


def kontrollsumma(data: Any) -> str:
    return hashlib.sha256(till_text(data).encode("utf-8")).hexdigest()
