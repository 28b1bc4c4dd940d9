"""Every ekonomi factory builds an object that passes the model's rules, with its parts in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.ekonomi.factories import BudgetFactory, KontokopplingFactory, ParagrafFactory, SammantradeFactory, TilldelningFactory
from tests.finsam.factories import giltig_i_forbundet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [TilldelningFactory, KontokopplingFactory, BudgetFactory, SammantradeFactory, ParagrafFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    giltig_i_forbundet(fabrik(forbund=forbund), forbund, "medlem", "sammantrade")
