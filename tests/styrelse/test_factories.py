"""Every board factory builds an object that passes the model's rules, with its parts in the same förbund."""

from __future__ import annotations

import pytest

from finsam.models import Forbund
from tests.finsam.factories import giltig_i_forbundet
from tests.styrelse.factories import ArendeFactory, MandatFactory, ParagrafFactory, PersonFactory, SammantradeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("fabrik", [PersonFactory, SammantradeFactory, ParagrafFactory, MandatFactory])
def test_fabrikerna_ger_giltiga_objekt_i_forbundet(forbund: Forbund, fabrik: type) -> None:
    giltig_i_forbundet(fabrik(forbund=forbund), forbund, "sammantrade", "person", "medlem")


def test_arendefabriken_tar_motets_forbund(forbund: Forbund) -> None:
    arende = ArendeFactory(sammantrade=SammantradeFactory(forbund=forbund))
    arende.full_clean()
    assert arende.forbund == forbund and "@" not in PersonFactory(forbund=forbund, namn="Ersättare Å").epost.split("@")[0]
