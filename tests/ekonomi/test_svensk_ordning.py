"""Swedish order in ekonomi: the members' discharge decisions on the audit page.

(The auditors' reports follow the appointing member's place in the statutes since auditors became
appointments (forvaltning.Revisor), so they are no longer ordered by a free-text name.)"""

from __future__ import annotations

from django.test import Client

from finsam.models import Forbund, Medlem
from tests.finsam.test_sortering import INDATA, SVENSK


def test_ansvarsfrihet_per_medlem_i_svensk_ordning(forbund: Forbund, chef_klient: Client) -> None:
    for i, namn in enumerate(INDATA):
        Medlem.objects.create(forbund=forbund, namn=namn, typ=Medlem.Typ.KOMMUN, kod=f"k{i}", ordning=99)
    sida = chef_klient.get("/ekonomi/revision/2019/")
    assert [m.namn for m, _ in sida.context["ansvarsfrihet"] if m.ordning == 99] == SVENSK
