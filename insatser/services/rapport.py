"""Services for reports due from interventions: schedule, uploads with versions, reminders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, RollTyp

from ..models import Insats, Rapport, Rapportversion
from .filer import kontrollera_fil

# When each kind of report is due: the half-year report by 31 August, the annual report by 31 January next year.
FORFALLER: dict[str, Callable[[int], dt.date]] = {
    Rapport.Typ.DELARSRAPPORT: lambda ar: dt.date(ar, 8, 31),
    Rapport.Typ.ARSRAPPORT: lambda ar: dt.date(ar + 1, 1, 31),
}
PAMINNELSE_INTERVALL = dt.timedelta(days=7)


@transaction.atomic
def rapport_create(*, insats: Insats, aktor: Any, typ: str, ar: int, forfallodatum: dt.date | None = None) -> Rapport:
    if typ not in Rapport.Typ.values:
        raise ValidationError("Okänd rapporttyp.")
    if forfallodatum is None:
        if typ not in FORFALLER:
            raise ValidationError("Ange när rapporten ska lämnas.")
        forfallodatum = FORFALLER[typ](ar)
    if Rapport.objects.filter(insats=insats, typ=typ, ar=ar).exists():
        raise ValidationError(f"{insats.kortnamn} har redan en {Rapport.Typ(typ).label.lower()} för {ar}.")
    rapport = Rapport(forbund_id=insats.forbund_id, insats=insats, typ=typ, ar=ar, forfallodatum=forfallodatum)
    rapport.full_clean()
    rapport.save()
    handelse_logga(aktor=aktor, forbund=insats.forbund, handling="rapport_skapa", objekt=rapport, andringar=diff({}, snapshot(rapport)))
    return rapport


@transaction.atomic
def rapport_schema_skapa(*, insats: Insats, aktor: Any) -> list[Rapport]:
    """Create the half-year and annual reports for every year of the intervention's period (existing ones are kept)."""
    sista = (insats.slutdatum or dt.date(max(insats.startdatum.year, timezone.localdate().year), 12, 31)).year
    skapade: list[Rapport] = []
    befintliga = set(Rapport.objects.filter(insats=insats).values_list("typ", "ar"))
    for ar in range(insats.startdatum.year, sista + 1):
        for typ in (Rapport.Typ.DELARSRAPPORT, Rapport.Typ.ARSRAPPORT):
            if (typ.value, ar) in befintliga:
                continue
            if typ == Rapport.Typ.DELARSRAPPORT and insats.startdatum > dt.date(ar, 6, 30):
                continue  # started after the first half of the year
            skapade.append(rapport_create(insats=insats, aktor=aktor, typ=typ, ar=ar))
    return skapade


@transaction.atomic
def rapportversion_ladda_upp(*, rapport: Rapport, aktor: Any, fil: UploadedFile, kommentar: str = "") -> Rapportversion:
    rapport = Rapport.objects.select_for_update().get(pk=rapport.pk)
    if not fil or not getattr(fil, "size", 0):
        raise ValidationError("Välj en fil att ladda upp.")
    kontrollera_fil(fil)
    nummer = (rapport.versioner.aggregate(m=Max("version"))["m"] or 0) + 1
    version = Rapportversion(
        forbund_id=rapport.forbund_id,
        rapport=rapport,
        version=nummer,
        fil=fil,
        kommentar=kommentar.strip(),
        uppladdad_av=aktor if getattr(aktor, "is_authenticated", False) else None,
    )
    version.full_clean()
    version.save()
    fore = snapshot(rapport)
    if rapport.inlamnad is None:
        rapport.inlamnad = timezone.now()
        rapport.save(update_fields=["inlamnad"])
    handelse_logga(
        aktor=aktor,
        forbund=rapport.forbund,
        handling="rapportversion_ladda_upp",
        objekt=rapport,
        andringar=diff(fore, snapshot(rapport)),
        detaljer={"version": nummer, "fil": version.fil.name},
    )
    return version


def _mottagare(forbund: Forbund) -> list[str]:
    User = get_user_model()
    adresser = set(
        User.objects.filter(roller__forbund=forbund, roller__roll__in=[RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR], is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if forbund.epost:
        adresser.add(forbund.epost)
    return sorted(adresser)


def rapport_paminnelser_skicka(*, idag: dt.date | None = None) -> int:
    """E-mail the kansli of each förbund about overdue reports not reminded in the last week. Returns e-mails sent."""
    idag = idag or timezone.localdate()
    nu = timezone.now()
    grans = nu - PAMINNELSE_INTERVALL
    forsenade = (
        Rapport.objects.forsenade(idag)
        .exclude(paminnelse_skickad__gt=grans)
        .select_related("insats", "forbund")
        .order_by("forbund_id", "forfallodatum")
    )
    per_forbund: dict[int, list[Rapport]] = {}
    for r in forsenade:
        per_forbund.setdefault(r.forbund_id, []).append(r)
    skickade = 0
    for rapporter in per_forbund.values():
        forbund = rapporter[0].forbund
        mottagare = _mottagare(forbund)
        if not mottagare:
            continue
        rader = [
            f"– {r.get_typ_display()} {r.ar} för {r.insats.kortnamn} skulle ha lämnats {r.forfallodatum:%Y-%m-%d} "
            f"({(idag - r.forfallodatum).days} dagar sedan)."
            for r in rapporter
        ]
        text = "Följande rapporter från insatser är försenade:\n\n" + "\n".join(rader) + "\n\nLadda upp dem under Insatser → Rapporter."
        with transaction.atomic():
            send_mail(f"{forbund.namn}: {len(rapporter)} försenade rapporter", text, settings.DEFAULT_FROM_EMAIL, mottagare)
            Rapport.objects.filter(pk__in=[r.pk for r in rapporter]).update(paminnelse_skickad=nu)
            handelse_logga(
                aktor=None,
                forbund=forbund,
                handling="rapport_paminnelse_skicka",
                detaljer={"rapporter": [r.pk for r in rapporter], "mottagare": mottagare},
            )
        skickade += 1
    return skickade
