"""Build the business plan's snapshot as data: the written sections, the goal tree with measures and targets for the
plan years, the interventions with their grants, the three-year budget from ekonomi with opening equity and the
disposable budget, and the member contributions. Like the annual report, the PDF is rendered from the stored
snapshot and adoption freezes it; later changes show as "ändrat efter fastställelse"."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from finsam.models import Forbund, Medlem
from finsam.sortering import svensk

from .. import ekonomitabeller, kallor
from ..models import Forbundsmal, Rapport, Rapporttext, RapportTyp
from ..sektioner import VERKSAMHETSPLAN
from .bygg import _beslut, _forbund
from .kodning import rundtur
from .maltrad import maltrad_ar

VERSION = 1
PLANAR = 3  # the budget year and two plan years


def _mal(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    return [
        {
            "mal": m.mal,
            "utforande": m.utforande,
            "matbart": m.matbart,
            "ansvarig": m.ansvarig,
            "period": m.period or str(ar),
            "slag_namn": m.get_slag_display(),
        }
        for m in Forbundsmal.objects.filter(forbund=forbund, ar=ar).order_by("ordning", "id")
    ]


def _maltrad(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """Every goal applying in any of the plan years, in tree order (a goal is listed once, with the years it applies to)."""
    sett: set[int] = set()
    ut: list[dict[str, Any]] = []
    for a in range(ar, ar + PLANAR):
        for n in maltrad_ar(forbund, a):
            if n["id"] in sett:
                continue
            sett.add(n["id"])
            ut.append(
                {
                    k: v
                    for k, v in n.items()
                    if k not in {"utfall", "utfall_text", "forslag", "forslag_namn", "bedomning", "bedomning_namn", "kommentar", "bekraftad"}
                }
            )
    return ut


def _insatser(forbund: Forbund, ar: int) -> dict[str, Any]:
    ins = kallor.insatser(forbund, ar)
    lista = [
        {
            "pk": i.pk,
            "kortnamn": i.kortnamn,
            "namn": i.namn,
            "typ_namn": i.get_typ_display(),
            "startdatum": i.startdatum,
            "slutdatum": i.slutdatum,
            "parter": [p.namn for p in i.parter.all()],
            "malgrupp": i.malgrupp,
            "beviljat": i.beviljat,  # type: ignore[attr-defined]
            "efter_budget": i.efter_budget,  # type: ignore[attr-defined]
        }
        for i in ins["lista"]
    ]
    return {
        "lista": lista,
        "beviljat_saknas": ins["beviljat_saknas"],
        "beviljat_summa": ins["beviljat_summa"],
        "budget_faststalld": ins["budget_faststalld"],
    }


def _budget(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The three-year table in tkr, with the opening equity (closing equity of the year before, from the accounts when
    imported) carried through the plan years by each year's result, and the disposable budget (income + opening equity)."""
    data = kallor.budget_tabell(forbund, ar)
    tabell = ekonomitabeller.budget(data, ar)
    if data.get("saknas"):
        return {"tabell": tabell, "eget_kapital": None}
    rak = kallor.rakenskaper(forbund, ar - 1)
    ingaende = None if rak.get("saknas") else rak["balansrakning"]["eget_kapital_vid_arets_slut"]
    ek: dict[str, Any] = {"kalla": f"Bokslut {ar - 1}" if ingaende is not None else "", "ingaende": [], "disponibel": [], "utgaende": []}
    if ingaende is not None:
        saldo = Decimal(ingaende)
        for i in range(PLANAR):
            ek["ingaende"].append(saldo)
            ek["disponibel"].append(Decimal(data["summa_intakter"][i]) + saldo)
            saldo += Decimal(data["resultat"][i])
            ek["utgaende"].append(saldo)
        tabell["rader"] += [
            {"text": f"Ingående eget kapital ({ek['kalla'].lower()} och plan)", "typ": "rad", "not": "", "varden": ek["ingaende"]},
            {"text": "Disponibel budget (intäkter + ingående eget kapital)", "typ": "delsumma", "not": "", "varden": ek["disponibel"]},
            {"text": "Utgående eget kapital enligt plan", "typ": "summa", "not": "", "varden": ek["utgaende"]},
        ]
    return {"tabell": tabell, "eget_kapital": ek if ingaende is not None else None}


def verksamhetsplan(forbund: Forbund, ar: int, rapport: Rapport | None = None) -> dict[str, Any]:
    """The business plan of `ar` as plain data (Decimal, date; no model instances), read back as stored."""
    txt = {t.sektion: t.text for t in Rapporttext.objects.filter(forbund=forbund, typ=RapportTyp.VERKSAMHETSPLAN, ar=ar, insats__isnull=True)}
    bidrag = kallor.medlemsbidrag(forbund, ar)
    data: dict[str, Any] = {
        "version": VERSION,
        "typ": RapportTyp.VERKSAMHETSPLAN,
        "ar": ar,
        "titel": f"Verksamhetsplan {ar}",
        "forbund": _forbund(forbund),
        "medlemmar": [{"namn": m.namn} for m in Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))],
        "beslut": _beslut(rapport),
        "sektioner": {s.nyckel: {"nyckel": s.nyckel, "rubrik": s.rubrik, "text": txt.get(s.nyckel, "")} for s in VERKSAMHETSPLAN},
        "planar": list(range(ar, ar + PLANAR)),
        "mal": _mal(forbund, ar),
        "maltrad": _maltrad(forbund, ar),
        "insatser": _insatser(forbund, ar),
        "budget": _budget(forbund, ar),
        "medlemsbidrag": bidrag,
        "bidragsfakturering": kallor.bidragsfakturering(forbund, ar, bidrag=bidrag),
        "byggt": timezone.now(),
    }
    data = rundtur(data)
    data["saknade_avsnitt"] = [s["rubrik"] for s in data["sektioner"].values() if not (s["text"] or "").strip()]
    data["avstamning"] = []
    data["avstamning_ok"] = not data["budget"]["tabell"].get("saknas")
    return data  # type: ignore[no-any-return]
