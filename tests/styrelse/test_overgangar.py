"""A meeting's status moves only along SAMMANTRADE_OVERGANGAR, checked in one place (Sammantrade.kontrollera_overgang);
a forbidden move is refused with a Swedish message and changes nothing; templates use the model's properties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from styrelse.models import Paragraf, Sammantrade
from styrelse.models.mote import SAMMANTRADE_OVERGANGAR
from styrelse.services import mote_avsluta, sammantrade_stall_in

from .factories import SammantradeFactory

pytestmark = pytest.mark.django_db
S = Sammantrade.Status


def test_kartan_tacker_varje_status_och_slutlagen_ar_slutgiltiga() -> None:
    assert set(SAMMANTRADE_OVERGANGAR) == set(S.values)
    assert SAMMANTRADE_OVERGANGAR[S.JUSTERAT] == set() and SAMMANTRADE_OVERGANGAR[S.INSTALLT] == set()


@pytest.mark.parametrize(
    ("fran", "till", "meddelande"),
    [
        (S.INSTALLT, S.GENOMFORT, "Mötet är inställt."),
        (S.INSTALLT, S.INSTALLT, "Mötet är redan inställt."),
        (S.JUSTERAT, S.INSTALLT, "Protokollet är justerat och låst; mötets status kan inte ändras."),
        (S.GENOMFORT, S.INSTALLT, "Mötet har beslut och kan inte ställas in."),
        (S.GENOMFORT, S.KALLAT, "Mötet är redan genomfört."),
        (S.PLANERAT, S.JUSTERAT, "Mötet måste vara avslutat innan protokollet kan justeras."),
        (S.KALLAT, S.PLANERAT, "Ett sammanträde med status kallelse skickad kan inte få status planerat."),
    ],
)
def test_otillaten_overgang_vagras_pa_svenska(forbund: Any, fran: str, till: str, meddelande: str) -> None:
    mote = SammantradeFactory(forbund=forbund, status=fran)
    with pytest.raises(ValidationError) as fel:
        mote.kontrollera_overgang(till)
    assert fel.value.messages == [meddelande]


def test_installt_mote_med_beslut_kan_inte_avslutas(forbund: Any) -> None:
    mote = SammantradeFactory(forbund=forbund, datum=dt.date(2020, 3, 5))
    sammantrade_stall_in(sammantrade=mote, aktor=None, orsak="för få kan delta")
    # a decision registered on the cancelled meeting afterwards must not make it "held" (it did before the map)
    Paragraf.objects.create(forbund=forbund, sammantrade=mote, ar=2020, nummer=1, rubrik="Mötets öppnande")
    with pytest.raises(ValidationError, match=r"Mötet är inställt\."):
        mote_avsluta(sammantrade=mote, aktor=None)
    mote.refresh_from_db()
    assert mote.status == S.INSTALLT and mote.avslutat is None


def test_egenskaper_for_mallarna(forbund: Any) -> None:
    planerat = SammantradeFactory(forbund=forbund, status=S.PLANERAT)
    installt = SammantradeFactory(forbund=forbund, status=S.INSTALLT)
    justerat = SammantradeFactory(forbund=forbund, status=S.JUSTERAT)
    assert (planerat.kan_kallas, planerat.kan_stallas_in, planerat.kan_avslutas, planerat.ar_installt) == (True, True, True, False)
    assert (installt.kan_kallas, installt.kan_stallas_in, installt.kan_avslutas, installt.ar_installt) == (False, False, False, True)
    assert (justerat.kan_kallas, justerat.status_klass, planerat.status_klass) == (False, "klar", "info")


def test_mallarna_jamfor_inga_statussträngar() -> None:
    mallar = Path(__file__).resolve().parents[2] / "styrelse" / "templates"
    jamforelser = [f"status {op} {q}{s}{q}" for op in ("==", "!=") for q in "'\"" for s in S.values]
    traffar = [str(p) for p in mallar.rglob("*.html") for j in jamforelser if j in p.read_text(encoding="utf-8")]
    assert traffar == []
