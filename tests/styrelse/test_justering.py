"""Justering that holds: justerare elected at the meeting, the draft read before justering, a late change resets it."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from finsam.models import Handelse, RollTyp
from finsam.permissions import Kontext
from styrelse.models import Anslag, Justering, Narvaro, Paragraf, Sammantrade
from styrelse.pdf import anslagsbevis_pdf, protokoll_pdf
from styrelse.selectors import protokoll_data
from styrelse.services import (
    anslag_registrera,
    arende_skapa,
    beslut_fatta,
    justering_bekrafta,
    mote_avsluta,
    narvaro_registrera,
    paragraf_andra,
    sammantrade_andra,
    sammantrade_planera,
)
from styrelse.services.bradskande import distans_registrera, distans_ta_bort, distansregler_andra

from .factories import SammantradeFactory, narvaro, styrelse

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    data = styrelse(forbund)
    mote = sammantrade_planera(forbund=forbund, aktor=None, datum=timezone.localdate())
    for m in data["ledamot"].values():
        narvaro(mote, m)
    Narvaro.objects.create(forbund=forbund, sammantrade=mote, person=data["chef"], kategori="tjansteperson", funktion="Förbundschef")
    data["mote"] = mote
    data["frånvarande"] = data["ersattare"]["af"].person
    return data


def _val_av_justerare(s: dict[str, Any], chef: Any, **kw: Any) -> Any:
    a = s["mote"].arenden.get(rubrik="Val av justerare")
    return beslut_fatta(sammantrade=s["mote"], arende=a, aktor=chef, text="", beslut=kw.pop("beslut", "att utse … att justera protokollet"), **kw)


def _hall(s: dict[str, Any], chef: Any) -> Sammantrade:
    """Decide the remaining items as proposed, set chair and secretary, close the meeting."""
    for a in s["mote"].arenden.filter(paragraf__isnull=True).order_by("ordning"):
        beslut_fatta(sammantrade=s["mote"], arende=a, aktor=chef, text=a.text, beslut="\n".join(a.forslag_satser))
    sammantrade_andra(sammantrade=s["mote"], aktor=chef, ordforande=s["ledamot"]["skelleftea"].person, sekreterare=s["chef"])
    mote_avsluta(sammantrade=s["mote"], aktor=chef)
    s["mote"].refresh_from_db()
    return s["mote"]


def test_justerare_utses_i_paragrafen_val_av_justerare(s: dict[str, Any], chef: Any) -> None:
    af, region = s["ledamot"]["af"].person, s["ledamot"]["region"].person
    p = _val_av_justerare(s, chef, justerare=[af, region])
    assert p.beslut == "utse Ledamot af och Ledamot region att justera protokollet"
    assert set(s["mote"].justerare.all()) == {af, region}
    text = " ".join(" ".join(pg.extract_text() for pg in PdfReader(io.BytesIO(protokoll_pdf(protokoll_data(s["mote"])))).pages).split())
    assert f"Utses att justera Ledamot af, Ledamot region (§ {p.nummer})" in text


def test_justerare_ur_beslutstexten(s: dict[str, Any], chef: Any) -> None:
    _val_av_justerare(s, chef, beslut="att utse Ledamot fk att justera protokollet")
    assert list(s["mote"].justerare.values_list("namn", flat=True)) == ["Ledamot fk"]


def test_justerare_maste_vara_narvarande_och_rostberattigad(s: dict[str, Any], chef: Any) -> None:
    with pytest.raises(ValidationError, match="Ersättare af är inte närvarande med rösträtt"):
        _val_av_justerare(s, chef, justerare=[s["frånvarande"]])
    with pytest.raises(ValidationError, match="Förbundschefen är inte närvarande med rösträtt"):
        _val_av_justerare(s, chef, justerare=[s["chef"]])
    with pytest.raises(ValidationError, match="Ange vem eller vilka som utses att justera protokollet"):
        _val_av_justerare(s, chef)
    assert not s["mote"].paragrafer.exists() and not s["mote"].justerare.exists()
    # Not by hand on the meeting's details.
    with pytest.raises(ValidationError, match="Justerare utses i paragrafen"):
        sammantrade_andra(sammantrade=s["mote"], aktor=chef, justerare=[s["ledamot"]["af"].person])


def test_ordforande_och_sekreterare_ur_narvaron(s: dict[str, Any], chef: Any) -> None:
    with pytest.raises(ValidationError, match="Mötesordföranden ska vara närvarande med rösträtt; Förbundschefen"):
        sammantrade_andra(sammantrade=s["mote"], aktor=chef, ordforande=s["chef"])
    with pytest.raises(ValidationError, match="Sekreteraren ska vara närvarande; Ersättare af"):
        sammantrade_andra(sammantrade=s["mote"], aktor=chef, sekreterare=s["frånvarande"])
    s["mote"].refresh_from_db()
    assert s["mote"].ordforande is None and s["mote"].sekreterare is None


def test_justerare_laser_hela_utkastet_fore_justering(s: dict[str, Any], chef: Any, anvandare: Any) -> None:
    _val_av_justerare(s, chef, justerare=[s["ledamot"]["af"].person])
    mote = _hall(s, chef)
    justeraren = anvandare(RollTyp.STYRELSELEDAMOT, username="justeraren")
    s["ledamot"]["af"].person.user = justeraren
    s["ledamot"]["af"].person.save()
    annan = anvandare(RollTyp.STYRELSELEDAMOT, username="annan-ledamot")
    c = Client()
    c.force_login(justeraren)
    sida = c.get(f"/styrelse/moten/{mote.pk}/")
    html = sida.content.decode()
    assert f"/styrelse/moten/{mote.pk}/protokoll/utkast/" in html and f"/styrelse/moten/{mote.pk}/protokoll/utkast.pdf" in html
    utkast = c.get(f"/styrelse/moten/{mote.pk}/protokoll/utkast/")
    assert utkast.status_code == 200
    utkast_html = utkast.content.decode()
    assert "Val av justerare" in utkast_html and "Ledamot norsjo" in utkast_html and "Utses att justera" in utkast_html
    pdf = c.get(f"/styrelse/moten/{mote.pk}/protokoll/utkast.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    # Another ledamot neither sees the link nor reads the draft.
    c2 = Client()
    c2.force_login(annan)
    assert "/protokoll/utkast" not in c2.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert c2.get(f"/styrelse/moten/{mote.pk}/protokoll/utkast/").status_code == 403
    assert c2.get(f"/styrelse/moten/{mote.pk}/protokoll/utkast.pdf").status_code == 403


def test_sen_andring_aterstaller_alla_justeringar(s: dict[str, Any], chef: Any) -> None:
    _val_av_justerare(s, chef, justerare=[s["ledamot"]["af"].person])
    mote = _hall(s, chef)
    ck = Kontext(forbund=mote.forbund, roll=RollTyp.FORBUNDSCHEF)
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["ledamot"]["af"].person, roll="justerare", plats="Kansliet, Skellefteå")
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["ledamot"]["skelleftea"].person, roll="ordforande")
    j = Justering.objects.get(roll="justerare")
    assert j.plats == "Kansliet, Skellefteå" and j.tidpunkt is not None
    # No new items once the meeting is closed (they belong to a later meeting); nothing reset.
    with pytest.raises(ValidationError, match=r"Mötet är avslutat\. Ett nytt ärende tas upp vid ett senare sammanträde\."):
        arende_skapa(sammantrade=mote, aktor=chef, rubrik="Sent ärende")
    assert Justering.objects.filter(sammantrade=mote).count() == 2
    mail.outbox.clear()
    p = mote.paragrafer.get(rubrik="Godkännande av dagordning")
    paragraf_andra(
        paragraf=p,
        aktor=chef,
        rubrik=p.rubrik,
        text="Ordförande presenterar dagordningen. Ett ärende tillkommer.",
        beslut="att godkänna dagordningen med ett tillägg",
    )
    assert not Justering.objects.filter(sammantrade=mote).exists()
    h = Handelse.objects.get(handling="justering_aterstall")
    assert h.detaljer["orsak"] == f"§ {p.nummer} ändrades"
    assert sorted(x["person"] for x in h.detaljer["justeringar"]) == ["Ledamot af", "Ledamot skelleftea"]
    assert sorted(m.to[0] for m in mail.outbox) == ["ledamot.af@example.se", "ledamot.skelleftea@example.se"]
    assert all("justera på nytt" in m.subject for m in mail.outbox)
    # Attendance changed after a new justering: reset again.
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["chef"], roll="sekreterare")
    narvaro_registrera(sammantrade=mote, aktor=chef, person=s["ledamot"]["norsjo"].person, kategori="ledamot", till_nummer=99)
    assert not Justering.objects.filter(sammantrade=mote).exists()
    # A change with no difference resets nothing.
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["chef"], roll="sekreterare")
    p.refresh_from_db()
    paragraf_andra(paragraf=p, aktor=chef, rubrik=p.rubrik, text=p.text, beslut=p.beslut)
    assert Justering.objects.filter(sammantrade=mote).count() == 1


def test_distansdeltagande_andrat_efter_justering_aterstaller_justeringarna(s: dict[str, Any], chef: Any) -> None:
    """The minutes say who took part remotely: registering or removing it after the first justering is a change."""
    beslut = Paragraf.objects.create(
        forbund=s["mote"].forbund,
        sammantrade=SammantradeFactory(forbund=s["mote"].forbund, datum=dt.date(2019, 1, 10)),
        ar=2019,
        nummer=3,
        rubrik="Distans",
    )
    distansregler_andra(forbund=s["mote"].forbund, aktor=chef, tillaten=True, beslut=beslut)
    _val_av_justerare(s, chef, justerare=[s["ledamot"]["af"].person])
    mote = _hall(s, chef)
    ck = Kontext(forbund=mote.forbund, roll=RollTyp.FORBUNDSCHEF)
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["ledamot"]["af"].person, roll="justerare")
    mail.outbox.clear()
    n = Narvaro.objects.get(sammantrade=mote, person=s["ledamot"]["region"].person)
    d = distans_registrera(narvaro=n, aktor=chef)
    assert not Justering.objects.filter(sammantrade=mote).exists()
    assert Handelse.objects.filter(handling="justering_aterstall").latest("pk").detaljer["orsak"] == "distansdeltagandet för Ledamot region ändrades"
    assert [m.to[0] for m in mail.outbox] == ["ledamot.af@example.se"]
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["ledamot"]["af"].person, roll="justerare")
    distans_ta_bort(distansdeltagande=d, aktor=chef)
    assert not Justering.objects.filter(sammantrade=mote).exists()


def test_protokollet_foljer_forlagan(s: dict[str, Any], chef: Any) -> None:
    _val_av_justerare(s, chef, justerare=[s["ledamot"]["af"].person])
    mote = _hall(s, chef)
    ck = Kontext(forbund=mote.forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in [("justerare", s["ledamot"]["af"].person), ("sekreterare", s["chef"]), ("ordforande", s["ledamot"]["skelleftea"].person)]:
        justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=person, roll=roll, plats="Stadshuset")
    mote.refresh_from_db()
    sidor = PdfReader(io.BytesIO(protokoll_pdf(protokoll_data(mote)))).pages
    assert len(sidor) >= 2
    for sida in sidor:  # a box for the justerandes signatur on every page
        assert "Justerandes signatur" in sida.extract_text()
    text = " ".join(" ".join(pg.extract_text() for pg in sidor).split())
    # Ordförande and sekreterare, then the justerare (not in the order they justered).
    i_ordf, i_sekr, i_just = (
        text.index("Ledamot skelleftea, ordförande"),
        text.index("Förbundschefen, sekreterare"),
        text.index("Ledamot af, justerare"),
    )
    assert i_ordf < i_sekr < i_just
    assert "Justeringens plats och tid" in text and "Stadshuset" in text
    justerad = timezone.localtime(mote.justerat).date()
    a = anslag_registrera(
        sammantrade=mote,
        aktor=chef,
        uppsatt=justerad,
        nedtas=justerad + dt.timedelta(days=21),
        anslagsplatser="Förbundets digitala anslagstavla\nSkellefteå kommuns anslagstavla",
    )
    assert Anslag.objects.get().platser == ["Förbundets digitala anslagstavla", "Skellefteå kommuns anslagstavla"]
    bevis = " ".join(
        " ".join(
            pg.extract_text()
            for pg in PdfReader(io.BytesIO(anslagsbevis_pdf({"mote": mote, "forbund": mote.forbund, "anslag": a, **protokoll_data(mote)}))).pages
        ).split()
    )
    assert "Anslagsplatser Förbundets digitala anslagstavla Skellefteå kommuns anslagstavla" in bevis
