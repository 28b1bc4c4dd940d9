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
from ..models import Forbundsmal, Planavsnitt, Rapport, RapportTyp
from ..sektioner import PLANMALL, VERKSAMHETSPLAN_MALL
from .bygg import _beslut, _forbund
from .kodning import rundtur
from .maltrad import maltrad_ar

VERSION = 2  # 2: the sections are an ordered list of data (rapporter.Planavsnitt), not a fixed dict
PLANAR = 3  # the budget year and two plan years


def _mal(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    return [
        {
            "mal": m.mal,
            "utforande": m.utforande,
            "matbart": m.matbart,
            "ansvarig": m.ansvarig,
            "period": m.period or str(ar),
            "slag": m.slag,
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


def _sektioner(forbund: Forbund, ar: int) -> list[dict[str, Any]]:
    """The year's sections in order; a year without a plan yet shows the standard template (nothing is written)."""
    avsnitt = list(Planavsnitt.objects.filter(forbund=forbund, ar=ar).select_related("insats").order_by("ordning", "id"))
    if not avsnitt:
        avsnitt = [
            Planavsnitt(forbund=forbund, ar=ar, ordning=i, nyckel=m.nyckel, rubrik=m.rubrik, slag=m.slag) for i, m in enumerate(VERKSAMHETSPLAN_MALL)
        ]
    ut = []
    for a in avsnitt:
        mall = PLANMALL.get(a.nyckel)
        ut.append(
            {
                "nyckel": a.nyckel,
                "rubrik": a.rubrik,
                "slag": a.slag,
                "slag_namn": a.get_slag_display(),
                "hjalp": mall.hjalp if mall else "",
                "text": a.text,
                "att_revidera": a.att_revidera,
                "insats_id": a.insats_id,
                "insats_namn": a.insats.namn if a.insats_id and a.insats is not None else "",
                "delar": [
                    {"rubrik": r, "text": t}
                    for r, t in (("Mål", a.mal_text), ("Uppföljning", a.uppfoljning), ("Ledning", a.ledning), ("Implementering", a.implementering))
                ]
                if a.slag == Planavsnitt.Slag.INSATS
                else [],
                "kolumner": a.kolumner,
                "rader": list(a.rader or []),
            }
        )
    return ut


def _finansiella_mal(mal: list[dict[str, Any]], maltrad: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The financial goals: the goal table's financial rows and the goal tree's measures of the year's result."""
    rader = [{"mal": m["mal"], "matbart": m["matbart"], "ansvarig": m["ansvarig"]} for m in mal if m.get("slag") == Forbundsmal.Slag.FINANSIELLT]
    rader += [
        {"mal": n["text"], "matbart": f"{n['matt_namn']} {n['mal_text']}".strip(), "ansvarig": n["ansvarig"]}
        for n in maltrad
        if n["matt"] == "budgetutfall"
    ]
    return rader


def verksamhetsplan(forbund: Forbund, ar: int, rapport: Rapport | None = None) -> dict[str, Any]:
    """The business plan of `ar` as plain data (Decimal, date; no model instances), read back as stored."""
    bidrag = kallor.medlemsbidrag(forbund, ar)
    data: dict[str, Any] = {
        "version": VERSION,
        "typ": RapportTyp.VERKSAMHETSPLAN,
        "ar": ar,
        "titel": f"Verksamhetsplan {ar}",
        "forbund": _forbund(forbund),
        "medlemmar": [{"namn": m.namn} for m in Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))],
        "beslut": _beslut(rapport),
        "sektioner": _sektioner(forbund, ar),
        "planar": list(range(ar, ar + PLANAR)),
        "mal": _mal(forbund, ar),
        "maltrad": _maltrad(forbund, ar),
        "insatser": _insatser(forbund, ar),
        "budget": _budget(forbund, ar),
        "medlemsbidrag": bidrag,
        "bidragsfakturering": kallor.bidragsfakturering(forbund, ar, bidrag=bidrag),
        "byggt": timezone.now(),
    }
    data["finansiella_mal"] = _finansiella_mal(data["mal"], data["maltrad"])
    per_insats = {i["pk"]: i for i in data["insatser"]["lista"]}
    for s in data["sektioner"]:  # an intervention's section shows its grant and its goals from the tree
        if s["slag"] == "insats":
            i = per_insats.get(s["insats_id"])
            s["insats"] = i
            s["insats_mal"] = [n for n in data["maltrad"] if i and n["insats"] == i["kortnamn"]]
    data = rundtur(data)
    data["saknade_avsnitt"] = [s["rubrik"] for s in data["sektioner"] if s["slag"] == "text" and not (s["text"] or "").strip()]
    data["avstamning"] = []
    data["avstamning_ok"] = not data["budget"]["tabell"].get("saknas")
    return data  # type: ignore[no-any-return]


def sektioner_v1(data: dict[str, Any]) -> dict[str, Any]:
    """A snapshot stored before the sections were data (version 1: a dict of texts, computed parts in a fixed place)
    read as version 2, so an adopted plan renders as it did."""
    if isinstance(data.get("sektioner"), list):
        return data
    gamla = data.get("sektioner") or {}
    lista = [
        {"nyckel": k, "rubrik": v["rubrik"], "slag": "text", "text": v.get("text", ""), "att_revidera": False, "delar": [], "rader": []}
        for k, v in gamla.items()
        if k not in {"insatser", "budget"}
    ]
    lista.append({"nyckel": "mal", "rubrik": "Mål och mått", "slag": "maltrad", "text": "", "att_revidera": False, "delar": [], "rader": []})
    for k, slag in (("insatser", "insatser"), ("budget", "budget"), ("medlemsbidrag", "medlemsbidrag")):
        v = gamla.get(k) or {}
        lista.append(
            {
                "nyckel": k,
                "rubrik": v.get("rubrik", "Medlemsbidrag"),
                "slag": slag,
                "text": v.get("text", ""),
                "att_revidera": False,
                "delar": [],
                "rader": [],
            }
        )
    return {**data, "sektioner": lista, "finansiella_mal": data.get("finansiella_mal", [])}
