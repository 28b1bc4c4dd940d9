"""Every write of attendance per period: one period entered on the participant page or by the API, a period removed,
and the import of a spreadsheet of periods (all or nothing, a Swedish message per faulty row; a re-import replaces)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from finsam.audit import diff, handelse_logga, snapshot
from finsam.handlingar import Handling
from finsam.models import Forbund

from ..models import Inskrivning
from ..models.narvaro import Narvaroperiod, Periodtyp, period_slut
from .fil import las_fil

KOLUMNER = ["deltagare_id", "insats", "period", "planerade", "narvarade"]
MAX_FEL = 200
_MANAD = re.compile(r"^(\d{4})-(\d{1,2})$")
_KVARTAL = re.compile(r"^(\d{4})-?[kKqQ]([1-4])$")


def tolka_period(text: str) -> tuple[str, dt.date]:
    """ "2023-03" → (månad, 2023-03-01); "2023-K2" → (kvartal, 2023-04-01). ValueError with a Swedish message otherwise."""
    t = (text or "").strip()
    if m := _KVARTAL.match(t):
        return Periodtyp.KVARTAL, dt.date(int(m[1]), (int(m[2]) - 1) * 3 + 1, 1)
    if (m := _MANAD.match(t)) and 1 <= int(m[2]) <= 12:
        return Periodtyp.MANAD, dt.date(int(m[1]), int(m[2]), 1)
    raise ValueError(f"perioden ”{t}” ska skrivas som ÅÅÅÅ-MM (månad) eller ÅÅÅÅ-K1 till ÅÅÅÅ-K4 (kvartal)")


def _spara(
    forbund: Forbund, inskrivning: Inskrivning, periodtyp: str, period: dt.date, planerade: int, narvarade: int
) -> tuple[Narvaroperiod, dict[str, Any]]:
    obj = Narvaroperiod.objects.select_for_update().filter(inskrivning=inskrivning, period=period).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Narvaroperiod(forbund=forbund, inskrivning=inskrivning, period=period)
    obj.periodtyp, obj.planerade, obj.narvarade = periodtyp, planerade, narvarade
    obj.full_clean(validate_unique=False)
    obj.save()
    return obj, fore


@transaction.atomic
def narvaroperiod_spara(
    *, forbund: Forbund, aktor: Any, inskrivning: Inskrivning, periodtyp: str, period: dt.date, planerade: int, narvarade: int
) -> Narvaroperiod:
    """Record (or replace) one enrolment's attendance for one month or quarter."""
    if inskrivning.forbund_id != forbund.pk:
        raise ValidationError({"inskrivning": "Inskrivningen tillhör ett annat förbund."})
    if periodtyp not in Periodtyp.values:
        raise ValidationError({"periodtyp": "Välj månad eller kvartal."})
    obj, fore = _spara(forbund, inskrivning, periodtyp, period, planerade, narvarade)
    handelse_logga(aktor=aktor, forbund=forbund, handling=Handling.NARVAROPERIOD_SPARA, objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def narvaroperiod_ta_bort(*, forbund: Forbund, aktor: Any, narvaroperiod: Narvaroperiod) -> None:
    if narvaroperiod.forbund_id != forbund.pk:
        raise ValidationError("Närvaron tillhör ett annat förbund.")
    handelse_logga(
        aktor=aktor, forbund=forbund, handling=Handling.NARVAROPERIOD_TA_BORT, objekt=narvaroperiod, andringar=diff(snapshot(narvaroperiod), {})
    )
    narvaroperiod.delete()


def _heltal(text: str, namn: str) -> int:
    t = (text or "").strip().replace(" ", "")
    if not t.isdigit() or len(t) > 6:
        raise ValueError(f"{namn} ska vara ett heltal (0–999999), inte ”{text}”")
    return int(t)


@transaction.atomic
def narvaroperioder_importera(*, forbund: Forbund, aktor: Any, data: bytes, filnamn: str) -> int:
    """Import a sheet of attendance periods (deltagare_id; insats; period; planerade; narvarade). All or nothing; the
    enrolment is the participant's enrolment in the intervention that covers the period. Returns the rows stored."""
    tabell = las_fil(data, filnamn, KOLUMNER, [])
    kol = {k: tabell.rubriker.index(k) for k in KOLUMNER}
    inskrivningar: dict[tuple[str, str], list[Inskrivning]] = {}
    for ins in Inskrivning.objects.filter(forbund=forbund, samtycke=True, gallrad=False).select_related("deltagare", "insats"):
        inskrivningar.setdefault((ins.deltagare.kod.upper(), ins.insats.kortnamn.upper()), []).append(ins)
    fel: list[str] = []
    rader: list[tuple[Inskrivning, str, dt.date, int, int]] = []
    sedda: dict[tuple[int, dt.date], int] = {}
    for nr, celler in tabell.rader:
        try:
            kod, insats = celler[kol["deltagare_id"]].strip(), celler[kol["insats"]].strip()
            typ, start = tolka_period(celler[kol["period"]])
            planerade = _heltal(celler[kol["planerade"]], "planerade")
            narvarade = _heltal(celler[kol["narvarade"]], "narvarade")
            kandidater = inskrivningar.get((kod.upper(), insats.upper()))
            if not kandidater:
                raise ValueError(f"deltagare {kod} har ingen inskrivning i insatsen {insats}")
            slut = period_slut(typ, start)
            passande = [i for i in kandidater if (i.inskriven is None or i.inskriven <= slut) and (i.avslutad is None or i.avslutad >= start)]
            if len(passande) != 1:
                raise ValueError(f"perioden {celler[kol['period']].strip()} ligger inte inom deltagare {kod}s inskrivning i {insats}")
            if planerade == 0:
                raise ValueError("ange minst ett planerat tillfälle")
            if narvarade > planerade:
                raise ValueError(f"närvarotillfällena ({narvarade}) kan inte vara fler än de planerade tillfällena ({planerade})")
            nyckel = (passande[0].pk, start)
            if nyckel in sedda:
                raise ValueError(f"samma deltagare, insats och period som rad {sedda[nyckel]}")
            sedda[nyckel] = nr
            rader.append((passande[0], typ, start, planerade, narvarade))
        except ValueError as exc:
            fel.append(f"Rad {nr}: {exc}.")
            if len(fel) >= MAX_FEL:
                break
    if fel:
        raise ValidationError(["Ingenting importerades. Rätta raderna och importera filen igen.", *fel])
    befintliga = {(p.inskrivning_id, p.period): p for p in Narvaroperiod.objects.filter(forbund=forbund, inskrivning_id__in={r[0].pk for r in rader})}
    nya, andrade = [], []
    for ins, typ, start, planerade, narvarade in rader:
        p = befintliga.get((ins.pk, start))
        if p is None:
            nya.append(Narvaroperiod(forbund=forbund, inskrivning=ins, periodtyp=typ, period=start, planerade=planerade, narvarade=narvarade))
        elif (p.periodtyp, p.planerade, p.narvarade) != (typ, planerade, narvarade):
            p.periodtyp, p.planerade, p.narvarade = typ, planerade, narvarade
            andrade.append(p)
    Narvaroperiod.objects.bulk_create(nya, batch_size=1000)
    Narvaroperiod.objects.bulk_update(andrade, ["periodtyp", "planerade", "narvarade"], batch_size=1000)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling=Handling.NARVAROPERIODER_IMPORTERA,
        detaljer={"filnamn": filnamn[:200], "rader": len(rader), "nya": len(nya), "andrade": len(andrade)},
    )
    return len(rader)
