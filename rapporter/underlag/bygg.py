"""Build the annual report's snapshot: every figure read once from the apps that own it, into plain data.

Nothing here renders and nothing writes. Model instances become dicts with the keys the templates read, so the PDF
can be rendered from the stored snapshot alone (years later, after the underlying data has changed).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from finsam.models import Forbund, Medlem
from finsam.sortering import personordning, svensk
from styrelse.models import Mandat

from .. import kallor
from ..models import Forbundsmal, Rapport, RapportTyp
from ..sektioner import ARSREDOVISNING, ARSREDOVISNING_INSATS
from . import delar
from .avtal import avtal_del
from .delar import texter
from .deltagare import deltagardata
from .maltrad import maltrad_ar
from .revisorer import revisorer_del

VERSION = 1


def _forbund(f: Forbund) -> dict[str, Any]:
    return {
        "namn": f.namn,
        "slug": f.slug,
        "organisationsnummer": getattr(f, "organisationsnummer", "") or "",
        "bildat": getattr(f, "bildat", None),
        "besoksadress": getattr(f, "besoksadress", "") or "",
        "webbplats": getattr(f, "webbplats", "") or "",
    }


def _mandat(m: Any) -> dict[str, Any]:
    return {
        "namn": m.person.namn,
        "parti": m.person.parti,
        "uppdrag": m.uppdrag,
        "uppdrag_namn": m.get_uppdrag_display() if m.uppdrag else "",
        "medlem": m.medlem.namn if m.medlem_id else "",
        "fran": m.fran,
        "till": m.till,
    }


def _styrelse(forbund: Forbund, ar: int) -> dict[str, Any]:
    sty = kallor.styrelse(forbund, ar)
    return {
        "ledamoter": [_mandat(m) for m in sty["ledamoter"]],
        "ersattare": [_mandat(m) for m in sty["ersattare"]],
        "presidium": [_mandat(m) for m in sty["presidium"]],
        "sammantraden": [{"datum": s.datum, "plats": s.plats} for s in sty["sammantraden"]],
        "planeringsdagar": [{"datum": s.datum, "plats": s.plats} for s in sty["planeringsdagar"]],
        "personal": [{"namn": p.namn, "befattning": p.befattning, "tjanstgoringsgrad": p.tjanstgoringsgrad} for p in sty["personal"]],
        "period_start": sty["period_start"],
        "period_slut": sty["period_slut"],
    }


def _insatser(forbund: Forbund, ar: int, txt: dict[tuple[str, int | None], Any]) -> dict[str, Any]:
    ins = kallor.insatser(forbund, ar)
    lista = []
    for i in ins["lista"]:
        lista.append(
            {
                "pk": i.pk,
                "kortnamn": i.kortnamn,
                "namn": i.namn,
                "typ": i.typ,
                "typ_namn": i.get_typ_display(),
                "inriktning": i.inriktning,
                "inriktning_namn": i.get_inriktning_display(),
                "startdatum": i.startdatum,
                "slutdatum": i.slutdatum,
                "agare": i.agare_medlem.namn if i.agare_medlem_id else (i.agare_extern or ""),
                "parter": [p.namn for p in i.parter.all()],
                "malgrupp": i.malgrupp,
                "alder_fran": i.alder_fran,
                "alder_till": i.alder_till,
                "syfte": i.syfte,
                "beviljat": i.beviljat,  # type: ignore[attr-defined]
                "efter_budget": i.efter_budget,  # type: ignore[attr-defined]
                "malbedomningar": [
                    {"mal": b.mal.text, "bedomning": b.bedomning, "bedomning_namn": b.get_bedomning_display(), "kommentar": b.kommentar}
                    for b in i.malbedomningar
                ],  # type: ignore[attr-defined]
                "texter": [
                    {"rubrik": s.rubrik, "nyckel": s.nyckel, "text": txt[(s.nyckel, i.pk)].text if (s.nyckel, i.pk) in txt else ""}
                    for s in ARSREDOVISNING_INSATS
                ],
            }
        )
    return {
        "lista": lista,
        "beviljat_saknas": ins["beviljat_saknas"],
        "mal_saknas": ins["mal_saknas"],
        "beviljat_summa": ins["beviljat_summa"],
        "budget_faststalld": ins["budget_faststalld"],
        "budget_paragraf": ins["budget_paragraf"],
    }


def _mal(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    return [
        {
            "mal": m.mal,
            "matbart": m.matbart,
            "utforande": m.utforande,
            "slag": m.slag,
            "slag_namn": m.get_slag_display(),
            "bedomning": m.bedomning,
            "bedomning_namn": m.get_bedomning_display(),
            "kommentar": m.kommentar,
        }
        for m in Forbundsmal.objects.filter(forbund=forbund, ar=ar).order_by("ordning", "id")
    ]


def _beslut(rapport: Rapport | None) -> dict[str, Any]:
    if rapport is None or rapport.status == Rapport.Status.UTKAST or rapport.sammantrade is None:
        return {"utkast": True}
    p = rapport.beslut
    return {"utkast": False, "datum": rapport.sammantrade.datum, "paragraf": {"nummer": p.nummer} if p else None}


def _signaturer(forbund: Forbund, ar: int, rapport: Rapport | None) -> list[dict[str, Any]]:
    from django.db.models import Q

    dag = rapport.sammantrade.datum if rapport and rapport.sammantrade else dt.date(ar, 12, 31)
    ledamoter = list(
        Mandat.objects.filter(forbund=forbund, typ=Mandat.Typ.LEDAMOT, fran__lte=dag)
        .filter(Q(till__isnull=True) | Q(till__gte=dag))
        .select_related("person", "medlem")
        .order_by("medlem__ordning", *personordning("person__"))
    )
    ledamoter.sort(key=lambda m: {"ordforande": 0, "vice_ordforande": 1}.get(m.uppdrag, 2))
    return [_mandat(m) for m in ledamoter]


def arsredovisning(forbund: Forbund, ar: int, rapport: Rapport | None = None) -> dict[str, Any]:
    """The annual report of `ar` as plain data (Decimal, date; no model instances)."""

    txt = texter(forbund, RapportTyp.ARSREDOVISNING, ar)
    sektioner = {
        s.nyckel: {"nyckel": s.nyckel, "rubrik": s.rubrik, "kravs": s.kravs, "text": txt[(s.nyckel, None)].text if (s.nyckel, None) in txt else ""}
        for s in ARSREDOVISNING
    }
    ins = _insatser(forbund, ar, txt)
    rak = kallor.rakenskaper(forbund, ar)
    bidrag = kallor.medlemsbidrag(forbund, ar)
    ok, kontroller = kallor.avstamning_for(rak, forbund, ar)
    deltagare = deltagardata(forbund, ar)
    data: dict[str, Any] = {
        "version": VERSION,
        "typ": RapportTyp.ARSREDOVISNING,
        "ar": ar,
        "titel": f"Årsredovisning {ar}",
        "forbund": _forbund(forbund),
        "medlemmar": [{"namn": m.namn} for m in Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))],
        "beslut": _beslut(rapport),
        "sektioner": sektioner,
        "utfall": deltagare["utfall"],
        "utanfor_malgrupp": kallor.utanfor_malgrupp(forbund, ar),
        "flera_insatser": deltagare["flera_insatser"],
        "insatser": ins,
        "mal": _mal(forbund, ar),
        "maltrad": maltrad_ar(forbund, ar),
        "styrelse": _styrelse(forbund, ar),
        "rakenskaper": rak,
        "medlemsbidrag": bidrag,
        "bidragsfakturering": {
            **kallor.bidragsfakturering(forbund, ar, bidrag=bidrag),
            "kontroller": [k for k in kontroller if k["kontroll"].startswith("Intäkt från") and k["kontroll"].endswith("= medlemsbidraget")],
        },
        "ekonomi_avstamning_ok": ok,
        "ekonomi_avstamning": kontroller,
        "signaturer": _signaturer(forbund, ar, rapport),
        "avtal": avtal_del(forbund, ar),
        "revisorer": revisorer_del(forbund, ar),
        "byggt": timezone.now(),
    }
    data["forvaltningsberattelse"] = delar.forvaltningsberattelse(rak)
    data["driftsredovisning_insatser"] = delar.driftsredovisning_insatser(ins, rak)
    data["balanskravsutredning"] = delar.balanskravsutredning(rak, ar)
    data["flerarsoversikt"] = delar.flerarsoversikt(forbund, ar, rak, deltagare["utfall"])
    data["redovisningsprinciper"] = delar.redovisningsprinciper(rak)
    return data
