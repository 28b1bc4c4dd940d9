"""The re-authentication that confirmed one justering (who, when, how), listed on the signed minutes.

Keyed like the Justering it confirms (meeting, person, role) and written in the same transaction
just before it, so that the final minutes, rendered when the last justering locks them, find it.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from finsam.models import ForbundsData, Person

from .mote import Justering, Sammantrade


class Signatur(ForbundsData):
    class Metod(models.TextChoices):
        LOSENORD = "losenord", "Lösenord (förnyad inloggning)"
        BANKID = "bankid", "BankID"

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="signaturer", verbose_name="sammanträde")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    roll = models.CharField("roll", max_length=12, choices=Justering.Roll.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="användare")
    metod = models.CharField("autentisering", max_length=10, choices=Metod.choices)
    tidpunkt = models.DateTimeField("autentiserad")
    bevis = models.JSONField("underlag", default=dict, blank=True)

    class Meta:
        verbose_name = "signatur"
        verbose_name_plural = "signaturer"
        ordering = ["sammantrade", "tidpunkt"]
        constraints = [models.UniqueConstraint(fields=["sammantrade", "person", "roll"], name="signatur_unik")]

    def __str__(self) -> str:
        return f"{self.get_roll_display()}: {self.person} ({self.get_metod_display()})"
