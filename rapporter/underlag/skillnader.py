"""What changed in the underlying data after a snapshot was frozen: every differing figure or text, with both values."""

from __future__ import annotations

from typing import Any

# Parts of the snapshot that are not report data: the build time, the decision record, derived lists.
IGNORERA = {"byggt", "beslut", "saknade_avsnitt", "avstamning", "avstamning_ok", "version", "import", "skapad"}
ETIKETT = ("kontroll", "text", "rubrik", "kortnamn", "namn", "mal", "ar", "kod", "nyckel")
MAX = 200
# Readable names of the snapshot's keys (a key without a name is left out of the readable path).
NAMN = {
    "utfall": "Deltagare",
    "per_insats": "",
    "flerarsoversikt": "Flerårsöversikt",
    "ar": "",
    "rakenskaper": "Räkenskaper",
    "resultatrakning": "resultaträkning",
    "balansrakning": "balansräkning",
    "kassaflodesanalys": "kassaflödesanalys",
    "sektioner": "Text",
    "text": "",
    "insatser": "Insatser",
    "lista": "",
    "aldersgrupp": "åldersgrupp",
    "forsorjning_in": "försörjning vid inskrivning",
    "forsorjning_ut": "försörjning vid avslut",
    "genomstromning": "genomströmning",
    "kvinna": "kvinnor",
    "man": "män",
    "annat": "annat",
    "totalt": "totalt",
    "nya": "nya",
    "avslutade": "avslutade",
    "deltagare": "deltagare",
    "utbildning": "utbildning",
    "remittent": "remittent",
    "beviljat": "beviljat",
    "driftsredovisning_insatser": "Driftsredovisning, insatser",
    "balanskravsutredning": "Balanskravsutredning",
    "forvaltningsberattelse": "Förvaltningsberättelse",
    "medlemsbidrag": "Medlemsbidrag",
    "mal": "Mål",
    "maltrad": "Målträd",
    "budget": "Budget",
    "tabell": "",
    "rader": "",
    "varden": "",
    "malvarde": "målvärde",
    "mal_text": "målvärde",
    "bidragsfakturering": "Fakturering av medlemsbidrag",
    "utanfor_malgrupp": "Not om ålder utanför målgruppen",
    "planar": "Planår",
    "styrelse": "Styrelsen",
    "eget_kapital": "eget kapital",
    "arets_resultat": "årets resultat",
    "intakter": "intäkter",
    "revisorer": "Revisorer",
    "kostnader": "kostnader",
}


def _etikett(d: Any, index: int) -> str:
    if isinstance(d, dict):
        for k in ETIKETT:
            if d.get(k) not in (None, ""):
                return str(d[k])
    return str(index + 1)


def _nycklar(lista: list[Any]) -> list[str]:
    return [_etikett(v, i) for i, v in enumerate(lista)]


def _ga(fore: Any, efter: Any, vag: list[str], ut: list[dict[str, Any]]) -> None:
    if len(ut) >= MAX:
        return
    if isinstance(fore, dict) and isinstance(efter, dict):
        for k in sorted(set(fore) | set(efter), key=str):
            if k in IGNORERA:
                continue
            _ga(fore.get(k), efter.get(k), [*vag, str(k)], ut)
        return
    if isinstance(fore, list) and isinstance(efter, list):
        fn, en = _nycklar(fore), _nycklar(efter)
        if len(set(fn)) == len(fn) and len(set(en)) == len(en):  # match rows by their label, not their position
            fd, ed = dict(zip(fn, fore, strict=True)), dict(zip(en, efter, strict=True))
            for k in [*fn, *[k for k in en if k not in fd]]:
                _ga(fd.get(k), ed.get(k), [*vag, k], ut)
        else:
            for i in range(max(len(fore), len(efter))):
                _ga(fore[i] if i < len(fore) else None, efter[i] if i < len(efter) else None, [*vag, str(i + 1)], ut)
        return
    if fore != efter:
        text = " › ".join(n for n in (NAMN.get(v, v) for v in vag) if n)
        ut.append({"var": " › ".join(vag), "text": text, "fore": fore, "efter": efter, "deltagare": bool(vag) and vag[0] == "utfall"})


def skillnader(fryst: dict[str, Any], nu: dict[str, Any], *, maskera: Any = None) -> list[dict[str, Any]]:
    """Differences between the frozen snapshot and a fresh build ({"var", "text", "fore", "efter"}), at most MAX.
    `maskera(int) -> int | str` masks participant counts for roles that may only see published figures."""
    ut: list[dict[str, Any]] = []
    # A part the report gained after the snapshot was frozen (a newer snapshot format) is not in the adopted document:
    # it is no change to its data.
    _ga(fryst, {k: v for k, v in nu.items() if k in fryst}, [], ut)
    if maskera is not None:
        for d in ut:
            if d["deltagare"]:
                d["fore"], d["efter"] = (maskera(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in (d["fore"], d["efter"]))
    return ut
