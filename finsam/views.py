"""Core pages: start page per role, förbund switch, members, documents, audit log, health."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from . import selectors
from .api.exceptions import STANDARDTEXT, fel, felsvar, svensk
from .documents.services import dokument_bestall, dokument_forsok_igen, dokument_kontrollera_nedladdning
from .granser import ar_fran
from .models import Dokument
from .permissions import Kontext
from .sidcache import sidcache
from .startsida import startsida_for, startvy_for
from .tenancy import byt_forbund, hamta
from .web import behorighet, fel_text, fil_svar, knapp_handling


@behorighet("forbund.visa")
@sidcache
def start(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    sida = startsida_for(kontext, request.user)
    egen = startvy_for(kontext)  # a role with its own start page (the board member: Mina möten)
    if egen is not None:
        return egen(request, kontext, sida)
    return render(request, "finsam/start.html", {"start": sida})


@login_required
@require_POST
def forbund_byt(request: HttpRequest) -> HttpResponse:
    try:
        forbund_id = int(request.POST.get("forbund", ""))
    except ValueError as exc:
        raise Http404 from exc
    forbund = byt_forbund(request, forbund_id)
    messages.success(request, f"Du arbetar nu i {forbund.namn}.")
    nasta = request.POST.get("next") or reverse("start")
    if not url_has_allowed_host_and_scheme(nasta, allowed_hosts={request.get_host()}):
        nasta = reverse("start")
    return redirect(nasta)


forbund_byt.behorighet = "login"  # type: ignore[attr-defined]


@behorighet("forbund.visa")
def organisation(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    data = selectors.organisationsblad(kontext.forbund, ar)
    return render(request, "finsam/organisation.html", {**data, "ar_val": range(dt.date.today().year + 1, 2015, -1)})


@behorighet("dokument.skapa")
@require_POST
def organisationsblad_bestall(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    ar = ar_fran(request)
    dokument = dokument_bestall(
        forbund=kontext.forbund,
        aktor=request.user,
        typ="organisationsblad",
        titel=f"Organisationsblad {ar}",
        nyckel=f"organisationsblad:{ar}",
        parametrar={"ar": ar},
    )
    messages.info(request, "Organisationsbladet skapas i bakgrunden. Sidan uppdateras när det är klart.")
    return redirect("dokument_detalj", pk=dokument.pk)


@behorighet("dokument.visa")
def dokument_lista(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    return render(request, "finsam/dokument_lista.html", {"dokument": selectors.dokument_lista(kontext)})


def _dokument(kontext: Kontext, pk: int) -> Dokument:
    dokument = hamta(Dokument.objects.select_related("bestalld_av"), kontext.forbund, pk=pk)
    dokument_kontrollera_nedladdning(kontext, dokument)
    return dokument


@behorighet("dokument.visa")
def dokument_detalj(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    return render(request, "finsam/dokument_detalj.html", {"dokument": _dokument(kontext, pk)})


@behorighet("dokument.skapa")
@require_POST
def dokument_forsok_igen_vy(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    d = _dokument(kontext, pk)
    return knapp_handling(  # type: ignore[return-value]
        request,
        lambda: dokument_forsok_igen(kontext=kontext, dokument=d, aktor=request.user),
        ok="Dokumentet skapas på nytt i bakgrunden.",
        till=reverse("dokument_detalj", args=[d.pk]),
    )


@behorighet("dokument.visa")
@require_GET
def dokument_status(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponse:
    d = _dokument(kontext, pk)
    return JsonResponse(
        {
            "id": d.pk,
            "status": d.status,
            "status_text": d.get_status_display(),
            "framsteg": d.framsteg,
            "framsteg_text": d.framsteg_text,
            "fel": d.fel,
            "url": reverse("dokument_ladda_ned", args=[d.pk]) if d.status == Dokument.Status.KLAR else None,
        }
    )


@behorighet("dokument.visa")
def dokument_ladda_ned(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    d = _dokument(kontext, pk)
    if d.status != Dokument.Status.KLAR or not d.fil:
        raise Http404("Dokumentet är inte klart.")
    response = fil_svar(d.fil, content_type="application/pdf", filnamn=d.filnamn)
    response["X-Content-SHA256"] = d.sha256
    return response


@behorighet("handelse.visa")
def handelser(request: HttpRequest, kontext: Kontext) -> HttpResponse:
    qs = selectors.handelser(kontext, handling=request.GET.get("handling", ""))
    sida = Paginator(qs, 50).get_page(request.GET.get("sida"))
    return render(request, "finsam/handelser.html", {"sida": sida, "handling": request.GET.get("handling", "")})


@require_GET
def favicon(request: HttpRequest) -> HttpResponsePermanentRedirect:
    """Browsers ask for /favicon.ico on their own (the PDF viewer too): the app's icon, not a 404.
    Resolved per request, so the production static storage's hashed name is used."""
    return HttpResponsePermanentRedirect(static("finsam/favicon.svg"))


def healthz(request: HttpRequest) -> HttpResponse:
    status: dict[str, Any] = {}
    ok = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        status["databas"] = {"ok": True, "motor": connection.vendor}
    except Exception as exc:  # report, never crash the health check
        ok = False
        status["databas"] = {"ok": False, "fel": str(exc)}
    if settings.FINSAM_TASK_MODE == "celery" and not settings.CELERY_BROKER_URL.startswith("redis"):
        mapp = str(settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("data_folder_out", ""))
        finns = bool(mapp) and Path(mapp).is_dir()
        ok = ok and finns
        status["broker"] = {"ok": finns, "typ": "inbyggd (filkö för Celery-workern)"}
    elif settings.FINSAM_TASK_MODE == "celery":
        try:
            import redis

            redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_connect_timeout=2).ping()
            status["broker"] = {"ok": True, "typ": "redis"}
        except Exception as exc:
            ok = False
            status["broker"] = {"ok": False, "typ": "redis", "fel": str(exc)}
    else:
        status["broker"] = {"ok": True, "typ": "inbyggd (uppgifter körs i processen)"}
    status["ok"] = ok
    return JsonResponse(status, status=200 if ok else 503)


healthz.behorighet = "publik"  # type: ignore[attr-defined]


def fel_meddelande(request: HttpRequest, exc: ValidationError) -> None:
    messages.error(request, fel_text(exc))


# --- Error pages: Swedish HTML for pages, the API's JSON error shape under /api/. Never a debug page. ---


def _api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def _undantag_text(exception: BaseException | None, status_kod: int) -> str:
    """The exception's own message when it is a Swedish one written in this project, else ''."""
    if exception is None or not exception.args or not isinstance(exception.args[0], str):
        return ""
    text = svensk(exception.args[0], status_kod)
    return "" if text == STANDARDTEXT.get(status_kod) else text


def _felsida(request: HttpRequest, status_kod: int, mall: str, exception: BaseException | None) -> HttpResponse:
    text = _undantag_text(exception, status_kod)
    if _api(request):
        return felsvar(status_kod, [fel(text or STANDARDTEXT[status_kod], kod=_API_KOD[status_kod])])
    response = render(request, mall, {"meddelande": text}, status=status_kod)
    response["Cache-Control"] = "no-store"
    return response


_API_KOD = {400: "ogiltig", 403: "permission_denied", 404: "not_found", 405: "method_not_allowed"}


def fel_400(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    # SuspiciousOperation texts are technical English: never shown, only the Swedish default.
    return _felsida(request, 400, "400.html", None)


def fel_403(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return _felsida(request, 403, "403.html", exception)


def fel_404(request: HttpRequest, exception: BaseException | None = None) -> HttpResponse:
    return _felsida(request, 404, "404.html", exception)


def fel_500(request: HttpRequest) -> HttpResponse:
    if _api(request):
        return felsvar(500)
    # no context processors: the database may be what failed
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def csrf_fel(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: Swedish instead of Django's English 'CSRF verification failed' page."""
    text = "Formuläret hade gått ut eller skickades från en annan sida. Gå tillbaka, ladda om sidan och försök igen."
    if _api(request):
        return felsvar(403, [fel(text, kod="csrf")])
    return render(request, "403.html", {"meddelande": text}, status=403)


SPARRAD_TEXT = "För många felaktiga lösenord har angetts för kontot från din adress. Kontot är tillfälligt spärrat; försök igen om en stund."


def inloggning_sparrad(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: dict[str, Any] | None = None
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the lockout after too many wrong passwords, at login or at a justering's re-authentication.

    Pages get the Swedish lockout page; the API its one error shape (so an API client is told, not sent HTML).
    """
    if _api(request):
        return felsvar(429, [fel(SPARRAD_TEXT, kod="sparrad")])
    response = render(request, settings.AXES_LOCKOUT_TEMPLATE, {}, status=429)
    response["Cache-Control"] = "no-store"
    return response
