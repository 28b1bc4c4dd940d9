"""Every core factory builds an object that passes the model's own rules (full_clean)."""

from __future__ import annotations

import pytest

from finsam.models import Forbund, Medlem
from tests.finsam.factories import ForbundFactory, MedlemFactory, PersonFactory, UserFactory, giltig_i_forbundet

pytestmark = pytest.mark.django_db


def test_forbundfabriken_gar_genom_tjansten() -> None:
    f = ForbundFactory()
    f.full_clean()
    assert sorted(Medlem.objects.filter(forbund=f).values_list("kod", flat=True)) == ["af", "fk", "norsjo", "region", "skelleftea"]


@pytest.mark.parametrize("fabrik", [MedlemFactory, PersonFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    giltig_i_forbundet(fabrik(forbund=forbund), forbund)


def test_anvandarfabriken_ger_inloggningsbar_anvandare() -> None:
    user = UserFactory()
    user.full_clean()
    assert user.check_password("losenord-for-test")
