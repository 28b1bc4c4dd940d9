"""The adoption rule other apps call: an annual report, a budget or a grant is adopted only by a matching § of a held meeting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from styrelse.models import Paragraf
from styrelse.regler import paragraf_for_faststallelse
from styrelse.services import beslut_fatta

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    data = styrelse(forbund)
    for datum in [dt.date(2019, 11, 28), dt.date(2020, 2, 13)]:
        mote = SammantradeFactory(forbund=forbund, datum=datum)
        for m in data["ledamot"].values():
            narvaro(mote, m)
        data[datum.year] = mote
    return data


def _p(s: dict[str, Any], chef: Any, ar: int, rubrik: str, forslag: str, **kw: Any) -> Paragraf:
    a = ArendeFactory(sammantrade=s[ar], rubrik=rubrik, forslag=forslag, typ=kw.pop("typ", "vanligt"), slag=kw.pop("slag", ""))
    return beslut_fatta(sammantrade=s[ar], arende=a, aktor=chef, text="", beslut=f"att {forslag}", **kw)


def test_arsredovisning(s: dict[str, Any], chef: Any) -> None:
    oppning = _p(s, chef, 2020, "Mötets öppnande", "förklara mötet öppnat", typ="standard")
    ar = _p(s, chef, 2020, "Årsredovisning, inklusive verksamhetsberättelse 2019", "godkänna årsredovisningen 2019")
    assert paragraf_for_faststallelse(ar, "arsredovisning", 2019) == ar
    with pytest.raises(ValidationError) as fel:
        paragraf_for_faststallelse(oppning, "arsredovisning", 2019)
    assert fel.value.messages == ["§ 1/2020 Mötets öppnande är inget ärende om årsredovisningen och kan inte fastställa årsredovisningen."]
    # Adopted at a meeting held before the year ended.
    tidig = _p(s, chef, 2019, "Årsredovisning 2019", "godkänna årsredovisningen")
    with pytest.raises(ValidationError, match="sammanträdet 2019-11-28 hölls innan året var slut"):
        paragraf_for_faststallelse(tidig, "arsredovisning", 2019)
    # A budget paragraph does not adopt an annual report.
    budget = _p(s, chef, 2019, "Verksamhetsplan och budget 2020", "fastställa budget 2020")
    with pytest.raises(ValidationError, match="inget ärende om årsredovisningen"):
        paragraf_for_faststallelse(budget, "arsredovisning", 2019)


def test_budget(s: dict[str, Any], chef: Any) -> None:
    budget = _p(s, chef, 2019, "Verksamhetsplan och budget 2020", "fastställa budget 2020")
    assert paragraf_for_faststallelse(budget, "budget", 2020) == budget
    with pytest.raises(ValidationError, match="hölls efter budgetårets slut"):
        paragraf_for_faststallelse(budget, "budget", 2018)


def test_bidrag_kraver_bifall_och_hallet_mote(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    bifall = _p(s, chef, 2019, "Projektansökan SIKT 2.0", "bevilja medfinansiering enligt ansökan")
    assert paragraf_for_faststallelse(bifall, "bidrag", 2020) == bifall
    avslag = _p(s, chef, 2019, "Ansökan om medel: Friskvård", "bevilja 240 000 kr", utfall="avslag")
    with pytest.raises(ValidationError, match=r"är inget bifall \(avslag\)"):
        paragraf_for_faststallelse(avslag, "bidrag", 2020)
    markerad = _p(s, chef, 2019, "Ny inriktning för Arbetsmarknadstorget", "godkänna ny inriktning", slag="bidrag")
    assert paragraf_for_faststallelse(markerad, "bidrag", 2020) == markerad
    # The budget decision that allocates the year's grants carries them; a standing item never does.
    budget = _p(s, chef, 2019, "Verksamhetsplan och budget 2020", "fastställa budget 2020\natt bevilja AMT 1 900 000 kr för 2020")
    assert paragraf_for_faststallelse(budget, "bidrag", 2020) == budget
    oppning = _p(s, chef, 2019, "Mötets öppnande", "förklara mötet öppnat", typ="standard")
    with pytest.raises(ValidationError, match="Mötets öppnande är inget ärende om bidraget"):
        paragraf_for_faststallelse(oppning, "bidrag", 2020)
    framtida = SammantradeFactory(forbund=forbund, datum=dt.date.today() + dt.timedelta(days=30))
    rad = Paragraf.objects.create(forbund=forbund, sammantrade=framtida, ar=framtida.datum.year, nummer=500, rubrik="Ansökan om medel")
    with pytest.raises(ValidationError, match="hör till ett sammanträde som inte har hållits"):
        paragraf_for_faststallelse(rad, "bidrag", framtida.datum.year)
