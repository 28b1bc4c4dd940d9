"""One meeting from notice to posting: e-mail with PDF and .ics, locked minutes, anslag dates, public board."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from finsam.models import Dokument, Handelse, RollTyp
from styrelse.models import Anslag, Justering, Kallelseutskick, Narvaro, Paragraf, Sammantrade
from styrelse.services import (
    anslag_registrera,
    beslut_fatta,
    justering_bekrafta,
    kallelse_skicka,
    mote_avsluta,
    paragraf_andra,
    sammantrade_andra,
    sammantrade_planera,
)

from .factories import narvaro, styrelse

pytestmark = pytest.mark.django_db


def _pdf_text(d: Dokument) -> str:
    with d.fil.open("rb") as f:
        return " ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())


@pytest.fixture
def s(forbund: Any) -> dict[str, Any]:
    return styrelse(forbund)


def test_planera_fran_mall_ger_standardpunkter(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    tidigare = Sammantrade.objects.create(forbund=forbund, datum=dt.date(2019, 11, 28))
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 2, 13), plats="Hörnellgatan 17")
    rubriker = list(mote.arenden.values_list("rubrik", flat=True))
    assert rubriker == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordning",
        "Genomgång av protokoll från föregående möte",
        "Informationsärenden",
        "Rapporter",
        "Övriga frågor",
        "Nästa möte",
    ]
    assert mote.arenden.get(ordning=4).forslag == "godkänna protokollet från 2019-11-28 och lägga det till handlingarna"
    kopia = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2020, 5, 7), mall="kopia", kopiera_fran=mote)
    assert list(kopia.arenden.values_list("rubrik", flat=True)) == rubriker
    assert Handelse.objects.filter(handling="sammantrade_planera").count() == 2
    del tidigare


def test_kallelse_skickas_med_pdf_och_kalenderinbjudan(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    datum = timezone.localdate() + dt.timedelta(days=14)
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=datum, starttid=dt.time(9), sluttid=dt.time(15), plats="Hörnellgatan 17, vån 3")
    utskick = kallelse_skicka(sammantrade=mote, aktor=chef)
    assert len(mail.outbox) == 11  # 5 ledamöter, 5 ersättare, förbundschefen
    m = mail.outbox[0]
    assert m.subject == f"Kallelse: styrelsemöte {datum:%Y-%m-%d} – Samordningsförbundet Skellefteå-Norsjö"
    delar = {d.get_filename(): d for d in m.message().walk() if d.get_filename()}
    assert list(delar) == [f"kallelse-{datum:%Y-%m-%d}.pdf", f"styrelsemote-{datum:%Y-%m-%d}.ics"]
    pdf = delar[f"kallelse-{datum:%Y-%m-%d}.pdf"].get_payload(decode=True)
    ics_text = delar[f"styrelsemote-{datum:%Y-%m-%d}.ics"].get_payload(decode=True).decode()
    assert pdf.startswith(b"%PDF")
    assert "BEGIN:VEVENT" in ics_text and f"DTSTART;TZID=Europe/Stockholm:{datum:%Y%m%d}T090000" in ics_text
    assert "LOCATION:Hörnellgatan 17\\, vån 3" in ics_text
    utskick.refresh_from_db()
    assert utskick.klart is not None and utskick.mottagare.filter(skickad__isnull=False).count() == 11
    mote.refresh_from_db()
    assert mote.status == "kallat" and mote.kallelse_skickad is not None
    d = Dokument.objects.get(nyckel=f"styrelse:kallelse:{mote.pk}")
    text = _pdf_text(d)
    assert "Kallelse" in text and "Mötets öppnande" in text and "Ledamot skelleftea, ordförande" in text
    # A rerun of the task never sends twice.
    from styrelse.utskick import kallelse_skicka_epost

    assert kallelse_skicka_epost(utskick_id=utskick.pk) == 0
    assert len(mail.outbox) == 11


def test_kallelse_for_sent_nekas(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=timezone.localdate() + dt.timedelta(days=3))
    with pytest.raises(ValidationError, match="senast 7 dagar före mötet"):
        kallelse_skicka(sammantrade=mote, aktor=chef)
    assert not Kallelseutskick.objects.exists() and not mail.outbox


def _genomfort_mote(forbund: Any, chef: Any, s: dict[str, Any]) -> Sammantrade:
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=timezone.localdate(), mall="standard")
    for m in s["ledamot"].values():
        narvaro(mote, m)
    Narvaro.objects.create(forbund=forbund, sammantrade=mote, person=s["chef"], kategori="tjansteperson", funktion="Förbundschef")
    for a in mote.arenden.order_by("ordning"):
        val = [s["ledamot"]["af"].person] if a.rubrik == "Val av justerare" else None
        beslut_fatta(sammantrade=mote, arende=a, aktor=chef, text=a.text, beslut="\n".join(a.forslag_satser), justerare=val)
    sammantrade_andra(sammantrade=mote, aktor=chef, ordforande=s["ledamot"]["skelleftea"].person, sekreterare=s["chef"])
    mote_avsluta(sammantrade=mote, aktor=chef)
    mote.refresh_from_db()
    return mote


def test_justering_laser_protokollet(forbund: Any, chef: Any, s: dict[str, Any], anvandare: Any) -> None:
    from finsam.permissions import Kontext

    mote = _genomfort_mote(forbund, chef, s)
    utkast = Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}")
    assert utkast.status == "klar" and not utkast.last and "UTKAST" in _pdf_text(utkast)
    # The justerare confirms in the app with their own account; the chef records the chair's paper signature.
    ledamot_user = anvandare(RollTyp.STYRELSELEDAMOT, username="justeraren")
    s["ledamot"]["af"].person.user = ledamot_user
    s["ledamot"]["af"].person.save()
    lk = Kontext(forbund=forbund, roll=RollTyp.STYRELSELEDAMOT)
    ck = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    with pytest.raises(Exception, match="egen justering"):
        justering_bekrafta(sammantrade=mote, kontext=lk, aktor=ledamot_user, person=s["ledamot"]["skelleftea"].person, roll="ordforande")
    # One's own justering always needs the password again (re-authentication), in every door.
    with pytest.raises(ValidationError, match="Ange ditt lösenord för att bekräfta justeringen"):
        justering_bekrafta(sammantrade=mote, kontext=lk, aktor=ledamot_user, person=s["ledamot"]["af"].person, roll="justerare")
    assert not Justering.objects.filter(sammantrade=mote).exists()
    justering_bekrafta(
        sammantrade=mote,
        kontext=lk,
        aktor=ledamot_user,
        person=s["ledamot"]["af"].person,
        roll="justerare",
        autentisering={"losenord": "losenord-for-test"},
    )
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["ledamot"]["skelleftea"].person, roll="ordforande")
    mote.refresh_from_db()
    assert mote.justerat is None
    justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=s["chef"], roll="sekreterare")
    mote.refresh_from_db()
    assert mote.status == "justerat" and mote.justerat is not None
    assert list(Justering.objects.filter(sammantrade=mote).values_list("roll", "for_annan")) == [
        ("justerare", False),
        ("ordforande", True),
        ("sekreterare", True),
    ]
    assert set(Paragraf.objects.filter(sammantrade=mote).values_list("last", flat=True)) == {True}
    protokoll = Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}")
    assert protokoll.last and protokoll.status == "klar"
    text = _pdf_text(protokoll)
    assert "Protokoll" in text and "§ 1" in text and "Justerat i Finsam" in text and "UTKAST" not in text

    # Any attempt to edit a locked paragraph is refused and audited; nothing changes.
    p = mote.paragrafer.order_by("nummer").first()
    assert p is not None
    with pytest.raises(ValidationError, match="justerad och låst"):
        paragraf_andra(paragraf=p, aktor=chef, rubrik="Ändrad", text="x", beslut="att ändra")
    p.refresh_from_db()
    assert p.rubrik == "Mötets öppnande"
    nekad = Handelse.objects.get(handling="skrivning_vagra")
    assert nekad.objekt_id == str(p.pk) and nekad.detaljer["forsok"]["rubrik"] == "Ändrad"
    with pytest.raises(ValidationError, match="justerat och låst"):
        sammantrade_andra(sammantrade=mote, aktor=chef, plats="Någon annanstans")


def test_anslag_datumregler_och_publik_anslagstavla(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    from finsam.permissions import Kontext

    mote = _genomfort_mote(forbund, chef, s)
    ck = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in [("ordforande", s["ledamot"]["skelleftea"].person), ("sekreterare", s["chef"]), ("justerare", s["ledamot"]["af"].person)]:
        justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=person, roll=roll)
    mote.refresh_from_db()
    justerad = timezone.localtime(mote.justerat).date()
    with pytest.raises(ValidationError, match="senast två dagar efter justeringen"):
        anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=justerad + dt.timedelta(days=3), nedtas=justerad + dt.timedelta(days=40))
    with pytest.raises(ValidationError, match="minst tre veckor"):
        anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=justerad, nedtas=justerad + dt.timedelta(days=20))
    with pytest.raises(ValidationError, match="före justeringen"):
        anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=justerad - dt.timedelta(days=1), nedtas=justerad + dt.timedelta(days=30))
    assert not Anslag.objects.exists()
    a = anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=justerad, nedtas=justerad + dt.timedelta(days=21), forvaringsplats="Kansliet")
    bevis = Dokument.objects.get(nyckel=f"styrelse:anslagsbevis:{mote.pk}")
    assert "Anslaget tas ned efter" in _pdf_text(bevis)

    c = Client()  # no login
    sida = c.get("/anslagstavla/")
    assert sida.status_code == 200
    html = sida.content.decode()
    assert "Samordningsförbundet Skellefteå-Norsjö" in html and f"/anslagstavla/{a.pk}/protokoll.pdf" in html
    pdf = c.get(f"/anslagstavla/{a.pk}/protokoll.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert c.get(f"/anslagstavla/{a.pk}/bevis.pdf").status_code == 200
    # After the removal date it is gone from the board.
    Anslag.objects.filter(pk=a.pk).update(uppsatt=justerad - dt.timedelta(days=40), nedtas=justerad - dt.timedelta(days=1))
    assert f"/anslagstavla/{a.pk}/protokoll.pdf" not in c.get("/anslagstavla/").content.decode()
    assert c.get(f"/anslagstavla/{a.pk}/protokoll.pdf").status_code == 404


def test_anslag_kraver_justering(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    mote = _genomfort_mote(forbund, chef, s)
    with pytest.raises(ValidationError, match="justerat innan"):
        anslag_registrera(sammantrade=mote, aktor=chef, uppsatt=timezone.localdate(), nedtas=timezone.localdate() + dt.timedelta(days=30))


def test_mote_kan_inte_avslutas_med_obeslutade_arenden(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=timezone.localdate())
    with pytest.raises(ValidationError, match="Ärenden utan paragraf: Mötets öppnande"):
        mote_avsluta(sammantrade=mote, aktor=chef)
    mote.refresh_from_db()
    assert mote.avslutat is None


def test_nytt_arende_hamnar_fore_avslutande_punkter(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    from styrelse.services import arende_skapa

    mote = sammantrade_planera(forbund=forbund, aktor=chef, datum=dt.date(2030, 2, 13))
    arende_skapa(sammantrade=mote, aktor=chef, rubrik="Projektansökan SIKT 2.0", forslag="att bevilja medfinansiering")
    rubriker = list(mote.arenden.order_by("ordning").values_list("rubrik", flat=True))
    assert rubriker.index("Projektansökan SIKT 2.0") == 4 and rubriker[-1] == "Nästa möte"


def test_utkast_som_renderades_fore_justering_las_inte(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    """If the draft was rendered before the justering (a slow queue), the lock task renders the final minutes first."""
    from finsam.permissions import Kontext
    from styrelse.tasks import protokoll_las_task

    mote = _genomfort_mote(forbund, chef, s)
    ck = Kontext(forbund=forbund, roll=RollTyp.FORBUNDSCHEF)
    for roll, person in [("ordforande", s["ledamot"]["skelleftea"].person), ("sekreterare", s["chef"]), ("justerare", s["ledamot"]["af"].person)]:
        justering_bekrafta(sammantrade=mote, kontext=ck, aktor=chef, person=person, roll=roll)
    mote.refresh_from_db()
    d = Dokument.objects.get(nyckel=f"styrelse:protokoll:{mote.pk}")
    assert d.last and d.titel == f"Protokoll {mote.datum:%Y-%m-%d}" and "UTKAST" not in _pdf_text(d)
    # Simulate a stale draft: unlock, pretend it was rendered before the justering, and run the lock task.
    Dokument.objects.filter(pk=d.pk).update(last=False, startad=mote.justerat - dt.timedelta(minutes=5))  # type: ignore[operator]
    protokoll_las_task.apply(args=[d.pk])
    d.refresh_from_db()
    assert d.last and d.startad is not None and mote.justerat is not None and d.startad >= mote.justerat


def test_mote_med_paragrafer_kan_inte_flyttas_till_annat_ar(forbund: Any, chef: Any, s: dict[str, Any]) -> None:
    mote = _genomfort_mote(forbund, chef, s)
    with pytest.raises(ValidationError, match="kan inte flyttas till ett annat år"):
        sammantrade_andra(sammantrade=mote, aktor=chef, datum=mote.datum.replace(year=mote.datum.year + 1))
    mote.refresh_from_db()
    assert mote.datum == timezone.localdate()
