"""The current förbund and role of a request: chosen in the UI (session) or by the API header."""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.http import Http404, HttpRequest

from .models import Forbund, Roll
from .permissions import Kontext
from .sortering import svensk

SESSION_KEY = "finsam_forbund_id"
HEADER = "HTTP_X_FORBUND"

M = TypeVar("M", bound=models.Model)


def roller_for_user(user: Any) -> list[Roll]:
    if not getattr(user, "is_authenticated", False):
        return []
    return list(Roll.objects.filter(user=user).select_related("forbund").order_by(svensk("forbund__namn")))


def kontext_for(request: HttpRequest, user: Any | None = None) -> Kontext | None:
    """Resolve (and cache on the request) the user's current förbund and role."""
    user = user if user is not None else getattr(request, "user", None)
    cached = getattr(request, "_finsam_kontext", None)
    if cached is not None and cached[0] == getattr(user, "pk", None):
        return cached[1]
    roller = roller_for_user(user)
    request._finsam_roller = (getattr(user, "pk", None), roller)  # type: ignore[attr-defined]  # shared with the context processor
    vald: Roll | None = None
    wanted_slug = request.META.get(HEADER)
    wanted_id = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    for r in roller:
        if (wanted_slug and r.forbund.slug == wanted_slug) or (not wanted_slug and r.forbund_id == wanted_id):
            vald = r
            break
    if vald is None and roller and not wanted_slug:
        vald = roller[0]
    kontext = Kontext(forbund=vald.forbund, roll=vald.roll) if vald else None
    request._finsam_kontext = (getattr(user, "pk", None), kontext)  # type: ignore[attr-defined]
    return kontext


def hamta(queryset: models.QuerySet[M], forbund: Forbund, **lookup: Any) -> M:
    """Fetch one object of the förbund or raise 404 (also for other förbunds' objects)."""
    try:
        return queryset.get(forbund=forbund, **lookup)
    except (ObjectDoesNotExist, ValueError, TypeError) as exc:
        raise Http404("Finns inte.") from exc


def byt_forbund(request: HttpRequest, forbund_id: int) -> Forbund:
    roll = Roll.objects.select_related("forbund").filter(user_id=request.user.pk or 0, forbund_id=forbund_id).first()
    if roll is None:
        raise Http404("Du har ingen roll i det förbundet.")
    request.session[SESSION_KEY] = roll.forbund_id
    if hasattr(request, "_finsam_kontext"):
        del request._finsam_kontext
    return roll.forbund


__all__ = ["Forbund", "Kontext", "byt_forbund", "hamta", "kontext_for", "roller_for_user"]
