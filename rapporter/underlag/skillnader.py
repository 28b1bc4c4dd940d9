"""What changed in the underlying data after a snapshot was frozen: every differing figure or text, with both values."""

from __future__ import annotations

from typing import Any

# Parts of the snapshot that are not report data: the build time, the decision record, derived lists.
IGNORERA = {"byggt", "beslut", "saknade_avsnitt", "avstamning", "avstamning_ok", "version", "import", "skapad"}
ETIKETT = ("kontroll", "text", "rubrik", "kortnamn", "namn", "mal", "ar", "kod", "nyckel")
MAX = 200


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
        ut.append({"var": " › ".join(vag), "fore": fore, "efter": efter})


def skillnader(fryst: dict[str, Any], nu: dict[str, Any]) -> list[dict[str, Any]]:
    """Differences between the frozen snapshot and a fresh build ({"var", "fore", "efter"}), at most MAX."""
    ut: list[dict[str, Any]] = []
    _ga(fryst, nu, [], ut)
    return ut
