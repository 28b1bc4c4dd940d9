"""Every write of the verksamhetsplan's sections: start a year from the standard template, add, change, move, remove a
section, and copy a year's plan to the next. Page, API and demo call these; the rules that refuse live here."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify

from finsam.audit import diff, handelse_logga, snapshot
from finsam.handlingar import Handling
from finsam.models import Forbund
from insatser.models import Insats, Malnod

from .models import Forbundsmal, Planavsnitt, RapportTyp
from .sektioner import VERKSAMHETSPLAN_MALL
from .selectors import plan_finns
from .services import MAX_TEXT, _kan_andras, _kontrollera_ar, _user

TEXTFALT = ["rubrik", "text", "mal_text", "uppfoljning", "ledning", "implementering"]
MAX_RADER = 60


def _las(forbund: Forbund, ar: int) -> None:
    _kontrollera_ar(ar)
    _kan_andras(forbund, RapportTyp.VERKSAMHETSPLAN, ar)


def _avsnitt(forbund: Forbund, avsnitt: Planavsnitt) -> Planavsnitt:
    if avsnitt.forbund_id != forbund.pk:
        raise ValidationError("Avsnittet tillhör inte förbundet.")
    return Planavsnitt.objects.select_for_update().get(pk=avsnitt.pk)


def _insats(forbund: Forbund, insats: Insats | None) -> None:
    if insats is not None and insats.forbund_id != forbund.pk:
        raise ValidationError({"insats": "Insatsen tillhör inte förbundet."})


def _rader(slag: str, rader: Any) -> list[list[str]]:
    """Table rows of the risk and internal-control sections: at most as many cells as the kind has columns."""
    kolumner = Planavsnitt.KOLUMNER.get(slag)
    if not kolumner:
        if rader:
            raise ValidationError({"rader": "Bara risk- och internkontrollavsnitt har tabellrader."})
        return []
    ut: list[list[str]] = []
    for nr, rad in enumerate(rader or [], start=1):
        celler = [str(c).strip() for c in rad]
        if len(celler) > len(kolumner):
            raise ValidationError({"rader": f"Rad {nr} har {len(celler)} celler; tabellen har {len(kolumner)} kolumner ({', '.join(kolumner)})."})
        if any(celler):
            ut.append(celler + [""] * (len(kolumner) - len(celler)))
    if len(ut) > MAX_RADER:
        raise ValidationError({"rader": f"Tabellen får ha högst {MAX_RADER} rader."})
    return ut


def _ny_nyckel(forbund: Forbund, ar: int, rubrik: str) -> str:
    bas = (slugify(rubrik.replace("å", "a").replace("ä", "a").replace("ö", "o")) or "avsnitt")[:34]
    tagna = set(Planavsnitt.objects.filter(forbund=forbund, ar=ar).values_list("nyckel", flat=True))
    nyckel, n = bas, 2
    while nyckel in tagna:
        nyckel, n = f"{bas}-{n}", n + 1
    return nyckel


def _texter(falt: dict[str, Any]) -> dict[str, str]:
    ut = {}
    for k in TEXTFALT:
        if k in falt:
            v = (falt[k] or "").replace("\r\n", "\n").strip()
            if len(v) > MAX_TEXT:
                raise ValidationError({k: f"Texten är för lång (högst {MAX_TEXT} tecken)."})
            ut[k] = v
    return ut


@transaction.atomic
def plan_starta(*, forbund: Forbund, aktor: Any, ar: int) -> list[Planavsnitt]:
    """Start a year's plan from the standard template (refused if the year already has a plan)."""
    _las(forbund, ar)
    if plan_finns(forbund, ar):
        raise ValidationError(f"Verksamhetsplanen för {ar} finns redan.")
    nya = Planavsnitt.objects.bulk_create(
        [
            Planavsnitt(forbund=forbund, ar=ar, ordning=i, nyckel=m.nyckel, rubrik=m.rubrik, slag=m.slag, andrad_av=_user(aktor))
            for i, m in enumerate(VERKSAMHETSPLAN_MALL, start=1)
        ]
    )
    handelse_logga(aktor=aktor, forbund=forbund, handling=Handling.VERKSAMHETSPLAN_SKAPA, detaljer={"ar": ar, "avsnitt": len(nya)})
    return nya


@transaction.atomic
def planavsnitt_skapa(
    *, forbund: Forbund, aktor: Any, ar: int, rubrik: str, slag: str = Planavsnitt.Slag.TEXT, insats: Insats | None = None, **falt: Any
) -> Planavsnitt:
    """Add a section at the end of the year's plan."""
    _las(forbund, ar)
    _insats(forbund, insats)
    okanda = set(falt) - set(TEXTFALT) - {"rader"}
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    texter = _texter({"rubrik": rubrik, **falt})
    sista = Planavsnitt.objects.filter(forbund=forbund, ar=ar).aggregate(m=Max("ordning"))["m"] or 0
    obj = Planavsnitt(forbund=forbund, ar=ar, ordning=sista + 1, slag=slag, insats=insats, andrad_av=_user(aktor), **texter)
    if slag not in Planavsnitt.Slag.values:
        raise ValidationError({"slag": "Okänt slag av avsnitt."})
    obj.rader = _rader(slag, falt.get("rader"))
    obj.nyckel = _ny_nyckel(forbund, ar, obj.rubrik or "avsnitt")
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling=Handling.PLANAVSNITT_SKAPA, objekt=obj, andringar=diff({}, snapshot(obj)))
    return obj


@transaction.atomic
def planavsnitt_andra(*, forbund: Forbund, aktor: Any, avsnitt: Planavsnitt, **falt: Any) -> Planavsnitt:
    """Rename a section or change its texts, table rows or intervention. An edited section is no longer "att revidera"."""
    obj = _avsnitt(forbund, avsnitt)
    _las(forbund, obj.ar)
    okanda = set(falt) - set(TEXTFALT) - {"rader", "insats"}
    if okanda:
        raise ValidationError(f"Okända fält: {', '.join(sorted(okanda))}.")
    fore = snapshot(obj)
    for k, v in _texter(falt).items():
        setattr(obj, k, v)
    if "rader" in falt:
        obj.rader = _rader(obj.slag, falt["rader"])
    if "insats" in falt:
        _insats(forbund, falt["insats"])
        obj.insats = falt["insats"]
    obj.att_revidera = False
    obj.andrad_av = _user(aktor)
    obj.full_clean()
    obj.save()
    handelse_logga(aktor=aktor, forbund=forbund, handling=Handling.PLANAVSNITT_ANDRA, objekt=obj, andringar=diff(fore, snapshot(obj)))
    return obj


@transaction.atomic
def planavsnitt_flytta(*, forbund: Forbund, aktor: Any, avsnitt: Planavsnitt, riktning: str) -> Planavsnitt:
    """Move a section one place up or down (the keyboard-accessible way to reorder)."""
    obj = _avsnitt(forbund, avsnitt)
    _las(forbund, obj.ar)
    if riktning not in {"upp", "ned"}:
        raise ValidationError({"riktning": "Ange upp eller ned."})
    lista = list(Planavsnitt.objects.select_for_update().filter(forbund=forbund, ar=obj.ar).order_by("ordning", "id"))
    i = next(n for n, a in enumerate(lista) if a.pk == obj.pk)
    j = i - 1 if riktning == "upp" else i + 1
    if not 0 <= j < len(lista):
        raise ValidationError(f"Avsnittet ”{obj.rubrik}” står redan {'först' if riktning == 'upp' else 'sist'}.")
    lista[i], lista[j] = lista[j], lista[i]
    for n, a in enumerate(lista, start=1):
        a.ordning = n
    Planavsnitt.objects.bulk_update(lista, ["ordning"])
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling=Handling.PLANAVSNITT_FLYTTA,
        objekt=obj,
        detaljer={"riktning": riktning, "ordning": [a.nyckel for a in lista]},
    )
    return lista[j]


@transaction.atomic
def planavsnitt_ta_bort(*, forbund: Forbund, aktor: Any, avsnitt: Planavsnitt) -> None:
    obj = _avsnitt(forbund, avsnitt)
    _las(forbund, obj.ar)
    handelse_logga(aktor=aktor, forbund=forbund, handling=Handling.PLANAVSNITT_TA_BORT, objekt=obj, andringar=diff(snapshot(obj), {}))
    obj.delete()


@transaction.atomic
def plan_kopiera(*, forbund: Forbund, aktor: Any, fran_ar: int, till_ar: int) -> list[Planavsnitt]:
    """ "Ny plan för <till_ar> från <fran_ar>": the sections and texts, marked "att revidera" until edited; the goal table
    of the year (when the new year has none) and the goal tree's goals of <fran_ar> extended to apply to <till_ar>."""
    _las(forbund, till_ar)
    if plan_finns(forbund, till_ar):
        raise ValidationError(f"Verksamhetsplanen för {till_ar} finns redan och kopieras inte över.")
    kalla = list(Planavsnitt.objects.filter(forbund=forbund, ar=fran_ar).order_by("ordning", "id"))
    if not kalla:
        raise ValidationError(f"Det finns ingen verksamhetsplan för {fran_ar} att utgå från.")
    nya = Planavsnitt.objects.bulk_create(
        [
            Planavsnitt(
                forbund=forbund,
                ar=till_ar,
                ordning=i,
                nyckel=a.nyckel,
                rubrik=a.rubrik,
                slag=a.slag,
                text=a.text,
                insats=a.insats,
                mal_text=a.mal_text,
                uppfoljning=a.uppfoljning,
                ledning=a.ledning,
                implementering=a.implementering,
                rader=a.rader,
                att_revidera=True,
                andrad_av=_user(aktor),
            )
            for i, a in enumerate(kalla, start=1)
        ]
    )
    mal = 0
    if not Forbundsmal.objects.filter(forbund=forbund, ar=till_ar).exists():
        falt = ["ordning", "mal", "slag", "utforande", "matbart", "ansvarig"]
        kopior = [
            Forbundsmal(forbund=forbund, ar=till_ar, period=str(till_ar), **{f: getattr(m, f) for f in falt})
            for m in Forbundsmal.objects.filter(forbund=forbund, ar=fran_ar)
        ]
        mal = len(Forbundsmal.objects.bulk_create(kopior))
    # goals of the tree that apply in fran_ar and end then now apply to the next year too (from the root down)
    forlangda = list(Malnod.objects.filter(forbund=forbund, ar_fran__lte=fran_ar, ar_till=fran_ar).values_list("pk", flat=True))
    Malnod.objects.filter(pk__in=forlangda).update(ar_till=till_ar)
    handelse_logga(
        aktor=aktor,
        forbund=forbund,
        handling=Handling.VERKSAMHETSPLAN_KOPIERA,
        detaljer={"fran_ar": fran_ar, "till_ar": till_ar, "avsnitt": len(nya), "forbundsmal": mal, "malnoder_forlangda": forlangda},
    )
    return nya


def rader_fran_text(text: str) -> list[list[str]]:
    """The form's table input: one row a line, cells separated by "|"."""
    return [[c.strip() for c in rad.split("|")] for rad in (text or "").replace("\r\n", "\n").split("\n") if rad.strip()]


def rader_som_text(rader: list[list[str]]) -> str:
    return "\n".join(" | ".join(r).rstrip(" |") for r in rader)
