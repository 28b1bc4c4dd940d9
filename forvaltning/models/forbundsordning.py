"""The statutes (förbundsordning) as a versioned document adopted by every member."""

from __future__ import annotations

import re
from fractions import Fraction

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from finsam.models import ForbundsData, Medlem
from styrelse.models import Beslutsregler

BRAK_MONSTER = re.compile(r"^\d{1,3}/\d{1,3}$")
BRAK = RegexValidator(r"^\d{1,3}/\d{1,3}$", "Skriv andelen som ett bråk, t.ex. 1/2 eller 1/4.")
ANDELSFALT = ("andel_staten", "andel_region", "andel_kommunerna")


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
    # The rules other parts of Finsam read from the version in force (blank: not stated, the earlier source applies).
    antal_ledamoter = models.PositiveSmallIntegerField(
        "antal ledamöter i styrelsen", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(99)], help_text="§ 5, t.ex. 5."
    )
    beslutsfor_minst = models.PositiveSmallIntegerField(
        "beslutsför med minst",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text="§ 6: antal ledamöter som måste vara närvarande; tomt = mer än hälften.",
    )
    majoritet = models.CharField("kvalificerad majoritet", max_length=3, choices=Beslutsregler.Majoritet.choices, blank=True, help_text="§ 6.")
    andel_staten = models.CharField("statens andel av medlemsbidraget", max_length=7, blank=True, validators=[BRAK], help_text="§ 11, t.ex. 1/2.")
    andel_region = models.CharField("regionens andel", max_length=7, blank=True, validators=[BRAK], help_text="T.ex. 1/4.")
    andel_kommunerna = models.CharField(
        "kommunernas andel", max_length=7, blank=True, validators=[BRAK], help_text="T.ex. 1/4; fördelas mellan kommunerna efter invånare 18–64 år."
    )

    class Meta:
        verbose_name = "förbundsordning"
        verbose_name_plural = "förbundsordningar"
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["forbund", "version"], name="forbundsordning_unik_version")]

    def __str__(self) -> str:
        return f"{self.rubrik}, version {self.version}"

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if not self.text.strip() and not self.fil:
            fel["text"] = "Ange förbundsordningens text eller bifoga den som PDF."
        if self.forslag_paragraf is not None and self.forslag_paragraf.forbund_id != self.forbund_id:
            fel["forslag_paragraf"] = "Hör till ett annat förbund."
        if self.antal_ledamoter and self.beslutsfor_minst and self.beslutsfor_minst > self.antal_ledamoter:
            fel["beslutsfor_minst"] = (
                f"Styrelsen kan inte kräva fler närvarande ({self.beslutsfor_minst}) än den har ledamöter ({self.antal_ledamoter})."
            )
        angivna = [getattr(self, f) for f in ANDELSFALT if getattr(self, f)]
        if angivna and len(angivna) != len(ANDELSFALT):
            fel["andel_staten"] = "Ange statens, regionens och kommunernas andel tillsammans, eller ingen av dem."
        elif angivna and all(BRAK_MONSTER.match(a) for a in angivna):
            try:
                summa = sum((Fraction(a) for a in angivna), Fraction(0))
            except ZeroDivisionError:
                summa = Fraction(-1)
            if summa != 1:
                fel["andel_staten"] = f"Andelarna ska tillsammans bli hela medlemsbidraget (1), inte {summa}."
        if fel:
            raise ValidationError(fel)

    @property
    def andelar(self) -> dict[str, Fraction] | None:
        """The contribution split (staten, region, kommunerna) when this version states it."""
        if not all(getattr(self, f) for f in ANDELSFALT):
            return None
        return {f.removeprefix("andel_"): Fraction(getattr(self, f)) for f in ANDELSFALT}


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
