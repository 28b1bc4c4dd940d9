"""Pure rules of an enrolment: derived columns and every single-row check, on plain values.

`Inskrivning.clean()` and the spreadsheet import both call these functions, so a form, the API and a
file are refused by the same rule with the same Swedish message (the import calls them without
building model instances, which keeps 20 000 rows fast).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from .vokabular import ALDER_MAX, ALDER_MIN, FORSORJNINGSTID_MAX


class Harlett(NamedTuple):
    startar: int | None
    slutar: int | None
    alder: int | None
    dagar: int | None


class InsatsRamar(NamedTuple):
    """What the rules need of the intervention: its period and target-group ages."""

    kortnamn: str
    startdatum: dt.date | None
    slutdatum: dt.date | None
    alder_fran: int | None
    alder_till: int | None


def harled(*, samtycke: bool, inskriven: dt.date | None, avslutad: dt.date | None, fodelsear: int | None, startar: int | None) -> Harlett:
    """startar/slutar/alder/dagar from the dates (anonymous registrations keep only the start year)."""
    if inskriven is not None:
        startar = inskriven.year
    if not samtycke:
        return Harlett(startar, startar, None, None)
    alder = startar - fodelsear if fodelsear and startar else None
    slutar = avslutad.year if avslutad else None
    dagar = (avslutad - inskriven).days if avslutad and inskriven else None
    return Harlett(startar, slutar, alder, dagar)


def vantedagar(remitterad: dt.date | None, inskriven: dt.date | None) -> int | None:
    """Waiting time in days from referral to start; None when either date is unknown or the order is wrong."""
    if remitterad is None or inskriven is None or remitterad > inskriven:
        return None
    return (inskriven - remitterad).days


def tillagg_fel(
    *,
    inskriven: dt.date | None,
    remitterad: dt.date | None,
    forsorjningstid: int | None,
    narvaro_planerad: int | None,
    narvaro_faktisk: int | None,
    idag: dt.date,
) -> dict[str, str]:
    """Rules of the needs-and-goals fields (issue 18): referral date, time in public support, attendance."""
    ut: dict[str, str] = {}
    if remitterad is not None:
        if inskriven is not None and remitterad > inskriven:
            ut["remitterad"] = f"Remissdatum {remitterad:%Y-%m-%d} är efter inskrivningsdatum {inskriven:%Y-%m-%d}; remissen kommer före starten."
        elif remitterad > idag:
            ut["remitterad"] = f"Remissdatum {remitterad:%Y-%m-%d} ligger i framtiden."
    if forsorjningstid is not None and not 0 <= forsorjningstid <= FORSORJNINGSTID_MAX:
        ut["forsorjningstid"] = f"Tid i offentlig försörjning anges i månader, 0–{FORSORJNINGSTID_MAX}."
    if (narvaro_planerad is None) != (narvaro_faktisk is None):
        falt = "narvaro_faktisk" if narvaro_faktisk is None else "narvaro_planerad"
        ut[falt] = "Ange både planerade tillfällen och närvarotillfällen (eller inget av dem)."
    elif narvaro_planerad is not None and narvaro_faktisk is not None:
        if narvaro_planerad < 0 or narvaro_faktisk < 0:
            ut["narvaro_faktisk"] = "Antalet tillfällen kan inte vara negativt."
        elif narvaro_faktisk > narvaro_planerad:
            ut["narvaro_faktisk"] = f"Närvarotillfällena ({narvaro_faktisk}) kan inte vara fler än de planerade tillfällena ({narvaro_planerad})."
    return ut


def alder_utanfor(ramar: InsatsRamar | None, alder: int | None) -> bool:
    """True when the age at start is outside the intervention's target group."""
    if ramar is None or alder is None:
        return False
    return (ramar.alder_fran is not None and alder < ramar.alder_fran) or (ramar.alder_till is not None and alder > ramar.alder_till)


def malgrupp_text(ramar: InsatsRamar) -> str:
    if ramar.alder_fran is not None and ramar.alder_till is not None:
        return f"{ramar.alder_fran}–{ramar.alder_till} år"
    if ramar.alder_fran is not None:
        return f"från {ramar.alder_fran} år"
    return f"till {ramar.alder_till} år"


def fel(
    *,
    samtycke: bool,
    gallrad: bool,
    inskriven: dt.date | None,
    avslutad: dt.date | None,
    fodelsear: int | None,
    remittent: str,
    utbildning: str,
    forsorjning_in: str,
    forsorjning_ut: str,
    harlett: Harlett,
    ramar: InsatsRamar | None,
    alder_skal: str,
    idag: dt.date,
) -> dict[str, str]:
    """Every single-row rule; {} when the enrolment is valid. Keys are model field names."""
    ut: dict[str, str] = {}
    if not harlett.startar:
        ut["inskriven"] = "Ange inskrivningsdatum."
    if samtycke and not gallrad:
        if inskriven is None:
            ut["inskriven"] = "Ange inskrivningsdatum."
        for falt, varde, text in (
            ("fodelsear", fodelsear, "födelseår"),
            ("remittent", remittent, "remittent"),
            ("utbildning", utbildning, "utbildning"),
            ("forsorjning_in", forsorjning_in, "försörjning vid inskrivning"),
        ):
            if varde in (None, ""):
                ut[falt] = f"Ange {text}."
        alder = harlett.alder
        if alder is not None and not ALDER_MIN <= alder <= ALDER_MAX:
            ut["fodelsear"] = f"Deltagaren är {alder} år vid start ({harlett.startar} − {fodelsear}); tillåten ålder är {ALDER_MIN}–{ALDER_MAX} år."
        elif ramar is not None and alder_utanfor(ramar, alder) and not alder_skal.strip():
            ut["alder_skal"] = (
                f"Deltagaren är {alder} år vid start och {ramar.kortnamn} har målgruppen {malgrupp_text(ramar)}; "
                "ange skälet till att hen ändå skrivs in."
            )
        if avslutad and inskriven and avslutad < inskriven:
            ut["avslutad"] = f"Avslutsdatum {avslutad:%Y-%m-%d} är före inskrivningsdatum {inskriven:%Y-%m-%d}."
        if avslutad and not forsorjning_ut:
            ut["forsorjning_ut"] = "Ange försörjning vid avslut när deltagaren avslutas."
        if forsorjning_ut and not avslutad:
            ut["avslutad"] = "Ange avslutsdatum när försörjning vid avslut är ifylld."
        if avslutad and avslutad > idag:
            ut["avslutad"] = f"Avslutsdatum {avslutad:%Y-%m-%d} ligger i framtiden."
    if ramar is not None and not gallrad:
        ut.update(_period_fel(ramar, inskriven, avslutad, harlett.startar, ut))
    return ut


def _period_fel(
    ramar: InsatsRamar, inskriven: dt.date | None, avslutad: dt.date | None, startar: int | None, redan: dict[str, str]
) -> dict[str, str]:
    """The enrolment must lie within the intervention's period (for an anonymous registration: its start year)."""
    ut: dict[str, str] = {}
    start, slut = ramar.startdatum, ramar.slutdatum
    period = f"{start:%Y-%m-%d}–{slut:%Y-%m-%d}" if start and slut else f"från {start:%Y-%m-%d}" if start else ""
    if inskriven is not None and "inskriven" not in redan:
        if (start and inskriven < start) or (slut and inskriven > slut):
            ut["inskriven"] = f"Inskrivningsdatum {inskriven:%Y-%m-%d} ligger utanför perioden för {ramar.kortnamn} ({period})."
    elif inskriven is None and startar and "inskriven" not in redan and ((start and startar < start.year) or (slut and startar > slut.year)):
        ut["inskriven"] = f"Startåret {startar} ligger utanför perioden för {ramar.kortnamn} ({period})."
    if avslutad is not None and slut and avslutad > slut and "avslutad" not in redan:
        ut["avslutad"] = f"Avslutsdatum {avslutad:%Y-%m-%d} ligger efter att {ramar.kortnamn} slutade ({slut:%Y-%m-%d})."
    return ut
