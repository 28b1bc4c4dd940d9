"""Write use cases of the statutes register: a new version, and each member's decision on it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from finsam.audit import diff, handelse_logga, snapshot
from finsam.filkontroll import PDF, kontrollera_fil
from finsam.models import Forbund, Medlem

from ..models.forbundsordning import ANDELSFALT, Forbundsordning, ForbundsordningBeslut

REGELFALT = {"antal_ledamoter", "beslutsfor_minst", "majoritet", *ANDELSFALT}


@transaction.atomic
def forbundsordning_skapa(
    *,
    forbund: Forbund,
    aktor: Any,
    giltig_fran: dt.date,
    text: str = "",
    fil: Any = None,
    rubrik: str = "Förbundsordning",
    forslag_paragraf: Any = None,
    andringar: str = "",
    **regler: Any,
) -> Forbundsordning:
    """A new version; earlier versions are kept unchanged. It is in force once every member has adopted it.

    `regler`: what the version states for the rest of Finsam (REGELFALT: the number of ledamöter, quorum, majority and
    the members' shares of the contribution); a rule left out is not stated and its earlier source applies.
    """
    okanda = set(regler) - REGELFALT
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    Forbund.objects.select_for_update().filter(pk=forbund.pk).first()  # serialise version numbers per förbund
    senaste = Forbundsordning.objects.filter(forbund=forbund).order_by("-version").first()
    if senaste is not None and giltig_fran <= senaste.giltig_fran:
        raise ValidationError({"giltig_fran": f"En ny version ska gälla efter version {senaste.version} ({senaste.giltig_fran:%Y-%m-%d})."})
    nummer = (Forbundsordning.objects.filter(forbund=forbund).aggregate(m=Max("version"))["m"] or 0) + 1
    obj = Forbundsordning(
        forbund=forbund,
        version=nummer,
        rubrik=rubrik.strip() or "Förbundsordning",
        text=text,
        giltig_fran=giltig_fran,
        forslag_paragraf=forslag_paragraf,
        andringar=andringar,
        **{k: ("" if v is None and k not in ("antal_ledamoter", "beslutsfor_minst") else v) for k, v in regler.items()},
    )
    if fil:
        kontrollera_fil(fil, tillatna=PDF)  # the content, not only the name (page and API alike)
        obj.fil = fil
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="forbundsordning_skapa", objekt=obj, andringar=diff({}, snapshot(obj)))
    return obj


@transaction.atomic
def forbundsordning_beslut_spara(
    *,
    forbundsordning: Forbundsordning,
    aktor: Any,
    medlem: Medlem,
    organ: str,
    datum: dt.date,
    antagen: bool = True,
    referens: str = "",
) -> ForbundsordningBeslut:
    """Record (or correct) one member's decision on a version of the statutes."""
    if medlem.forbund_id != forbundsordning.forbund_id:
        raise ValidationError({"medlem": "Hör till ett annat förbund."})
    obj = ForbundsordningBeslut.objects.select_for_update().filter(forbundsordning=forbundsordning, medlem=medlem).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or ForbundsordningBeslut(forbund_id=forbundsordning.forbund_id, forbundsordning=forbundsordning, medlem=medlem)
    obj.antagen, obj.organ, obj.referens, obj.datum = antagen, organ.strip(), referens.strip(), datum
    if not obj.organ:
        raise ValidationError({"organ": "Ange vilket organ hos medlemmen som fattade beslutet."})
    obj.full_clean()
    obj.save()
    handelse_logga(
        aktor=aktor,
        forbund=forbundsordning.forbund,
        handling="forbundsordning_beslut_spara",
        objekt=obj,
        andringar=diff(fore, snapshot(obj)),
        detaljer={"version": forbundsordning.version},
    )
    return obj
