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
from finsam.web import behorighet, formular_handling

from ..forms import MedlemAndraForm, MedlemForm, PersonForm


@behorighet("forbund.visa")
def medlemmar(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    lista = Medlem.objects.filter(forbund=kontext.forbund).order_by("ordning", svensk("namn"))
    return render(request, "forvaltning/medlemmar.html", {"medlemmar": lista})


@behorighet("forbund.redigera")
def medlem_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = MedlemForm(request.POST or None)
    return formular_handling(
        request,
        form,
        lambda d: karna.medlem_create(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda m: f"{m.namn} är registrerad som medlem.",
        till=reverse("forvaltning:medlemmar"),
        mall="forvaltning/enkel_form.html",
        sammanhang={"rubrik": "Ny medlem", "tillbaka": reverse("forvaltning:medlemmar")},
    )


@behorighet("forbund.redigera")
def medlem_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    medlem = hamta(Medlem.objects.all(), kontext.forbund, pk=pk)
    form = MedlemAndraForm(request.POST or None, instance=medlem)
    return formular_handling(
        request,
        form,
        lambda d: karna.medlem_update(medlem=medlem, aktor=request.user, **d),
        ok=lambda m: f"{m.namn} är ändrad.",
        till=reverse("forvaltning:medlemmar"),
        mall="forvaltning/enkel_form.html",
        sammanhang={"rubrik": f"Ändra {medlem.namn}", "tillbaka": reverse("forvaltning:medlemmar")},
    )


@behorighet("forbund.visa")
def personer(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    lista = Person.objects.filter(forbund=kontext.forbund)  # Meta.ordering: last name, first name, Swedish order
    return render(request, "forvaltning/personer.html", {"personer": lista})


@behorighet("forbund.redigera")
def person_ny(request: HttpRequest, kontext: Kontext) -> HttpResponseBase:
    form = PersonForm(request.POST or None)
    return formular_handling(
        request,
        form,
        lambda d: karna.person_create(forbund=kontext.forbund, aktor=request.user, **d),
        ok=lambda p: f"{p.namn} är registrerad.",
        till=reverse("forvaltning:personer"),
        mall="forvaltning/enkel_form.html",
        sammanhang={"rubrik": "Ny person", "tillbaka": reverse("forvaltning:personer")},
    )


@behorighet("forbund.redigera")
def person_andra(request: HttpRequest, kontext: Kontext, pk: int) -> HttpResponseBase:
    person = hamta(Person.objects.all(), kontext.forbund, pk=pk)
    form = PersonForm(request.POST or None, instance=person)
    return formular_handling(
        request,
        form,
        lambda d: karna.person_andra(person=person, aktor=request.user, **d),
        ok=lambda p: f"{p.namn} är ändrad.",
        till=reverse("forvaltning:personer"),
        mall="forvaltning/enkel_form.html",
        sammanhang={"rubrik": f"Ändra {person.namn}", "tillbaka": reverse("forvaltning:personer")},
    )
