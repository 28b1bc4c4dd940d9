"""Remote participation (KL 6 kap. 24 §) and extra meetings at short notice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from finsam.documents.render import render_html
from finsam.models import Handelse
from styrelse import selectors
from styrelse.models import Beslutsregler, Distansdeltagande, ExtraSammantrade, Paragraf, Sammantrade
from styrelse.services import beslut_fatta, kallelse_skicka, sammantrade_planera
from styrelse.services.bradskande import distans_registrera, distansregler_andra, extra_sammantrade_kalla
from tests.api_fel import api_fel

from .factories import ArendeFactory, SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def _tillat(forbund: Any, chef: Any) -> Paragraf:
    tidigare = SammantradeFactory(forbund=forbund, datum=dt.date(2026, 1, 15))
    p = Paragraf.objects.create(forbund=forbund, sammantrade=tidigare, ar=2026, nummer=4, rubrik="Deltagande på distans")
    distansregler_andra(forbund=forbund, aktor=chef, tillaten=True, beslut=p)
    return p


def _mote_med_tva_pa_plats_och_en_pa_distans(forbund: Any, s: dict[str, Any]) -> tuple[Sammantrade, Any]:
    mote = SammantradeFactory(forbund=forbund)
    narvaro(mote, s["ledamot"]["skelleftea"])
    narvaro(mote, s["ledamot"]["af"])
    return mote, narvaro(mote, s["ledamot"]["region"])


def test_beslutsfort_med_deltagare_pa_distans_nar_styrelsen_tillatit_det(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    _tillat(forbund, chef)
    mote, pa_distans = _mote_med_tva_pa_plats_och_en_pa_distans(forbund, s)
    d = distans_registrera(narvaro=pa_distans, aktor=chef)
    a = ArendeFactory(sammantrade=mote, rubrik="Budget")
    p = beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text="", beslut="att godkänna budgeten")
    assert Handelse.objects.get(handling="beslut_fatta", objekt_id=str(p.pk)).detaljer["beslutsforhet"] == (
        "Beslutsför: 3 av 5 röstberättigade närvarande."
    )
    assert Handelse.objects.get(handling="distans_registrera").detaljer["person"] == "Ledamot region"
    # The minutes say so.
    html = " ".join(render_html("styrelse/pdf/protokoll.html", {**selectors.protokoll_data(mote), "titel": "P", "skapad": mote.datum}).split())
    assert "Deltog på distans med ljud och bild (kommunallagen 6 kap. 24 §, styrelsens beslut § 4/2026): Ledamot region." in html, html[:3000]
    assert d.paragrafer_text == ""


def test_distans_nekas_nar_styrelsen_inte_tillatit_det_och_raknas_inte(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    mote, pa_distans = _mote_med_tva_pa_plats_och_en_pa_distans(forbund, s)
    with pytest.raises(ValidationError, match="Styrelsen har inte beslutat att ledamöter får delta på distans"):
        distans_registrera(narvaro=pa_distans, aktor=chef)
    assert not Distansdeltagande.objects.exists() and not Handelse.objects.filter(handling="distans_registrera").exists()
    # Registered while it was allowed, then the board withdrew the permission: the remote participant no longer counts.
    p = _tillat(forbund, chef)
    distans_registrera(narvaro=pa_distans, aktor=chef)
    distansregler_andra(forbund=forbund, aktor=chef, tillaten=False, beslut=p)
    a = ArendeFactory(sammantrade=mote)
    with pytest.raises(ValidationError, match="Inte beslutsför: 2 röstberättigade närvarande, minst 3 av 5 krävs"):
        beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text="", beslut="att godkänna")
    assert not Paragraf.objects.filter(sammantrade=mote).exists()


def test_distans_for_vissa_paragrafer(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    _tillat(forbund, chef)
    mote, pa_distans = _mote_med_tva_pa_plats_och_en_pa_distans(forbund, s)
    d = distans_registrera(narvaro=pa_distans, aktor=chef, fran_nummer=2, till_nummer=3)
    assert (d.pa_distans_vid(1), d.pa_distans_vid(2), d.pa_distans_vid(3), d.paragrafer_text) == (False, True, True, "§ 2 – § 3")
    with pytest.raises(ValidationError, match="Sista paragrafen kan inte vara före den första"):
        distans_registrera(narvaro=pa_distans, aktor=chef, fran_nummer=3, till_nummer=2)
    tjp = narvaro(mote, s["ersattare"]["fk"], kategori="ersattare")
    tjp.kategori = "tjansteperson"
    tjp.save()
    with pytest.raises(ValidationError, match="gäller ledamöter och ersättare"):
        distans_registrera(narvaro=tjp, aktor=chef)


def test_distansregler_kraver_beslutsparagraf(forbund: Any, chef: Any) -> None:
    with pytest.raises(ValidationError, match="Ange beslutet"):
        distansregler_andra(forbund=forbund, aktor=chef, tillaten=True, beslut=None)
    assert not Beslutsregler.objects.filter(forbund=forbund, distans_tillaten=True).exists()


def test_distans_sida_och_api_nekar_lika(forbund: Any, chef: Any, s: dict[str, Any], chef_klient: Any) -> None:
    """Parity: page and API refuse remote participation without the board's decision with the same message."""
    mote, pa_distans = _mote_med_tva_pa_plats_och_en_pa_distans(forbund, s)
    meddelande = "Styrelsen har inte beslutat att ledamöter får delta på distans (kommunallagen 6 kap. 24 §)."
    sida = chef_klient.post(f"/styrelse/moten/{mote.pk}/distans/", {"narvaro": pa_distans.pk})
    assert sida.status_code == 400 and meddelande in sida.content.decode()
    api = chef_klient.post("/api/styrelse/distans/", {"narvaro": pa_distans.pk}, content_type="application/json")
    assert api.status_code == 400 and meddelande in str(api.json())
    assert not Distansdeltagande.objects.exists()
    _tillat(forbund, chef)
    api = chef_klient.post("/api/styrelse/distans/", {"narvaro": pa_distans.pk, "fran_nummer": 1}, content_type="application/json")
    assert api.status_code == 201 and api.json()["person"] == pa_distans.person_id
    assert "Ledamot region deltar på distans (ljud och bild) från § 1." in chef_klient.get(f"/styrelse/moten/{mote.pk}/").content.decode()


def test_extra_sammantrade_med_forkortad_kallelsetid(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    idag = timezone.localdate()
    mote = extra_sammantrade_kalla(
        forbund=forbund,
        aktor=chef,
        datum=idag + dt.timedelta(days=2),
        skal="Ansökan till ESF stänger fredag",
        begart_av="Ordföranden",
        kallelsetid_dagar=2,
        arenden=["Medfinansiering av ESF-projekt", " "],
        plats="Distans (Teams)",
    )
    extra = ExtraSammantrade.objects.get(sammantrade=mote)
    assert (extra.kallelsetid_dagar, extra.ordinarie_kallelsetid_dagar, extra.begart_av) == (2, 7, "Ordföranden")
    assert list(mote.arenden.values_list("rubrik", flat=True)) == ["Medfinansiering av ESF-projekt"]
    kallelse_skicka(sammantrade=mote, aktor=chef)  # two days' notice is enough for this meeting
    assert len(mail.outbox) == 11
    # An ordinary meeting at the same short notice is refused by the statutes' period.
    vanligt = sammantrade_planera(forbund=forbund, aktor=chef, datum=idag + dt.timedelta(days=2))
    with pytest.raises(ValidationError, match="senast 7 dagar före mötet"):
        kallelse_skicka(sammantrade=vanligt, aktor=chef)
    assert Handelse.objects.get(handling="extra_sammantrade_kalla").detaljer["arenden"] == ["Medfinansiering av ESF-projekt"]


def test_extra_sammantrade_nekas_utan_skal_eller_med_ordinarie_kallelsetid(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    idag = timezone.localdate()
    with pytest.raises(ValidationError) as fel:
        extra_sammantrade_kalla(
            forbund=forbund, aktor=chef, datum=idag + dt.timedelta(days=10), skal="", begart_av="", kallelsetid_dagar=7, arenden=[]
        )
    assert fel.value.message_dict == {
        "skal": ["Ange skälet till det extra sammanträdet."],
        "begart_av": ["Ange vem som har begärt sammanträdet."],
        "kallelsetid_dagar": [
            "Den förkortade kallelsetiden ska vara kortare än den ordinarie (7 dagar). Med ordinarie kallelsetid "
            "planeras mötet som ett vanligt sammanträde."
        ],
        "arenden": ["Ange minst ett brådskande ärende (ett per rad)."],
    }
    with pytest.raises(ValidationError, match=f"kan mötet hållas tidigast {idag + dt.timedelta(days=3):%Y-%m-%d}"):
        extra_sammantrade_kalla(
            forbund=forbund, aktor=chef, datum=idag + dt.timedelta(days=1), skal="x", begart_av="Ordföranden", kallelsetid_dagar=3, arenden=["Ärende"]
        )
    assert not Sammantrade.objects.exists() and not ExtraSammantrade.objects.exists()


def test_extra_sammantrade_sida_och_api_nekar_lika(forbund: Any, chef_klient: Any, s: dict[str, Any]) -> None:
    datum = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    data = {"datum": datum, "kallelsetid_dagar": 7, "begart_av": "Ordföranden", "skal": "Brådskande", "arenden": "Ärende"}
    sida = chef_klient.post("/styrelse/extra-sammantrade/", data)
    meddelande = "Den förkortade kallelsetiden ska vara kortare än den ordinarie (7 dagar)."
    assert sida.status_code == 400 and meddelande in sida.content.decode()
    api = chef_klient.post("/api/styrelse/extra-sammantraden/", {**data, "arenden": ["Ärende"]}, content_type="application/json")
    assert api.status_code == 400 and api_fel(api)["kallelsetid_dagar"][0].startswith(meddelande)
    assert not Sammantrade.objects.exists()
    ok = chef_klient.post("/styrelse/extra-sammantrade/", {**data, "kallelsetid_dagar": 3})
    mote = Sammantrade.objects.get()
    assert ok.status_code == 302 and ok["Location"] == f"/styrelse/moten/{mote.pk}/"
