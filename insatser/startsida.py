"""Start-page contributions: overdue reports and applications waiting for preparation or a decision."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from finsam.models import RollTyp
from finsam.permissions import Kontext
from finsam.startsida import Notis

from .models import Ansokan, Rapport

VISA_HOGST = 5


def notiser(kontext: Kontext, user: Any) -> list[Notis]:
    if kontext.roll not in {RollTyp.FORBUNDSCHEF, RollTyp.ADMINISTRATOR}:
        return []
    idag = timezone.localdate()
    ut: list[Notis] = []
    forsenade = list(
        Rapport.objects.filter(forbund=kontext.forbund).forsenade(idag).select_related("insats").order_by("forfallodatum")[: VISA_HOGST + 1]
    )
    for r in forsenade[:VISA_HOGST]:
        dagar = (idag - r.forfallodatum).days
        ut.append(
            Notis(
                f"{r.get_typ_display()} {r.ar} från {r.insats.kortnamn} är försenad ({dagar} dagar, skulle lämnats {r.forfallodatum:%Y-%m-%d}).",
                reverse("insatser:rapport", args=[r.pk]),
                "varning",
            )
        )
    if len(forsenade) > VISA_HOGST:
        ut.append(Notis("Fler försenade rapporter från insatser – se hela listan.", reverse("insatser:rapporter"), "varning"))
    antal = Ansokan.objects.filter(forbund=kontext.forbund).aggregate(
        inkomna=Count("pk", filter=Q(status=Ansokan.Status.INKOMMEN)),
        beredda=Count("pk", filter=Q(status=Ansokan.Status.UNDER_BEREDNING)),
    )
    if antal["inkomna"]:
        ut.append(
            Notis(
                f"{antal['inkomna']} inkommen ansökan om finansiering väntar på beredning."
                if antal["inkomna"] == 1
                else f"{antal['inkomna']} inkomna ansökningar om finansiering väntar på beredning.",
                reverse("insatser:ansokningar") + "?status=inkommen",
            )
        )
    if antal["beredda"] and kontext.roll == RollTyp.FORBUNDSCHEF:
        ut.append(
            Notis(
                f"{antal['beredda']} beredd{'a' if antal['beredda'] > 1 else ''} ansökning{'ar' if antal['beredda'] > 1 else ''} "
                "väntar på styrelsens beslut.",
                reverse("insatser:ansokningar") + "?status=under_beredning",
            )
        )
    return ut
