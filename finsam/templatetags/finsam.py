from __future__ import annotations

from typing import Any

from django import template

from finsam import formatting

register = template.Library()

register.filter("tal", formatting.tal)
register.filter("kr", formatting.kr)
register.filter("tkr", formatting.tkr)
register.filter("tkr_tal", formatting.tkr_tal)
register.filter("procent", formatting.procent)
register.filter("datum", formatting.datum)
register.filter("datum_lang", formatting.datum_lang)


@register.filter
def hamta(mapping: Any, key: Any) -> Any:
    """{{ dict|hamta:key }}"""
    try:
        return mapping[key]
    except (KeyError, IndexError, TypeError):
        return None
