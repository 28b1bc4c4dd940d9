"""Template helpers for the reports: the förbundschef's plain text as paragraphs and lists."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

_PUNKT = re.compile(r"^\s*[-–•*]\s+")
_FET = re.compile(r"\*\*(.+?)\*\*")


def _inline(text: str) -> str:
    return _FET.sub(r"<strong>\1</strong>", escape(text))


@register.filter
def stycken(text: str | None) -> SafeString:
    """Blank lines separate paragraphs; lines starting with "- " become a list; **fet** becomes bold.

    Everything is escaped first: the text can never inject markup into the page or the PDF.
    """
    if not text:
        return mark_safe("")
    delar: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip()):
        rader = [r for r in block.split("\n") if r.strip()]
        # a block may start with a lead-in line and continue with a list: group consecutive lines by kind
        grupp: list[str] = []
        lista = False
        for rad in [*rader, None]:
            ar_punkt = rad is not None and bool(_PUNKT.match(rad))
            if grupp and (rad is None or ar_punkt != lista):
                if lista:
                    delar.append("<ul>" + "".join(f"<li>{_inline(_PUNKT.sub('', r))}</li>" for r in grupp) + "</ul>")
                else:
                    delar.append("<p>" + "<br>".join(_inline(r) for r in grupp) + "</p>")
                grupp = []
            if rad is not None:
                grupp.append(rad)
                lista = ar_punkt
    return mark_safe("".join(delar))


@register.filter
def kon(g: dict[str, int] | None, nyckel: str) -> int:
    return int((g or {}).get(nyckel) or 0)
