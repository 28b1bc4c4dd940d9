"""Needs analysis (behovsanalys, issue 18): people in public support in full-year equivalents (helårsekvivalenter) per
region, sex, age group and year, with the population as data too, and the förbund's yearly analysis the board adopts."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.formatting import tal
from finsam.models import Dokument, ForbundsData, Medlem
from finsam.sortering import svensk
from styrelse.models import Paragraf

from ..vokabular import liknar_personnummer

VARDE_MAX = 10_000_000
_PNR_KANDIDAT = re.compile(r"(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")
PNR_I_TEXT = "Texten innehåller något som ser ut som ett personnummer; personnummer får aldrig sparas här."


def innehaller_personnummer(text: str) -> bool:
    """True when any part of a free text is a valid personnummer or samordningsnummer (never stored in the needs analysis)."""
    return any(liknar_personnummer(m.group(0)) for m in _PNR_KANDIDAT.finditer(text or ""))


class Matt(models.TextChoices):
    """The support systems of the published statistics (seed 004f), and the population they are set against."""

    SJUKPENNING = "sjukpenning", "Sjukpenning"
    SJUK_AKTIVITETSERSATTNING = "sjuk_aktivitetsersattning", "Sjuk- och aktivitetsersättning"
    ARBETSLOSHET = "arbetsloshet", "Arbetslöshetsersättning"
    ARBETSMARKNADSATGARDER = "arbetsmarknadsatgarder", "Arbetsmarknadsåtgärder (aktivitetsstöd)"
    EKONOMISKT_BISTAND = "ekonomiskt_bistand", "Ekonomiskt bistånd"
    ETABLERINGSERSATTNING = "etableringsersattning", "Etableringsersättning"
    FOLKMANGD = "folkmangd", "Folkmängd"


ERSATTNINGAR = [m for m in Matt if m != Matt.FOLKMANGD]


class StatKon(models.TextChoices):
    TOTALT = "totalt", "Totalt"
    KVINNOR = "kvinnor", "Kvinnor"
    MAN = "man", "Män"


class Aldersgrupp(models.TextChoices):
    A20_64 = "20-64", "20–64 år"
    A20_29 = "20-29", "20–29 år"


class Niva(models.TextChoices):
    KOMMUN = "kommun", "Kommun"
    LAN = "lan", "Län"
    RIKET = "riket", "Riket"


def niva_for(regionkod: str) -> str:
    """SCB's region codes: 00 the country, two digits a county, four digits a kommun."""
    if regionkod == "00":
        return Niva.RIKET
    return Niva.LAN if len(regionkod) == 2 else Niva.KOMMUN


class Statistikvarde(ForbundsData):
    """One published figure: full-year equivalents (or population) of a region, year, sex, age group and system."""

    regionkod = models.CharField("regionkod", max_length=4, help_text="SCB:s kod: 00 riket, två siffror län, fyra siffror kommun.")
    region = models.CharField("region", max_length=100)
    niva = models.CharField("nivå", max_length=6, choices=Niva.choices, editable=False)
    kommun = models.ForeignKey(
        Medlem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="medlemskommun", editable=False
    )
    ar = models.PositiveSmallIntegerField("år")
    kon = models.CharField("kön", max_length=7, choices=StatKon.choices)
    alder = models.CharField("åldersgrupp", max_length=5, choices=Aldersgrupp.choices)
    matt = models.CharField("ersättning", max_length=26, choices=Matt.choices)
    varde = models.DecimalField("helårsekvivalenter (folkmängd: personer)", max_digits=12, decimal_places=2)
    andrad = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "statistikvärde (offentlig försörjning)"
        verbose_name_plural = "statistik över offentlig försörjning"
        ordering = [svensk("regionkod"), "ar", "matt", "kon", "alder"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "regionkod", "ar", "kon", "alder", "matt"], name="statistikvarde_unikt"),
            models.CheckConstraint(condition=Q(varde__gte=0) & Q(varde__lte=VARDE_MAX), name="statistikvarde_intervall"),
            models.CheckConstraint(condition=Q(regionkod__regex=r"^([0-9]{2}|[0-9]{4})$"), name="statistikvarde_regionkod"),
        ]
        indexes = [models.Index(fields=["forbund", "ar"], name="statistikvarde_forbund_ar")]

    def __str__(self) -> str:
        return f"{self.region} {self.ar} {self.matt} {self.kon} {self.alder}: {self.varde}"

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if not (self.regionkod.isdigit() and len(self.regionkod) in (2, 4)):
            fel["regionkod"] = "Regionkoden ska vara SCB:s kod: 00 för riket, två siffror för ett län eller fyra siffror för en kommun."
        if self.varde is not None and not 0 <= self.varde <= VARDE_MAX:
            fel["varde"] = f"Värdet ska vara mellan 0 och {tal(VARDE_MAX)}."
        if not self.region.strip():
            fel["region"] = "Ange regionens namn."
        elif innehaller_personnummer(self.region):
            fel["region"] = PNR_I_TEXT
        if fel:
            raise ValidationError(fel)
        self.niva = niva_for(self.regionkod)


class Behovsanalys(ForbundsData):
    """The förbund's needs analysis of a year: its written analysis over the statistics, adopted by the board by a §."""

    ar = models.PositiveSmallIntegerField("år")
    analys = models.TextField(
        "analys och slutsatser", blank=True, help_text="Förbundets tolkning av statistiken och vad den betyder för prioriteringarna."
    )
    dokument = models.ForeignKey(Dokument, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="dokument")
    beslut = models.ForeignKey(Paragraf, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="styrelsens beslut")
    faststalld = models.DateTimeField("fastställd", null=True, blank=True)
    sha256 = models.CharField("SHA-256 för fastställd PDF", max_length=64, blank=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "behovsanalys"
        verbose_name_plural = "behovsanalyser"
        ordering = ["-ar"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar"], name="behovsanalys_en_per_ar"),
            models.CheckConstraint(condition=Q(faststalld__isnull=True) | Q(beslut__isnull=False), name="behovsanalys_faststalld_kraver_beslut"),
        ]

    def __str__(self) -> str:
        return f"Behovsanalys {self.ar}"

    def clean(self) -> None:
        if innehaller_personnummer(self.analys):
            raise ValidationError({"analys": PNR_I_TEXT})

    @property
    def ar_faststalld(self) -> bool:
        return self.faststalld is not None
