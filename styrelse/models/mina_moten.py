"""What a board member has read (for the unread marks) and jäv declared in advance on an agenda item."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from finsam.models import ForbundsData, Person
from finsam.sortering import svensk

from .mote import Arende, Sammantrade


class Lasning(ForbundsData):
    """One member has seen one document (agenda item, attachment, notice, minutes) in the version `fingeravtryck`.

    A document is unread for the member when there is no row with its key and current fingerprint.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="användare")
    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="+", verbose_name="sammanträde")
    nyckel = models.CharField("dokument", max_length=40)  # "arende:12", "bilaga:7", "kallelse", "protokoll"
    fingeravtryck = models.CharField("version", max_length=64)
    last = models.DateTimeField("läst")

    class Meta:
        verbose_name = "läsning"
        verbose_name_plural = "läsningar"
        constraints = [models.UniqueConstraint(fields=["user", "sammantrade", "nyckel"], name="lasning_unik")]

    def __str__(self) -> str:
        return f"{self.nyckel} ({self.last:%Y-%m-%d %H:%M})"


class Javsanmalan(ForbundsData):
    """A ledamot or ersättare declares jäv on an item before the meeting; it becomes jäv at the item's paragraph."""

    arende = models.ForeignKey(Arende, on_delete=models.CASCADE, related_name="javsanmalningar", verbose_name="ärende")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    skal = models.TextField("skäl", blank=True, max_length=2000)
    anmald_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="anmäld av"
    )
    skapad = models.DateTimeField("anmäld", auto_now_add=True)

    class Meta:
        verbose_name = "jävsanmälan"
        verbose_name_plural = "jävsanmälningar"
        ordering = ["arende__ordning", svensk("person__namn")]
        constraints = [models.UniqueConstraint(fields=["arende", "person"], name="javsanmalan_unik")]

    def __str__(self) -> str:
        return f"Jäv: {self.person} – {self.arende.rubrik}"
