"""Charts of the needs analysis as plain SVG strings (server-side, no script: the same markup on the page and in the PDF).

Every chart has a <title> and an aria-label, each point or bar a <title> with its value, and the page shows the
same figures in tables, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from finsam.formatting import tal

BREDD = 640
TYPSNITT = 'font-family="Open Sans, sans-serif"'
# Colour-blind safe palette (Okabe–Ito), dark enough against white for lines and bars.
FARGER = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
FARG_LAN, FARG_RIKET = "#6b7680", "#1d2730"


def _svg(hojd: int, titel: str, innehall: list[str]) -> SafeString:
    t = escape(titel)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREDD} {hojd}" width="100%" class="diagram-svg" '
        f'role="img" aria-label="{t}" {TYPSNITT} font-size="11"><title>{t}</title>' + "".join(innehall) + "</svg>"
    )


def _procent(v: Decimal | float) -> str:
    return f"{tal(Decimal(str(v)), 1)} %"


def _legend(y: int, x0: int, poster: Sequence[tuple[str, str]]) -> list[str]:
    delar, x = [], x0
    for namn, farg in poster:
        if x + 24 + 7 * len(namn) > BREDD:
            y, x = y + 16, x0
        delar.append(f'<rect x="{x}" y="{y}" width="10" height="10" fill="{farg}"/>')
        delar.append(f'<text x="{x + 14}" y="{y + 9}" fill="#1d2730">{escape(namn)}</text>')
        x += 24 + 7 * len(namn)
    return delar


def linjer(ar: Sequence[int], serier: Sequence[tuple[str, Sequence[Decimal | None], str]], titel: str) -> SafeString:
    """One line per series (name, values per year, kind "kommun" / "lan" / "riket") over the years, in per cent."""
    alla = [v for _, vs, _ in serier for v in vs if v is not None]
    if not alla or len(ar) < 1:
        return _svg(40, titel, [f'<text x="0" y="24" fill="#4a5560">{escape(titel)}: inga uppgifter.</text>'])
    vanster, hoger, topp, hojd_yta = 48, 20, 12, 200
    storst = float(max(alla)) * 1.1 or 1.0
    steg = (BREDD - vanster - hoger) / max(len(ar) - 1, 1)
    delar: list[str] = []
    for i in range(5):  # grid lines and y labels
        v = storst * i / 4
        y = topp + hojd_yta - hojd_yta * i / 4
        delar.append(f'<line x1="{vanster}" x2="{BREDD - hoger}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d5dbe0"/>')
        delar.append(f'<text x="{vanster - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#4a5560">{_procent(v)}</text>')
    for j, a in enumerate(ar):
        delar.append(f'<text x="{vanster + j * steg:.1f}" y="{topp + hojd_yta + 16}" text-anchor="middle" fill="#1d2730">{a}</text>')
    legend: list[tuple[str, str]] = []
    k = 0
    for namn, varden, slag in serier:
        farg = FARG_RIKET if slag == "riket" else FARG_LAN if slag == "lan" else FARGER[k % len(FARGER)]
        k += slag == "kommun"
        streck = ' stroke-dasharray="6 4"' if slag == "lan" else ""
        bredd = 3 if slag == "riket" else 2
        punkter = [(vanster + j * steg, topp + hojd_yta - hojd_yta * float(v) / storst, v) for j, v in enumerate(varden) if v is not None]
        if len(punkter) > 1:
            d = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in punkter)
            delar.append(f'<polyline points="{d}" fill="none" stroke="{farg}" stroke-width="{bredd}"{streck}/>')
        for (x, y, pv), a in zip(punkter, [a for a, v in zip(ar, varden, strict=True) if v is not None], strict=True):
            delar.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{farg}"><title>{escape(namn)} {a}: {_procent(pv)}</title></circle>')
        legend.append((namn, farg))
    y_legend = topp + hojd_yta + 30
    rader = 1 + sum(7 * len(n) + 24 for n, _ in legend) // (BREDD - vanster)
    delar += _legend(y_legend, vanster, legend)
    return _svg(y_legend + 16 * rader + 6, titel, delar)


def staplar(rader: Sequence[tuple[str, Sequence[tuple[str, Decimal | None]]]], titel: str) -> SafeString:
    """Horizontal bars stacked by support system, one per region (name, [(system name, share %)]), total at the end."""
    rader = [(n, d) for n, d in rader if any(v for _, v in d)]
    if not rader:
        return _svg(40, titel, [f'<text x="0" y="24" fill="#4a5560">{escape(titel)}: inga uppgifter.</text>'])
    etikett, rad = 170, 24
    storst = max(sum(float(v or 0) for _, v in d) for _, d in rader) or 1.0
    yta = BREDD - etikett - 60
    delar: list[str] = []
    for i, (namn, delstaplar) in enumerate(rader):
        y = i * rad + 4
        kort = namn if len(namn) <= 26 else namn[:25] + "…"
        delar.append(f'<text x="{etikett - 8}" y="{y + 14}" text-anchor="end" fill="#1d2730">{escape(kort)}</text>')
        x = float(etikett)
        for j, (system, v) in enumerate(delstaplar):
            if not v:
                continue
            w = yta * float(v) / storst
            delar.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{rad - 8}" fill="{FARGER[j % len(FARGER)]}">'
                f"<title>{escape(namn)}, {escape(system)}: {_procent(v)}</title></rect>"
            )
            x += w
        summa = sum(float(v or 0) for _, v in delstaplar)
        delar.append(f'<text x="{x + 5:.1f}" y="{y + 13}" fill="#1d2730" font-weight="600">{_procent(summa)}</text>')
    y_legend = len(rader) * rad + 10
    delar += _legend(y_legend, 0, [(s, FARGER[j % len(FARGER)]) for j, (s, _) in enumerate(rader[0][1])])
    return _svg(y_legend + 40, titel, delar)
