"""Factories for the core: förbund (through the service, with its members), members, people and users.

`GiltigFactory` is the base of every model factory in the tests: it builds the object, runs the model's own
rules (`full_clean()`, constraints included) and only then saves, so a factory can never store what the
services would refuse. Tenant-owned objects take their related objects from the same förbund
(`factory.SelfAttribute("..forbund")`), so nothing crosses förbund by accident.
"""

from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.db import models

from finsam.models import Forbund, Medlem, Person
from finsam.services import forbund_create

LOSENORD = "losenord-for-test"


class GiltigFactory(factory.django.DjangoModelFactory):
    """Create through the model's rules: full_clean() before save()."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class: type[models.Model], *args: Any, **kwargs: Any) -> Any:
        obj = model_class(*args, **kwargs)
        obj.full_clean()
        obj.save()
        return obj


class ForbundFactory(factory.django.DjangoModelFactory):
    """A förbund made by `forbund_create` (FK, AF, the region and the municipalities as members, audited)."""

    class Meta:
        model = Forbund

    slug = factory.Sequence(lambda n: f"forbund-{n}")
    namn = factory.LazyAttribute(lambda o: f"Samordningsförbundet {o.slug.title()}")
    region = "Region Västerbotten"
    kommuner = ("Skellefteå", "Norsjö")
    diarieprefix = "SF"

    @classmethod
    def _create(cls, model_class: type[Forbund], *args: Any, **kwargs: Any) -> Forbund:
        kwargs["kommuner"] = list(kwargs["kommuner"])
        return forbund_create(**kwargs)


def medlem(forbund: Forbund, kod: str) -> Medlem:
    """One of the members `forbund_create` made (`fk`, `af`, `region`, `skelleftea`, `norsjo`, …)."""
    return Medlem.objects.get(forbund=forbund, kod=kod)


def kommun(forbund: Forbund) -> Medlem:
    """The förbund's first member municipality (every förbund has one: `forbund_create` requires it)."""
    return Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN).order_by("ordning", "pk")[0]


class MedlemFactory(GiltigFactory):
    class Meta:
        model = Medlem

    forbund = factory.SubFactory(ForbundFactory)
    typ = Medlem.Typ.KOMMUN
    kod = factory.Sequence(lambda n: f"kommun{n}")
    namn = factory.LazyAttribute(lambda o: f"{o.kod.title()} kommun")
    ordning = factory.Sequence(lambda n: 10 + n)


class PersonFactory(GiltigFactory):
    class Meta:
        model = Person

    forbund = factory.SubFactory(ForbundFactory)
    namn = factory.Sequence(lambda n: f"Person {n}")
    epost = factory.LazyAttribute(lambda o: f"{o.namn.lower().replace(' ', '.')}@example.se")


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the test password (roles come from `roll_tilldela`, e.g. the `anvandare` fixture)."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"anvandare{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.se")
    password = factory.django.Password(LOSENORD)


def giltig_i_forbundet(obj: Any, forbund: Forbund, *relationer: str) -> None:
    """Assert what every factory test asserts: the model's rules pass, and the object and its related objects
    (`relationer`, those that are set) belong to `forbund`."""
    obj.full_clean()
    assert obj.forbund == forbund
    for falt in relationer:
        if getattr(obj, f"{falt}_id", None) is not None:
            assert getattr(obj, falt).forbund == forbund, falt
