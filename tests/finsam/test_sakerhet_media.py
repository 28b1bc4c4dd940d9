"""Media files are never served by a static route: every file goes through a permission-checked view."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from finsam.models import Forbund, RollTyp
from styrelse.models import Handling, Handlingstyp

pytestmark = pytest.mark.django_db
INNEHALL = b"%PDF-1.7 hemligt innehall"


def _sekretess_handling(forbund: Forbund) -> Handling:
    typ = Handlingstyp.objects.create(forbund=forbund, namn="Skrivelse")
    h = Handling(
        forbund=forbund,
        ar=2020,
        lopnummer=1,
        riktning=Handling.Riktning.INKOMMANDE,
        datum=dt.date(2020, 2, 1),
        rubrik="Skrivelse om en deltagare",
        handlingstyp=typ,
        sekretess=True,
    )
    h.fil.save("skrivelse.pdf", ContentFile(INNEHALL), save=False)
    h.save()
    return h


def _innehall(svar: Any) -> bytes:
    if getattr(svar, "streaming", False):
        return b"".join(svar.streaming_content)
    return bytes(svar.content)


def test_media_sokvag_ger_ingen_fil_i_nagon_roll(forbund: Forbund, klient: Any) -> None:
    h = _sekretess_handling(forbund)
    sokvag = f"/media/{h.fil.name}"
    for c in (Client(), klient(RollTyp.STYRELSELEDAMOT), klient(RollTyp.FORBUNDSCHEF)):
        svar = c.get(sokvag)
        assert svar.status_code == 404
        assert INNEHALL not in _innehall(svar)


def test_nedladdning_kraver_inloggning_och_ratt_roll(forbund: Forbund, klient: Any) -> None:
    h = _sekretess_handling(forbund)
    url = f"/styrelse/diarium/{h.pk}/fil/"
    utloggad = Client().get(url)
    assert utloggad.status_code == 302 and utloggad["Location"].startswith("/logga-in/")
    fel_roll = klient(RollTyp.STYRELSELEDAMOT).get(url)
    assert fel_roll.status_code == 403 and INNEHALL not in _innehall(fel_roll)
    ratt = klient(RollTyp.FORBUNDSCHEF).get(url)
    assert ratt.status_code == 200 and _innehall(ratt) == INNEHALL
    assert ratt["Cache-Control"] == "no-store"
    assert ratt["Content-Disposition"] == f'attachment; filename="{h.fil.name.rsplit("/", 1)[-1]}"'


def test_x_accel_redirect_lamnar_sandningen_till_proxyn(forbund: Forbund, klient: Any, settings: Any) -> None:
    settings.FINSAM_FILSANDNING = "x-accel-redirect"
    h = _sekretess_handling(forbund)
    url = f"/styrelse/diarium/{h.pk}/fil/"
    svar = klient(RollTyp.FORBUNDSCHEF).get(url)
    assert svar.status_code == 200 and svar.content == b""
    assert svar["X-Accel-Redirect"] == f"/_skyddad/{h.fil.name}"
    assert svar["Content-Type"] == "application/pdf"
    # the permission is still checked first: a wrong role gets no header
    fel_roll = klient(RollTyp.STYRELSELEDAMOT).get(url)
    assert fel_roll.status_code == 403 and not fel_roll.has_header("X-Accel-Redirect")


def test_x_sendfile(forbund: Forbund, klient: Any, settings: Any) -> None:
    settings.FINSAM_FILSANDNING = "x-sendfile"
    h = _sekretess_handling(forbund)
    svar = klient(RollTyp.FORBUNDSCHEF).get(f"/styrelse/diarium/{h.pk}/fil/")
    assert svar.status_code == 200 and svar.content == b""
    assert svar["X-Sendfile"] == h.fil.path
