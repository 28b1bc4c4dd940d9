"""Import of a delegation order from a spreadsheet into a new draft: all or nothing, every error with its row.

The layout is the delegation order's own table (seeds/004c): Ärende, Delegat, Beloppsgräns, Anmäls till
styrelsen, Kommentar; optional Nr, Avsnitt, Ersättare, Villkor (so the page's own CSV/XLSX export can be
read back). A row with only a matter and nothing else is a section heading ("Upphandlingsärenden") for the
rows below it. The delegate is a role (Styrelsen, Förbundsordförande/Förbundsordf., Vice ordförande,
Förbundschef) or a registered person's name; the limit is "2 prisbasbelopp" / "högst 2 pbb" or an amount
in kronor ("100 000 kr"). The file is read with the participant import's limits and encoding detection
(uppfoljning.services.fil, finsam.kodning); adopting the draft still takes a § (delegationsordning_anta).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import handelse_logga
from finsam.models import Forbund, Person
from uppfoljning.services.fil import kontrollera_storlek, las_fil

from ..models import Delegationsordning, Delegationsrad, DelegatRoll
from .delegation import delegationsordning_utkast_skapa

KOLUMNER = ["arende", "delegat"]
VALFRIA = ["nr", "avsnitt", "ersattare", "beloppsgrans", "villkor", "anmals_till_styrelsen", "kommentar"]
MAX_FEL = 50  # errors listed before "… and N more"
MAX_CELL = 2000  # characters per cell: a matter's comment or conditions may run to a paragraph

ROLLER = {
    "styrelsen": DelegatRoll.STYRELSEN,
    "styrelse": DelegatRoll.STYRELSEN,
    "styrelsen (ej delegerat)": DelegatRoll.STYRELSEN,
    "forbundsordforande": DelegatRoll.ORDFORANDE,
    "forbundsordf": DelegatRoll.ORDFORANDE,
    "ordforande": DelegatRoll.ORDFORANDE,
    "ordf": DelegatRoll.ORDFORANDE,
    "vice ordforande": DelegatRoll.VICE_ORDFORANDE,
    "vice ordf": DelegatRoll.VICE_ORDFORANDE,
    "forbundschef": DelegatRoll.FORBUNDSCHEF,
}
ROLLER_TEXT = "Styrelsen, Förbundsordförande, Vice ordförande, Förbundschef eller en registrerad persons namn"
JA, NEJ = {"ja", "j", "x", "1", "sant", "true"}, {"nej", "n", "0", "falskt", "false"}
_PBB = re.compile(r"^(?:högst|max(?:imalt)?|≤|<=)?\s*(?P<tal>\d+(?:[,.]\d+)?)\s*(?:prisbasbelopp|pbb|basbelopp)\.?$", re.IGNORECASE)
_KR = re.compile(r"^(?:högst|max(?:imalt)?|≤|<=)?\s*(?P<tal>\d[\d\s\u00a0]*(?:,\d+)?)\s*(?:kr|kronor|sek)?\.?$", re.IGNORECASE)


def _nyckel(text: str) -> str:
    t = text.strip().lower().rstrip(".").strip()
    return t.translate(str.maketrans("åäö", "aao"))


@dataclass
class _Rad:
    radnr: int
    falt: dict[str, Any]


def _person(personer: dict[str, Person], text: str) -> Person | None:
    return personer.get(text.strip().lower())


def _roll(text: str, personer: dict[str, Person], kolumn: str, fel: list[str], radnr: int) -> tuple[str, Person | None]:
    roll = ROLLER.get(_nyckel(text))
    if roll is not None:
        return roll, None
    person = _person(personer, text)
    if person is not None:
        return DelegatRoll.PERSON, person
    fel.append(f"Rad {radnr}, {kolumn}: okänd delegat ”{text.strip()[:80]}”; ange {ROLLER_TEXT}.")
    return "", None


def _grans(text: str, fel: list[str], radnr: int) -> tuple[str, Decimal | None]:
    t = text.strip()
    if not t:
        return "", None
    for monster, typ in ((_PBB, Delegationsrad.Grans.PRISBASBELOPP), (_KR, Delegationsrad.Grans.KRONOR)):
        traff = monster.match(t)
        if traff:
            try:
                return typ, Decimal(re.sub(r"[\s\u00a0]", "", traff.group("tal")).replace(",", "."))
            except InvalidOperation:
                break
    fel.append(f"Rad {radnr}, beloppsgräns: ”{t[:80]}” går inte att läsa; skriv t.ex. ”2 prisbasbelopp” eller ”100 000 kr”, eller lämna tomt.")
    return "", None


def _anmals(text: str, roll: str, fel: list[str], radnr: int) -> bool:
    t = _nyckel(text)
    if t in JA:
        return True
    if t in NEJ or (not t and roll == DelegatRoll.STYRELSEN):
        return False
    fel.append(
        f"Rad {radnr}, anmäls till styrelsen: skriv Ja eller Nej"
        + (" (ett beslut på delegation ska anmälas i den ordning styrelsen bestämmer)." if not t else f", inte ”{text.strip()[:40]}”.")
    )
    return False


def tolka(*, forbund: Forbund, data: bytes, filnamn: str) -> list[Delegationsrad]:
    """The file's rows as unsaved rows of the delegation order, or one ValidationError listing every row's errors."""
    tabell = las_fil(data, filnamn, KOLUMNER, VALFRIA, max_cell=MAX_CELL)
    personer = {p.namn.strip().lower(): p for p in Person.objects.filter(forbund=forbund)}
    fel: list[str] = []
    rader: list[Delegationsrad] = []
    avsnitt = ""
    nummer = 0
    for radnr, celler in tabell.rader:
        c = dict(zip(tabell.rubriker, celler, strict=True))
        arende = c.get("arende", "").strip()
        ovriga = [v for k, v in c.items() if k not in ("arende", "avsnitt", "nr") and v.strip()]
        if arende and not ovriga:
            avsnitt = arende  # a section heading row
            continue
        if c.get("avsnitt", "").strip():
            avsnitt = c["avsnitt"].strip()
        if not arende:
            fel.append(f"Rad {radnr}, ärende: ange ärendet.")
        if not avsnitt:
            fel.append(f"Rad {radnr}, avsnitt: ange avsnittet i en kolumn Avsnitt eller som en rubrikrad (bara ärendet ifyllt) ovanför.")
        if not c.get("delegat", "").strip():
            fel.append(f"Rad {radnr}, delegat: ange delegaten ({ROLLER_TEXT}).")
            continue
        roll, person = _roll(c["delegat"], personer, "delegat", fel, radnr)
        ers_roll, ers_person = _roll(c["ersattare"], personer, "ersättare", fel, radnr) if c.get("ersattare", "").strip() else ("", None)
        grans_typ, grans_varde = _grans(c.get("beloppsgrans", ""), fel, radnr)
        anmals = _anmals(c.get("anmals_till_styrelsen", ""), roll, fel, radnr) if "anmals_till_styrelsen" in c else roll != DelegatRoll.STYRELSEN
        if c.get("nr", "").strip():
            if not c["nr"].strip().isdigit() or int(c["nr"]) > 32767:
                fel.append(f"Rad {radnr}, nr: ”{c['nr'].strip()[:20]}” är inget löpnummer (ett heltal).")
            else:
                nummer = int(c["nr"])
        else:
            nummer += 1
        rad = Delegationsrad(
            forbund=forbund,
            nummer=nummer,
            avsnitt=avsnitt,
            arende=arende,
            delegat_roll=roll or DelegatRoll.STYRELSEN,
            delegat_person=person,
            ersattare_roll=ers_roll,
            ersattare_person=ers_person,
            grans_typ=grans_typ,
            grans_varde=grans_varde,
            villkor=c.get("villkor", "").strip(),
            anmals=anmals,
            kommentar=c.get("kommentar", "").strip(),
        )
        try:
            rad.full_clean(exclude=["ordning"] if avsnitt else ["ordning", "avsnitt"])
        except ValidationError as exc:
            for falt, meddelanden in exc.message_dict.items():
                namn = str(getattr(Delegationsrad._meta.get_field(falt), "verbose_name", falt)) if falt != "__all__" else "raden"
                fel.extend(f"Rad {radnr}, {namn}: {m}" for m in meddelanden)
        rader.append(rad)
    if fel:
        rest = len(fel) - MAX_FEL
        raise ValidationError({"fil": [*fel[:MAX_FEL], *([f"… och {rest} fel till."] if rest > 0 else []), "Inget importerades."]})
    if not rader:
        raise ValidationError({"fil": "Filen innehåller inga ärenden, bara rubriker."})
    return rader


@transaction.atomic
def delegationsordning_importera(*, forbund: Forbund, aktor: Any, fil: Any, rubrik: str = "") -> Delegationsordning:
    """A new draft holding the file's rows (not a copy of the order in force); adopting it takes a § as always.

    `fil` is an uploaded file or a django File (the command wraps the file it reads); its size is checked before it is read.
    """
    if not fil:
        raise ValidationError({"fil": "Välj en CSV- eller Excel-fil (.xlsx) att importera."})
    if Delegationsordning.objects.filter(forbund=forbund, status=Delegationsordning.Status.UTKAST).exists():
        raise ValidationError(
            "Det finns redan ett utkast till ny delegationsordning. Arbeta vidare i det eller låt styrelsen anta det innan du importerar ett nytt."
        )
    filnamn = str(getattr(fil, "name", "") or "")
    try:
        kontrollera_storlek(int(getattr(fil, "size", 0) or 0))
        fil.seek(0)
        rader = tolka(forbund=forbund, data=fil.read(), filnamn=filnamn)
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            raise
        raise ValidationError({"fil": exc.messages}) from exc
    ordning = delegationsordning_utkast_skapa(forbund=forbund, aktor=aktor, rubrik=rubrik or "Delegationsordning", kopiera=False)
    for rad in rader:
        rad.ordning = ordning
    Delegationsrad.objects.bulk_create(rader)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="delegationsordning_importera",
        objekt=ordning,
        detaljer={"fil": filnamn[:200], "rader": len(rader)},
    )
    return ordning
