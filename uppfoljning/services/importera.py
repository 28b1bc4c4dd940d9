"""The participant import: one door (`deltagare_import_starta`) for the page, the API and the command.

A file is read within hard limits (`fil.py`), every row is validated with the same rules as a form or the API
(`regler.py`: the model's `clean()` calls the same functions), and everything is written at once (COPY on
PostgreSQL) or nothing. Validation works on plain values, not model instances, so 20 000 rows take well under a
second. Every faulty cell gives a Swedish message naming row, column, value and what is allowed; a value that
looks like a personnummer is never echoed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.models import Forbund, Medlem
from insatser.models import Insats

from .. import regler
from ..models import KOD_VALIDATOR, Deltagare, Inskrivning
from ..vokabular import PNR_I_KOD, Forsorjning, Kon, Remittent, Utbildning, personnummer_i_kod, tolka
from .fil import las_fil
from .skriv import infoga, uppdatera

KOLUMNER = [
    "insats",
    "deltagare_id",
    "kon",
    "fodelsear",
    "remittent",
    "utbildning",
    "forsorjning_in",
    "inskriven",
    "avslutad",
    "forsorjning_ut",
    "samtycke",
]
VALFRIA = ["alder_skal", "hemkommun", "forsorjningstid", "remitterad", "narvaro_planerad", "narvaro_faktisk"]
# Optional columns → the value an enrolment gets when the file lacks the column (an existing enrolment keeps its own).
VALFRIA_VARDEN = {
    "alder_skal": "",
    "hemkommun_id": None,
    "forsorjningstid": None,
    "remitterad": None,
    "narvaro_planerad": None,
    "narvaro_faktisk": None,
}
MAX_FEL = 200
_KOD = re.compile(KOD_VALIDATOR.regex) if isinstance(KOD_VALIDATOR.regex, str) else KOD_VALIDATOR.regex
MAX_ANDRINGAR = 500
JA = {"ja", "j", "yes", "true", "1", "x"}
NEJ = {"nej", "n", "no", "false", "0"}
# The compared and written values of an enrolment, in this order.
VARDEN = [
    "kon",
    "fodelsear",
    "remittent",
    "utbildning",
    "forsorjning_in",
    "inskriven",
    "avslutad",
    "forsorjning_ut",
    "samtycke",
    "samtycke_datum",
    "alder_skal",
    "hemkommun_id",
    "forsorjningstid",
    "remitterad",
    "narvaro_planerad",
    "narvaro_faktisk",
    "startar",
    "slutar",
    "alder",
    "dagar",
    "vantedagar",
]
NY_FALT = ["forbund", "insats", "deltagare", *VARDEN, "gallrad", "andrad"]


@dataclass
class ImportResultat:
    rader: int
    nya: int
    uppdaterade: int
    oforandrade: int
    nya_deltagare: int
    sha256: str
    torrkorning: bool
    andringar: list[dict[str, Any]] = field(default_factory=list)

    def sammanfattning(self) -> str:
        if self.torrkorning:
            return (
                f"Provkörning: {self.rader} rader lästes. {self.nya} nya inskrivningar skulle skapas, {self.uppdaterade} skulle "
                f"uppdateras, {self.oforandrade} är oförändrade. Inget har sparats."
            )
        return (
            f"{self.rader} rader importerades: {self.nya} nya inskrivningar, {self.uppdaterade} uppdaterade, "
            f"{self.oforandrade} oförändrade, {self.nya_deltagare} nya deltagarkoder."
        )


def visa(varde: str) -> str:
    """A cell value as it may appear in a message: a personnummer is never echoed."""
    return "(ser ut som ett personnummer – visas inte)" if personnummer_i_kod(varde) else varde


def _kod(choices: Any) -> Any:
    return lambda text: tolka(choices, text) if text else ""


def _datum(text: str) -> dt.date | None:
    if not text:
        return None
    if len(text) == 19 and text.endswith(" 00:00:00"):
        text = text[:10]
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"värdet ”{visa(text)}” är inget giltigt datum; skriv ÅÅÅÅ-MM-DD") from None


def _ar(text: str) -> int | None:
    if not text:
        return None
    if not (text.isdigit() and len(text) == 4):
        raise ValueError(f"värdet ”{visa(text)}” är inget årtal; skriv fyra siffror, t.ex. 1990")
    return int(text)


def _heltal(storsta: int) -> Any:
    def tolk(text: str) -> int | None:
        if not text:
            return None
        if not (text.isdigit() and int(text) <= storsta):
            raise ValueError(f"värdet ”{visa(text)}” är inget heltal mellan 0 och {storsta}")
        return int(text)

    return tolk


class _Kommuner:
    def __init__(self, forbund: Forbund) -> None:
        kommuner = Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN)
        self.per_namn: dict[str, int] = {}
        for m in kommuner:
            for namn in (m.kod, m.namn, m.namn.removesuffix(" kommun")):
                self.per_namn[namn.lower()] = m.pk
        self.kanda = ", ".join(sorted(m.kod for m in kommuner)) or "(inga medlemskommuner registrerade)"

    def __call__(self, text: str) -> int | None:
        if not text:
            return None
        pk = self.per_namn.get(text.lower())
        if pk is None:
            raise ValueError(f"kommunen ”{visa(text)}” är ingen av förbundets medlemskommuner; tillåtna: {self.kanda}")
        return pk


def _samtycke(text: str) -> bool:
    t = text.lower()
    if t in JA:
        return True
    if t in NEJ:
        return False
    raise ValueError(f"värdet ”{visa(text)}” är inte tillåtet; tillåtna värden: ja, nej")


def _deltagarkod(text: str) -> str:
    if personnummer_i_kod(text):
        raise ValueError(PNR_I_KOD)
    if not _KOD.search(text):
        raise ValueError(f"värdet ”{text}” är ingen giltig deltagarkod; tillåtet är 1–40 tecken: bokstäver, siffror, punkt, bindestreck, understreck")
    return text


class _Insatser:
    def __init__(self, forbund: Forbund) -> None:
        self.forbund = forbund
        alla = Insats.objects.filter(forbund=forbund).only("id", "kortnamn", "inriktning", "startdatum", "slutdatum", "alder_fran", "alder_till")
        self.per_namn = {i.kortnamn.lower(): i for i in alla}
        self.ramar = {i.pk: regler.InsatsRamar(i.kortnamn, i.startdatum, i.slutdatum, i.alder_fran, i.alder_till) for i in alla}
        self.kanda = ", ".join(sorted(i.kortnamn for i in alla if i.inriktning == Insats.Inriktning.INDIVID))

    def __call__(self, text: str) -> int:
        insats = self.per_namn.get(text.lower())
        if insats is None:
            raise ValueError(
                f"insatsen ”{visa(text)}” finns inte i förbundet; tillåtna kortnamn: {self.kanda or '(inga individinriktade insatser registrerade)'}"
            )
        if insats.inriktning != Insats.Inriktning.INDIVID:
            raise ValueError(f"insatsen ”{text}” är strukturinriktad; deltagare skrivs bara in i individinriktade insatser")
        return int(insats.pk)


def _nyckel(insats_id: int, kod: str, samtycke: bool, inskriven: dt.date | None, startar: int | None) -> tuple[Any, ...]:
    return (insats_id, kod, inskriven) if samtycke else (insats_id, kod, "anonym", startar)


class _Celler:
    """The stripped cell texts of one row, read from the parsed columns only when a message needs them."""

    __slots__ = ("kolumner", "pos")

    def __init__(self, kolumner: dict[str, list[str]], pos: int) -> None:
        self.kolumner, self.pos = kolumner, pos

    def get(self, namn: str, standard: str = "") -> str:
        kolumn = self.kolumner.get(namn)
        return kolumn[self.pos] if kolumn is not None else standard


@dataclass(slots=True)
class _Rad:
    nr: int
    insats_id: int
    kod: str
    varden: dict[str, Any]
    celler: _Celler


def _tolka_rader(tabell: Any, insatser: _Insatser, fel: list[str]) -> list[_Rad]:
    """Column-wise: each column's distinct values are parsed once, then mapped over the column; bad cells become messages
    (in row order, then column order), good rows plain values."""
    tolkar: dict[str, Any] = {
        "insats": insatser,
        "deltagare_id": _deltagarkod,
        "kon": _kod(Kon),
        "fodelsear": _ar,
        "remittent": _kod(Remittent),
        "utbildning": _kod(Utbildning),
        "forsorjning_in": _kod(Forsorjning),
        "inskriven": _datum,
        "avslutad": _datum,
        "forsorjning_ut": _kod(Forsorjning),
        "samtycke": _samtycke,
        "alder_skal": str,
        "hemkommun": _Kommuner(insatser.forbund),
        "forsorjningstid": _heltal(600),
        "remitterad": _datum,
        "narvaro_planerad": _heltal(100000),
        "narvaro_faktisk": _heltal(100000),
    }
    index = [(namn, tabell.rubriker.index(namn), tolkar[namn]) for namn in [*KOLUMNER, *VALFRIA] if namn in tabell.rubriker]
    nummer = [nr for nr, _ in tabell.rader]
    kolumner = list(zip(*(celler for _, celler in tabell.rader), strict=True))
    felceller: list[tuple[int, int, str]] = []
    namnlista: list[str] = []
    vardekolumner: list[list[Any]] = []
    textkolumner: dict[str, list[str]] = {}
    for ordning, (namn, i, tolk) in enumerate(index):
        kolumn = kolumner[i]
        karta: dict[str, tuple[str, Any, str | None]] = {}
        for unik in set(kolumn):
            text = unik.strip()
            try:
                karta[unik] = (text, tolk(text), None)
            except ValueError as exc:
                karta[unik] = (text, None, str(exc))
        trasiga = {u for u, (_, _, m) in karta.items() if m is not None}
        if trasiga:
            felceller.extend(
                (pos, ordning, f"Rad {nummer[pos]}, kolumn {namn}: {(karta[u][2] or '').rstrip('.')}.")
                for pos, u in enumerate(kolumn)
                if u in trasiga
            )
        namnlista.append(namn)
        vardekolumner.append([karta[u][1] for u in kolumn])
        textkolumner[namn] = [karta[u][0] for u in kolumn]
    fel.extend(m for _, _, m in sorted(felceller))
    daliga = {pos for pos, _, _ in felceller}
    rader: list[_Rad] = []
    for pos, varden_rad in enumerate(zip(*vardekolumner, strict=True)):
        if pos in daliga:
            continue
        varden = dict(zip(namnlista, varden_rad, strict=True))
        if "hemkommun" in varden:
            varden["hemkommun_id"] = varden.pop("hemkommun")
        rader.append(_Rad(nummer[pos], varden.pop("insats"), varden.pop("deltagare_id"), varden, _Celler(textkolumner, pos)))
    return rader


def _regler(rad: _Rad, ramar: regler.InsatsRamar, idag: dt.date, fel: list[str]) -> bool:
    """Normalise (anonymous rows keep gender and start year), derive, and apply every single-row rule of the model."""
    v = rad.varden
    v["samtycke_datum"] = None
    if not v["samtycke"]:
        startar = v["inskriven"].year if v["inskriven"] else None
        for namn in ("remittent", "utbildning", "forsorjning_in", "forsorjning_ut", "alder_skal"):
            v[namn] = ""
        v["fodelsear"] = v["inskriven"] = v["avslutad"] = None
        v.update((k, None) for k in VALFRIA_VARDEN if k != "alder_skal")
    else:
        startar = None
    h = regler.harled(samtycke=v["samtycke"], inskriven=v["inskriven"], avslutad=v["avslutad"], fodelsear=v["fodelsear"], startar=startar)
    regelfel = regler.fel(
        samtycke=v["samtycke"],
        gallrad=False,
        inskriven=v["inskriven"],
        avslutad=v["avslutad"],
        fodelsear=v["fodelsear"],
        remittent=v["remittent"],
        utbildning=v["utbildning"],
        forsorjning_in=v["forsorjning_in"],
        forsorjning_ut=v["forsorjning_ut"],
        harlett=h,
        ramar=ramar,
        alder_skal=v["alder_skal"],
        idag=idag,
    )
    if v["samtycke"]:
        regelfel.update(
            regler.tillagg_fel(
                inskriven=v["inskriven"],
                remitterad=v["remitterad"],
                forsorjningstid=v["forsorjningstid"],
                narvaro_planerad=v["narvaro_planerad"],
                narvaro_faktisk=v["narvaro_faktisk"],
                idag=idag,
            )
        )
    v["vantedagar"] = regler.vantedagar(v["remitterad"], v["inskriven"])
    for falt, text in regelfel.items():
        fel.append(f"Rad {rad.nr}, kolumn {falt} (värde ”{visa(rad.celler.get(falt, ''))}”): {text}".rstrip(".") + ".")
    v["startar"], v["slutar"], v["alder"], v["dagar"] = h
    return not regelfel


def _deltagare_med_kod(forbund: Forbund, koder: list[str]) -> list[tuple[str, int, bool]]:
    """(code, id, anonymised) of the förbund's participants with these codes: one array parameter on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT kod, id, gallrad FROM uppfoljning_deltagare WHERE forbund_id = %s AND kod = ANY(%s)", [forbund.pk, koder])
            return list(cursor.fetchall())
    ut: list[tuple[str, int, bool]] = []
    for i in range(0, len(koder), 5000):
        ut.extend(Deltagare.objects.filter(forbund=forbund, kod__in=koder[i : i + 5000]).values_list("kod", "id", "gallrad"))
    return ut


def _befintliga(forbund: Forbund, koder: set[str]) -> tuple[dict[str, int], set[str], dict[tuple[Any, ...], dict[str, Any]]]:
    """The förbund's participants by code, codes that were anonymised, and the enrolments of the file's participants by key."""
    deltagare: dict[str, int] = {}
    gallrade: set[str] = set()
    for kod, pk, gallrad in _deltagare_med_kod(forbund, sorted(koder)):
        if gallrad:
            gallrade.add(kod)
        else:
            deltagare[kod] = pk
    per_id = {pk: kod for kod, pk in deltagare.items()}
    inskrivningar: dict[tuple[Any, ...], dict[str, Any]] = {}
    ids = sorted(per_id)
    for i in range(0, len(ids), 5000):
        qs = Inskrivning.objects.filter(forbund=forbund, gallrad=False, deltagare_id__in=ids[i : i + 5000]).values(
            "id", "insats_id", "deltagare_id", *VARDEN
        )
        for ins in qs:
            ins["kod"] = per_id[ins["deltagare_id"]]
            inskrivningar[_nyckel(ins["insats_id"], ins["kod"], ins["samtycke"], ins["inskriven"], ins["startar"])] = ins
    return deltagare, gallrade, inskrivningar


def _oppen_fel(rad: _Rad, annan: dict[str, Any]) -> str:
    start = f" sedan {annan['inskriven']:%Y-%m-%d}" if annan.get("inskriven") else ""
    return (
        f"Rad {rad.nr}, kolumn inskriven (värde ”{rad.celler.get('inskriven', '')}”): deltagaren har redan en pågående "
        f"inskrivning i insatsen{start}; avsluta den först."
    )


@transaction.atomic
def deltagare_import(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str = "", torrkorning: bool = False) -> ImportResultat:
    """Import the administratör's spreadsheet: all rows or none. A dry run saves nothing and shows what would change."""
    sha = hashlib.sha256(data).hexdigest()
    tabell = las_fil(data, filnamn, KOLUMNER, VALFRIA)
    insatser = _Insatser(forbund)
    fel: list[str] = []
    rader = _tolka_rader(tabell, insatser, fel)
    deltagare, gallrade, befintliga = _befintliga(forbund, {r.kod for r in rader})
    saknas = [k for k in VALFRIA_VARDEN if k.removesuffix("_id") not in tabell.rubriker]
    idag = timezone.localdate()
    giltiga = []
    for rad in rader:
        v = rad.varden
        if saknas:  # columns the file does not carry: an existing enrolment keeps its own values
            inskriven = v["inskriven"]
            finns = befintliga.get(_nyckel(rad.insats_id, rad.kod, v["samtycke"], inskriven, inskriven.year if inskriven else None))
            v.update((k, finns[k] if finns else VALFRIA_VARDEN[k]) for k in saknas)
        if _regler(rad, insatser.ramar[rad.insats_id], idag, fel):
            giltiga.append(rad)
    oppna = {(i["insats_id"], i["kod"]): i for i in befintliga.values() if i["slutar"] is None}
    sedda: dict[tuple[Any, ...], int] = {}
    nya: list[_Rad] = []
    andrade: list[tuple[_Rad, dict[str, Any]]] = []
    oforandrade = 0
    for rad in giltiga:
        v = rad.varden
        if rad.kod in gallrade:
            fel.append(f"Rad {rad.nr}, kolumn deltagare_id: deltagarkoden {rad.kod} är avidentifierad och kan inte användas igen.")
            continue
        nyckel = _nyckel(rad.insats_id, rad.kod, v["samtycke"], v["inskriven"], v["startar"])
        if nyckel in sedda:
            fel.append(
                f"Rad {rad.nr}: samma inskrivning (insats, deltagare_id, inskriven) som på rad {sedda[nyckel]}; "
                "varje inskrivning får bara finnas en gång i filen."
            )
            continue
        sedda[nyckel] = rad.nr
        finns = befintliga.get(nyckel)
        oppen_nyckel = (rad.insats_id, rad.kod)
        annan = oppna.get(oppen_nyckel)
        if v["slutar"] is None:
            if annan is not None and annan is not finns and annan.get("rad") is not rad:
                fel.append(_oppen_fel(rad, annan))
                continue
            oppna[oppen_nyckel] = {"inskriven": v["inskriven"], "rad": rad}
        elif annan is not None and (annan is finns or annan.get("rad") is rad):
            del oppna[oppen_nyckel]
        if finns is None:
            nya.append(rad)
        elif all(finns[k] == v[k] for k in VARDEN if k != "samtycke_datum"):
            oforandrade += 1
        else:
            andrade.append((rad, finns))
    if fel:
        raise ValidationError(fel if len(fel) <= MAX_FEL else [*fel[:MAX_FEL], f"… och {len(fel) - MAX_FEL} fel till."])
    nya_koder = sorted({r.kod for r in nya} - set(deltagare))
    andringar = sorted([(r.nr, "new", r) for r in nya] + [(r.nr, "update", r) for r, _ in andrade], key=lambda t: t[0])[:MAX_ANDRINGAR]
    ut = ImportResultat(
        rader=len(tabell.rader),
        nya=len(nya),
        uppdaterade=len(andrade),
        oforandrade=oforandrade,
        nya_deltagare=len(nya_koder),
        sha256=sha,
        torrkorning=torrkorning,
        andringar=[
            {
                "rad": nr,
                "typ": typ,
                "insats": r.celler.get("insats", ""),
                "deltagare": r.kod,
                "inskriven": r.celler.get("inskriven", ""),
                "avslutad": r.celler.get("avslutad", ""),
            }
            for nr, typ, r in andringar
        ],
    )
    if torrkorning:
        return ut
    _skriv(forbund, nya_koder, deltagare, nya, andrade)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="deltagare_importera",
        detaljer={
            "filnamn": filnamn[:200],
            "sha256": sha,
            "rader": ut.rader,
            "nya": ut.nya,
            "uppdaterade": ut.uppdaterade,
            "oforandrade": ut.oforandrade,
            "nya_deltagare": ut.nya_deltagare,
        },
    )
    return ut


def _skriv(forbund: Forbund, nya_koder: list[str], deltagare: dict[str, int], nya: list[_Rad], andrade: list[tuple[_Rad, dict[str, Any]]]) -> None:
    nu = timezone.now()
    if nya_koder:
        infoga(Deltagare, [(forbund.pk, kod, "", False, nu) for kod in nya_koder], ["forbund", "kod", "pnr_hash", "gallrad", "skapad"])
        deltagare.update((kod, pk) for kod, pk, _ in _deltagare_med_kod(forbund, nya_koder))
    if nya:
        infoga(Inskrivning, [(forbund.pk, r.insats_id, deltagare[r.kod], *(r.varden[k] for k in VARDEN), False, nu) for r in nya], NY_FALT)
    if andrade:
        _behall_samtycke_datum(andrade)
        uppdatera(Inskrivning, [(*(r.varden[k] for k in VARDEN), nu, finns["id"]) for r, finns in andrade], [*VARDEN, "andrad"])


def _behall_samtycke_datum(andrade: list[tuple[_Rad, dict[str, Any]]]) -> None:
    """The file has no consent date: an updated row keeps the one it had (cleared when consent is withdrawn)."""
    for rad, finns in andrade:
        rad.varden["samtycke_datum"] = finns["samtycke_datum"] if rad.varden["samtycke"] else None
