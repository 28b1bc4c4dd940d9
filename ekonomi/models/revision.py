"""Settings, quarterly follow-up, auditors' reports and discharge (ansvarsfrihet)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from finsam.models import ForbundsData, Medlem


class Ekonomiinstallning(ForbundsData):
    """Per-förbund settings: the national council's recommended ceiling for equity."""

    eget_kapital_andel = models.DecimalField(
        "rekommenderat högsta eget kapital (andel av tilldelningen)",
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.200"),
        validators=[MinValueValidator(0), MaxValueValidator(1)],
    )

    class Meta:
        verbose_name = "ekonomiinställning"
        verbose_name_plural = "ekonomiinställningar"
        constraints = [models.UniqueConstraint(fields=["forbund"], name="ekonomiinstallning_en_per_forbund")]

    def __str__(self) -> str:
        return f"Ekonomiinställningar {self.forbund_id}"


class Kvartalsuppfoljning(ForbundsData):
    """The board's quarterly follow-up: outcome to date per budget line and a full-year forecast."""

    ar = models.PositiveSmallIntegerField("år")
    kvartal = models.PositiveSmallIntegerField("kvartal", validators=[MinValueValidator(1), MaxValueValidator(4)])
    sammanfattning = models.TextField("sammanfattning", blank=True)
    andrad = models.DateTimeField("ändrad", default=timezone.now)

    class Meta:
        verbose_name = "kvartalsuppföljning"
        verbose_name_plural = "kvartalsuppföljningar"
        ordering = ["-ar", "-kvartal"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "kvartal"], name="kvartalsuppfoljning_unik")]

    def __str__(self) -> str:
        return f"Kvartal {self.kvartal} {self.ar}"


class Prognosrad(ForbundsData):
    """The förbundschef's forecast and comment for one budget line in a quarterly follow-up."""

    uppfoljning = models.ForeignKey(Kvartalsuppfoljning, on_delete=models.CASCADE, related_name="rader", verbose_name="uppföljning")
    nyckel = models.SlugField("budgetradens nyckel", max_length=60)
    prognos = models.DecimalField("helårsprognos (kr)", max_digits=14, decimal_places=0, null=True, blank=True)
    kommentar = models.CharField("kommentar", max_length=500, blank=True)

    class Meta:
        verbose_name = "prognosrad"
        verbose_name_plural = "prognosrader"
        constraints = [models.UniqueConstraint(fields=["uppfoljning", "nyckel"], name="prognosrad_unik_nyckel")]

    def __str__(self) -> str:
        return f"{self.nyckel}: {self.prognos}"


class Revisionsberattelse(ForbundsData):
    """An auditor's report for a year."""

    ar = models.PositiveSmallIntegerField("räkenskapsår")
    revisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="revisor")
    revisor_namn = models.CharField("revisor", max_length=200)
    avser = models.CharField("utsedd av / för", max_length=200, help_text="T.ex. Försäkringskassan för FK och AF.")
    datum = models.DateField("datum")
    tillstyrker_ansvarsfrihet = models.BooleanField("tillstyrker ansvarsfrihet", default=True)
    text = models.TextField("revisionsberättelse")
    registrerad = models.DateTimeField("registrerad", default=timezone.now)

    class Meta:
        verbose_name = "revisionsberättelse"
        verbose_name_plural = "revisionsberättelser"
        ordering = ["-ar", "revisor_namn"]

    def __str__(self) -> str:
        return f"Revisionsberättelse {self.ar} – {self.revisor_namn}"


class Ansvarsfrihet(ForbundsData):
    """A member's decision on discharge for the board for a year; the board notes it in a paragraph."""

    ar = models.PositiveSmallIntegerField("räkenskapsår")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    beviljad = models.BooleanField("ansvarsfrihet beviljad")
    beslutsdatum = models.DateField("beslutsdatum")
    beslutsorgan = models.CharField("beslutande organ", max_length=200, help_text="T.ex. kommunfullmäktige 2020-06-15 § 112.")
    paragraf = models.ForeignKey(
        "styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="noterat av styrelsen (§)"
    )

    class Meta:
        verbose_name = "ansvarsfrihet"
        verbose_name_plural = "ansvarsfrihet"
        ordering = ["-ar", "medlem__ordning"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "medlem"], name="ansvarsfrihet_unik")]

    def __str__(self) -> str:
        return f"Ansvarsfrihet {self.ar} {self.medlem}"
