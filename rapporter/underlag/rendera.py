"""From snapshot to template context: everything the PDF and the page show, read from the snapshot only."""

from __future__ import annotations

from typing import Any

from finsam.models import Forbund

from .. import diagram, ekonomitabeller
from .avstamning import alla_stammer, avstamning, saknade_avsnitt
from .bygg import arsredovisning
from .deltagare import maskera, maskera_tal
from .kodning import rundtur


def komplett(forbund: Forbund, ar: int, rapport: Any = None) -> dict[str, Any]:
    """Build the snapshot, read it back as stored, and reconcile it (what is stored and what a fresh build compares)."""
    data = rundtur(arsredovisning(forbund, ar, rapport))
    kontroller = avstamning(data)
    data["avstamning"] = kontroller
    data["avstamning_ok"] = alla_stammer(kontroller)
    data["saknade_avsnitt"] = saknade_avsnitt(data)
    return data


def _nagon(rader: list[tuple[str, dict[str, Any]]]) -> bool:
    return any(isinstance(g.get("totalt"), str) or g.get("totalt") for _, g in rader)


def kontext(data: dict[str, Any], forbund: Forbund, *, maskerad: bool = True) -> dict[str, Any]:
    """The template context of the annual report from a snapshot (masked for publication unless `maskerad` is False)."""
    ut = maskera(data["utfall"], forbund) if maskerad else data["utfall"]
    per_insats = ut.get("per_insats", {}) if not ut.get("saknas") else {}
    lista = [{**i, "utfall": per_insats.get(i["kortnamn"])} for i in data["insatser"]["lista"]]
    insatser = {
        **data["insatser"],
        "lista": lista,
        "individ": [i for i in lista if i["inriktning"] == "individ"],
        "struktur": [i for i in lista if i["inriktning"] == "struktur"],
    }
    rak = data["rakenskaper"]
    diagr: dict[str, Any] = {}
    if not ut.get("saknas"):
        deltagare = [(r["kortnamn"] or r["namn"], r["deltagare"]) for r in per_insats.values()]
        avslut = [(f["namn"], f) for f in ut["totalt"]["forsorjning_ut"] if f["totalt"] and f["kod"] != "uppgift_saknas"]
        if _nagon(deltagare):
            diagr["deltagare_kon"] = diagram.staplar_kon(deltagare, "Deltagare per insats och kön")
        if _nagon(avslut):
            diagr["avslut_destination"] = diagram.staplar_kon(avslut, "Avslutade deltagare per försörjning vid avslut och kön")
    par = ekonomitabeller.budget_utfall_par(rak)
    if par:
        diagr["budget_utfall"] = diagram.budget_mot_utfall(par, "Budget och utfall per kostnadsgrupp")
    not_ = [{**r, "antal": maskera_tal(r["antal"], forbund) if maskerad else r["antal"]} for r in data.get("utanfor_malgrupp") or []]
    delmal = [n for n in data.get("maltrad") or [] if n["niva"] == "delmal"]
    summa = {
        "antal": len(delmal),
        "uppfyllt": sum(1 for n in delmal if n["bekraftad"] and n["bedomning"] == "uppfyllt"),
        "delvis": sum(1 for n in delmal if n["bekraftad"] and n["bedomning"] == "delvis_uppfyllt"),
        "ej": sum(1 for n in delmal if n["bekraftad"] and n["bedomning"] == "ej_uppfyllt"),
        "ej_bedomda": sum(1 for n in delmal if not n["bekraftad"]),
    }
    return {
        **data,
        "maluppfyllelse_summa": summa,
        "utanfor_malgrupp": not_,
        "utfall": ut,
        "insatser": insatser,
        "diagram": diagr,
        "rakenskaper_kapitel": ekonomitabeller.kapitel(rak, data["ar"]),
        "skapad": data["byggt"],
        "avstamning_grupper": _grupper(data["avstamning"]),
    }


def _grupper(kontroller: list[dict[str, Any]]) -> list[dict[str, Any]]:
    grupper: dict[str, list[dict[str, Any]]] = {}
    for k in kontroller:
        grupper.setdefault(k.get("grupp", ""), []).append(k)
    return [{"namn": n, "kontroller": ks, "ok": all(k["ok"] for k in ks)} for n, ks in grupper.items()]
