"""Every insatser factory builds an object that passes the model's rules, with its parts in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.insatser.factories import AnsokanFactory, BeviljandeFactory, InsatsFactory, MalFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [InsatsFactory, AnsokanFactory, BeviljandeFactory, MalFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    obj = fabrik(forbund=forbund)
    obj.full_clean()
    assert obj.forbund == forbund
    for falt in ("insats", "paragraf", "agare_medlem", "ansvarig_medlem"):
        if getattr(obj, f"{falt}_id", None) is not None:
            assert getattr(obj, falt).forbund == forbund


def test_insatsens_parter_ar_forbundets_medlemmar(forbund: Forbund) -> None:
    insats = InsatsFactory(forbund=forbund, parter=("fk", "region"))
    assert sorted(m.kod for m in insats.parter.all()) == ["fk", "region"]
    assert {m.forbund_id for m in insats.parter.all()} == {forbund.pk}
