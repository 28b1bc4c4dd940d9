"""The annual accounts (räkenskaper): derived from the imported bookkeeping, never typed twice, and reconciled."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.models import Forbund, Medlem
from finsam.sortering import svensk

from ..bokforing.kontoplan import standard_intervall
from ..models import Ekonomiinstallning, Kontointervall, Kontokoppling, Redovisningsimport
from ..models import Kontointervall as K
from ..selectors.bidrag import medlemsbidrag
from ..selectors.budget import budget_tabell
from .avstamning import kontroller
from .berakning import balansrakning, kassaflodesanalys, noter, resultatrakning
from .bidragskontroll import bidragsregler
from .data import NOLL, Saldon, las_saldon_flera
from .jamforelse import budget_utfall, driftsredovisning, eget_kapital_bedomning
from .kontinuitet import jamforelsekontroller

__all__ = ["rakenskaper"]


def _ar(s: Saldon) -> dict[str, Any]:
    rs = resultatrakning(s)
    return {
        "resultatrakning": rs,
        "balansrakning": balansrakning(s, rs["arets_resultat"]),
        "kassaflodesanalys": kassaflodesanalys(s, rs["arets_resultat"]),
    }


def _verifikationskontroll(s: Saldon, rorelse: dict[str | None, Decimal]) -> dict[str, Any]:
    """IB + the vouchers = UB for balance lines, the vouchers = the result for result lines (per statement line)."""

    avvikelser = []
    for rad in sorted(set(s.rad) | {r for r in rorelse if r is not None}):
        forvantat = s.ub(rad) - s.ib(rad) if rad in K.BALANS else s.res(rad)
        diff = rorelse.get(rad, NOLL) - forvantat
        if diff:
            avvikelser.append((K.Rad(rad).label, diff))
    differens = sum((abs(d) for _, d in avvikelser), NOLL)
    return {
        "kontroll": "Verifikationerna summerar till kontonas saldon (IB + verifikationer = UB, verifikationer = resultat)",
        "ok": differens == 0,
        "differens": differens,
        "detalj": ", ".join(f"{t}: {d}" for t, d in avvikelser),
    }


def rakenskaper(forbund: Forbund, ar: int) -> dict[str, Any]:
    """The statements of `ar` with the previous year for comparison, notes, budget comparison, equity, balanskrav and
    `avstamning` (a list of {"kontroll", "ok", "differens", "detalj"}). Decimal values. A fixed number of queries."""

    importer = {i.ar: i for i in Redovisningsimport.objects.filter(forbund=forbund, ar__in=[ar, ar - 1])}
    imp = importer.get(ar)
    intervall = list(Kontointervall.objects.filter(forbund=forbund).order_by("fran")) or standard_intervall(forbund, imp.kontoplanstyp if imp else "")
    kopplingar = {k.pk: k for k in Kontokoppling.objects.filter(forbund=forbund).order_by("fran")}
    medlemmar = {m.pk: m.namn for m in Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))}
    # the comparison year from its own import when there is one, else from this file's #RAR -1 balances
    jamforelsear = (importer[ar - 1], 0) if imp is not None and ar - 1 in importer else (imp, -1)
    akt, fg = las_saldon_flera(forbund, [(imp, 0), jamforelsear], intervall, list(kopplingar.values()))
    bidrag = medlemsbidrag(forbund, ar)
    budget = budget_tabell(forbund, ar)
    installning = Ekonomiinstallning.objects.filter(forbund=forbund).first()
    andel = installning.eget_kapital_andel if installning else Decimal("0.200")

    data: dict[str, Any] = {"ar": ar, "forbund": forbund.namn, "finns": imp is not None, "foregaende_finns": fg.finns}
    data["import"] = (
        {
            "kalla": imp.get_kalla_display(),
            "filnamn": imp.filnamn,
            "importerad": imp.importerad,
            "tom": imp.tom,
            "verifikationer": imp.antal_verifikationer,
            "sha256": imp.sha256,
            "sietyp": imp.sietyp,
            "har_verifikationer": imp.har_verifikationer,
        }
        if imp
        else None
    )
    nu, fore = _ar(akt), _ar(fg)
    data.update(nu)
    data["foregaende"] = fore if fg.finns else None
    # The comparison year's opening balances are known from its own import, or from #IB -1 in this file; without them
    # (many programs write only #UB -1 and #RES -1) the comparison year's movement cannot be checked.
    data["foregaende_ib_kand"] = (ar - 1 in importer) or any(fg.ib(r) != 0 for r in Kontointervall.BALANS)
    data["ej_kopplade_konton"] = akt.ej_mappade
    data["konton_utanfor"] = akt.utanfor  # classes 9 and 0, shown apart
    data["noter"] = noter(akt, kopplingar, nu["resultatrakning"], nu["balansrakning"], fg if fg.finns else None, medlemmar)
    data["driftsredovisning"] = driftsredovisning(nu, fore if fg.finns else None, budget)
    data["budget_utfall"] = budget_utfall(akt, kopplingar, budget)
    data["eget_kapital"] = eget_kapital_bedomning(nu, bidrag, andel, budget)
    data["balanskrav"] = {
        "arets_resultat": nu["resultatrakning"]["arets_resultat"],
        "realisationsvinster": NOLL,
        "balanskravsresultat": nu["resultatrakning"]["arets_resultat"],
        "uppfyllt": nu["resultatrakning"]["arets_resultat"] >= 0,
        "planerat_underskott": (budget or {}).get("eget_kapital_anspraktaget", [NOLL])[0],
    }
    for nyckel in ("arets_resultat",):
        data[nyckel] = nu["resultatrakning"][nyckel]
    for nyckel in ("summa_tillgangar", "summa_eget_kapital_och_skulder", "eget_kapital_vid_arets_slut", "eget_kapital_vid_arets_borjan"):
        data[nyckel] = nu["balansrakning"][nyckel]
    for nyckel in ("kassaflode_lopande_verksamhet", "likvida_medel_vid_arets_borjan", "likvida_medel_vid_arets_slut", "arets_kassaflode"):
        data[nyckel] = nu["kassaflodesanalys"][nyckel]
    if imp is None:
        data["avstamning"] = [
            {
                "kontroll": f"Bokföringen för {ar} är importerad",
                "ok": False,
                "differens": NOLL,
                "detalj": "Importera årets SIE-fil eller saldobalans.",
            }
        ]
    else:
        data["avstamning"] = kontroller(data, bidrag, medlemmar, bidragsregler(forbund, ar))
        if imp.har_verifikationer:  # SIE 1–3 and trial balances have no vouchers to check
            data["avstamning"].insert(4, _verifikationskontroll(akt, akt.rorelse))
        data["avstamning"] += jamforelsekontroller(data, forbund, ar, importer)
    data["avstamning_ok"] = all(k["ok"] for k in data["avstamning"])
    return data
