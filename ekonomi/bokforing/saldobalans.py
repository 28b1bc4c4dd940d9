"""A CSV trial balance (saldobalans) as a fallback when no SIE file is available.

Columns (header row, `;` or `,` separated, decimal comma or point): konto; namn; ib; ub; and optionally res.
Balance accounts (class 1–2) use ib/ub; for result accounts (class 3–8) res defaults to ub − ib.
Signs as in SIE: debit positive, credit negative.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from finsam.kodning import avkoda

ALIAS = {
    "konto": "konto",
    "kontonr": "konto",
    "kontonummer": "konto",
    "namn": "namn",
    "benamning": "namn",
    "benämning": "namn",
    "kontonamn": "namn",
    "ib": "ib",
    "ingaende balans": "ib",
    "ingående balans": "ib",
    "ub": "ub",
    "utgaende balans": "ub",
    "utgående balans": "ub",
    "res": "res",
    "resultat": "res",
}


@dataclass
class Saldorad:
    konto: int
    namn: str
    ib: Decimal
    ub: Decimal
    res: Decimal


def _avkoda(data: bytes) -> str:
    return avkoda(data)[0]  # finsam.kodning: UTF-8 (BOM or not), UTF-16, Windows-1252, ISO-8859; refused if unclear


def _tal(varde: str, rad: int, kolumn: str) -> Decimal:
    v = (varde or "").strip().replace("\xa0", "").replace(" ", "").replace("−", "-")
    if not v:
        return Decimal("0.00")
    try:
        return Decimal(v.replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(f"Saldobalansen, rad {rad}: ogiltigt belopp {varde!r} i kolumnen {kolumn}.") from exc


def las_saldobalans(data: bytes) -> list[Saldorad]:
    text = _avkoda(data)
    forsta = text.splitlines()[0] if text.strip() else ""
    skiljetecken = ";" if forsta.count(";") >= forsta.count(",") else ","
    lasare = csv.reader(io.StringIO(text), delimiter=skiljetecken)
    rubriker = [ALIAS.get(h.strip().lower(), "") for h in next(lasare, [])]
    saknas = [k for k in ("konto", "ib", "ub") if k not in rubriker]
    if saknas:
        raise ValidationError(f"Saldobalansen saknar kolumnerna {', '.join(saknas)} (rubrikrad: konto; namn; ib; ub; res).")
    rader: list[Saldorad] = []
    sedda: set[int] = set()
    for nr, falt in enumerate(lasare, start=2):
        if not any(f.strip() for f in falt):
            continue
        post = {rubriker[i]: v for i, v in enumerate(falt) if i < len(rubriker) and rubriker[i]}
        kontotext = post.get("konto", "").strip()
        if not kontotext.isdigit():
            raise ValidationError(f"Saldobalansen, rad {nr}: ogiltigt kontonummer {kontotext!r}.")
        konto = int(kontotext)
        if konto in sedda:
            raise ValidationError(f"Saldobalansen, rad {nr}: konto {konto} förekommer två gånger.")
        sedda.add(konto)
        ib, ub = _tal(post.get("ib", ""), nr, "ib"), _tal(post.get("ub", ""), nr, "ub")
        res = _tal(post["res"], nr, "res") if post.get("res", "").strip() else (ub - ib if konto >= 3000 else Decimal("0.00"))
        rader.append(Saldorad(konto=konto, namn=post.get("namn", "").strip(), ib=ib, ub=ub, res=res))
    if not rader:
        raise ValidationError("Saldobalansen innehåller inga konton.")
    return rader
