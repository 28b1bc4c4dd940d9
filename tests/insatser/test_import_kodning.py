"""The intervention import reads the encodings Swedish spreadsheet programs write (finsam.kodning, issue 15)."""

from __future__ import annotations

import codecs

import pytest

from finsam.models import Forbund
from insatser.models import Insats
from insatser.services.importera import importera

TEXT = (
    "kortnamn;namn;typ;inriktning;startdatum;slutdatum;agare;parter\n"
    "ÅTER;Återgång i arbete för äldre i Östra länet;ordinarie;individ;2020-01-01;;skelleftea;fk,skelleftea\n"
)
KODNINGAR = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "utf-16": TEXT.encode("utf-16"),  # Excel's "Unicode text"
    "cp1252": TEXT.encode("cp1252"),
    "iso-8859-1": TEXT.encode("latin-1"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kodning", KODNINGAR)
def test_varje_kodning_ger_samma_svenska_tecken(forbund: Forbund, kodning: str) -> None:
    resultat = importera(forbund=forbund, aktor=None, innehall=KODNINGAR[kodning], filnamn="insatser.csv")
    assert resultat.ok, resultat.fel
    assert Insats.objects.get(forbund=forbund, kortnamn="ÅTER").namn == "Återgång i arbete för äldre i Östra länet"


@pytest.mark.django_db
def test_oavgorbar_kodning_vagras_med_rad_om_hur_filen_sparas(forbund: Forbund) -> None:
    resultat = importera(forbund=forbund, aktor=None, innehall=bytes(range(128, 256)) * 4, filnamn="insatser.csv")
    assert not resultat.ok and "Spara filen som ”CSV UTF-8 (kommaavgränsad)” i Excel" in resultat.fel[0]
    assert not Insats.objects.exists()
