"""Every reports factory builds an object that passes the model's rules."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.finsam.factories import giltig_i_forbundet
from tests.rapporter.factories import ForbundsmalFactory, RapporttextFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [ForbundsmalFactory, RapporttextFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    giltig_i_forbundet(fabrik(forbund=forbund), forbund)
