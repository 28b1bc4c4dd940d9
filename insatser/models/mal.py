"""Goals of an intervention and their yearly assessment (the annual report's appendix)."""

from __future__ import annotations

from django.db import models

from finsam.models import ForbundsData

from .insats import Insats


class Mal(ForbundsData):
    """A goal of an intervention."""

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="mal", verbose_name="insats")
    text = models.TextField("mål")
    matbart = models.CharField("mätbart", max_length=300, blank=True, help_text="Hur måluppfyllelsen mäts.")
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        verbose_name = "mål"
        verbose_name_plural = "mål"
        ordering = ["insats", "ordning", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class Malbedomning(ForbundsData):
    """The assessment of one goal for one year."""

    class Bedomning(models.TextChoices):
        UPPFYLLT = "uppfyllt", "Uppfyllt"
        DELVIS_UPPFYLLT = "delvis_uppfyllt", "Delvis uppfyllt"
        EJ_UPPFYLLT = "ej_uppfyllt", "Ej uppfyllt"

    mal = models.ForeignKey(Mal, on_delete=models.CASCADE, related_name="bedomningar", verbose_name="mål")
    ar = models.PositiveSmallIntegerField("år")
    bedomning = models.CharField("bedömning", max_length=20, choices=Bedomning.choices)
    kommentar = models.TextField("kommentar", blank=True)

    class Meta:
        verbose_name = "målbedömning"
        verbose_name_plural = "målbedömningar"
        ordering = ["mal", "ar"]
        constraints = [models.UniqueConstraint(fields=["mal", "ar"], name="malbedomning_en_per_ar")]

    def __str__(self) -> str:
        return f"{self.ar}: {self.get_bedomning_display()}"
