"""Members and people, edited in the app through the core's services (with audit) instead of the Django admin."""

from __future__ import annotations

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse

from finsam import services as karna
from finsam.models import Medlem, Person
from finsam.permissions import Kontext
from finsam.sortering import svensk
from finsam.tenancy import hamta
from finsam.web import behorighet

from ..forms import MedlemAndraForm, MedlemForm, PersonForm
from .register import rad_formular


@behorighet("forbund.visa")
def medlemmar(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    lista = Medlem.objects.filter(forbund=kontext.forbund).order_by("ordning", svensk("namn"))
    return render(request, "forvaltning/medlemmar.html", {"medlemmar": lista})


@behorighet("forbund.redigera")
def medlem_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return rad_formular(
        request,
        MedlemForm(request.POST or None),
        lambda d: karna.medlem_create(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda obj: f"{obj.namn} är registrerad som medlem.",
        tillbaka=reverse("forvaltning:medlemmar"),
        rubrik="Ny medlem",
    )


@behorighet("forbund.redigera")
def medlem_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    medlem = hamta(Medlem.objects.all(), kontext.forbund, pk=pk)
    return rad_formular(
        request,
        MedlemAndraForm(request.POST or None, instance=medlem),
        lambda d: karna.medlem_update(medlem=medlem, aktor=request.user, **d),
        ok=lambda obj: f"{obj.namn} är ändrad.",
        tillbaka=reverse("forvaltning:medlemmar"),
        rubrik=f"Ändra {medlem.namn}",
    )


@behorighet("forbund.visa")
def personer(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    lista = Person.objects.filter(forbund=kontext.forbund)  # Meta.ordering: last name, first name, Swedish order
    return render(request, "forvaltning/personer.html", {"personer": lista})


@behorighet("forbund.redigera")
def person_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    return rad_formular(
        request,
        PersonForm(request.POST or None),
        lambda d: karna.person_create(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda obj: f"{obj.namn} är registrerad.",
        tillbaka=reverse("forvaltning:personer"),
        rubrik="Ny person",
    )


@behorighet("forbund.redigera")
def person_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    person = hamta(Person.objects.all(), kontext.forbund, pk=pk)
    return rad_formular(
        request,
        PersonForm(request.POST or None, instance=person),
        lambda d: karna.person_andra(person=person, aktor=request.user, **d),
        ok=lambda obj: f"{obj.namn} är ändrad.",
        tillbaka=reverse("forvaltning:personer"),
        rubrik=f"Ändra {person.namn}",
    )
