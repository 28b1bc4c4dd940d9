"""Every follow-up factory builds an object that passes the model's rules: the participant's intervention in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.uppfoljning.factories import DeltagareFactory, InskrivningFactory

pytestmark = pytest.mark.django_db


def test_deltagarfabriken(forbund: Forbund) -> None:
    d = DeltagareFactory(forbund=forbund)
    d.full_clean()
    assert d.forbund == forbund


def test_inskrivningsfabriken_haller_ihop_forbundet(forbund: Forbund) -> None:
    i = InskrivningFactory(forbund=forbund)
    i.full_clean()
    assert i.forbund == i.insats.forbund == i.deltagare.forbund == forbund
    assert (i.startar, i.slutar) == (2019, None)  # derived at save
