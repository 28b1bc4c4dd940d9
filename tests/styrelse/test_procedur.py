"""The procedure of a Swedish public board: motions, the chair's finding or a vote, and every outcome minuted with its own §."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from finsam.models import Handelse
from styrelse.models import Arende, Paragraf, Rost, Yrkande
from styrelse.pdf import protokoll_pdf
from styrelse.selectors import protokoll_data
from styrelse.services import beslut_fatta, sammantrade_andra, sammantrade_planera, sammantrade_stall_in

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    data = styrelse(forbund)
    data["mote"] = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 11, 28))
    for m in data["ledamot"].values():
        narvaro(data["mote"], m)
    data["ids"] = {k: m.person.pk for k, m in data["ledamot"].items()}
    return data


def _arende(s: dict[str, Any], **kw: Any) -> Arende:
    return ArendeFactory(
        sammantrade=s["mote"],
        rubrik=kw.pop("rubrik", "Projektansökan SIKT 2.0"),
        forslag=kw.pop("forslag", "bevilja medfinansiering enligt ansökan"),
        **kw,
    )


def _fatta(s: dict[str, Any], chef: Any, arende: Arende | None = None, **kw: Any) -> Paragraf:
    a = arende or _arende(s)
    return beslut_fatta(sammantrade=s["mote"], arende=a, aktor=chef, text="", beslut=kw.pop("beslut", "att " + a.forslag), **kw)


def _pdf_text(data: bytes) -> str:
    import io

    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_bifall_med_acklamation(s: dict[str, Any], chef: Any) -> None:
    p = _fatta(s, chef, yrkanden=[{"person": s["ids"]["af"], "typ": "bifall"}])
    assert (p.nummer, p.utfall, p.beslutsform, p.beslut) == (1, "bifall", "acklamation", "bevilja medfinansiering enligt ansökan")
    assert p.propositionsordning == ""  # only bifall: no counter-proposition
    assert list(p.yrkanden.values_list("person_id", "typ")) == [(s["ids"]["af"], "bifall")]


def test_avslag_med_acklamation_blir_beslut_med_egen_paragraf(s: dict[str, Any], chef: Any) -> None:
    p = _fatta(s, chef, utfall="avslag", yrkanden=[{"person": s["ids"]["fk"], "typ": "avslag", "text": "insatsen överlappar MISAM"}])
    assert (p.nummer, p.utfall, p.beslut) == (1, "avslag", "avslå förslaget att bevilja medfinansiering enligt ansökan")
    assert p.propositionsordning == (
        "Ordföranden ställer proposition på förslaget till beslut och avslagsyrkandet och finner att styrelsen avslår förslaget."
    )
    assert Yrkande.objects.get(paragraf=p).mening == "Ledamot fk yrkar avslag på förslaget med motiveringen: insatsen överlappar MISAM."
    assert not p.bifallen and not p.uppdrag.exists()


def test_nedrostat_forslag_protokollfors_som_avslag(s: dict[str, Any], chef: Any) -> None:
    ids = s["ids"]
    roster = {ids["skelleftea"]: "ja", ids["af"]: "ja", ids["region"]: "nej", ids["fk"]: "nej", ids["norsjo"]: "nej"}
    p = _fatta(
        s,
        chef,
        roster=roster,
        reservationer={ids["skelleftea"]: "Projektet behövs."},
        anteckningar={ids["af"]: "Frågan bör tas upp igen i höst."},
        yrkanden=[{"person": ids["region"], "typ": "avslag"}],
    )
    assert (p.utfall, p.beslutsform) == ("avslag", "votering")
    assert p.beslut == "avslå förslaget att bevilja medfinansiering enligt ansökan"
    assert p.omrostning == "Omröstning: 2 ja, 3 nej, 0 avstår (2/3-majoritet krävs: 4 av 5)."
    assert p.propositionsordning.startswith(
        "Ordföranden ställer proposition på förslaget till beslut och avslagsyrkandet. "
        "Votering begärs och verkställs: ja-röst för förslaget till beslut, nej-röst för avslag."
    )
    text = _pdf_text(protokoll_pdf(protokoll_data(s["mote"])))
    assert "Styrelsen beslutar att avslå förslaget att bevilja medfinansiering enligt ansökan." in text
    assert "Förslag till beslut" in text and "Ledamot region yrkar avslag på förslaget." in text
    assert "Omröstningsresultat" in text and "Ledamot fk Nej" in text
    assert "Ledamot skelleftea reserverar sig mot beslutet: Projektet behövs." in text
    assert "Ledamot af lämnar följande protokollsanteckning: Frågan bör tas upp igen i höst." in text


def test_andringsyrkande_som_bifalls(s: dict[str, Any], chef: Any) -> None:
    p = _fatta(
        s,
        chef,
        beslut="att bevilja medfinansiering med 40 000 kr per år",
        yrkanden=[{"person": s["ids"]["norsjo"], "typ": "andring", "text": "att bevilja 40 000 kr per år"}],
    )
    assert (p.utfall, p.beslut) == ("andrat", "bevilja medfinansiering med 40 000 kr per år")
    assert "ändringsyrkandet" in p.propositionsordning and "finner att styrelsen beslutar enligt ändringsyrkandet" in p.propositionsordning


def test_aterremiss_kraver_motivering_och_arendet_kommer_tillbaka(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    nasta = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2019, 12, 12))
    a = _arende(s)
    with pytest.raises(ValidationError, match="motiveringen för återremissen"):
        _fatta(s, chef, a, utfall="aterremiss")
    assert not Paragraf.objects.exists()
    p = _fatta(s, chef, a, utfall="aterremiss", motivering="ekonomiska konsekvenser ska redovisas")
    assert (p.nummer, p.utfall) == (1, "aterremiss")
    assert p.beslut == "återremittera ärendet till förbundschefen med motiveringen: ekonomiska konsekvenser ska redovisas"
    tillbaka = nasta.arenden.get(aterkommer_fran=p)
    assert (tillbaka.rubrik, tillbaka.forslag) == (a.rubrik, a.forslag)
    assert tillbaka.text.startswith("Återremitterat vid sammanträdet 2019-11-28, § 1.")
    # Before the closing standing items of the later agenda.
    rubriker = list(nasta.arenden.order_by("ordning").values_list("rubrik", flat=True))
    assert rubriker.index(a.rubrik) == rubriker.index("Informationsärenden") - 1


def test_bordlagt_arende_hamnar_pa_nasta_motes_dagordning_av_sig_sjalvt(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    a = _arende(s)
    p = _fatta(
        s, chef, a, yrkanden=[{"person": s["ids"]["region"], "typ": "bordlaggning", "text": "beredningsgruppen ska yttra sig"}], utfall="bordlagt"
    )
    assert p.beslut == "bordlägga ärendet till nästa sammanträde med motiveringen: beredningsgruppen ska yttra sig"
    # No later meeting yet: the item waits, and is on the agenda when the next meeting is planned.
    assert not Arende.objects.filter(aterkommer_fran=p).exists()
    nasta = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 2, 13))
    tillbaka = nasta.arenden.get(aterkommer_fran=p)
    assert tillbaka.text.startswith("Bordlagt vid sammanträdet 2019-11-28, § 1.")
    # Planned again later: not put twice.
    senare = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 5, 7))
    assert not senare.arenden.filter(aterkommer_fran=p).exists()


def test_jav_per_person_och_paragraf_skrivs_i_protokollet(s: dict[str, Any], chef: Any) -> None:
    ids = s["ids"]
    p = _fatta(s, chef, roster={ids["norsjo"]: "jav"})
    assert list(Rost.objects.filter(paragraf=p).values_list("person_id", "val")) == [(ids["norsjo"], "jav")]
    other = _fatta(s, chef, _arende(s, rubrik="Avtal med European Minds", forslag="teckna avtal"))
    assert not other.roster.exists()
    text = _pdf_text(protokoll_pdf(protokoll_data(s["mote"])))
    assert text.count("Ledamot norsjo anmäler jäv och deltar inte i handläggningen.") == 1
    assert Handelse.objects.get(handling="beslut_fatta", objekt_id=str(p.pk)).detaljer["beslutsforhet"] == (
        "Beslutsför: 4 av 5 röstberättigade närvarande (1 jäviga deltar inte)."
    )


def test_vagran_bara_for_det_lagen_forbjuder(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    ids = s["ids"]
    ersattare = narvaro(s["mote"], s["ersattare"]["fk"], kategori="ersattare")
    # A motion by someone without the right to vote.
    with pytest.raises(ValidationError, match="Bara den som har rösträtt vid paragrafen kan framställa yrkanden"):
        _fatta(s, chef, yrkanden=[{"person": ersattare.person_id, "typ": "avslag"}])
    # A vote that does not add up.
    with pytest.raises(ValidationError, match="Röst saknas för Ledamot norsjo"):
        _fatta(s, chef, roster={ids["skelleftea"]: "ja", ids["af"]: "ja", ids["region"]: "ja", ids["fk"]: "nej"})
    # A vote by someone without the right to vote.
    with pytest.raises(ValidationError, match="Bara röstberättigade närvarande får rösta"):
        _fatta(s, chef, roster={ersattare.person_id: "ja"})
    # No quorum.
    tom = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 11, 28))
    with pytest.raises(ValidationError, match="Inte beslutsför"):
        beslut_fatta(sammantrade=tom, arende=ArendeFactory(sammantrade=tom), aktor=chef, text="", beslut="att godkänna")
    assert not Paragraf.objects.exists() and not Yrkande.objects.exists() and not Rost.objects.exists()


def test_numreringen_foljer_motesdatum(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    senare = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 12, 12))
    for m in s["ledamot"].values():
        narvaro(senare, m)
    p = beslut_fatta(sammantrade=senare, arende=ArendeFactory(sammantrade=senare), aktor=chef, text="", beslut="att godkänna")
    assert p.nummer == 1
    with pytest.raises(ValidationError) as fel:
        _fatta(s, chef)
    assert fel.value.messages == [
        "Paragraferna numreras i sammanträdenas ordning under året. Styrelsemöte 2019-12-12 har redan paragrafer, så beslut "
        "kan inte längre registreras vid sammanträdet 2019-11-28."
    ]
    assert list(Paragraf.objects.values_list("nummer", flat=True)) == [1]
    # Another year is its own series.
    nasta_ar = SammantradeFactory(forbund=forbund, datum=dt.date(2020, 2, 13))
    for m in s["ledamot"].values():
        narvaro(nasta_ar, m)
    assert beslut_fatta(sammantrade=nasta_ar, arende=ArendeFactory(sammantrade=nasta_ar), aktor=chef, text="", beslut="").nummer == 1


def test_mote_med_paragrafer_kan_inte_flyttas_forbi_ett_senare_mote_med_paragrafer(s: dict[str, Any], chef: Any, forbund: Any) -> None:
    """Numbering follows the meeting date: moving a meeting that holds § 1 past one that holds § 2 would break it."""
    p1 = _fatta(s, chef)
    senare = SammantradeFactory(forbund=forbund, datum=dt.date(2019, 12, 12))
    for m in s["ledamot"].values():
        narvaro(senare, m)
    p2 = beslut_fatta(sammantrade=senare, arende=ArendeFactory(sammantrade=senare), aktor=chef, text="", beslut="att godkänna")
    assert (p1.nummer, p2.nummer) == (1, 2)
    with pytest.raises(ValidationError) as fel:
        sammantrade_andra(sammantrade=s["mote"], aktor=chef, datum=dt.date(2019, 12, 19))
    assert fel.value.messages == [
        "Paragraferna numreras i sammanträdenas ordning under året. Mötet har § 1 och kan inte flyttas förbi Styrelsemöte 2019-12-12, som har § 2."
    ]
    s["mote"].refresh_from_db()
    assert s["mote"].datum == dt.date(2019, 11, 28)
    # Within its place in the year it may still move (a corrected date).
    sammantrade_andra(sammantrade=s["mote"], aktor=chef, datum=dt.date(2019, 11, 29))
    s["mote"].refresh_from_db()
    assert s["mote"].datum == dt.date(2019, 11, 29)


def test_inget_beslut_vid_ett_installt_mote(s: dict[str, Any], chef: Any) -> None:
    """No stray paragraph in a meeting that was never held: a cancelled meeting takes no decision and no number."""
    sammantrade_stall_in(sammantrade=s["mote"], aktor=chef, orsak="för få kan delta")
    with pytest.raises(ValidationError) as fel:
        _fatta(s, chef)
    assert fel.value.messages == ["Mötet är inställt. Beslut registreras bara vid ett sammanträde som hålls."]
    assert not Paragraf.objects.exists() and not Rost.objects.exists()
