"""The notice: recipients checked before sending, and calendar invitations that update (icalendar, RFC 5546)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from finsam.models import Person
from styrelse.models import Kallelseutskick, Mandat, Sammantrade
from styrelse.services import kalender_uppdatering_skicka, kallelse_skicka, sammantrade_andra, sammantrade_planera, sammantrade_stall_in
from styrelse.utskick import kalender_uid

from .factories import styrelse

pytestmark = pytest.mark.django_db


def _mote(forbund: Any, chef: Any, dagar: int = 14) -> Sammantrade:
    return sammantrade_planera(
        forbund=forbund,
        aktor=chef,
        datum=timezone.localdate() + dt.timedelta(days=dagar),
        starttid=dt.time(9),
        sluttid=dt.time(12),
        plats="Hörnellgatan 17, vån 3",
    )


def _ics(m: Any) -> tuple[Any, Any]:
    """(the MIME part, the parsed calendar) of the .ics attachment of a sent e-mail."""
    del_ = next(d for d in m.message().walk() if (d.get_filename() or "").endswith(".ics"))
    return del_, Calendar.from_ical(del_.get_payload(decode=True))


def test_styrelse_utan_ledamoter_i_tjanst_stoppas_fore_utskick(forbund: Any, chef: Any, chef_klient: Client) -> None:
    mote = _mote(forbund, chef)
    with pytest.raises(ValidationError, match=r"styrelsen har inga ledamöter i tjänst \d{4}-\d{2}-\d{2}"):
        kallelse_skicka(sammantrade=mote, aktor=chef)
    assert not Kallelseutskick.objects.exists() and not mail.outbox
    html = chef_klient.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert "Styrelsen har inga ledamöter i tjänst" in html


def test_mottagare_utan_epost_listas_och_inget_skickas(forbund: Any, chef: Any, chef_klient: Client) -> None:
    s = styrelse(forbund)
    Person.objects.filter(pk__in=[s["ledamot"]["fk"].person_id, s["ersattare"]["norsjo"].person_id]).update(epost="")
    mote = _mote(forbund, chef)
    # The page lists the recipients before sending, those without e-mail marked.
    html = chef_klient.get(f"/styrelse/moten/{mote.pk}/").content.decode()
    assert html.index("Kallelsen går till (11)") < html.index("Skicka kallelse med e-post")
    assert "2 skulle inte få kallelsen eftersom e-postadress saknas: Ledamot fk (ledamot), Ersättare norsjo (ersättare)" in html
    # Sending is refused next to the button, with the list; nothing sent, nothing recorded.
    svar = chef_klient.post(f"/styrelse/moten/{mote.pk}/kallelse/skicka/")
    assert svar.status_code == 400
    text = svar.content.decode()
    assert (
        "Kallelsen skickades inte. Dessa skulle inte få den eftersom e-postadress saknas: Ledamot fk (ledamot), "
        "Ersättare norsjo (ersättare). Komplettera under Organisation."
    ) in text
    assert text.index("Kallelsen skickades inte.") > text.index('id="kallelse"')
    assert not Kallelseutskick.objects.exists() and not mail.outbox
    mote.refresh_from_db()
    assert mote.kallelse_skickad is None


def test_inbjudan_med_icalendar(forbund: Any, chef: Any) -> None:
    s = styrelse(forbund)
    mote = _mote(forbund, chef)
    kallelse_skicka(sammantrade=mote, aktor=chef)
    assert len(mail.outbox) == 11
    del_, cal = _ics(mail.outbox[0])
    # One charset, the iTIP method in the Content-Type.
    assert del_.get_content_type() == "text/calendar"
    assert del_["Content-Type"].count("charset") == 1 and del_.get_param("method") == "REQUEST"
    assert cal["METHOD"] == "REQUEST" and cal["VERSION"] == "2.0"
    tz = cal.walk("VTIMEZONE")
    assert [str(t["TZID"]) for t in tz] == ["Europe/Stockholm"]
    (ev,) = cal.walk("VEVENT")
    assert str(ev["UID"]) == kalender_uid(mote) and int(ev["SEQUENCE"]) == 0
    assert ev.decoded("DTSTART") == dt.datetime.combine(mote.datum, dt.time(9), tzinfo=ev.decoded("DTSTART").tzinfo)
    assert str(ev["DTSTART"].params["TZID"]) == "Europe/Stockholm"
    assert str(ev["LOCATION"]) == "Hörnellgatan 17, vån 3"
    assert str(ev["ORGANIZER"]) == "mailto:noreply@finsam.localhost" and ev["ORGANIZER"].params["CN"] == forbund.namn
    deltagare = {str(a): a.params for a in ev["ATTENDEE"]}
    assert len(deltagare) == 11
    assert deltagare["mailto:ledamot.fk@example.se"]["CN"] == "Ledamot fk"
    assert deltagare["mailto:ledamot.fk@example.se"]["ROLE"] == "REQ-PARTICIPANT"
    assert deltagare["mailto:ledamot.fk@example.se"]["RSVP"] == "TRUE"
    del s


def test_andrad_tid_hojer_sequence_och_erbjuder_uppdatering(forbund: Any, chef: Any, chef_klient: Client) -> None:
    styrelse(forbund)
    mote = _mote(forbund, chef)
    kallelse_skicka(sammantrade=mote, aktor=chef)
    mail.outbox.clear()
    # A change that is not time or place: no new version.
    sammantrade_andra(sammantrade=mote, aktor=chef, detaljer="Kaffe serveras")
    mote.refresh_from_db()
    assert (mote.kalendersekvens, mote.kalender_inaktuell) == (0, False)
    with pytest.raises(ValidationError, match="redan aktuell"):
        kalender_uppdatering_skicka(sammantrade=mote, aktor=chef)
    svar = chef_klient.post(
        f"/styrelse/moten/{mote.pk}/andra/",
        {"typ": "styrelsemote", "datum": mote.datum.isoformat(), "starttid": "10:00", "sluttid": "13:00", "plats": "Stadshuset"},
        follow=True,
    )
    assert "skicka den uppdaterade kalenderinbjudan" in svar.content.decode()
    mote.refresh_from_db()
    assert (mote.kalendersekvens, mote.kalender_inaktuell) == (1, True)
    assert "Skicka uppdaterad kalenderinbjudan" in svar.content.decode()
    sammantrade_andra(sammantrade=mote, aktor=chef, plats="Stadshuset, sal 2")
    mote.refresh_from_db()
    assert mote.kalendersekvens == 2
    assert chef_klient.post(f"/styrelse/moten/{mote.pk}/kallelse/kalender/").status_code == 302
    assert len(mail.outbox) == 11
    _, cal = _ics(mail.outbox[0])
    (ev,) = cal.walk("VEVENT")
    assert cal["METHOD"] == "REQUEST" and str(ev["UID"]) == kalender_uid(mote) and int(ev["SEQUENCE"]) == 2
    assert str(ev["LOCATION"]) == "Stadshuset, sal 2" and ev.decoded("DTSTART").time() == dt.time(10)
    mote.refresh_from_db()
    assert mote.kalender_inaktuell is False


def test_installt_mote_ger_method_cancel(forbund: Any, chef: Any) -> None:
    styrelse(forbund)
    mote = _mote(forbund, chef)
    kallelse_skicka(sammantrade=mote, aktor=chef)
    mail.outbox.clear()
    sammantrade_stall_in(sammantrade=mote, aktor=chef, orsak="för få kan delta")
    mote.refresh_from_db()
    assert mote.status == "installt" and mote.kalendersekvens == 1
    assert len(mail.outbox) == 11 and mail.outbox[0].subject.startswith("Inställt:")
    del_, cal = _ics(mail.outbox[0])
    (ev,) = cal.walk("VEVENT")
    assert del_.get_param("method") == "CANCEL" and cal["METHOD"] == "CANCEL"
    assert str(ev["STATUS"]) == "CANCELLED" and str(ev["UID"]) == kalender_uid(mote) and int(ev["SEQUENCE"]) == 1
    with pytest.raises(ValidationError, match="inställt"):
        kallelse_skicka(sammantrade=mote, aktor=chef)


def test_stall_in_och_kalender_samma_vagran_pa_sida_och_api(forbund: Any, chef: Any, chef_klient: Client) -> None:
    styrelse(forbund)
    mote = _mote(forbund, chef)
    # No notice sent yet: an update is refused alike through both doors.
    sida = chef_klient.post(f"/styrelse/moten/{mote.pk}/kallelse/kalender/", follow=True)
    api = chef_klient.post(f"/api/styrelse/sammantraden/{mote.pk}/kalender/", content_type="application/json")
    meddelande = "Kallelsen är inte skickad; ändringen kommer med när kallelsen skickas."
    assert meddelande in sida.content.decode() and api.status_code == 400 and meddelande in str(api.json())
    assert chef_klient.post(f"/api/styrelse/sammantraden/{mote.pk}/stall-in/", content_type="application/json").json()["status"] == "installt"
    sida = chef_klient.post(f"/styrelse/moten/{mote.pk}/stall-in/", follow=True)
    assert "Mötet är redan inställt." in sida.content.decode()
    assert not mail.outbox  # no notice was sent, so nobody gets a cancellation


def test_organisator_ar_forbundets_adress(forbund: Any, chef: Any) -> None:
    styrelse(forbund)
    forbund.epost = "kansli@sfsn.se"
    forbund.save()
    kallelse_skicka(sammantrade=_mote(forbund, chef), aktor=chef)
    _, cal = _ics(mail.outbox[0])
    assert str(cal.walk("VEVENT")[0]["ORGANIZER"]) == "mailto:kansli@sfsn.se"
    assert Mandat.objects.count() == 10
