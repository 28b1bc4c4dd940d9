"""Write use cases of the follow-up register. Each validates, writes in a transaction and leaves an audit event.

The spreadsheet import is `uppfoljning.services.importera`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from finsam.audit import diff, handelse_logga, snapshot
from finsam.models import Forbund, Handelse, Medlem
from insatser.models import Insats

from ..models import MASKERINGSGRANS_MIN, Deltagare, Importkorning, Inskrivning, Installning
from ..vokabular import PNR_I_KOD, personnummer_hash, personnummer_i_kod

IMPORTKORNING_DAGAR = 90


def _granskad(data: dict[str, Any]) -> dict[str, Any]:
    """Audit snapshot without direct identifiers (the code is pseudonymous; dates are kept as they are needed to trace changes)."""
    return {k: v for k, v in data.items() if k not in ("pnr_hash",)}


def deltagare_hitta(*, forbund: Forbund, personnummer: str) -> Deltagare | None:
    """Find a returning person by personnummer (validated, compared by keyed hash only)."""
    try:
        nyckel = personnummer_hash(personnummer)
    except ValueError as exc:
        raise ValidationError({"personnummer": str(exc)}) from exc
    return Deltagare.objects.filter(forbund=forbund, pnr_hash=nyckel).first()


@transaction.atomic
def deltagare_create(*, forbund: Forbund, aktor: Any, kod: str, personnummer: str = "") -> Deltagare:
    kod = kod.strip()
    if personnummer_i_kod(kod):
        raise ValidationError({"kod": PNR_I_KOD})
    deltagare = Deltagare(forbund=forbund, kod=kod)
    if personnummer.strip():
        try:
            deltagare.pnr_hash = personnummer_hash(personnummer)
        except ValueError as exc:
            raise ValidationError({"personnummer": str(exc)}) from exc
        befintlig = Deltagare.objects.filter(forbund=forbund, pnr_hash=deltagare.pnr_hash).first()
        if befintlig is not None:
            raise ValidationError({"personnummer": f"Personen finns redan som deltagare {befintlig.kod}; skriv in hen på nytt under den koden."})
    if Deltagare.objects.filter(forbund=forbund, kod__iexact=kod).exists():
        raise ValidationError({"kod": f"Deltagarkoden {kod} används redan."})
    deltagare.full_clean(validate_constraints=False)
    deltagare.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="deltagare_skapa",
        objekt=deltagare,
        andringar=diff({}, _granskad(snapshot(deltagare))),
        detaljer={"personnummer_angivet": bool(deltagare.pnr_hash)},
    )
    return deltagare


def _kontrollera_oppen(inskrivning: Inskrivning) -> None:
    if inskrivning.slutar is not None:
        return
    finns = Inskrivning.objects.filter(insats_id=inskrivning.insats_id, deltagare_id=inskrivning.deltagare_id, slutar__isnull=True)
    if inskrivning.pk:
        finns = finns.exclude(pk=inskrivning.pk)
    if finns.exists():
        raise ValidationError({"insats": "Deltagaren har redan en pågående inskrivning i insatsen; avsluta den först."})


def hemkommun_tolka(forbund: Forbund, varde: Any) -> Medlem | None:
    """A home kommun from a member (page forms) or its code or name (API, import); a Swedish refusal otherwise."""
    if varde in (None, ""):
        return None
    kommuner = Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)
    if isinstance(varde, Medlem):
        if varde.forbund_id == forbund.pk and varde.typ == Medlem.Typ.KOMMUN:
            return varde
    else:
        text = str(varde).strip().lower()
        for medlem in kommuner:
            if text in (medlem.kod.lower(), medlem.namn.lower(), medlem.namn.lower().removesuffix(" kommun")):
                return medlem
    tillatna = ", ".join(f"{m.kod} ({m.namn})" for m in kommuner) or "(inga medlemskommuner registrerade)"
    raise ValidationError({"hemkommun": f"Hemkommunen ska vara en av förbundets medlemskommuner: {tillatna}."}, code="invalid")


def _tolka_hemkommun(forbund: Forbund, falt: dict[str, Any]) -> None:
    if "hemkommun" in falt:
        falt["hemkommun"] = hemkommun_tolka(forbund, falt["hemkommun"])


@transaction.atomic
def inskrivning_create(*, forbund: Forbund, aktor: Any, insats: Insats, deltagare: Deltagare, **falt: Any) -> Inskrivning:
    """Enrol a participant in an intervention (entry data; exit data may be given too for a past enrolment)."""
    if insats.forbund_id != forbund.pk or deltagare.forbund_id != forbund.pk:
        raise ValidationError("Insatsen och deltagaren måste tillhöra förbundet.")
    if insats.inriktning != Insats.Inriktning.INDIVID:
        raise ValidationError({"insats": f"{insats.kortnamn} är en strukturinriktad insats; deltagare skrivs bara in i individinriktade insatser."})
    _tolka_hemkommun(forbund, falt)
    inskrivning = Inskrivning(forbund=forbund, insats=insats, deltagare=deltagare, **falt)
    if inskrivning.inskriven is None and not inskrivning.samtycke and not falt.get("startar"):
        raise ValidationError({"inskriven": "Ange inskrivningsdatum."})
    inskrivning.full_clean(validate_constraints=False)
    _kontrollera_oppen(inskrivning)
    inskrivning.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="inskrivning_skapa",
        objekt=inskrivning,
        andringar=diff({}, snapshot(inskrivning)),
        detaljer={"insats": insats.kortnamn, "deltagare": deltagare.kod},
    )
    return inskrivning


@transaction.atomic
def inskrivning_registrera(*, forbund: Forbund, aktor: Any, kod: str, personnummer: str, insats: Insats, **falt: Any) -> tuple[Inskrivning, bool]:
    """Enrol by code and/or personnummer: a returning person is found by the keyed hash, a new code creates a participant.

    Returns (enrolment, recognised by personnummer). All or nothing.
    """
    kod = (kod or "").strip()
    if personnummer_i_kod(kod):
        raise ValidationError({"kod": PNR_I_KOD})
    deltagare: Deltagare | None = None
    igenkand = False
    if personnummer.strip():
        deltagare = deltagare_hitta(forbund=forbund, personnummer=personnummer)
        if deltagare is not None:
            if kod and kod != deltagare.kod:
                raise ValidationError({"kod": f"Personnumret hör till deltagare {deltagare.kod}, inte {kod}."})
            igenkand = True
        elif not kod:
            raise ValidationError({"kod": "Personen finns inte sedan tidigare; ange en ny deltagarkod."})
    if deltagare is None:
        deltagare = Deltagare.objects.filter(forbund=forbund, kod=kod).first()
        if deltagare is not None and personnummer.strip():
            raise ValidationError({"personnummer": f"Deltagare {kod} finns redan med ett annat (eller inget) personnummer."})
        if deltagare is None:
            deltagare = deltagare_create(forbund=forbund, aktor=aktor, kod=kod, personnummer=personnummer)
    return inskrivning_create(forbund=forbund, aktor=aktor, insats=insats, deltagare=deltagare, **falt), igenkand


@transaction.atomic
def inskrivning_avsluta(*, forbund: Forbund, aktor: Any, inskrivning: Inskrivning, avslutad: dt.date | None, forsorjning_ut: str) -> Inskrivning:
    """Register the exit: date and means of support / destination."""
    inskrivning = Inskrivning.objects.select_for_update().get(pk=inskrivning.pk, forbund=forbund)
    if not inskrivning.samtycke:
        raise ValidationError("En anonym registrering (utan samtycke) har inga avslutsuppgifter.")
    if inskrivning.slutar is not None:
        datum = f" ({inskrivning.avslutad:%Y-%m-%d})" if inskrivning.avslutad else ""
        raise ValidationError(f"Inskrivningen är redan avslutad{datum}.")
    if avslutad is None:
        raise ValidationError({"avslutad": "Ange avslutsdatum."})
    if not forsorjning_ut:
        raise ValidationError({"forsorjning_ut": "Ange försörjning vid avslut när deltagaren avslutas."})
    fore = snapshot(inskrivning)
    inskrivning.avslutad = avslutad
    inskrivning.forsorjning_ut = forsorjning_ut
    inskrivning.full_clean(validate_constraints=False)
    inskrivning.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="inskrivning_avsluta",
        objekt=inskrivning,
        andringar=diff(fore, snapshot(inskrivning)),
        detaljer={"deltagare": inskrivning.deltagare.kod},
    )
    return inskrivning


ANDRINGSBARA = [
    "samtycke_datum",
    "kon",
    "fodelsear",
    "remittent",
    "utbildning",
    "forsorjning_in",
    "inskriven",
    "avslutad",
    "forsorjning_ut",
    "alder_skal",
    "hemkommun",
    "forsorjningstid",
    "remitterad",
    "narvaro_planerad",
    "narvaro_faktisk",
]


@transaction.atomic
def inskrivning_andra(*, forbund: Forbund, aktor: Any, inskrivning: Inskrivning, **falt: Any) -> Inskrivning:
    """Correct an enrolment's entry or exit data (e.g. a mistyped exit date); the same rules as at entry apply."""
    inskrivning = Inskrivning.objects.select_for_update().get(pk=inskrivning.pk, forbund=forbund)
    if inskrivning.gallrad:
        raise ValidationError("Inskrivningen är avidentifierad och kan inte ändras.")
    if not inskrivning.samtycke:
        raise ValidationError("En anonym registrering (utan samtycke) kan inte kompletteras.")
    okanda = set(falt) - set(ANDRINGSBARA)
    if okanda:
        raise ValidationError(f"Fälten {', '.join(sorted(okanda))} kan inte ändras.")
    _tolka_hemkommun(forbund, falt)
    fore = snapshot(inskrivning)
    for namn, varde in falt.items():
        setattr(inskrivning, namn, varde)
    inskrivning.full_clean(validate_constraints=False)
    _kontrollera_oppen(inskrivning)
    andringar = diff(fore, snapshot(inskrivning))
    if not andringar:
        return inskrivning
    inskrivning.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="inskrivning_andra",
        objekt=inskrivning,
        andringar=andringar,
        detaljer={"deltagare": inskrivning.deltagare.kod},
    )
    return inskrivning


@transaction.atomic
def installning_spara(*, forbund: Forbund, aktor: Any, maskeringsgrans: int, gallring_ar: int) -> Installning:
    obj = Installning.objects.select_for_update().filter(forbund=forbund).first() or Installning(forbund=forbund)
    fore = snapshot(obj) if obj.pk else {}
    obj.maskeringsgrans = maskeringsgrans
    obj.gallring_ar = gallring_ar
    if not MASKERINGSGRANS_MIN <= maskeringsgrans <= 100:
        raise ValidationError(
            {
                "maskeringsgrans": f"Maskeringsgränsen ska vara mellan {MASKERINGSGRANS_MIN} och 100; "
                "maskeringen kan inte stängas av för styrelse, revisorer och publicering."
            }
        )
    if not 1 <= gallring_ar <= 50:
        raise ValidationError({"gallring_ar": "Gallringstiden ska vara mellan 1 och 50 år."})
    obj.full_clean(validate_constraints=False)
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="uppfoljning_installning_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def inskrivningar_gallra(*, forbund: Forbund, aktor: Any = "gallring", idag: dt.date | None = None) -> dict[str, int]:
    """Make participant data anonymous `gallring_ar` years after the exit.

    Keeps what the reports read (codes, gender, age at start, start/end year, days) so published
    aggregates stay reproducible; removes exact dates, year of birth, consent date, the participant's
    code and personnummer hash once none of the person's enrolments is open or recent, and the values
    in those rows' audit events. Idempotent.
    """
    idag = idag or dt.date.today()
    ar = Installning.objects.filter(forbund=forbund).values_list("gallring_ar", flat=True).first() or Installning().gallring_ar
    try:
        grans = idag.replace(year=idag.year - ar)
    except ValueError:  # 29 February
        grans = idag.replace(year=idag.year - ar, day=28)
    gamla = Inskrivning.objects.filter(forbund=forbund, gallrad=False, avslutad__isnull=False, avslutad__lte=grans)
    gamla_ids = [str(pk) for pk in gamla.values_list("id", flat=True)]
    antal_inskrivningar = gamla.update(gallrad=True, inskriven=None, avslutad=None, fodelsear=None, samtycke_datum=None, remitterad=None)
    aktiva = Inskrivning.objects.filter(forbund=forbund, gallrad=False, samtycke=True).values("deltagare_id")
    kandidater = Deltagare.objects.filter(forbund=forbund, gallrad=False, inskrivningar__gallrad=True).exclude(id__in=aktiva)
    ids = list(kandidater.values_list("id", flat=True).distinct())
    # The code must stay unique: replace it by a non-identifying one.
    antal_deltagare = Deltagare.objects.filter(id__in=ids).update(kod=Concat(Value("gallrad-"), Cast("id", CharField())), pnr_hash="", gallrad=True)
    # The audit trail of these rows held the same details: keep who did what and when, drop the values.
    Handelse.objects.filter(forbund=forbund, objekttyp=Inskrivning._meta.label_lower, objekt_id__in=gamla_ids).update(
        andringar={}, detaljer={"gallrad": True}
    )
    Handelse.objects.filter(forbund=forbund, objekttyp=Deltagare._meta.label_lower, objekt_id__in=[str(i) for i in ids]).update(
        andringar={}, detaljer={"gallrad": True}, objekt_text="gallrad"
    )
    # Finished background import runs list changed rows (codes, dates): kept 90 days for follow-up, then removed.
    antal_korningar, _ = Importkorning.objects.filter(
        forbund=forbund, skapad__date__lt=idag - dt.timedelta(days=IMPORTKORNING_DAGAR), status__in=["klar", "avvisad"]
    ).delete()
    resultat = {"inskrivningar": antal_inskrivningar, "deltagare": antal_deltagare, "importkorningar": antal_korningar}
    if antal_inskrivningar or antal_deltagare or antal_korningar:
        handelse_logga(aktor=aktor, forbund=forbund, handling="uppfoljning_gallra", detaljer={**resultat, "grans": grans, "gallring_ar": ar})
    return resultat
