"""How the förbund invoices its members' shares when not to the krona: a rounding rule, or an explained adjustment.

The statutes' split is always computed to the krona; these rows only explain why the booked income per member may
differ from it. A difference they do not explain still fails the contribution check.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from finsam.models import ForbundsData, Medlem


class Bidragsavrundning(ForbundsData):
    """The year's rounding rule for the invoiced member shares."""

    class Regel(models.TextChoices):
        KRONA = "krona", "Till kronan (stadgarnas exakta fördelning)"
        HUNDRATAL = "hundratal", "Till hela hundratal kronor"
        TUSENTAL = "tusental", "Till hela tusental kronor"

    STEG = {Regel.KRONA: 1, Regel.HUNDRATAL: 100, Regel.TUSENTAL: 1000}

    ar = models.PositiveSmallIntegerField("år")
    regel = models.CharField("avrundning", max_length=12, choices=Regel.choices, default=Regel.KRONA)
    paragraf = models.ForeignKey("styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="beslut (§)")
    forklaring = models.CharField("förklaring", max_length=300, blank=True)

    class Meta:
        verbose_name = "avrundning av medlemsbidrag"
        verbose_name_plural = "avrundningar av medlemsbidrag"
        constraints = [models.UniqueConstraint(fields=["forbund", "ar"], name="bidragsavrundning_unikt_ar")]

    def __str__(self) -> str:
        return f"{self.ar}: {self.get_regel_display()}"


class Bidragsjustering(ForbundsData):
    """An explained adjustment of one member's invoiced share, adopted by a paragraph of a held board meeting."""

    ar = models.PositiveSmallIntegerField("år")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    belopp = models.DecimalField("justering (kr, + eller −)", max_digits=14, decimal_places=0)
    forklaring = models.CharField("förklaring", max_length=300)
    paragraf = models.ForeignKey("styrelse.Paragraf", on_delete=models.PROTECT, related_name="+", verbose_name="beslut (§)")

    class Meta:
        verbose_name = "justering av medlemsbidrag"
        verbose_name_plural = "justeringar av medlemsbidrag"
        ordering = ["ar", "medlem__ordning", "id"]
        constraints = [models.CheckConstraint(condition=~models.Q(belopp=0), name="bidragsjustering_ej_noll")]

    def clean(self) -> None:
        if not (self.forklaring or "").strip():
            raise ValidationError({"forklaring": "En justering av medlemsbidraget måste förklaras."})

    def __str__(self) -> str:
        return f"{self.ar} {self.medlem}: {self.belopp}"
