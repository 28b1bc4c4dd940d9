"""Reconciliation: every check shows pass or the exact difference. Pure; works on the derived statements."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .bidragskontroll import medlemskontroller
from .data import NOLL


def _kontroll(text: str, differens: Decimal, detalj: str = "") -> dict[str, Any]:
    return {"kontroll": text, "ok": differens == 0, "differens": differens, "detalj": detalj}


def kontroller(
    data: dict[str, Any], bidrag: dict[str, Any], medlemsnamn: dict[int, str], regler: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    br, kf, rs = data["balansrakning"], data["kassaflodesanalys"], data["resultatrakning"]
    ut: list[dict[str, Any]] = [
        _kontroll("Tillgångar = eget kapital och skulder", br["summa_tillgangar"] - br["summa_eget_kapital_och_skulder"]),
        _kontroll(
            "Likvida medel vid årets slut enligt kassaflödesanalysen = kassa och bank i balansräkningen",
            kf["likvida_medel_vid_arets_slut"] - br["kassa_och_bank"],
        ),
        _kontroll(
            "Eget kapital vid årets början + årets resultat = eget kapital vid årets slut",
            br["eget_kapital_vid_arets_borjan"] + rs["arets_resultat"] - br["eget_kapital_vid_arets_slut"],
        ),
    ]
    ej = data["ej_kopplade_konton"]
    ut.append(
        _kontroll(
            "Alla konton med saldo hör till en rad i räkenskaperna",
            sum((abs(k["ib"]) + abs(k["ub"]) + abs(k["res"]) for k in ej), NOLL),
            ", ".join(f"{k['konto']} {k['namn']}".strip() for k in ej),
        )
    )
    for n in data["noter"]:
        ut.append(
            _kontroll(
                f"Not {n['nummer']} {n['rubrik']} summerar till raden i {'resultaträkningen' if n['nummer'] == 1 else 'balansräkningen'}",
                n["rad_belopp"] - n["summa"],
                "Konton utan koppling till en notrad: " + str(n["ej_specificerat"]) if n["ej_specificerat"] else "",
            )
        )
    not1 = data["noter"][0]
    per_medlem: dict[int, Decimal] = {}
    for rad in not1["rader"]:
        if rad["medlem_id"]:
            per_medlem[rad["medlem_id"]] = per_medlem.get(rad["medlem_id"], NOLL) + rad["belopp"]
    if bidrag["tilldelning"] is None:
        fel = _kontroll(
            f"Intäkter per medlem = medlemsbidrag (ingen tilldelning registrerad för {data['ar']})",
            sum(per_medlem.values(), NOLL),
            "Registrera årets tilldelning under Medlemsbidrag.",
        )
        fel["ok"] = False  # nothing to compare against is a failure, whatever the difference
        ut.append(fel)
    else:
        ut += medlemskontroller(per_medlem, bidrag, medlemsnamn, regler)
    return ut
