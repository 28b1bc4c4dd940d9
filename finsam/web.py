"""Helpers for server-rendered pages: every view names one permission from the matrix."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from .permissions import MATRIS
from .tenancy import kontext_for

View = Callable[..., HttpResponseBase]


def behorighet(kod: str) -> Callable[[View], View]:
    """Require login, a role in the current förbund and the permission `kod`.

    The view is called as view(request, kontext, *args, **kwargs).
    """
    if kod not in MATRIS:
        raise KeyError(f"Okänd behörighet: {kod}")

    def decorator(view: View) -> View:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            kontext = kontext_for(request)
            if kontext is None:
                return render(request, "finsam/ingen_roll.html", status=403)
            kontext.kraver(kod)
            return view(request, kontext, *args, **kwargs)

        wrapper.behorighet = kod  # type: ignore[attr-defined]
        return wrapper

    return decorator


def fel_text(exc: ValidationError) -> str:
    """A ValidationError as one readable Swedish sentence."""
    if hasattr(exc, "message_dict"):
        delar: list[str] = []
        for falt, msgs in exc.message_dict.items():
            prefix = "" if falt == "__all__" else f"{falt}: "
            delar.extend(prefix + m for m in msgs)
        return " ".join(delar)
    return " ".join(exc.messages)
