"""Every ekonomi factory builds an object that passes the model's rules, with its parts in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.ekonomi.factories import BudgetFactory, KontokopplingFactory, ParagrafFactory, SammantradeFactory, TilldelningFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [TilldelningFactory, KontokopplingFactory, BudgetFactory, SammantradeFactory, ParagrafFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    obj = fabrik(forbund=forbund)
    obj.full_clean()
    assert obj.forbund == forbund
    for falt in ("medlem", "sammantrade"):
        if getattr(obj, f"{falt}_id", None) is not None:
            assert getattr(obj, falt).forbund == forbund
