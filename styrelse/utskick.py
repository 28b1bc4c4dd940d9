"""E-mail from the board: the notice with PDF and calendar invitation (.ics, RFC 5546 via icalendar), calendar updates and
cancellations, protokollsutdrag (expediering) and notices that a justering was reset. Each sending is recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from email.mime.base import MIMEBase
from email.mime.text import MIMEText
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from finsam.documents.services import dokument_spara_pdf
from finsam.models import Dokument, Person

from .models import Expediering, KallelseMottagare, Kallelseutskick, Sammantrade
from .pdf import kallelse_pdf, protokollsutdrag_pdf
from .selectors import kallelse_data, utdrag_data

log = logging.getLogger(__name__)
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _organisator(mote: Sammantrade) -> str:
    """The förbund's address, else the sender address of the installation (an invitation always has an ORGANIZER)."""
    if mote.forbund.epost:
        return mote.forbund.epost
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def kalender_uid(mote: Sammantrade) -> str:
    """Stable for the meeting's lifetime, so an update or a cancellation replaces the calendar entry."""
    return hashlib.sha256(f"{mote.forbund_id}-{mote.pk}".encode()).hexdigest() + "@finsam"


def kalenderinbjudan(mote: Sammantrade, *, mottagare: list[tuple[str, str]] | None = None, installt: bool = False) -> bytes:
    """An iCalendar invitation (METHOD:REQUEST) or cancellation (METHOD:CANCEL) for the meeting.

    `mottagare` is a list of (name, e-mail), one ATTENDEE each. SEQUENCE is the meeting's calendar version,
    raised on every change of time or place (and once more for a cancellation).
    """
    start = dt.datetime.combine(mote.datum, mote.starttid or dt.time(9, 0), tzinfo=STOCKHOLM)
    slut = dt.datetime.combine(mote.datum, mote.sluttid or dt.time(15, 0), tzinfo=STOCKHOLM)
    cal = Calendar()
    cal.add("prodid", "-//Finsam//Styrelse//SV")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if installt else "REQUEST")
    ev = Event()
    ev.add("uid", kalender_uid(mote))
    ev.add("dtstamp", timezone.now().astimezone(dt.UTC))
    ev.add("dtstart", start)
    ev.add("dtend", slut)
    ev.add("sequence", mote.kalendersekvens)
    ev.add("summary", f"{mote.get_typ_display()} – {mote.forbund.namn}")
    ev.add("location", mote.plats)
    ev.add("description", "Kallelse och dagordning finns i bifogad PDF och i Finsam." if not installt else "Sammanträdet är inställt.")
    ev.add("status", "CANCELLED" if installt else "CONFIRMED")
    organisator = vCalAddress(f"mailto:{_organisator(mote)}")
    organisator.params["cn"] = vText(mote.forbund.namn)
    ev.add("organizer", organisator)
    for namn, epost in mottagare or []:
        deltagare = vCalAddress(f"mailto:{epost}")
        deltagare.params["cn"] = vText(namn)
        deltagare.params["role"] = vText("REQ-PARTICIPANT")
        deltagare.params["partstat"] = vText("NEEDS-ACTION")
        deltagare.params["rsvp"] = vText("TRUE")
        ev.add("attendee", deltagare, encode=False)
    cal.add_component(ev)
    cal.add_missing_timezones()
    return cal.to_ical()


def kalenderbilaga(ics: bytes, filnamn: str, *, installt: bool = False) -> MIMEBase:
    """The .ics as a MIME part with one charset and the iTIP method in its Content-Type."""
    del_ = MIMEText(ics.decode(), "calendar", "utf-8")
    del_.set_param("method", "CANCEL" if installt else "REQUEST")
    del_.add_header("Content-Disposition", "attachment", filename=filnamn)
    return del_


def _kallelse_pdf(mote: Sammantrade) -> bytes:
    """Render the notice now and keep it as the meeting's kallelse document (replacing a draft)."""

    pdf = kallelse_pdf(kallelse_data(mote))
    nyckel = f"styrelse:kallelse:{mote.pk}"
    d, _ = Dokument.objects.get_or_create(
        forbund=mote.forbund,
        nyckel=nyckel,
        defaults={"typ": "styrelse_kallelse", "titel": f"Kallelse {mote.datum:%Y-%m-%d}", "parametrar": {"sammantrade": mote.pk}},
    )
    if not d.last:
        dokument_spara_pdf(dokument=d, pdf=pdf, pdfa=True)
    return pdf


def kallelse_skicka_epost(*, utskick_id: int) -> int:
    """Send to every recipient not yet sent to (a rerun never sends twice). Returns the number sent now."""
    utskick = Kallelseutskick.objects.select_related("sammantrade__forbund").filter(pk=utskick_id).first()
    if utskick is None:
        return 0
    mote = utskick.sammantrade
    pdf = _kallelse_pdf(mote)
    alla = list(KallelseMottagare.objects.filter(utskick=utskick).select_related("person"))
    ics = kalenderinbjudan(mote, mottagare=[(m.person.namn, m.epost) for m in alla])
    skickade = 0
    amne = f"Kallelse: {mote.get_typ_display().lower()} {mote.datum:%Y-%m-%d} – {mote.forbund.namn}"
    for m in KallelseMottagare.objects.filter(utskick=utskick, skickad__isnull=True).select_related("person"):
        tid = f"kl. {mote.starttid:%H.%M}" if mote.starttid else ""
        if mote.sluttid:
            tid += f"–{mote.sluttid:%H.%M}"
        text = (
            f"Hej {m.person.namn}!\n\nDu kallas till {mote.get_typ_display().lower()} i {mote.forbund.namn} "
            f"{mote.datum:%Y-%m-%d} {tid}, {mote.plats}.\n\nKallelsen med dagordning finns som PDF i detta brev, och en "
            "kalenderinbjudan är bifogad. Handlingarna kan också läsas i Finsam under Styrelse.\n\nVälkommen!\n"
        )
        mail = EmailMessage(subject=amne, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[m.epost])
        mail.attach(f"kallelse-{mote.datum:%Y-%m-%d}.pdf", pdf, "application/pdf")
        mail.attach(kalenderbilaga(ics, f"styrelsemote-{mote.datum:%Y-%m-%d}.ics"))
        try:
            mail.send()
        except Exception as exc:  # record and go on; a rerun retries the failed ones
            log.exception("Kallelse till %s misslyckades", m.epost)
            KallelseMottagare.objects.filter(pk=m.pk).update(fel=str(exc)[:300])
            continue
        KallelseMottagare.objects.filter(pk=m.pk).update(skickad=timezone.now(), fel="")
        skickade += 1
    if not KallelseMottagare.objects.filter(utskick=utskick, skickad__isnull=True).exists():
        Kallelseutskick.objects.filter(pk=utskick.pk).update(klart=timezone.now())
    Sammantrade.objects.filter(pk=mote.pk).update(kalender_skickad_sekvens=mote.kalendersekvens)
    return skickade


def kalender_uppdatering_skicka(*, sammantrade_id: int, installt: bool = False) -> int:
    """Send the changed (or cancelled) meeting to everyone the notice went to; the same UID with a higher SEQUENCE."""
    mote = Sammantrade.objects.select_related("forbund").filter(pk=sammantrade_id).first()
    if mote is None:
        return 0
    senaste = Kallelseutskick.objects.filter(sammantrade=mote).order_by("-begard").first()
    if senaste is None:
        return 0
    mottagare = [(m.person.namn, m.epost) for m in KallelseMottagare.objects.filter(utskick=senaste).select_related("person")]
    ics = kalenderinbjudan(mote, mottagare=mottagare, installt=installt)
    if installt:
        amne = f"Inställt: {mote.get_typ_display().lower()} {mote.datum:%Y-%m-%d} – {mote.forbund.namn}"
        text = f"{mote.get_typ_display()} {mote.datum:%Y-%m-%d} i {mote.forbund.namn} är inställt. Kalenderposten tas bort.\n"
    else:
        amne = f"Ändrad tid eller plats: {mote.get_typ_display().lower()} {mote.datum:%Y-%m-%d} – {mote.forbund.namn}"
        tid = f" kl. {mote.starttid:%H.%M}" if mote.starttid else ""
        text = (
            f"{mote.get_typ_display()} i {mote.forbund.namn} är ändrat: {mote.datum:%Y-%m-%d}{tid}, {mote.plats}.\n\n"
            "Den bifogade kalenderinbjudan uppdaterar posten i din kalender.\n"
        )
    skickade = 0
    for namn, epost in mottagare:
        mail = EmailMessage(subject=amne, body=f"Hej {namn}!\n\n{text}", from_email=settings.DEFAULT_FROM_EMAIL, to=[epost])
        mail.attach(kalenderbilaga(ics, f"styrelsemote-{mote.datum:%Y-%m-%d}.ics", installt=installt))
        try:
            mail.send()
        except Exception:  # one failed address does not stop the others
            log.exception("Kalenderuppdatering till %s misslyckades", epost)
            continue
        skickade += 1
    Sammantrade.objects.filter(pk=mote.pk).update(kalender_skickad_sekvens=mote.kalendersekvens)
    return skickade


@shared_task(name="styrelse.kalender_uppdatering_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def kalender_uppdatering_task(sammantrade_id: int, installt: bool = False) -> int:
    return kalender_uppdatering_skicka(sammantrade_id=sammantrade_id, installt=installt)


def justering_aterstalld_epost(*, sammantrade_id: int, person_ids: list[int], orsak: str) -> int:
    """Tell those who had justered that the minutes changed and must be justered again."""
    mote = Sammantrade.objects.select_related("forbund").filter(pk=sammantrade_id).first()
    if mote is None:
        return 0
    skickade = 0
    for p in Person.objects.filter(pk__in=person_ids, forbund=mote.forbund).exclude(epost=""):
        text = (
            f"Hej {p.namn}!\n\nProtokollet från {mote.get_typ_display().lower()} {mote.datum:%Y-%m-%d} i {mote.forbund.namn} "
            f"har ändrats efter att du justerade det ({orsak}). Alla justeringar har därför återställts. Läs det ändrade "
            "protokollet i Finsam under Styrelse och justera det på nytt.\n"
        )
        EmailMessage(
            subject=f"Protokollet {mote.datum:%Y-%m-%d} har ändrats – justera på nytt",
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[p.epost],
        ).send()
        skickade += 1
    return skickade


@shared_task(name="styrelse.justering_aterstalld_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=120, time_limit=180)
def justering_aterstalld_task(sammantrade_id: int, person_ids: list[int], orsak: str) -> int:
    return justering_aterstalld_epost(sammantrade_id=sammantrade_id, person_ids=person_ids, orsak=orsak)


def utdrag_expediera_epost(*, expediering_ids: list[int]) -> int:
    """Send the protokollsutdrag (rendered now) to each recipient not yet sent to; each sending is recorded."""

    rader = list(Expediering.objects.filter(pk__in=expediering_ids, skickad__isnull=True).select_related("paragraf__sammantrade__forbund"))
    if not rader:
        return 0
    p = rader[0].paragraf
    pdf = protokollsutdrag_pdf(utdrag_data(p))
    skickade = 0
    for e in rader:
        text = (
            f"Hej!\n\nHär är ett utdrag ur protokollet från {p.sammantrade.get_typ_display().lower()} {p.sammantrade.datum:%Y-%m-%d} "
            f"i {p.forbund.namn}: § {p.nummer} {p.rubrik}.\n" + (f"\n{e.meddelande}\n" if e.meddelande else "")
        )
        mail = EmailMessage(
            subject=f"Protokollsutdrag § {p.nummer}/{p.ar} {p.rubrik} – {p.forbund.namn}",
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[e.epost],
        )
        mail.attach(f"protokollsutdrag-{p.ar}-{p.nummer}.pdf", pdf, "application/pdf")
        try:
            mail.send()
        except Exception as exc:  # recorded; a rerun retries only the failed ones
            log.exception("Protokollsutdrag till %s misslyckades", e.epost)
            Expediering.objects.filter(pk=e.pk).update(fel=str(exc)[:300])
            continue
        Expediering.objects.filter(pk=e.pk).update(skickad=timezone.now(), fel="")
        skickade += 1
    return skickade


@shared_task(name="styrelse.utdrag_expediera_task", acks_late=True, reject_on_worker_lost=True, soft_time_limit=300, time_limit=360)
def utdrag_expediera_task(expediering_ids: list[int]) -> int:
    return utdrag_expediera_epost(expediering_ids=expediering_ids)
