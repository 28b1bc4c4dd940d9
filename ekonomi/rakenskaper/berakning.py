"""The statements, derived from the balances (pure functions, no queries).

SIE signs: debit positive, credit negative. Statements show income and equity positive, costs negative.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..models import Kontointervall, Kontokoppling
from .data import NOLL, Saldon
from .kontinuitet import resultat_ej_i_eget_kapital


def resultatrakning(s: Saldon) -> dict[str, Decimal]:
    intakter = -s.res("intakter")
    ovriga = -s.res("ovriga_intakter")
    kostnader = -s.res("kostnader")
    avskrivningar = -s.res("avskrivningar")
    nettokostnad = intakter + ovriga + kostnader + avskrivningar
    finansiella = -s.res("finansiella")
    return {
        "verksamhetens_intakter": intakter,
        "ovriga_intakter": ovriga,
        "verksamhetens_kostnader": kostnader,
        "avskrivningar": avskrivningar,
        "verksamhetens_nettokostnad": nettokostnad,
        "finansiella_poster": finansiella,
        "arets_resultat": nettokostnad + finansiella,
    }


def balansrakning(s: Saldon, arets_resultat: Decimal) -> dict[str, Decimal]:
    anl, fordr, kassa = s.ub("anlaggningstillgangar"), s.ub("fordringar"), s.ub("kassa_bank")
    # A result not yet booked to equity (no closing entry in the file) belongs to closing equity; a closed year's UB has it.
    ej_bokfort = resultat_ej_i_eget_kapital(s, arets_resultat)
    # Opening balances that do not sum to zero carry last year's result not yet booked to equity: it belongs to equity.
    ej_bokfort_fg = sum((s.ib(r) for r in Kontointervall.BALANS), NOLL)
    ek_ingang = -s.ib("eget_kapital") + ej_bokfort_fg
    ek_slut = -s.ub("eget_kapital") + ej_bokfort + ej_bokfort_fg
    langfr, kortfr = -s.ub("langfristiga"), -s.ub("kortfristiga")
    return {
        "anlaggningstillgangar": anl,
        "fordringar": fordr,
        "kassa_och_bank": kassa,
        "summa_omsattningstillgangar": fordr + kassa,
        "summa_tillgangar": anl + fordr + kassa,
        "eget_kapital_vid_arets_borjan": ek_ingang,
        "arets_resultat": arets_resultat,
        "eget_kapital_vid_arets_slut": ek_slut,
        "avsattningar_och_langfristiga_skulder": langfr,
        "kortfristiga_skulder": kortfr,
        "summa_skulder": langfr + kortfr,
        "summa_eget_kapital_och_skulder": ek_slut + langfr + kortfr,
    }


def kassaflodesanalys(s: Saldon, arets_resultat: Decimal) -> dict[str, Decimal]:
    """The indirect method: result, non-cash items, change in receivables and short-term liabilities → change in cash."""
    avskrivningar = s.res("avskrivningar")  # a cost (debit), added back
    medel_fore = arets_resultat + avskrivningar
    fordringar = s.ib("fordringar") - s.ub("fordringar")  # an increase in receivables uses cash
    kortfristiga = (-s.ub("kortfristiga")) - (-s.ib("kortfristiga"))  # an increase in liabilities brings cash
    lopande = medel_fore + fordringar + kortfristiga
    investering = -((s.ub("anlaggningstillgangar") - s.ib("anlaggningstillgangar")) + avskrivningar)
    finansiering = (-s.ub("langfristiga")) - (-s.ib("langfristiga"))
    arets = lopande + investering + finansiering
    borjan = s.ib("kassa_bank")
    return {
        "arets_resultat": arets_resultat,
        "justering_avskrivningar": avskrivningar,
        "justering_ovriga": NOLL,
        "medel_fore_rorelsekapital": medel_fore,
        "forandring_fordringar": fordringar,
        "forandring_kortfristiga_skulder": kortfristiga,
        "kassaflode_lopande_verksamhet": lopande,
        "kassaflode_investeringsverksamhet": investering,
        "kassaflode_finansieringsverksamhet": finansiering,
        "arets_kassaflode": arets,
        "likvida_medel_vid_arets_borjan": borjan,
        "likvida_medel_vid_arets_slut": borjan + arets,
    }


NOTER = [
    # (number, heading, statement line, field, sign, statement key)
    (1, "Verksamhetens intäkter", "intakter", "res", -1, "verksamhetens_intakter"),
    (2, "Fordringar", "fordringar", "ub", 1, "fordringar"),
    (3, "Kortfristiga skulder, upplupna kostnader och förutbetalda intäkter", "kortfristiga", "ub", -1, "kortfristiga_skulder"),
]


def _gruppnamn(namn: list[str], grupp: int) -> str:
    if not namn:
        return f"Kontogrupp {grupp}"
    return ", ".join(namn) if len(namn) <= 3 else f"{namn[0]} m.fl. (kontogrupp {grupp})"


def medlem_for_konto(kontonamn: str, medlemmar: dict[int, str]) -> int | None:
    """The member an income account is named after ("Driftbidrag från Skellefteå kommun"), if exactly one matches.
    The state's half comes through Försäkringskassan, so "staten" names it too."""
    text = kontonamn.lower()
    traffar = []
    for pk, namn in medlemmar.items():
        ord_ = [o for o in namn.lower().replace("-", " ").split() if len(o) >= 4 and o not in ("kommun", "region", "landsting")]
        region = namn.lower().startswith("region") and ("region" in text or "landsting" in text)
        if any(o in text for o in ord_) or region or ("försäkringskassan" in namn.lower() and "staten" in text):
            traffar.append(pk)
    return traffar[0] if len(traffar) == 1 else None


def noter(
    s: Saldon,
    kopplingar: dict[int, Kontokoppling],
    rs: dict[str, Decimal],
    br: dict[str, Decimal],
    foregaende: Saldon | None,
    medlemmar: dict[int, str] | None = None,
) -> list[dict[str, Any]]:
    """Each note specifies one statement line by the förbund's account mapping; accounts without a mapping get one line per
    account group, named from the file's account names (income lines linked to the member they name), so the notes always
    sum to their statement line. A mapping by hand overrides the default."""
    resultat = []
    for nummer, rubrik, rad, falt, tecken, nyckel in NOTER:
        rader: dict[str, dict[str, Any]] = {}
        for kalla, kol in ((s, "belopp"), (foregaende, "foregaende")):
            if kalla is None:
                continue
            for (r, spec), v in kalla.spec.items():
                if r != rad or spec is None:
                    continue
                k = kopplingar[spec]
                post = rader.setdefault(k.text, {"text": k.text, "medlem_id": k.medlem_id, "fran": k.fran, "belopp": NOLL, "foregaende": NOLL})
                post[kol] += tecken * v[falt]
            for (r, grupp), g in kalla.grupper.items():
                if r != rad:
                    continue
                text = _gruppnamn(g["namn"], grupp)
                medlem_id = medlem_for_konto(text, medlemmar or {}) if rad == "intakter" else None
                post = rader.setdefault(
                    f"grupp:{grupp}", {"text": text, "medlem_id": medlem_id, "fran": grupp * 10, "belopp": NOLL, "foregaende": NOLL}
                )
                post[kol] += tecken * g[falt]
        summa = sum((p["belopp"] for p in rader.values()), NOLL)
        linje = (rs | br)[nyckel]
        resultat.append(
            {
                "nummer": nummer,
                "rubrik": rubrik,
                "rad": rad,
                "rader": sorted(rader.values(), key=lambda p: p["fran"]),
                "summa": summa,
                "summa_foregaende": sum((p["foregaende"] for p in rader.values()), NOLL),
                "ej_specificerat": NOLL,
                "rad_belopp": linje,
                "rad_nyckel": nyckel,
            }
        )
    return resultat
