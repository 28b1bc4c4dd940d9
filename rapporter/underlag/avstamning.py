"""The report-wide reconciliation, run on the snapshot: every tie with pass or its exact difference.

Pure: snapshot data in, a list of ties out. "Alla kontroller stämmer" only when every tie holds; the report cannot
be made final otherwise. Each tie compares two places of the same report (or the report with its sources), so a
figure typed, imported or derived twice cannot disagree unnoticed.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.formatting import kr as kr_text
from uppfoljning.vokabular import ALDERSGRUPPER

from .deltagare import FORDELNINGAR, SAKNAS_KOD, G
from .maltrad import saknade_bedomningar

NOLL = Decimal(0)
ALDERSGRUPP_GRANSER = {kod: (lag, hog) for kod, lag, hog in ALDERSGRUPPER}
FORDELNINGSNAMN = {
    "aldersgrupp": "Åldersgrupp",
    "remittent": "Remittent",
    "utbildning": "Högsta utbildning vid inskrivning",
    "forsorjning_in": "Försörjning vid inskrivning",
    "forsorjning_ut": "Försörjning vid avslut",
}


def _tie(grupp: str, kontroll: str, differens: Decimal | int, detalj: str = "", *, ok: bool | None = None) -> dict[str, Any]:
    d = Decimal(differens)
    return {"grupp": grupp, "kontroll": kontroll, "ok": (d == 0) if ok is None else ok, "differens": d, "detalj": detalj}


def _rakenskaper(u: dict[str, Any]) -> list[dict[str, Any]]:
    rak = u["rakenskaper"]
    ar = u["ar"]
    ekonomi = [
        _tie("Räkenskaper", k["kontroll"], k.get("differens") or 0, k.get("detalj", ""), ok=bool(k["ok"])) for k in u.get("ekonomi_avstamning") or []
    ]  # ekonomi's own checks (notes, vouchers, members, continuity)
    if rak.get("saknas") or rak.get("finns") is False:
        return [_tie("Räkenskaper", f"Räkenskaperna för {ar} finns", 0, rak.get("saknas", ""), ok=False), *ekonomi]
    ut = []
    br = rak["balansrakning"]
    ut.append(
        _tie(
            "Räkenskaper",
            f"Balansräkningen {ar}-12-31: tillgångar = eget kapital, avsättningar och skulder",
            br["summa_tillgangar"] - br["summa_eget_kapital_och_skulder"],
        )
    )
    fg = rak.get("foregaende")
    if fg:
        fbr = fg["balansrakning"]
        ut.append(
            _tie(
                "Räkenskaper",
                f"Balansräkningen {ar - 1}-12-31 (jämförelsekolumnen): tillgångar = eget kapital, avsättningar och skulder",
                fbr["summa_tillgangar"] - fbr["summa_eget_kapital_och_skulder"],
            )
        )
        ut.append(
            _tie(
                "Räkenskaper",
                f"Ingående eget kapital {ar} = utgående eget kapital {ar - 1}",
                br["eget_kapital_vid_arets_borjan"] - fbr["eget_kapital_vid_arets_slut"],
            )
        )
        ut.append(
            _tie(
                "Räkenskaper",
                f"Likvida medel vid årets början {ar} = kassa och bank {ar - 1}-12-31",
                rak["kassaflodesanalys"]["likvida_medel_vid_arets_borjan"] - fbr["kassa_och_bank"],
            )
        )
    return ut + ekonomi


def _resultat(u: dict[str, Any]) -> list[dict[str, Any]]:
    rak = u["rakenskaper"]
    ar = u["ar"]
    if rak.get("saknas") or rak.get("finns") is False:
        return []
    rs = rak["resultatrakning"]["arets_resultat"]
    fle = {r["ar"]: r for r in u["flerarsoversikt"]["ar"]}
    drift = next((r for r in rak.get("driftsredovisning", []) if r["text"] == "Resultat"), None)
    stallen = [
        ("förvaltningsberättelsen", u["forvaltningsberattelse"].get("arets_resultat")),
        ("balansräkningen", rak["balansrakning"]["arets_resultat"]),
        ("kassaflödesanalysen", rak["kassaflodesanalys"]["arets_resultat"]),
        ("driftsredovisningen", drift["utfall"] if drift else None),
        ("balanskravsutredningen", u["balanskravsutredning"].get("arets_resultat")),
        ("flerårsöversikten", fle.get(ar, {}).get("arets_resultat")),
    ]
    ut = [
        _tie(
            "Årets resultat",
            f"Årets resultat {ar} i {namn} = resultaträkningen",
            (v if v is not None else NOLL) - rs,
            "" if v is not None else f"Saknas i {namn}.",
            ok=(v == rs),
        )
        for namn, v in stallen
    ]
    ek_br = rak["balansrakning"]["eget_kapital_vid_arets_slut"]
    for namn, v in (
        ("förvaltningsberättelsen", u["forvaltningsberattelse"].get("eget_kapital")),
        ("flerårsöversikten", fle.get(ar, {}).get("eget_kapital")),
    ):
        ut.append(
            _tie("Årets resultat", f"Eget kapital {ar}-12-31 i {namn} = balansräkningen", (v if v is not None else NOLL) - ek_br, ok=v == ek_br)
        )
    fg = rak.get("foregaende")
    if fg and (ar - 1) in fle:
        v = fle[ar - 1].get("arets_resultat")
        ut.append(
            _tie(
                "Årets resultat",
                f"Årets resultat {ar - 1} i flerårsöversikten = resultaträkningens jämförelsekolumn",
                (v if v is not None else NOLL) - fg["resultatrakning"]["arets_resultat"],
                ok=v == fg["resultatrakning"]["arets_resultat"],
            )
        )
    bk = u["balanskravsutredning"]
    if bk:
        ut.append(
            _tie(
                "Årets resultat",
                "Balanskravsutredningen summerar (resultat − realisationsvinster + justeringar + eget kapital = balanskravsresultat)",
                bk["arets_resultat"] - bk["realisationsvinster"] + bk["justeringar"] + bk["anvandning_eget_kapital"] - bk["balanskravsresultat"],
            )
        )
    return ut


def _insatser(u: dict[str, Any]) -> list[dict[str, Any]]:
    rak = u["rakenskaper"]
    if rak.get("saknas") or rak.get("finns") is False:
        return []
    ut = []
    rader = u["driftsredovisning_insatser"]
    bilaga = {i["pk"]: i["beviljat"] for i in u["insatser"]["lista"]}
    if u["insatser"].get("beviljat_saknas"):
        ut.append(_tie("Insatser", "Beviljade medel per insats finns", 0, u["insatser"]["beviljat_saknas"], ok=False))
    for r in rader:
        namn = r["kortnamn"] or r["namn"]
        beviljat = r["beviljat"] or NOLL
        efter = r.get("efter_budget") or NOLL
        ut.append(
            _tie(
                "Insatser",
                f"{namn}: beviljat av styrelsen = budgetraden + beslutat efter budget",
                beviljat - efter - r["budget"],
                _efter_budget_detalj(r, u["insatser"]) if r["budgetrad"] else "Insatsen saknar budgetrad.",
            )
        )
        ut.append(_tie("Insatser", f"{namn}: beviljat i bilagan = driftsredovisningen", (bilaga.get(r["pk"]) or NOLL) - beviljat))
        if r["utfall"] and not beviljat:
            ut.append(
                _tie(
                    "Insatser",
                    f"{namn}: utfall i bokföringen har ett beslut om medel",
                    r["utfall"],
                    "Kostnader bokförda på en insats utan beviljade medel för året.",
                    ok=False,
                )
            )
    avvikelser = [r for r in rader if r["avvikelse"]]
    forklarat = bool((u["sektioner"].get("ekonomi") or {}).get("text"))
    ut.append(
        _tie(
            "Insatser",
            "Avvikelser mellan utfall och budget per insats är förklarade i förvaltningsberättelsen",
            sum((abs(r["avvikelse"]) for r in avvikelser), NOLL),
            ", ".join(f"{r['kortnamn'] or r['namn']}: {r['avvikelse']}" for r in avvikelser),
            ok=not avvikelser or forklarat,
        )
    )
    summa_bilaga = sum((b or NOLL for b in bilaga.values()), NOLL)
    summa_drift = sum((r["beviljat"] or NOLL for r in rader), NOLL)
    ut.append(_tie("Insatser", "Summa beviljat i bilagan = summa beviljat i driftsredovisningen", summa_bilaga - summa_drift))
    return ut


def _efter_budget_detalj(r: dict[str, Any], ins: dict[str, Any]) -> str:
    """The explanation of grants the set budget cannot contain: amount, § and meeting date of each."""
    beslut = r.get("efter_budget_beslut") or []
    if not beslut:
        return ""
    delar = ", ".join(f"{kr_text(b['belopp'])} enligt {b['paragraf']} ({b['datum'].isoformat()})" for b in beslut)
    fast = ins.get("budget_faststalld")
    nar = f" den {fast.isoformat()}" if fast else ""
    return f"Beslutat efter budget: {delar}; budgeten fastställdes{nar} och kan inte innehålla beslutet."


def _fordelning_tie(namn: str, post: dict[str, Any], falt: str, mot: str) -> dict[str, Any]:
    saknas = next((r for r in post[falt] if r["kod"] == SAKNAS_KOD), None)
    kanda = {k: sum(int(r[k]) for r in post[falt] if r["kod"] != SAKNAS_KOD) for k in G}
    summa = {k: kanda[k] + (int(saknas[k]) if saknas else 0) for k in G}
    overskott = sum(max(-(int(saknas[k]) if saknas else 0), 0) for k in G)
    diff = sum(abs(summa[k] - int(post[mot][k])) for k in G) + overskott
    detalj = f"Uppgift saknas: {saknas['totalt']}" if saknas and saknas["totalt"] > 0 else ""
    if overskott:
        detalj = f"Fler i fördelningen än {mot} ({kanda['totalt']} mot {post[mot]['totalt']})"
    till = "antalet avslutade" if mot == "avslutade" else "antalet deltagare"
    return _tie("Deltagare", f"{namn}: {FORDELNINGSNAMN[falt].lower()} summerar till {till}", diff, detalj, ok=diff == 0 and saknas is not None)


def _deltagare(u: dict[str, Any]) -> list[dict[str, Any]]:
    ut_ = u["utfall"]
    if ut_.get("saknas"):
        return [_tie("Deltagare", "Deltagaruppgifterna finns", 0, ut_["saknas"], ok=False)]
    ut = []
    poster = [(r["kortnamn"] or r["namn"], r) for r in ut_["per_insats"].values()] + [("Samtliga insatser", ut_["totalt"])]
    for namn, post in poster:
        ut.append(_tie("Deltagare", f"{namn}: kvinnor + män + annat = deltagare", post.get("kon_saknas", 0)))
        for falt, mot in FORDELNINGAR:
            ut.append(_fordelning_tie(namn, post, falt, mot))
    # the appendix (one section per intervention) against the report's totals
    per = list(ut_["per_insats"].values())
    for nyckel, text in (("avslutade", "avslutade"),):
        ut.append(
            _tie(
                "Deltagare",
                f"Bilagan: summa {text} per insats = {text} totalt",
                sum(int(p[nyckel]["totalt"]) for p in per) - int(ut_["totalt"][nyckel]["totalt"]),
            )
        )
    flera = int(u.get("flera_insatser") or 0)
    ut.append(
        _tie(
            "Deltagare",
            "Bilagan: summa deltagare per insats − deltagare i flera insatser = deltagare totalt",
            sum(int(p["deltagare"]["totalt"]) for p in per) - flera - int(ut_["totalt"]["deltagare"]["totalt"]),
            f"{flera} deltagarplatser avser personer i mer än en insats." if flera else "",
        )
    )
    bilaga = {i["kortnamn"] for i in u["insatser"]["lista"] if i["inriktning"] == "individ"}
    utan = sorted(k for k, p in ut_["per_insats"].items() if k not in bilaga and int(p["deltagare"]["totalt"]))
    ut.append(_tie("Deltagare", "Varje insats med deltagare har ett avsnitt i bilagan", len(utan), ", ".join(utan)))
    return ut


def _grupp_utanfor(kod: str, fran: int | None, till: int | None) -> bool:
    """Is the whole age group `kod` outside the target group [fran, till]?"""
    lag, hog = ALDERSGRUPP_GRANSER.get(kod, (None, None))
    if lag is None or hog is None:
        return False
    return (fran is not None and hog < fran) or (till is not None and lag > till)


def _malgrupp(u: dict[str, Any]) -> list[dict[str, Any]]:
    """The note on ages outside the target group against the age breakdown: every participant in an age group wholly
    outside an intervention's target group must be counted in the note, and every count in the note has its reasons."""
    ut_ = u["utfall"]
    if ut_.get("saknas"):
        return []
    not_ = {r["kortnamn"]: r for r in u.get("utanfor_malgrupp") or []}
    ut = []
    for i in u["insatser"]["lista"]:
        post = ut_["per_insats"].get(i["kortnamn"])
        fran, till = i.get("alder_fran"), i.get("alder_till")
        if post is None or (fran is None and till is None):
            continue
        rad = not_.get(i["kortnamn"]) or {"antal": 0, "skal": []}
        grupper = [r for r in post["aldersgrupp"] if r["kod"] != SAKNAS_KOD and _grupp_utanfor(r["kod"], fran, till)]
        utanfor = sum(int(r["totalt"]) for r in grupper)
        namn = ", ".join(r["namn"] for r in grupper if int(r["totalt"]))
        ut.append(
            _tie(
                "Deltagare",
                f"{i['kortnamn']}: deltagare i åldersgrupper utanför målgruppen ingår i noten om ålder utanför målgruppen",
                max(utanfor - int(rad["antal"]), 0),
                f"{utanfor} i åldersgrupperna ({namn}), {rad['antal']} i noten" if utanfor or rad["antal"] else "",
            )
        )
        if rad["antal"]:
            ut.append(
                _tie(
                    "Deltagare",
                    f"{i['kortnamn']}: noten om ålder utanför målgruppen anger skäl",
                    0 if rad["skal"] else int(rad["antal"]),
                    "; ".join(rad["skal"]) if rad["skal"] else "Inget skäl är registrerat.",
                )
            )
    saknar_insats = sorted(k for k in not_ if k not in {i["kortnamn"] for i in u["insatser"]["lista"]})
    if saknar_insats:
        ut.append(_tie("Deltagare", "Noten om ålder utanför målgruppen avser insatser i rapporten", len(saknar_insats), ", ".join(saknar_insats)))
    return ut


def avstamning(u: dict[str, Any]) -> list[dict[str, Any]]:
    return [*_rakenskaper(u), *_resultat(u), *_insatser(u), *_deltagare(u), *_malgrupp(u)]


def alla_stammer(kontroller: list[dict[str, Any]]) -> bool:
    return bool(kontroller) and all(k["ok"] for k in kontroller)


def saknade_avsnitt(u: dict[str, Any]) -> list[str]:
    """The required parts still missing: empty required text sections, and goals for god ekonomisk hushållning."""
    saknas = [s["rubrik"] for s in u["sektioner"].values() if s.get("kravs") and not (s.get("text") or "").strip()]
    for slag, namn in (("finansiellt", "finansiellt mål"), ("verksamhet", "verksamhetsmål")):
        mal = [m for m in u.get("mal", []) if m["slag"] == slag]
        if not mal:
            saknas.append(f"God ekonomisk hushållning: minst ett {namn} för {u['ar']}")
        elif any(not m["bedomning"] for m in mal):
            saknas.append(f"God ekonomisk hushållning: bedömning av varje {namn}")
        if any(not (m.get("matbart") or "").strip() for m in mal):
            saknas.append(f"God ekonomisk hushållning: mätbart för varje {namn}")
    return saknas + saknade_bedomningar(u.get("maltrad") or [])
