"""Shared fixtures: a förbund with members, another förbund, one user and client per role."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from finsam.models import Forbund, RollTyp
from finsam.services import forbund_create, roll_tilldela

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

ROLLER = [RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR, RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR]


@pytest.fixture
def forbund(db: Any) -> Forbund:
    return forbund_create(
        slug="skelleftea-norsjo", namn="Samordningsförbundet Skellefteå-Norsjö", region="Region Västerbotten",
        kommuner=["Skellefteå", "Norsjö"], diarieprefix="SFSN",
    )


@pytest.fixture
def annat_forbund(db: Any) -> Forbund:
    return forbund_create(slug="annat", namn="Samordningsförbundet Annat", region="Region Annat", kommuner=["Annanstad"])


@pytest.fixture
def anvandare(forbund: Forbund) -> Callable[..., Any]:
    """anvandare(roll, forbund=None, username=None) → a user with that role."""
    User = get_user_model()

    def make(roll: str, forbund_: Forbund | None = None, username: str | None = None) -> Any:
        f = forbund_ or forbund
        name = username or f"{roll}-{f.slug}"
        user = User.objects.filter(username=name).first() or User.objects.create_user(
            username=name, password="losenord-for-test", email=f"{name}@example.se"
        )
        roll_tilldela(forbund=f, aktor=None, user=user, roll=roll)
        return user

    return make


@pytest.fixture
def klient(anvandare: Callable[..., Any]) -> Callable[..., Client]:
    """klient(roll) → a logged-in Django test client for a user with that role."""

    def make(roll: str, forbund_: Forbund | None = None) -> Client:
        c = Client()
        c.force_login(anvandare(roll, forbund_))
        return c

    return make


@pytest.fixture
def chef(anvandare: Callable[..., Any]) -> Any:
    return anvandare(RollTyp.FORBUNDSCHEF)


@pytest.fixture
def chef_klient(klient: Callable[..., Client]) -> Client:
    return klient(RollTyp.FORBUNDSCHEF)
