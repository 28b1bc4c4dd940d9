"""The appointing decision of a board mandate: which body of the member appointed the person, when and by which decision."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from finsam.models import ForbundsData


class Utnamning(ForbundsData):
    """Statutes § 5: the region's and municipalities' representatives are elected by their councils, FK and AF appoint theirs."""

    mandat = models.OneToOneField("styrelse.Mandat", on_delete=models.CASCADE, related_name="utnamning", verbose_name="mandat")
    organ = models.CharField("utsett av (organ)", max_length=200, help_text="T.ex. kommunfullmäktige i Skellefteå kommun.")
    referens = models.CharField("beslutsreferens", max_length=200, help_text="T.ex. KF 2019-02-26 § 12.")
    datum = models.DateField("beslutsdatum")

    class Meta:
        verbose_name = "utnämning"
        verbose_name_plural = "utnämningar"

    def __str__(self) -> str:
        return f"{self.organ} {self.referens}"

    def clean(self) -> None:
        if self.mandat_id and self.mandat.forbund_id != self.forbund_id:
            raise ValidationError({"mandat": "Hör till ett annat förbund."})
        if self.mandat_id and self.datum and self.mandat.till and self.datum > self.mandat.till:
            raise ValidationError({"datum": "Beslutet om utnämning kan inte vara fattat efter att mandatet slutade."})
