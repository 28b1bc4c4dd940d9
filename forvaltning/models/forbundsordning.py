"""The statutes (förbundsordning) as a versioned document adopted by every member."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models

from finsam.models import ForbundsData, Medlem


class Forbundsordning(ForbundsData):
    """One version of the statutes. It is in force from `giltig_fran` once every member has adopted it."""

    version = models.PositiveSmallIntegerField("version")
    rubrik = models.CharField("rubrik", max_length=200, default="Förbundsordning")
    text = models.TextField("text", blank=True)
    fil = models.FileField(
        "PDF", upload_to="forbundsordning/%Y/", blank=True, validators=[FileExtensionValidator(["pdf"], "Bifoga förbundsordningen som PDF.")]
    )
    giltig_fran = models.DateField("gäller från")
    forslag_paragraf = models.ForeignKey(
        "styrelse.Paragraf",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="styrelsens förslag (§)",
    )
    andringar = models.TextField("ändringar mot föregående version", blank=True)

    class Meta:
        verbose_name = "förbundsordning"
        verbose_name_plural = "förbundsordningar"
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["forbund", "version"], name="forbundsordning_unik_version")]

    def __str__(self) -> str:
        return f"{self.rubrik}, version {self.version}"

    def clean(self) -> None:
        if not self.text.strip() and not self.fil:
            raise ValidationError({"text": "Ange förbundsordningens text eller bifoga den som PDF."})
        if self.forslag_paragraf is not None and self.forslag_paragraf.forbund_id != self.forbund_id:
            raise ValidationError({"forslag_paragraf": "Hör till ett annat förbund."})


class ForbundsordningBeslut(ForbundsData):
    """A member's decision on a version of the statutes (each member adopts it in its own body)."""

    forbundsordning = models.ForeignKey(Forbundsordning, on_delete=models.CASCADE, related_name="beslut", verbose_name="förbundsordning")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    antagen = models.BooleanField("antagen", default=True)
    organ = models.CharField("beslutande organ", max_length=200, help_text="T.ex. kommunfullmäktige.")
    referens = models.CharField("beslutsreferens", max_length=200, blank=True, help_text="T.ex. KF § 45, dnr KS 2020-000123.")
    datum = models.DateField("beslutsdatum")

    class Meta:
        verbose_name = "medlemsbeslut om förbundsordning"
        verbose_name_plural = "medlemsbeslut om förbundsordning"
        ordering = ["medlem__ordning"]
        constraints = [models.UniqueConstraint(fields=["forbundsordning", "medlem"], name="forbundsordning_beslut_per_medlem")]

    def __str__(self) -> str:
        return f"{self.medlem}: {'antagen' if self.antagen else 'inte antagen'} {self.datum:%Y-%m-%d}"

    def clean(self) -> None:
        if self.medlem_id and self.medlem.forbund_id != self.forbund_id:
            raise ValidationError({"medlem": "Hör till ett annat förbund."})
