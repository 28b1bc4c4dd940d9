"""Members' contributions (medlemsbidrag): the year's total allocation and the municipal population key."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models

from finsam.models import ForbundsData, Medlem
from finsam.sortering import svensk


class Tilldelning(ForbundsData):
    """The total allocation for a year (statutes § 11): state ½, region ¼, municipalities ¼."""

    ar = models.PositiveSmallIntegerField("år")
    belopp = models.DecimalField("total tilldelning (kr)", max_digits=14, decimal_places=0, validators=[MinValueValidator(0)])
    kommentar = models.CharField("kommentar", max_length=300, blank=True)

    class Meta:
        verbose_name = "tilldelning"
        verbose_name_plural = "tilldelningar"
        ordering = ["-ar"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar"], name="tilldelning_unikt_ar")]

    def __str__(self) -> str:
        return f"Tilldelning {self.ar}"


class Kommunandel(ForbundsData):
    """A municipality's population aged 18–64 on 31 December of the year before."""

    tilldelning = models.ForeignKey(Tilldelning, on_delete=models.CASCADE, related_name="kommunandelar", verbose_name="tilldelning")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="kommun")
    invanare = models.PositiveIntegerField("invånare 18–64 år")

    class Meta:
        verbose_name = "kommunandel"
        verbose_name_plural = "kommunandelar"
        ordering = ["medlem__ordning", svensk("medlem__namn")]
        constraints = [models.UniqueConstraint(fields=["tilldelning", "medlem"], name="kommunandel_unik_medlem")]

    def __str__(self) -> str:
        return f"{self.medlem} {self.invanare}"
