"""Request middleware: the förbund context, input bounds, upload size, and no-store on authenticated pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from . import granser
from .api.exceptions import fel, felsvar
from .tenancy import kontext_for

Svar = Callable[[HttpRequest], HttpResponseBase]


class ForbundMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.kontext = SimpleLazyObject(lambda: kontext_for(request))  # type: ignore[attr-defined]
        return self.get_response(request)


def _api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def gransfel_svar(request: HttpRequest, exc: granser.Gransfel) -> HttpResponseBase:
    """A bounds error: the API's JSON error shape under /api/, else the Swedish 400/404/413 page."""
    if _api(request):
        return felsvar(exc.status, [fel(exc.meddelande, falt=exc.falt, kod=exc.kod)])
    mall = {404: "404.html", 413: "400.html"}.get(exc.status, "400.html")
    return render(request, mall, {"meddelande": exc.meddelande}, status=exc.status)


def _mib(antal_byte: int) -> str:
    return f"{antal_byte / (1024 * 1024):.1f}".replace(".", ",").removesuffix(",0")


class GransMiddleware:
    """Input bounds before any view runs (finsam.granser): the same for pages and the API.

    - a body larger than FINSAM_MAX_UPLOAD_BYTES is refused from its Content-Length, before it is read;
    - a NUL byte in the query string, a form or a JSON body → 400;
    - a year in the URL outside 1900–2200, or an integer key beyond any stored one → 404;
    - on the API: unknown query parameters and integers out of range → 400, as the schema documents.
    """

    def __init__(self, get_response: Svar) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        try:
            self._storlek(request)
            self._nul(request)
        except granser.Gransfel as exc:
            return gransfel_svar(request, exc)
        return self.get_response(request)

    def _storlek(self, request: HttpRequest) -> None:
        try:
            langd = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise granser.Gransfel("Ogiltig Content-Length.", kod="invalid") from None
        grans = granser.max_uppladdning()
        if langd > grans:
            raise granser.Gransfel(
                f"Det du skickade är för stort ({_mib(langd)} MiB). Högsta tillåtna storlek är {_mib(grans)} MiB.",
                status=413,
                kod="for_stor",
            )

    def _nul(self, request: HttpRequest) -> None:
        texter = [text for nyckel, varden in request.GET.lists() for text in (nyckel, *varden)]
        if any(granser.har_nul(text) for text in texter):
            raise granser.Gransfel(granser.NUL_FEL, kod="null_characters_not_allowed")
        typ = request.content_type or ""
        if request.method in ("POST", "PUT", "PATCH"):
            # A form body carries NUL percent-encoded (%00); PUT and PATCH bodies are not parsed into request.POST.
            if typ == "application/x-www-form-urlencoded" and (granser.har_nul(request.body) or b"%00" in request.body):
                raise granser.Gransfel(granser.NUL_FEL, kod="null_characters_not_allowed")
            if typ.endswith("json") and granser.har_nul(request.body):
                raise granser.Gransfel(granser.NUL_FEL, kod="null_characters_not_allowed")

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponseBase | None:
        # a view that reads a bound itself (granser.ar_fran) answers like the checks above
        return gransfel_svar(request, exc) if isinstance(exc, granser.Gransfel) else None

    def process_view(self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: dict[str, Any]) -> HttpResponseBase | None:
        try:
            self._sokvag(view_kwargs)
            if _api(request):
                self._api(request, view_func, view_kwargs)
            elif request.GET.get("ar"):
                granser.kontrollera_ar(request.GET["ar"])
        except granser.Gransfel as exc:
            return gransfel_svar(request, exc)
        return None

    def _sokvag(self, view_kwargs: dict[str, Any]) -> None:
        for namn, varde in view_kwargs.items():
            if not isinstance(varde, int):
                continue
            if namn == "ar" and not granser.ar_inom_granser(varde):
                raise granser.Gransfel(granser.ar_fel(varde), falt=namn, status=404, kod="not_found")
            if not -granser.HELTAL_MAX <= varde <= granser.HELTAL_MAX:
                raise granser.Gransfel("Hittades inte.", falt=namn, status=404, kod="not_found")

    def _api(self, request: HttpRequest, view_func: Any, view_kwargs: dict[str, Any]) -> None:
        klass = getattr(view_func, "cls", None)
        if klass is None:
            return
        actions = getattr(view_func, "actions", None) or {}
        metod = request.method or "GET"
        parametrar = granser.api_parametrar().get((klass, actions.get(metod.lower()), metod.upper()))
        if parametrar is None:
            return
        fraga, vag = parametrar
        granser.kontrollera_fraga(fraga, request.GET)
        for namn, p in vag.items():
            # drf-spectacular documents a router's `pk` as `id`
            varde = view_kwargs.get(namn, view_kwargs.get("pk") if namn == "id" else None)
            if p.typ == "integer" and isinstance(varde, str):
                try:
                    tal = int(varde)
                except ValueError:
                    raise granser.Gransfel(f"{namn} måste vara ett heltal.", falt=namn, kod="invalid") from None
                if not 0 <= tal <= granser.HELTAL_MAX:
                    raise granser.Gransfel("Hittades inte.", falt=namn, status=404, kod="not_found")


class IngenCacheMiddleware:
    """`Cache-Control: no-store` on every response Django builds (pages, API, downloads).

    Pages and downloads carry participant and board data; no browser or proxy may keep a copy. Static
    files are served by WhiteNoise before this middleware and keep their own caching. A view may set
    its own Cache-Control for a logged-out visitor; never for a logged-in user or a token.
    """

    def __init__(self, get_response: Svar) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        inloggad = bool(user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META
        if inloggad or not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        return response
