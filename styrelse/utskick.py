"""Sending the notice: the kallelse PDF and a calendar invitation (.ics) to every recipient; each sending is recorded."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone

from finsam.models import Dokument

from .models import KallelseMottagare, Kallelseutskick, Sammantrade

log = logging.getLogger(__name__)
STOCKHOLM = ZoneInfo("Europe/Stockholm")


def _fold(rad: str) -> str:
    """RFC 5545 line folding at 75 octets."""
    data = rad.encode()
    if len(data) <= 75:
        return rad
    delar: list[str] = []
    aktuell = b""
    for tecken in rad:
        b = tecken.encode()
        if len(aktuell) + len(b) > (75 if not delar else 74):
            delar.append(aktuell.decode())
            aktuell = b""
        aktuell += b
    delar.append(aktuell.decode())
    return "\r\n ".join(delar)


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def kalenderinbjudan(mote: Sammantrade, *, arrangor: str = "") -> bytes:
    """An iCalendar (.ics) invitation for the meeting."""
    start = dt.datetime.combine(mote.datum, mote.starttid or dt.time(9, 0))
    slut = dt.datetime.combine(mote.datum, mote.sluttid or dt.time(15, 0))
    uid = hashlib.sha256(f"{mote.forbund_id}-{mote.pk}".encode()).hexdigest() + "@finsam"
    stamp = timezone.now().astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    rader = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Finsam//Styrelse//SV", "METHOD:PUBLISH", "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
        f"DTSTART;TZID=Europe/Stockholm:{start:%Y%m%dT%H%M%S}", f"DTEND;TZID=Europe/Stockholm:{slut:%Y%m%dT%H%M%S}",
        f"SUMMARY:{_esc(f'{mote.get_typ_display()} – {mote.forbund.namn}')}",
        f"LOCATION:{_esc(mote.plats)}",
        f"DESCRIPTION:{_esc('Kallelse och dagordning finns i bifogad PDF och i Finsam.')}",
    ]
    if arrangor:
        rader.append(f"ORGANIZER:mailto:{arrangor}")
    rader += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(_fold(r) for r in rader) + "\r\n").encode()


def _kallelse_pdf(mote: Sammantrade) -> bytes:
    """Render the notice now and keep it as the meeting's kallelse document (replacing a draft)."""
    from finsam.documents.services import dokument_spara_pdf

    from .pdf import kallelse_pdf
    from .selectors import kallelse_data

    pdf = kallelse_pdf(kallelse_data(mote))
    nyckel = f"styrelse:kallelse:{mote.pk}"
    d, _ = Dokument.objects.get_or_create(forbund=mote.forbund, nyckel=nyckel, defaults={
        "typ": "styrelse_kallelse", "titel": f"Kallelse {mote.datum:%Y-%m-%d}", "parametrar": {"sammantrade": mote.pk}})
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
    ics = kalenderinbjudan(mote, arrangor=mote.forbund.epost)
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
        mail.attach(f"styrelsemote-{mote.datum:%Y-%m-%d}.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
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
    return skickade
