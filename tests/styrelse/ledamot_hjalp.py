"""Shared test helpers for the board member's side (issue 19)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.test import Client
from django.utils import timezone

from finsam.models import Forbund, RollTyp
from styrelse.models import Mandat, Narvaro, Sammantrade
from styrelse.services import beslut_fatta, mote_avsluta, sammantrade_andra, sammantrade_planera

from .factories import narvaro

LOSENORD = "losenord-for-test"  # tests/conftest.py: every test user's password


def koppla(anvandare: Callable[..., Any], mandat_eller_person: Any, username: str, roll: str = RollTyp.STYRELSELEDAMOT) -> Any:
    """A user with a role, linked to the board member's person record."""
    user = anvandare(roll, username=username)
    person = mandat_eller_person.person if isinstance(mandat_eller_person, Mandat) else mandat_eller_person
    person.user = user
    person.save(update_fields=["user"])
    return user


def inloggad(user: Any) -> Client:
    c = Client()
    c.force_login(user)
    return c


def genomfort_mote(forbund: Forbund, chef: Any, s: dict[str, Any], datum: dt.date | None = None) -> Sammantrade:
    """A meeting today with all five ledamöter, every item decided, chair/secretary/justerare set, closed."""
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=datum or timezone.localdate(), mall="standard")
    for m in s["ledamot"].values():
        narvaro(mote, m)
    Narvaro.objects.create(forbund=forbund, sammantrade=mote, person=s["chef"], kategori="tjansteperson", funktion="Förbundschef")
    for a in mote.arenden.order_by("ordning"):  # the justerare are elected at "Val av justerare"
        val = [s["ledamot"]["af"].person] if a.rubrik.lower().startswith("val av justerare") else None
        beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text=a.text, beslut="\n".join(a.forslag_satser), justerare=val)
    sammantrade_andra(sammantrade=mote, aktor=chef, ordforande=s["ledamot"]["skelleftea"].person, sekreterare=s["chef"])
    mote_avsluta(sammantrade=mote, aktor=chef)
    mote.refresh_from_db()
    return mote
