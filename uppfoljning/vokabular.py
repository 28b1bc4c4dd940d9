"""The SUS vocabulary: codes, Swedish labels, accepted aliases, and the personal identity number check.

Every import, form and API input goes through `tolka()` so that codes and Swedish labels are
accepted alike (case-insensitive); errors name the value and what is allowed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re

from django.conf import settings
from django.db import models
from stdnum import luhn
from stdnum.se import personnummer as stdnum_personnummer


class Kon(models.TextChoices):
    KVINNA = "kvinna", "Kvinna"
    MAN = "man", "Man"
    ANNAT = "annat", "Icke binär/annat"


class Remittent(models.TextChoices):
    AF = "af", "Arbetsförmedlingen"
    FK = "fk", "Försäkringskassan"
    KOMMUN = "kommun", "Kommun"
    REGION = "region", "Region"
    ANNAN = "annan", "Annan/egen kontakt"


class Utbildning(models.TextChoices):
    SAKNAR_GRUNDSKOLA = "saknar_grundskola", "Saknar fullständig grundskola"
    GRUNDSKOLA = "grundskola", "Grundskola"
    GRUNDSARSKOLA = "grundsarskola", "Grundsärskola"
    GYMNASIUM = "gymnasium", "Gymnasium"
    GYMNASIESARSKOLA = "gymnasiesarskola", "Gymnasiesärskola"
    EFTERGYMNASIAL_KORT = "eftergymnasial_kort", "Eftergymnasial utbildning kortare än 3 år"
    EFTERGYMNASIAL_LANG = "eftergymnasial_lang", "Eftergymnasial utbildning 3 år eller mer"
    OKAND = "okand", "Okänd"


class Forsorjning(models.TextChoices):
    ARBETE = "arbete", "Arbete"
    STUDIER = "studier", "Studier"
    A_KASSA = "a_kassa", "A-kassa"
    AKTIVITETSSTOD = "aktivitetsstod", "Aktivitetsstöd/utvecklingsersättning"
    SJUK_REHABPENNING = "sjuk_rehabpenning", "Sjuk-/rehabpenning"
    SJUKERSATTNING = "sjukersattning", "Sjukersättning"
    AKTIVITETSERSATTNING = "aktivitetsersattning", "Aktivitetsersättning"
    FORSORJNINGSSTOD = "forsorjningsstod", "Försörjningsstöd"
    ETABLERINGSERSATTNING = "etableringsersattning", "Etableringsersättning"
    ANNAN_OFFENTLIG = "annan_offentlig", "Annan offentlig försörjning"
    INGEN_OFFENTLIG = "ingen_offentlig", "Ingen offentlig försörjning"
    OKAND = "okand", "Okänd"


ALDERSGRUPPER: list[tuple[str, int, int]] = [("16-29", 0, 29), ("30-44", 30, 44), ("45-59", 45, 59), ("60-64", 60, 200)]
ALDER_MIN, ALDER_MAX = 15, 67
# Time in public support at entry (months), banded for reports: (code, label, from, to).
FORSORJNINGSTID_MAX = 600
FORSORJNINGSTID_BAND: list[tuple[str, str, int, int]] = [
    ("0-5", "Under 6 månader", 0, 5),
    ("6-11", "6–11 månader", 6, 11),
    ("12-23", "1–2 år", 12, 23),
    ("24-59", "2–5 år", 24, 59),
    ("60-", "5 år eller mer", 60, FORSORJNINGSTID_MAX),
]
KON_KODER = [k.value for k in Kon]
ARBETE_STUDIER = (Forsorjning.ARBETE.value, Forsorjning.STUDIER.value)

# Extra spellings seen in spreadsheets (lower case) → code.
_ALIAS: dict[type[models.TextChoices], dict[str, str]] = {
    Kon: {"k": "kvinna", "kvinnor": "kvinna", "m": "man", "män": "man", "icke binär": "annat", "icke-binär": "annat", "annat": "annat"},
    Remittent: {"arbetsförmedlingen": "af", "försäkringskassan": "fk", "egen kontakt": "annan", "annan": "annan", "landsting": "region"},
    Utbildning: {
        "grundsärskola": "grundsarskola",
        "gymnasiesärskola": "gymnasiesarskola",
        "okänd": "okand",
        "saknas": "okand",
        "saknas/okänd": "okand",
        "eftergymnasial <3 år": "eftergymnasial_kort",
        "eftergymnasial 3 år eller mer": "eftergymnasial_lang",
    },
    Forsorjning: {
        "lön": "arbete",
        "studiestöd": "studier",
        "a-kassa": "a_kassa",
        "aktivitetsstöd": "aktivitetsstod",
        "utvecklingsersättning": "aktivitetsstod",
        "sjukpenning": "sjuk_rehabpenning",
        "rehabiliteringspenning": "sjuk_rehabpenning",
        "annat offentlig försörjning": "annan_offentlig",
        "okänd": "okand",
    },
}


def _nyckel(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def _tabell(choices: type[models.TextChoices]) -> dict[str, str]:
    tabell = {_nyckel(c.value): c.value for c in choices}
    tabell.update({_nyckel(str(c.label)): c.value for c in choices})
    tabell.update(_ALIAS.get(choices, {}))
    return tabell


_TABELLER: dict[type[models.TextChoices], dict[str, str]] = {}


def tillatna(choices: type[models.TextChoices]) -> str:
    """'kvinna (Kvinna), man (Man), …' – for error messages."""
    return ", ".join(f"{c.value} ({c.label})" if c.value != str(c.label).lower() else c.value for c in choices)


def tolka(choices: type[models.TextChoices], varde: object) -> str:
    """A code from a code or a Swedish label (case-insensitive); ValueError in Swedish otherwise."""
    if choices not in _TABELLER:
        _TABELLER[choices] = _tabell(choices)
    text = "" if varde is None else str(varde)
    kod = _TABELLER[choices].get(_nyckel(text))
    if kod is None:
        raise ValueError(f"värdet ”{text}” är inte tillåtet; tillåtna värden: {tillatna(choices)}")
    return kod


def forsorjningstid_band(manader: int | None) -> str:
    """The band code of a time in public support in months; "" when unknown."""
    if manader is None:
        return ""
    return next((kod for kod, _, lag, hog in FORSORJNINGSTID_BAND if lag <= manader <= hog), "")


def aldersgrupp(alder: int | None) -> str | None:
    if alder is None:
        return None
    for namn, lag, hog in ALDERSGRUPPER:
        if lag <= alder <= hog:
            return namn
    return None


# --- Personal identity numbers (personnummer / samordningsnummer) ---------------------------------

_PNR = re.compile(r"^(\d{2})?(\d{2})(\d{2})(\d{2})[-+]?(\d{4})$")


def _luhn_ok(siffror: str) -> bool:
    summa = 0
    for i, tecken in enumerate(siffror):
        v = int(tecken) * (2 if i % 2 == 0 else 1)
        summa += v - 9 if v > 9 else v
    return summa % 10 == 0


def personnummer_normalisera(text: str, idag: dt.date | None = None) -> str:
    """Validate a personnummer (or samordningsnummer) and return its 10-digit form YYMMDDNNNC.

    Accepts YYYYMMDD-NNNN, YYMMDD-NNNN, with or without the separator. Raises ValueError in Swedish.
    """
    m = _PNR.match(re.sub(r"\s", "", text or ""))
    if not m:
        raise ValueError("Personnumret ska skrivas ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.")
    sekel, yy, mm, dd, nummer = m.groups()
    idag = idag or dt.date.today()
    if sekel is None:
        sekel = str(idag.year // 100 if int(yy) <= idag.year % 100 else idag.year // 100 - 1)
        if "+" in text:  # 100 years or older
            sekel = str(int(sekel) - 1)
    dag = int(dd) - 60 if int(dd) > 60 else int(dd)  # samordningsnummer: day + 60
    try:
        dt.date(int(sekel + yy), int(mm), dag)
    except ValueError as exc:
        raise ValueError("Personnumret innehåller inget giltigt datum.") from exc
    tio = f"{yy}{mm}{dd}{nummer}"
    if not _luhn_ok(tio):
        raise ValueError("Personnumrets kontrollsiffra stämmer inte.")
    return tio


# 10 or 12 digits, optionally with a separator (-, + or a space) before the last four.
_PNR_FORM = re.compile(r"^(?:\d{2})?\d{6}[-+ ]?\d{4}$")
PNR_I_KOD = (
    "Deltagarkoden ser ut som ett personnummer eller samordningsnummer. Personnummer får aldrig användas som deltagarkod: "
    "skriv det i fältet Personnummer (det sparas bara som nyckelhash) och välj en pseudonym kod."
)


def liknar_personnummer(text: object) -> bool:
    """True for a valid Swedish personnummer or samordningsnummer (day + 60): 10 or 12 digits, with or without separator,
    a real date and a correct check digit (python-stdnum's Luhn). Used to refuse such text as a participant code."""
    kompakt = str(text or "").strip()
    if not _PNR_FORM.match(kompakt):
        return False
    siffror = re.sub(r"\D", "", kompakt)
    tio = siffror[-10:]
    if not luhn.is_valid(tio):
        return False
    yy, mm, dd = int(tio[0:2]), int(tio[2:4]), int(tio[4:6])
    if dd > 60:  # samordningsnummer
        dd -= 60
    arhundraden = [int(siffror[:2]) * 100] if len(siffror) == 12 else [1900, 2000]
    for sekel in arhundraden:
        try:
            dt.date(sekel + yy, mm, dd)
        except ValueError:
            continue
        if len(siffror) == 12 and dd == int(tio[4:6]):
            return bool(stdnum_personnummer.is_valid(siffror))
        return True
    return False


_SIFFERLOPP = re.compile(r"\d[\d\-+_. ]*\d")


def personnummer_i_kod(kod: object) -> str | None:
    """The personnummer or samordningsnummer hidden in a participant code, or None.

    Beyond `liknar_personnummer` (the whole code is one), also a number written with another separator the
    code allows (`751224_3457`, `1975.12.24-3457`) or inside a longer code (`P19751224-3457`, `K_7512243457`):
    any run of consecutive digit groups with 10 or 12 digits in all that is a valid number. Returns the
    code itself or those digits (both accepted by `personnummer_hash`).
    """
    text = str(kod or "").strip()
    if liknar_personnummer(text):
        return text
    for lopp in _SIFFERLOPP.finditer(text):
        grupper = re.findall(r"\d+", lopp.group(0))
        for i in range(len(grupper)):
            for j in range(i + 1, len(grupper) + 1):
                siffror = "".join(grupper[i:j])
                if len(siffror) > 12:
                    break
                if len(siffror) in (10, 12) and liknar_personnummer(siffror):
                    return siffror
    return None


def filnamn_utan_personnummer(filnamn: str) -> str:
    """A file name as it may be stored and audited: one that holds a personnummer becomes `import.<ändelse>`."""
    stam, punkt, andelse = filnamn.rpartition(".")
    if personnummer_i_kod(stam if punkt else filnamn) is None:
        return filnamn
    return f"import.{andelse}" if punkt else "import"


def personnummer_hash(text: str) -> str:
    """The keyed hash (HMAC-SHA256 with settings.PSEUDONYM_KEY) of a valid personnummer; never store the number."""
    tio = personnummer_normalisera(text)
    return hmac.new(settings.PSEUDONYM_KEY.encode(), tio.encode(), hashlib.sha256).hexdigest()
