"""The quarterly follow-up of a year imported without vouchers (SIE 2–3) is made from the file's period balances
(#PSALDO); a year with neither vouchers nor period balances (SIE 1) says the quarter cannot be shown."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ekonomi.models import Transaktion
from ekonomi.selectors import rakenskaper
from ekonomi.selectors.uppfoljning import kvartalsslut, kvartalsuppfoljning, utfall_till_datum
from ekonomi.services import bokforing_importera, budget_skapa
from finsam.models import RollTyp

from .test_sie_exempel import EXEMPEL

pytestmark = pytest.mark.django_db

MAMUT = EXEMPEL / "MAMUT_SIE2_EXPORT.SE"  # SIE 2, 2010, twelve monthly #PSALDO per account


def _psaldo_per_klass(tom: dt.date) -> dict[str, Decimal]:
    """Read straight from the file: the year's #PSALDO without object up to the month of `tom`, per statement line."""
    ut = {"intakter": Decimal(0), "kostnader": Decimal(0), "avskrivningar": Decimal(0), "finansiella": Decimal(0)}
    for rad in MAMUT.read_text(encoding="cp437").splitlines():
        f = rad.split()
        if f[:2] != ["#PSALDO", "0"] or f[4] != "{}" or int(f[2]) > tom.year * 100 + tom.month:
            continue
        konto = int(f[3])
        linje = (
            "intakter"
            if 3000 <= konto <= 3999
            else "avskrivningar"
            if 7800 <= konto <= 7899
            else "kostnader"
            if 4000 <= konto <= 7999
            else "finansiella"
            if 8000 <= konto <= 8989
            else None
        )
        if linje:
            ut[linje] += Decimal(f[5])
    return ut


def test_kvartalsuppfoljning_utan_verifikationer_bygger_pa_periodsaldon(forbund) -> None:  # type: ignore[no-untyped-def]
    imp = bokforing_importera(forbund=forbund, aktor=None, data=MAMUT.read_bytes(), filnamn=MAMUT.name)
    assert (imp.sietyp, imp.ar, imp.har_verifikationer) == ("2", 2010, False) and not Transaktion.objects.exists()
    for kvartal in (1, 2, 3, 4):
        tom = kvartalsslut(2010, kvartal)
        s, _ = utfall_till_datum(forbund, 2010, tom)
        forvantat = _psaldo_per_klass(tom)
        assert forvantat["intakter"] != 0 and forvantat["kostnader"] != 0
        assert {r: s.res(r) for r in forvantat} == forvantat, kvartal
        assert kvartalsuppfoljning(forbund, 2010, kvartal)["utfall_kalla"] == "periodsaldon"
    # The whole year's period balances are the year's result in the file (#RES).
    rs = rakenskaper(forbund, 2010)["resultatrakning"]
    s, _ = utfall_till_datum(forbund, 2010, kvartalsslut(2010, 4))
    assert -s.res("intakter") == rs["verksamhetens_intakter"] == Decimal("10480594.09")
    assert -(s.res("kostnader") + s.res("avskrivningar") + s.res("finansiella")) == (
        rs["verksamhetens_kostnader"] + rs["avskrivningar"] + rs["finansiella_poster"]
    )


def test_kvartalsuppfoljningens_sida_sager_att_utfallet_ar_periodsaldon(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    bokforing_importera(forbund=forbund, aktor=None, data=MAMUT.read_bytes(), filnamn=MAMUT.name)
    budget_skapa(forbund=forbund, aktor=None, ar=2010)
    u = kvartalsuppfoljning(forbund, 2010, 2)
    ej_budgeterat = -_psaldo_per_klass(dt.date(2010, 6, 30))["intakter"]
    assert u["summa_intakter"]["utfall"] == ej_budgeterat
    sida = klient(RollTyp.FORBUNDSCHEF).get("/ekonomi/uppfoljning/2010/2/").content.decode()
    assert "utfallet bygger på filens periodsaldon (#PSALDO) för månaderna till och med juni" in sida


def test_sie1_utan_periodsaldon_sager_att_kvartalet_inte_kan_visas(forbund, klient) -> None:  # type: ignore[no-untyped-def]
    bokforing_importera(forbund=forbund, aktor=None, data=(EXEMPEL / "BL0001_typ1.SE").read_bytes(), filnamn="BL0001_typ1.SE")
    budget_skapa(forbund=forbund, aktor=None, ar=2010)
    assert kvartalsuppfoljning(forbund, 2010, 2)["utfall_kalla"] == "saknas"
    sida = klient(RollTyp.FORBUNDSCHEF).get("/ekonomi/uppfoljning/2010/2/").content.decode()
    assert "utan verifikationer och utan periodsaldon (SIE typ 1); utfallet per kvartal kan inte visas" in sida
