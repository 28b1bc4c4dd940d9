from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .models import Roll, RollTyp
from .navigation import meny
from .permissions import MATRIS
from .tenancy import kontext_for, roller_for_user


class _Kan:
    """Template helper: {% if kan.styrelse_redigera %} checks the permission 'styrelse.redigera'."""

    def __init__(self, roll: str | None) -> None:
        self.roll = roll

    def __getattr__(self, name: str) -> bool:
        kod = name.replace("_", ".", 1)
        return kod in MATRIS and self.roll in MATRIS[kod].roller


def _mina_roller(request: HttpRequest, user: Any) -> list[Roll]:
    """The user's roles, looked up once per request: `kontext_for` keeps the list it resolved the förbund from."""
    cached = getattr(request, "_finsam_roller", None)
    if cached is not None and cached[0] == user.pk:
        return list(cached[1])
    roller = roller_for_user(user)
    request._finsam_roller = (user.pk, roller)  # type: ignore[attr-defined]
    return roller


def forbund(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"kan": _Kan(None)}
    k = kontext_for(request)
    return {
        "aktuell": k,
        "aktuellt_forbund": k.forbund if k else None,
        "aktuell_roll": k.roll if k else None,
        "aktuell_roll_namn": RollTyp(k.roll).label if k else "",
        "mina_roller": _mina_roller(request, user),
        "kan": _Kan(k.roll if k else None),
        "meny": meny(k, request.path),
    }
