"""Charts as plain SVG strings: the same markup goes into the PDF and onto the report page.

Pure functions, no dependencies. Every chart has a <title> and an aria-label, and its numbers are
also given as text in the bars, so the chart is readable without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from finsam.formatting import tal

FARG = {"kvinna": "#0b4f6c", "man": "#d9822b", "annat": "#5c8a3a"}
NAMN = {"kvinna": "Kvinnor", "man": "Män", "annat": "Annat"}
FARG_BUDGET = "#9fb2bf"
FARG_UTFALL = "#0b4f6c"
BREDD = 640
ETIKETT = 200
RAD = 24
TYPSNITT = 'font-family="Open Sans, sans-serif"'


def _svg(hojd: int, titel: str, innehall: list[str]) -> SafeString:
    t = escape(titel)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREDD} {hojd}" width="{BREDD}" height="{hojd}" '
        f'role="img" aria-label="{t}" {TYPSNITT} font-size="11"><title>{t}</title>' + "".join(innehall) + "</svg>"
    )


def _int(varde: Any) -> int:
    """Masked counts ("<5") are not drawn: the table beside the chart shows them."""
    return varde if isinstance(varde, int) else 0


def _kort(text: str, max_tecken: int = 30) -> str:
    return text if len(text) <= max_tecken else text[: max_tecken - 1] + "…"


def _legend(y: int, poster: Sequence[tuple[str, str]]) -> list[str]:
    delar, x = [], ETIKETT
    for namn, farg in poster:
        delar.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{farg}"/>')
        delar.append(f'<text x="{x + 14}" y="{y + 9}" fill="#1d2730">{escape(namn)}</text>')
        x += 24 + 7 * len(namn)
    return delar


def staplar_kon(rader: Sequence[tuple[str, dict[str, Any]]], titel: str) -> SafeString:
    """Horizontal bars stacked by gender (kvinna, man, annat), one per row, with totals at the end."""
    rader = [(namn, g) for namn, g in rader if any(_int(g.get(k)) for k in FARG)]
    if not rader:
        return _svg(40, titel, [f'<text x="0" y="24" fill="#4a5560">{escape(titel)}: inga uppgifter för året.</text>'])
    storst = max(sum(_int(g.get(k)) for k in FARG) for _, g in rader) or 1
    yta = BREDD - ETIKETT - 50
    delar: list[str] = []
    for i, (namn, g) in enumerate(rader):
        y = i * RAD + 4
        delar.append(f'<text x="{ETIKETT - 8}" y="{y + 14}" text-anchor="end" fill="#1d2730">{escape(_kort(namn))}</text>')
        x = float(ETIKETT)
        for kon in FARG:
            n = _int(g.get(kon))
            if not n:
                continue
            w = yta * n / storst
            delar.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{RAD - 8}" fill="{FARG[kon]}"><title>{NAMN[kon]}: {n}</title></rect>')
            if w >= 18:
                delar.append(f'<text x="{x + w / 2:.1f}" y="{y + 12}" text-anchor="middle" fill="#ffffff" font-size="9">{n}</text>')
            x += w
        summa = sum(_int(g.get(k)) for k in FARG)
        delar.append(f'<text x="{x + 5:.1f}" y="{y + 12}" fill="#1d2730" font-weight="600">{summa}</text>')
    hojd = len(rader) * RAD + 26
    delar += _legend(hojd - 16, [(NAMN[k], FARG[k]) for k in FARG])
    return _svg(hojd, titel, delar)


def budget_mot_utfall(rader: Sequence[tuple[str, Decimal | int | None, Decimal | int | None]], titel: str) -> SafeString:
    """Pairs of horizontal bars per cost group: budget (light) and outcome (dark), in tkr."""
    par: list[tuple[str, Decimal, Decimal]] = [(n, Decimal(b or 0), Decimal(u or 0)) for n, b, u in rader if (b or u)]
    if not par:
        return _svg(40, titel, [f'<text x="0" y="24" fill="#4a5560">{escape(titel)}: inga uppgifter för året.</text>'])
    storst = max(max(abs(b), abs(u)) for _, b, u in par) or Decimal(1)
    yta = BREDD - ETIKETT - 70
    delar: list[str] = []
    rad_h = 32
    for i, (namn, budget, utfall) in enumerate(par):
        y = i * rad_h + 4
        delar.append(f'<text x="{ETIKETT - 8}" y="{y + 17}" text-anchor="end" fill="#1d2730">{escape(_kort(namn))}</text>')
        for j, (varde, farg, vad) in enumerate([(budget, FARG_BUDGET, "Budget"), (utfall, FARG_UTFALL, "Utfall")]):
            w = float(yta * abs(varde) / storst)
            yy = y + j * 13
            delar.append(
                f'<rect x="{ETIKETT}" y="{yy}" width="{w:.1f}" height="11" fill="{farg}"><title>{vad}: {tal(varde / 1000, 1)} tkr</title></rect>'
            )
            delar.append(f'<text x="{ETIKETT + w + 4:.1f}" y="{yy + 9}" fill="#1d2730" font-size="9">{tal(varde / 1000, 1)}</text>')
    hojd = len(par) * rad_h + 26
    delar += _legend(hojd - 16, [("Budget (tkr)", FARG_BUDGET), ("Utfall (tkr)", FARG_UTFALL)])
    return _svg(hojd, titel, delar)
