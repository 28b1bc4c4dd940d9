"""Every insatser factory builds an object that passes the model's rules, with its parts in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.finsam.factories import giltig_i_forbundet
from tests.insatser.factories import AnsokanFactory, BeviljandeFactory, InsatsFactory, MalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [InsatsFactory, AnsokanFactory, BeviljandeFactory, MalFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    giltig_i_forbundet(fabrik(forbund=forbund), forbund, "insats", "paragraf", "agare_medlem", "ansvarig_medlem")


def test_insatsens_parter_ar_forbundets_medlemmar(forbund: Forbund) -> None:
    insats = InsatsFactory(forbund=forbund, parter=("fk", "region"))
    assert sorted(m.kod for m in insats.parter.all()) == ["fk", "region"]
    assert {m.forbund_id for m in insats.parter.all()} == {forbund.pk}
