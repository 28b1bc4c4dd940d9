"""The comparison year and the continuity between years.

Two rules a revisor reads the accounts by:

- closing equity = opening equity + the year's result. A year's closing balances may already carry the result (a closed
  year: the closing entry was booked straight to equity, as the UB of the previous year in every SIE file does), or
  not (the current year before closing). The result is added only for the part not already in the equity balances.
- the opening balances of year N = the closing balances of year N−1, account by account, whenever both are known:
  within one SIE file (#IB 0 against #UB -1) and between two imported years (IB of N against UB of the import of N−1).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from finsam.models import Forbund

from ..models import Kontointervall, Kontosaldo, Redovisningsimport
from .data import NOLL, Saldon


def resultat_ej_i_eget_kapital(s: Saldon, arets_resultat: Decimal) -> Decimal:
    """The part of the year's result not yet booked into the equity balances (UB)."""
    bokfort = s.res("resultatdisposition")
    if bokfort:  # a closing entry through the result-disposition account (89xx)
        return arets_resultat - bokfort
    # Double entry: the balance accounts' movement over the year lacks exactly the part of the result not yet booked to
    # equity. It tells a closed year from an open one even when the opening balances are unknown (a comparison year
    # read from #UB -1 / #RES -1 without #IB -1).
    obalans = sum((s.ub(r) - s.ib(r) for r in Kontointervall.BALANS), NOLL)
    if obalans == 0 and arets_resultat:
        return NOLL
    if obalans == arets_resultat:
        return arets_resultat
    rorelse = -(s.ub("eget_kapital") - s.ib("eget_kapital"))
    if rorelse and rorelse == arets_resultat:  # the result was booked straight to equity: UB already contains it
        return NOLL
    # Nothing booked yet (or a movement that is not the result: then the equity check shows the exact difference).
    return arets_resultat


def _kontroll(text: str, differens: Decimal, detalj: str = "") -> dict[str, Any]:
    return {"kontroll": text, "ok": differens == 0, "differens": differens, "detalj": detalj}


def _jamfor(ib: dict[int, tuple[str, Decimal]], ub: dict[int, tuple[str, Decimal]]) -> tuple[Decimal, str]:
    avvikelser = []
    for konto in sorted(set(ib) | set(ub)):
        diff = ib.get(konto, ("", NOLL))[1] - ub.get(konto, ("", NOLL))[1]
        if diff:
            namn = ib.get(konto, ub.get(konto, ("", NOLL)))[0]
            avvikelser.append((konto, namn, diff))
    summa = sum((abs(d) for _, _, d in avvikelser), NOLL)
    return summa, ", ".join(f"{k} {n}: {d}".replace("  ", " ") for k, n, d in avvikelser)


# BAS equity accounts: an unclosed year's UB lacks its result, so equity is reconciled as a whole (opening N = closing
# N−1 on the statements) and the other balance accounts one by one.
EGET_KAPITAL = (2000, 2099)


def kontinuitet(forbund: Forbund, ar: int, importer: dict[int, Redovisningsimport] | None = None) -> list[dict[str, Any]]:
    """Opening balances of `ar` against the closing balances of `ar − 1`, per balance account (classes 1–2, equity apart).

    One check per source where both sides are known; none when neither is. One query (two without `importer`).
    """
    if importer is None:
        importer = {i.ar: i for i in Redovisningsimport.objects.filter(forbund=forbund, ar__in=[ar, ar - 1])}
    if ar not in importer:
        return []
    rader = list(
        Kontosaldo.objects.filter(forbund=forbund, redovisningsimport__in=importer.values(), konto__lt=3000)
        .exclude(konto__gte=EGET_KAPITAL[0], konto__lte=EGET_KAPITAL[1])
        .values_list("redovisningsimport__ar", "rar", "konto", "namn", "ib", "ub")
    )
    ib_nu = {k: (n, ib) for (a, r, k, n, ib, _) in rader if a == ar and r == 0}
    ub_fg_fil = {k: (n, ub) for (a, r, k, n, _, ub) in rader if a == ar and r == -1}
    ub_fg_import = {k: (n, ub) for (a, r, k, n, _, ub) in rader if a == ar - 1 and r == 0}
    ut = []
    if ub_fg_fil:
        diff, detalj = _jamfor(ib_nu, ub_fg_fil)
        ut.append(_kontroll(f"Ingående balanser {ar} = utgående balanser {ar - 1} enligt samma fil (per konto utom eget kapital)", diff, detalj))
    if ub_fg_import:
        diff, detalj = _jamfor(ib_nu, ub_fg_import)
        ut.append(
            _kontroll(
                f"Ingående balanser {ar} = utgående balanser i den importerade bokföringen för {ar - 1} (per konto utom eget kapital)", diff, detalj
            )
        )
    return ut


def jamforelsekontroller(
    data: dict[str, Any], forbund: Forbund, ar: int, importer: dict[int, Redovisningsimport] | None = None
) -> list[dict[str, Any]]:
    """The checks on the comparison column and on continuity, added to the year's reconciliation."""
    ut = kontinuitet(forbund, ar, importer)
    fore = data.get("foregaende")
    if fore:
        fbr, fkf, frs = fore["balansrakning"], fore["kassaflodesanalys"], fore["resultatrakning"]
        br, kf = data["balansrakning"], data["kassaflodesanalys"]
        ut.append(
            _kontroll(
                f"Jämförelseåret {ar - 1}: tillgångar = eget kapital och skulder", fbr["summa_tillgangar"] - fbr["summa_eget_kapital_och_skulder"]
            )
        )
        if data.get("foregaende_ib_kand", True):  # the year's movement needs its opening balances
            ut += [
                _kontroll(
                    f"Jämförelseåret {ar - 1}: eget kapital vid årets början + årets resultat = eget kapital vid årets slut",
                    fbr["eget_kapital_vid_arets_borjan"] + frs["arets_resultat"] - fbr["eget_kapital_vid_arets_slut"],
                ),
                _kontroll(
                    f"Jämförelseåret {ar - 1}: likvida medel enligt kassaflödesanalysen = kassa och bank",
                    fkf["likvida_medel_vid_arets_slut"] - fbr["kassa_och_bank"],
                ),
            ]
        ut += [
            _kontroll(
                f"Eget kapital vid årets början {ar} = eget kapital vid årets slut {ar - 1}",
                br["eget_kapital_vid_arets_borjan"] - fbr["eget_kapital_vid_arets_slut"],
            ),
            _kontroll(
                f"Likvida medel vid årets början {ar} = kassa och bank {ar - 1}-12-31", kf["likvida_medel_vid_arets_borjan"] - fbr["kassa_och_bank"]
            ),
        ]
    return ut
