"""Write use cases for the delegation order: a draft is edited row by row and adopted by a §.

An adopted version is never changed again (a change is a new version); the version in force on a
date is the adopted one with the latest valid-from date on or before it. Every write is audited.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from finsam.audit import diff, handelse_logga, snapshot, vagrad
from finsam.models import Forbund
from styrelse.models import Paragraf

from ..models import Delegationsordning, Delegationsrad, Prisbasbelopp

RAD_FALT = Delegationsrad.SKRIVBARA_FALT


def _last(ordning: Delegationsordning) -> None:
    if not ordning.kan_andras:
        raise vagrad(f"{ordning} är antagen och låst. Ändringar görs i ett nytt utkast som styrelsen antar.", forbund=ordning.forbund, objekt=ordning)


@transaction.atomic
def delegationsordning_utkast_skapa(*, forbund: Forbund, aktor: Any, rubrik: str = "Delegationsordning", kopiera: bool = True) -> Delegationsordning:
    """A new draft, a copy of the latest adopted version (or empty when there is none, or `kopiera` is false)."""
    if Delegationsordning.objects.filter(forbund=forbund, status=Delegationsordning.Status.UTKAST).exists():
        raise ValidationError("Det finns redan ett utkast till ny delegationsordning. Arbeta vidare i det.")
    antagna = Delegationsordning.objects.filter(forbund=forbund, status=Delegationsordning.Status.ANTAGEN)
    senaste = antagna.order_by("-giltig_fran").first() if kopiera else None
    ordning = Delegationsordning(forbund=forbund, rubrik=(rubrik or "Delegationsordning").strip())
    ordning.full_clean()
    ordning.save()
    kopierade = 0
    if senaste is not None:
        for rad in senaste.rader.all().order_by("nummer", "id"):
            Delegationsrad.objects.create(forbund=forbund, ordning=ordning, **{f: getattr(rad, f) for f in RAD_FALT})
            kopierade += 1
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling="delegationsordning_skapa",
        objekt=ordning,
        andringar=diff({}, snapshot(ordning)),
        detaljer={"kopia_av": senaste.pk if senaste else None, "rader": kopierade},
    )
    return ordning


@transaction.atomic
def delegationsrad_spara(*, ordning: Delegationsordning, aktor: Any, rad: Delegationsrad | None = None, **falt: Any) -> Delegationsrad:
    """Add a row to a draft, or change one of its rows."""
    okanda = set(falt) - set(RAD_FALT)
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    ordning = Delegationsordning.objects.select_for_update().get(pk=ordning.pk)
    _last(ordning)
    if rad is not None and rad.ordning_id != ordning.pk:
        raise ValidationError("Raden hör till en annan delegationsordning.")
    fore = snapshot(rad) if rad is not None else {}
    if rad is None:
        nasta = (ordning.rader.aggregate(m=Max("nummer"))["m"] or 0) + 1
        rad = Delegationsrad(forbund=ordning.forbund, ordning=ordning, nummer=nasta)
    for namn, varde in falt.items():
        setattr(rad, namn, varde.strip() if isinstance(varde, str) else varde)
    rad.full_clean()
    rad.save()
    handelse_logga(
        aktor=aktor,
        forbund=ordning.forbund,
        handling="delegationsrad_spara",
        objekt=rad,
        andringar=diff(fore, snapshot(rad)),
        detaljer={"delegationsordning": ordning.pk},
    )
    return rad


@transaction.atomic
def delegationsrad_ta_bort(*, rad: Delegationsrad, aktor: Any) -> None:
    ordning = Delegationsordning.objects.select_for_update().get(pk=rad.ordning_id)
    _last(ordning)
    handelse_logga(
        aktor=aktor,
        forbund=ordning.forbund,
        handling="delegationsrad_ta_bort",
        objekt=rad,
        andringar=diff(snapshot(rad), {}),
        detaljer={"delegationsordning": ordning.pk},
    )
    rad.delete()


@transaction.atomic
def delegationsordning_anta(*, ordning: Delegationsordning, aktor: Any, paragraf: Paragraf | None, giltig_fran: dt.date | None) -> Delegationsordning:
    """The board adopts the draft in a §; it is in force from `giltig_fran` and is locked from now on."""
    ordning = Delegationsordning.objects.select_for_update().get(pk=ordning.pk)
    _last(ordning)
    ordning.kontrollera_overgang(Delegationsordning.Status.ANTAGEN)
    fel: dict[str, str] = {}
    if paragraf is None:
        fel["paragraf"] = "Ange den § i vilken styrelsen antog delegationsordningen."
    elif paragraf.forbund_id != ordning.forbund_id:
        fel["paragraf"] = "Paragrafen hör till ett annat förbund."
    if giltig_fran is None:
        fel["giltig_fran"] = "Ange från vilket datum delegationsordningen gäller."
    if fel:
        raise ValidationError(fel)
    assert paragraf is not None and giltig_fran is not None
    beslutsdag = paragraf.sammantrade.datum
    if giltig_fran < beslutsdag:
        raise ValidationError({"giltig_fran": f"Delegationsordningen kan inte gälla före beslutet (sammanträdet {beslutsdag:%Y-%m-%d})."})
    senaste = (
        Delegationsordning.objects.filter(forbund=ordning.forbund, status=Delegationsordning.Status.ANTAGEN)
        .order_by("-giltig_fran")
        .values_list("giltig_fran", flat=True)
        .first()
    )
    if senaste is not None and giltig_fran <= senaste:
        raise ValidationError(
            {"giltig_fran": f"En antagen delegationsordning gäller redan från {senaste:%Y-%m-%d}; den nya måste gälla från ett senare datum."}
        )
    if not ordning.rader.exists():
        raise ValidationError("Delegationsordningen har inga ärenden.")
    fore = snapshot(ordning)
    ordning.status = Delegationsordning.Status.ANTAGEN
    ordning.antagen_paragraf = paragraf
    ordning.giltig_fran = giltig_fran
    ordning.full_clean()
    ordning.save()
    handelse_logga(
        aktor=aktor,
        forbund=ordning.forbund,
        handling="delegationsordning_anta",
        objekt=ordning,
        andringar=diff(fore, snapshot(ordning)),
        detaljer={"paragraf": f"§ {paragraf.nummer}/{paragraf.ar}", "rader": ordning.rader.count()},
    )
    return ordning


@transaction.atomic
def prisbasbelopp_spara(*, ar: int, belopp: int, aktor: Any) -> Prisbasbelopp:
    """Register (or correct) the national prisbasbelopp of a year; limits in prisbasbelopp use it from then on."""
    obj = Prisbasbelopp.objects.select_for_update().filter(ar=ar).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Prisbasbelopp(ar=ar)
    obj.belopp = belopp
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=None, handling="prisbasbelopp_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj
