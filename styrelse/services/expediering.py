"""Expediering: a protokollsutdrag sent by e-mail to chosen recipients, each sending recorded."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from finsam.audit import handelse_logga
from finsam.tasking import enqueue

from .. import utskick
from ..models import Expediering, Paragraf


def _mottagare_las(mottagare: list[tuple[str, str]]) -> list[tuple[str, str]]:
    ut: list[tuple[str, str]] = []
    for namn, epost in mottagare:
        epost = (epost or "").strip()
        namn = (namn or "").strip() or epost
        if not epost:
            continue
        try:
            validate_email(epost)
        except ValidationError as exc:
            raise ValidationError({"mottagare": [f"Ogiltig e-postadress: {epost}."]}) from exc
        if epost.lower() not in {e.lower() for _, e in ut}:
            ut.append((namn[:200], epost))
    if not ut:
        raise ValidationError({"mottagare": ["Välj eller skriv minst en mottagare."]})
    return ut


@transaction.atomic
def utdrag_expediera(*, paragraf: Paragraf, aktor: Any, mottagare: list[tuple[str, str]], meddelande: str = "") -> list[Expediering]:
    """Send the extract of one paragraph to the recipients (name, e-mail); the e-mails go in a task after commit.

    Only a decided paragraph of minutes that are justered (or a paragraph justered at once) is sent: an extract
    of a draft is not a public record of a decision.
    """

    paragraf = Paragraf.objects.select_related("sammantrade").get(pk=paragraf.pk)
    if not paragraf.last and paragraf.sammantrade.justerat is None:
        raise ValidationError(f"§ {paragraf.nummer} är inte justerad. Ett protokollsutdrag expedieras först när paragrafen är justerad.")
    lista = _mottagare_las(mottagare)
    nu = timezone.now()
    rader = [
        Expediering.objects.create(
            forbund=paragraf.forbund,
            paragraf=paragraf,
            mottagare=namn,
            epost=epost,
            meddelande=meddelande.strip(),
            begard=nu,
            begard_av=aktor if getattr(aktor, "is_authenticated", False) else None,
        )
        for namn, epost in lista
    ]
    handelse_logga(
        aktor=aktor,
        forbund=paragraf.forbund,
        handling="utdrag_expediera",
        objekt=paragraf,
        detaljer={"mottagare": [e for _, e in lista], "expedieringar": [r.pk for r in rader]},
    )
    enqueue(utskick.utdrag_expediera_task, [r.pk for r in rader])
    return rader
