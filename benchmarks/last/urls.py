"""The app's URLs plus the two floors the load benchmark compares against."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from finsam.urls import urlpatterns as app_urls


def tom(request: HttpRequest) -> HttpResponse:
    """Floor 1: a trivial view (no session, no database)."""
    return HttpResponse("ok", content_type="text/plain")


def session_och_anvandare(request: HttpRequest) -> HttpResponse:
    """Floor 2: loads the session and the user, as every real page must."""
    return HttpResponse(f"ok {request.user.pk if request.user.is_authenticated else '-'}", content_type="text/plain")


urlpatterns = [path("bench/tom/", tom), path("bench/session/", session_och_anvandare), *app_urls]
