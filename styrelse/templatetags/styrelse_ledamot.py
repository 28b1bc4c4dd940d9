"""Template tags for the board member's side, used by includes in the meeting page and the minutes PDF."""

from __future__ import annotations

from django import template

from ..models import Distansdeltagande, Javsanmalan, Sammantrade
from ..selectors.ledamot import distans_for_mote
from ..services.regler import beslutsregler_for

register = template.Library()


@register.simple_tag
def javsanmalningar(mote: Sammantrade) -> list[Javsanmalan]:
    """Jäv declared in advance by members, for the förbundschef's meeting page."""
    return list(Javsanmalan.objects.filter(arende__sammantrade=mote).select_related("arende", "person").order_by("arende__ordning"))


@register.simple_tag
def distansdeltagande(mote: Sammantrade) -> list[Distansdeltagande]:
    return distans_for_mote(mote)


@register.simple_tag
def distans_beslut(mote: Sammantrade) -> str:
    """The paragraph by which the board allowed remote participation, for the minutes ("§ 12/2026")."""
    regler = beslutsregler_for(mote.forbund)
    p = regler.distans_beslut
    return f"styrelsens beslut {p.beteckning}/{p.ar}" if p is not None else ""
