"""One door: the page and the API call the same service with the same arguments, so they refuse alike and save alike
(budget lines get their key and order in the service; PDF orders go through `rakenskaper_bestall` and need dokument.skapa)."""

from __future__ import annotations

import pytest

from ekonomi.models import Budgetrad
from ekonomi.services import budget_skapa
from finsam.models import Dokument, Handelse, RollTyp

from .factories import tilldelning

pytestmark = pytest.mark.django_db


def test_budgetrad_far_nyckel_och_ordning_i_tjansten_pa_sidan_och_i_api(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    tilldelning(forbund, ar=2020)
    b1 = budget_skapa(forbund=forbund, aktor=None, ar=2020)
    c = klient(RollTyp.FORBUNDSCHEF)
    rad = {"grupp": "administration", "text": "Extern revision", "belopp": "40000"}
    assert c.post(f"/ekonomi/budget/{b1.pk}/rad/", rad).status_code == 302
    svar = c.post(f"/api/ekonomi/budgetar/{b1.pk}/rader/", {**rad, "nyckel": "klientens-nyckel", "ordning": 1}, content_type="application/json")
    assert svar.status_code == 200
    rader = list(Budgetrad.objects.filter(budget=b1, text="Extern revision").order_by("id").values_list("nyckel", "ordning"))
    assert rader == [("adm-extern-revision", 300), ("adm-extern-revision-2", 300)]  # the client's key and order are not used


def test_rakenskaper_pdf_samma_vagran_pa_sida_och_api(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    c = klient(RollTyp.FORBUNDSCHEF)
    fore = Handelse.objects.count()
    sida = c.post("/ekonomi/rakenskaper/2019/pdf/", follow=True)
    api = c.post("/api/ekonomi/rakenskaper/2019/pdf/", content_type="application/json")
    meddelande = "Det finns ingen bokföring för 2019 att skapa räkenskaper av."
    assert meddelande in sida.content.decode() and api.status_code == 400 and meddelande in str(api.json())
    assert not Dokument.objects.exists() and Handelse.objects.count() == fore


@pytest.mark.parametrize("roll", [RollTyp.STYRELSELEDAMOT, RollTyp.REVISOR])
def test_ledamot_och_revisor_kan_inte_bestalla_pdf(forbund, klient, roll: str) -> None:  # type: ignore[no-untyped-def]
    c = klient(roll)
    for url in ("/ekonomi/rakenskaper/2019/pdf/", "/ekonomi/uppfoljning/2019/4/pdf/", "/api/ekonomi/rakenskaper/2019/pdf/"):
        assert c.post(url).status_code == 403, url
    assert not Dokument.objects.exists()
