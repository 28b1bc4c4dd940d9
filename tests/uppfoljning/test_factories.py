"""Every follow-up factory builds an object that passes the model's rules: the participant's intervention in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.finsam.factories import giltig_i_forbundet
from tests.uppfoljning.factories import DeltagareFactory, InskrivningFactory

pytestmark = pytest.mark.django_db


def test_deltagarfabriken(forbund: Forbund) -> None:
    giltig_i_forbundet(DeltagareFactory(forbund=forbund), forbund)


def test_inskrivningsfabriken_haller_ihop_forbundet(forbund: Forbund) -> None:
    i = InskrivningFactory(forbund=forbund)
    giltig_i_forbundet(i, forbund, "insats", "deltagare")
    assert (i.startar, i.slutar) == (2019, None)  # derived at save
