"""The participant import reads the encodings Swedish spreadsheet programs write (finsam.kodning, issue 15)."""

from __future__ import annotations

import codecs
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from finsam.models import Forbund
from tests.uppfoljning import factories as f
from uppfoljning.models import Inskrivning
from uppfoljning.services.importera import deltagare_import

TEXT = (
    "Insats;Deltagare_id;Kön;Födelseår;Remittent;Utbildning;Försörjning_in;Inskriven;Avslutad;Försörjning_ut;Samtycke\r\n"
    "ÄVA;Ö-001;Kvinna;1995;Arbetsförmedlingen;Gymnasiesärskola;Försörjningsstöd;2019-02-01;;;Ja\r\n"
)
KODNINGAR = {
    "utf-8": TEXT.encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    "cp1252": TEXT.encode("cp1252"),
    "iso-8859-1": TEXT.encode("latin-1"),
}
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kodning", KODNINGAR)
def test_varje_kodning_ger_samma_svenska_tecken(forbund: Forbund, chef: Any, kodning: str) -> None:
    f.insats(forbund, "ÄVA", namn="Ärlig väg till arbete")
    r = deltagare_import(forbund=forbund, aktor=chef, data=KODNINGAR[kodning], filnamn="deltagare.csv")
    assert (r.rader, r.nya) == (1, 1)
    rad = Inskrivning.objects.select_related("deltagare", "insats").get()
    assert (rad.deltagare.kod, rad.insats.kortnamn, rad.forsorjning_in, rad.utbildning) == ("Ö-001", "ÄVA", "forsorjningsstod", "gymnasiesarskola")


def test_oavgorbar_kodning_vagras_med_rad_om_hur_filen_sparas(forbund: Forbund, chef: Any) -> None:
    f.insats(forbund, "ÄVA", namn="Ärlig väg till arbete")
    with pytest.raises(ValidationError) as fel:
        deltagare_import(forbund=forbund, aktor=chef, data=bytes(range(128, 256)) * 4, filnamn="deltagare.csv")
    assert "Spara filen som ”CSV UTF-8 (kommaavgränsad)” i Excel" in fel.value.messages[0]
    assert not Inskrivning.objects.exists()
