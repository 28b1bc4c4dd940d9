"""Settings, the quarterly forecast, auditors' reports and discharge."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from finsam.audit import diff, handelse_logga, snapshot
from finsam.filkontroll import PDF, kontrollera_fil
from finsam.models import Forbund, Medlem
from forvaltning.models import Revisor

from ..models import Ansvarsfrihet, Ekonomiinstallning, Kvartalsuppfoljning, Prognosrad, Revisionsberattelse
from ..selectors.budget import aktuell_budget


@transaction.atomic
def installning_spara(*, forbund: Forbund, aktor: Any, eget_kapital_andel: Decimal) -> Ekonomiinstallning:
    obj, _ = Ekonomiinstallning.objects.select_for_update().get_or_create(forbund=forbund)
    fore = snapshot(obj)
    obj.eget_kapital_andel = eget_kapital_andel
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="installning_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def prognos_spara(
    *, forbund: Forbund, aktor: Any, ar: int, kvartal: int, rader: dict[str, tuple[Decimal | None, str]], sammanfattning: str = ""
) -> Kvartalsuppfoljning:
    """Save the förbundschef's full-year forecast and comments per budget line for one quarter."""
    if kvartal not in (1, 2, 3, 4):
        raise ValidationError({"kvartal": "Kvartalet ska vara 1–4."})

    budget = aktuell_budget(forbund, ar)
    if budget is None:
        raise ValidationError(f"Det finns ingen budget för {ar} att följa upp.")
    giltiga = set(budget.rader.values_list("nyckel", flat=True))
    okanda = sorted(set(rader) - giltiga)
    if okanda:
        raise ValidationError(f"Okända budgetrader: {', '.join(okanda)}.")
    uppf, _ = Kvartalsuppfoljning.objects.select_for_update().get_or_create(forbund=forbund, ar=ar, kvartal=kvartal)
    fore_text = uppf.sammanfattning
    befintliga = {p.nyckel: p for p in uppf.rader.all()}
    andringar: dict[str, Any] = {}
    for nyckel, (prognos, kommentar) in rader.items():
        p = befintliga.get(nyckel) or Prognosrad(forbund=forbund, uppfoljning=uppf, nyckel=nyckel)
        fore = [str(p.prognos) if p.prognos is not None else None, p.kommentar]
        p.prognos, p.kommentar = prognos, kommentar.strip()
        p.full_clean(exclude=["uppfoljning"])
        if [str(p.prognos) if p.prognos is not None else None, p.kommentar] != fore or p.pk is None:
            p.save()
            andringar[nyckel] = [fore, [str(p.prognos) if p.prognos is not None else None, p.kommentar]]
    uppf.sammanfattning = sammanfattning
    uppf.andrad = timezone.now()
    uppf.save()
    if fore_text != sammanfattning:
        andringar["sammanfattning"] = [fore_text, sammanfattning]
    handelse_logga(aktor=aktor, forbund=forbund, handling="prognos_spara", objekt=uppf, andringar=andringar)
    return uppf


def revisor_for(*, forbund: Forbund, aktor: Any, ar: int) -> Revisor:
    """The auditor appointment of the signed-in auditor for `ar` (a Person linked to the user, statutes § 14)."""
    uppdrag = [
        r
        for r in Revisor.objects.filter(forbund=forbund, person__user__pk=int(getattr(aktor, "pk", 0) or 0)).select_related("person", "utsedd_av")
        if r.galler_ar(ar)
    ]
    if not uppdrag:
        raise ValidationError(f"Du är inte registrerad som revisor för {ar}. Förbundschefen registrerar revisorerna under Förvaltning → Revision.")
    return uppdrag[0]


@transaction.atomic
def revisionsberattelse_spara(
    *,
    forbund: Forbund,
    aktor: Any,
    ar: int,
    datum: dt.date,
    text: str,
    tillstyrker_ansvarsfrihet: bool,
    berattelse: Revisionsberattelse | None = None,
    fil: Any = None,
) -> Revisionsberattelse:
    """An auditor records (or corrects) their audit report for a year, as the auditor appointed for it; `fil` is the
    signed report as PDF (checked for content before anything is saved; without it an earlier file is kept)."""
    if berattelse is not None and berattelse.revisor_id not in (None, getattr(aktor, "pk", None)):
        raise ValidationError("Bara revisorn som lämnade revisionsberättelsen kan ändra den.")
    uppdrag = revisor_for(forbund=forbund, aktor=aktor, ar=ar)
    if berattelse is None:
        berattelse = Revisionsberattelse.objects.select_for_update().filter(forbund=forbund, ar=ar, revisor_uppdrag=uppdrag).first()
    fore = snapshot(berattelse) if berattelse else {}
    obj = berattelse or Revisionsberattelse(forbund=forbund, revisor=aktor if getattr(aktor, "is_authenticated", False) else None)
    obj.ar, obj.revisor_uppdrag, obj.datum, obj.text = ar, uppdrag, datum, text
    obj.tillstyrker_ansvarsfrihet = tillstyrker_ansvarsfrihet
    if fil:
        kontrollera_fil(fil, tillatna=PDF)
        obj.fil = fil
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="revisionsberattelse_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def ansvarsfrihet_spara(
    *,
    forbund: Forbund,
    aktor: Any,
    ar: int,
    medlem: Medlem,
    beslut: str,
    beslutsdatum: dt.date | None = None,
    beslutsorgan: str = "",
    referens: str = "",
    dokument: Any = None,
    paragraf: Any = None,
) -> Ansvarsfrihet:
    """Record a member's decision on discharge for the year; `paragraf` is the board's paragraph noting it."""
    if medlem.forbund_id != forbund.pk:
        raise ValidationError({"medlem": "Finns inte i förbundet."})
    if paragraf is not None and paragraf.forbund_id != forbund.pk:
        raise ValidationError({"paragraf": "Finns inte i förbundet."})
    if beslut not in Ansvarsfrihet.Beslut.values:
        raise ValidationError({"beslut": "Välj beviljad, ej beviljad eller ej beslutat."}, code="invalid_choice")
    obj = Ansvarsfrihet.objects.select_for_update().filter(forbund=forbund, ar=ar, medlem=medlem).first()
    fore = snapshot(obj) if obj else {}
    obj = obj or Ansvarsfrihet(forbund=forbund, ar=ar, medlem=medlem)
    obj.beslut, obj.beslutsdatum, obj.beslutsorgan, obj.referens, obj.paragraf = (
        beslut,
        beslutsdatum,
        beslutsorgan.strip(),
        referens.strip(),
        paragraf,
    )
    if dokument:
        kontrollera_fil(dokument, tillatna=PDF)  # the content, not only the name (page and API alike)
        obj.dokument = dokument
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling="ansvarsfrihet_spara", objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj
