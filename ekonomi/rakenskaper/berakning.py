"""The statements, derived from the balances (pure functions, no queries).

SIE signs: debit positive, credit negative. Statements show income and equity positive, costs negative.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..models import Kontokoppling
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
        "verksamhetens_intakter": intakter, "ovriga_intakter": ovriga, "verksamhetens_kostnader": kostnader,
        "avskrivningar": avskrivningar, "verksamhetens_nettokostnad": nettokostnad, "finansiella_poster": finansiella,
        "arets_resultat": nettokostnad + finansiella,
    }


def balansrakning(s: Saldon, arets_resultat: Decimal) -> dict[str, Decimal]:
    anl, fordr, kassa = s.ub("anlaggningstillgangar"), s.ub("fordringar"), s.ub("kassa_bank")
    # A result not yet booked to equity (no closing entry in the file) belongs to closing equity; a closed year's UB has it.
    ej_bokfort = resultat_ej_i_eget_kapital(s, arets_resultat)
    ek_ingang = -s.ib("eget_kapital")
    ek_slut = -s.ub("eget_kapital") + ej_bokfort
    langfr, kortfr = -s.ub("langfristiga"), -s.ub("kortfristiga")
    return {
        "anlaggningstillgangar": anl, "fordringar": fordr, "kassa_och_bank": kassa, "summa_omsattningstillgangar": fordr + kassa,
        "summa_tillgangar": anl + fordr + kassa, "eget_kapital_vid_arets_borjan": ek_ingang, "arets_resultat": arets_resultat,
        "eget_kapital_vid_arets_slut": ek_slut, "avsattningar_och_langfristiga_skulder": langfr, "kortfristiga_skulder": kortfr,
        "summa_skulder": langfr + kortfr, "summa_eget_kapital_och_skulder": ek_slut + langfr + kortfr,
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
        "arets_resultat": arets_resultat, "justering_avskrivningar": avskrivningar, "justering_ovriga": NOLL,
        "medel_fore_rorelsekapital": medel_fore, "forandring_fordringar": fordringar, "forandring_kortfristiga_skulder": kortfristiga,
        "kassaflode_lopande_verksamhet": lopande, "kassaflode_investeringsverksamhet": investering,
        "kassaflode_finansieringsverksamhet": finansiering, "arets_kassaflode": arets, "likvida_medel_vid_arets_borjan": borjan,
        "likvida_medel_vid_arets_slut": borjan + arets,
    }


NOTER = [
    # (number, heading, statement line, field, sign, statement key)
    (1, "Verksamhetens intäkter", "intakter", "res", -1, "verksamhetens_intakter"),
    (2, "Fordringar", "fordringar", "ub", 1, "fordringar"),
    (3, "Kortfristiga skulder, upplupna kostnader och förutbetalda intäkter", "kortfristiga", "ub", -1, "kortfristiga_skulder"),
]


def noter(s: Saldon, kopplingar: dict[int, Kontokoppling], rs: dict[str, Decimal], br: dict[str, Decimal],
          foregaende: Saldon | None) -> list[dict[str, Any]]:
    """Each note specifies one statement line by the förbund's account mapping; accounts without a mapping are 'Ej specificerat'."""
    resultat = []
    for nummer, rubrik, rad, falt, tecken, nyckel in NOTER:
        rader: dict[str, dict[str, Any]] = {}
        ej = NOLL
        for kalla, kol in ((s, "belopp"), (foregaende, "foregaende")):
            if kalla is None:
                continue
            for (r, spec), v in kalla.spec.items():
                if r != rad:
                    continue
                belopp = tecken * v[falt]
                if spec is None:
                    if kol == "belopp":
                        ej += belopp
                    continue
                k = kopplingar[spec]
                post = rader.setdefault(k.text, {"text": k.text, "medlem_id": k.medlem_id, "fran": k.fran, "belopp": NOLL, "foregaende": NOLL})
                post[kol] += belopp
        summa = sum((p["belopp"] for p in rader.values()), NOLL)
        linje = (rs | br)[nyckel]
        resultat.append({
            "nummer": nummer, "rubrik": rubrik, "rad": rad, "rader": sorted(rader.values(), key=lambda p: p["fran"]),
            "summa": summa, "summa_foregaende": sum((p["foregaende"] for p in rader.values()), NOLL),
            "ej_specificerat": ej, "rad_belopp": linje, "rad_nyckel": nyckel,
        })
    return resultat
