"""The API's one error shape, read back in tests: {"fel": [{"falt", "meddelande", "kod"}]} → {falt: [meddelanden]}."""

from __future__ import annotations

from typing import Any


def api_fel(svar: Any) -> dict[str, list[str]]:
    """The errors of an API response by field; errors that belong to no field are under "fel"."""
    data = svar.json()
    assert set(data) == {"fel"}, data
    ut: dict[str, list[str]] = {}
    for f in data["fel"]:
        ut.setdefault(f["falt"] or "fel", []).append(f["meddelande"])
    return ut
