"""The year a page shows comes from one helper (finsam.granser.ar_fran) with the bounds of finsam.granser:
a year inside them is shown as asked, one outside is refused (400), never silently moved to another year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import timezone

from finsam.granser import AR_MAX, AR_MIN, Gransfel, ar_fran
from finsam.models import Dokument

ROT = Path(__file__).resolve().parents[2]


def test_ar_fran_lasar_fragan_sedan_formularet_sedan_standard() -> None:
    rf = RequestFactory()
    assert ar_fran(rf.get("/", {"ar": "1999"})) == 1999
    assert ar_fran(rf.post("/", {"ar": "2150"})) == 2150
    assert ar_fran(rf.get("/"), 2017) == 2017
    assert ar_fran(rf.get("/", {"ar": ""})) == timezone.localdate().year
    for fel in (str(AR_MIN - 1), str(AR_MAX + 1), "tjugotjugo"):
        with pytest.raises(Gransfel):
            ar_fran(rf.post("/", {"ar": fel}))


def test_ingen_app_har_en_egen_kopia() -> None:
    kopior = []
    for fil in ROT.glob("*/**/*.py"):
        if ".venv" in fil.parts or fil.parts[len(ROT.parts)] == "tests":
            continue
        text = fil.read_text(encoding="utf-8")
        if re.search(r"max\(\s*2000,\s*min\(\s*2100", text) or re.search(r"^def (ar_fran|_ar)\(request", text, re.M):
            kopior.append(str(fil.relative_to(ROT)))
    assert kopior == ["finsam/granser.py"]


@pytest.mark.django_db
def test_sidan_visar_aret_som_efterfragas(chef_klient) -> None:  # type: ignore[no-untyped-def]
    svar = chef_klient.get("/ekonomi/rakenskaper/?ar=1999")  # was silently shown as 2000
    assert svar.status_code == 200 and "Räkenskaper 1999" in svar.content.decode()


@pytest.mark.django_db
def test_postat_ar_utanfor_granserna_vagras_och_inget_bestalls(chef_klient) -> None:  # type: ignore[no-untyped-def]
    svar = chef_klient.post("/organisation/organisationsblad/", {"ar": "2500"})  # was ordered for 2100
    assert svar.status_code == 400
    assert f"ange ett år mellan {AR_MIN} och {AR_MAX}" in svar.content.decode()
    assert not Dokument.objects.exists()
