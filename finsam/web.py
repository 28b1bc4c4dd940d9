"""Helpers for server-rendered pages: every view names one permission from the matrix."""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header

from .audit import vagran_logga
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


def fel_till_formular(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form: field errors next to their field, the rest on top."""
    if hasattr(exc, "error_dict"):
        for falt, meddelanden in exc.message_dict.items():
            form.add_error(falt if falt in form.fields else None, meddelanden)
    else:
        form.add_error(None, exc.messages)


Till = str | Callable[[Any], Any]


def _till_url(till: Till, resultat: Any) -> Any:
    return till(resultat) if callable(till) else till


def formular_handling(
    request: HttpRequest,
    form: Any,
    utfor: Callable[[dict[str, Any]], Any],
    *,
    ok: str | Callable[[Any], str],
    till: Till,
    mall: str,
    sammanhang: dict[str, Any] | None = None,
) -> HttpResponseBase:
    """The one door for a page that writes through a form.

    GET (or an invalid form): render `mall` with the form. POST with a valid form: call
    `utfor(form.cleaned_data)` (the one service); a ValidationError is shown next to the form with
    HTTP 400 and the user's input kept; success gives a message and a redirect to `till`
    (a URL, a view name or a callable taking the service's result).
    """
    context = {"form": form, **(sammanhang or {})}
    if request.method != "POST":
        return render(request, mall, context)
    if form.is_valid():
        try:
            resultat = utfor(form.cleaned_data)
        except ValidationError as exc:
            vagran_logga(exc, aktor=request.user, vag=f"{request.method} {request.path}")
            fel_till_formular(form, exc)
        else:
            messages.success(request, ok(resultat) if callable(ok) else ok)
            return redirect(_till_url(till, resultat))
    return render(request, mall, context, status=400)


def knapp_handling(
    request: HttpRequest,
    utfor: Callable[[], Any],
    *,
    ok: str | Callable[[Any], str],
    till: Till,
) -> HttpResponseBase:
    """The one door for a button post (no fields to keep): call the service, then a message and a redirect.

    A refusal is shown as a Swedish error message on the page the user came from; nothing changed.
    """
    try:
        resultat = utfor()
    except ValidationError as exc:
        vagran_logga(exc, aktor=request.user, vag=f"{request.method} {request.path}")
        messages.error(request, fel_text(exc))
        return redirect(_till_url(till, None))
    messages.success(request, ok(resultat) if callable(ok) else ok)
    return redirect(_till_url(till, resultat))


def fil_svar(fil: FieldFile, *, filnamn: str, content_type: str | None = None, bilaga: bool = False) -> HttpResponseBase:
    """The response for a stored file, after the calling view has checked the permission.

    Media files are never served by a static route. By default the file is streamed by Django; in
    deployment `FINSAM_FILSANDNING` hands the sending to the proxy: "x-accel-redirect" (nginx, an
    `internal` location at FINSAM_FIL_INTERN_URL aliased to MEDIA_ROOT) or "x-sendfile" (Apache
    mod_xsendfile, lighttpd). The body is empty then; the proxy sends the file.
    """
    typ = content_type or mimetypes.guess_type(filnamn)[0] or "application/octet-stream"
    lage = settings.FINSAM_FILSANDNING
    response: HttpResponseBase
    if lage == "x-accel-redirect":
        response = HttpResponse(content_type=typ)
        response["X-Accel-Redirect"] = settings.FINSAM_FIL_INTERN_URL + quote(fil.name or "")
    elif lage == "x-sendfile":
        response = HttpResponse(content_type=typ)
        response["X-Sendfile"] = fil.path
    else:
        response = FileResponse(fil.open("rb"), content_type=typ)
    response["Content-Disposition"] = content_disposition_header(bilaga, filnamn) or "inline"
    response["Cache-Control"] = "no-store"
    return response
