"""The agenda rows' buttons submit the page's one shared form (form="rad-atgard" + formaction) in a real browser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from finsam.models import RollTyp
from styrelse.models import Arende, Bilaga, Sammantrade
from tests import filer

from .factories import ArendeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_radernas_knappar_flyttar_tar_bort_och_laddar_upp(
    page: Page, live_server: Any, forbund: Any, anvandare: Callable[..., Any], logga_in: Callable[..., None], tmp_path: Any
) -> None:
    chef = anvandare(RollTyp.FORBUNDSCHEF)
    mote = Sammantrade.objects.create(forbund=forbund, datum=dt.date.today() + dt.timedelta(days=30))
    for i, rubrik in enumerate(["Budget", "Revision", "Övrigt"], start=1):
        ArendeFactory(sammantrade=mote, ordning=i, rubrik=rubrik)
    page.set_default_timeout(15_000)
    logga_in(page, chef.username)
    page.goto(f"{live_server.url}/styrelse/moten/{mote.pk}/")
    page.get_by_role("button", name="Flytta ned Budget").click()
    expect(page.get_by_text("Dagordningen är ändrad.")).to_be_visible()
    assert list(mote.arenden.order_by("ordning").values_list("rubrik", flat=True)) == ["Revision", "Budget", "Övrigt"]
    page.get_by_role("button", name="Ta bort Övrigt").click()
    expect(page.get_by_text("”Övrigt” togs bort.")).to_be_visible()
    assert not Arende.objects.filter(rubrik="Övrigt").exists()
    fil = tmp_path / "underlag.pdf"
    fil.write_bytes(filer.pdf("Underlag"))
    page.get_by_label("Bilaga till Budget").set_input_files(str(fil))
    page.locator("#arende-{} form".format(mote.arenden.get(rubrik="Budget").pk)).get_by_role("button", name="Ladda upp bilaga").click()
    expect(page.get_by_role("link", name="Bilaga 1: underlag.pdf")).to_be_visible()
    assert Bilaga.objects.get().arende.rubrik == "Budget"
