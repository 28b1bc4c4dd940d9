"""Settings, quarterly follow-up, auditors' reports and discharge (ansvarsfrihet)."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
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
    """An auditor's report for a year; the auditor is a registered appointment (forvaltning.Revisor, statutes § 14)."""

    ar = models.PositiveSmallIntegerField("räkenskapsår")
    revisor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="revisor")
    revisor_uppdrag = models.ForeignKey(
        "forvaltning.Revisor", on_delete=models.PROTECT, null=True, related_name="berattelser", verbose_name="revisorsuppdrag"
    )
    datum = models.DateField("datum")
    tillstyrker_ansvarsfrihet = models.BooleanField("tillstyrker ansvarsfrihet", default=True)
    text = models.TextField("revisionsberättelse")
    fil = models.FileField(
        "undertecknad revisionsberättelse (PDF)",
        upload_to="revisionsberattelse/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"], "Bifoga revisionsberättelsen som PDF.")],
    )
    registrerad = models.DateTimeField("registrerad", default=timezone.now)

    class Meta:
        verbose_name = "revisionsberättelse"
        verbose_name_plural = "revisionsberättelser"
        ordering = ["-ar", "revisor_uppdrag__utsedd_av__ordning"]
        constraints = [models.UniqueConstraint(fields=["ar", "revisor_uppdrag"], name="revisionsberattelse_en_per_revisor_och_ar")]

    def __str__(self) -> str:
        return f"Revisionsberättelse {self.ar} – {self.revisor_namn}"

    @property
    def revisor_namn(self) -> str:
        return self.revisor_uppdrag.person.namn if self.revisor_uppdrag else ""

    @property
    def avser(self) -> str:
        u = self.revisor_uppdrag
        return f"utsedd av {u.utsedd_av.namn} för {u.granskar_text}" if u else ""


class Ansvarsfrihet(ForbundsData):
    """A member's decision on discharge for the board for a year; the board notes it in a paragraph."""

    class Beslut(models.TextChoices):
        BEVILJAD = "beviljad", "Beviljad"
        AVSTYRKT = "avstyrkt", "Ej beviljad"
        EJ_BESLUTAT = "ej_beslutat", "Ej beslutat"

    ar = models.PositiveSmallIntegerField("räkenskapsår")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    beslut = models.CharField("beslut", max_length=12, choices=Beslut.choices, default=Beslut.EJ_BESLUTAT)
    beslutsdatum = models.DateField("beslutsdatum", null=True, blank=True)
    beslutsorgan = models.CharField("beslutande organ", max_length=200, blank=True, help_text="T.ex. kommunfullmäktige.")
    referens = models.CharField("medlemmens beslutsreferens", max_length=200, blank=True, help_text="T.ex. § 254, dnr KS 2019-000363 106.")
    dokument = models.FileField(
        "beslutet (PDF)", upload_to="ansvarsfrihet/%Y/", blank=True, validators=[FileExtensionValidator(["pdf"], "Bifoga beslutet som PDF.")]
    )
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

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if self.beslut != self.Beslut.EJ_BESLUTAT:
            if self.beslutsdatum is None:
                fel["beslutsdatum"] = "Ange när medlemmen beslutade om ansvarsfrihet."
            if not self.beslutsorgan.strip():
                fel["beslutsorgan"] = "Ange vilket organ hos medlemmen som beslutade."
        if self.beslutsdatum and self.ar and self.beslutsdatum.year <= self.ar:
            fel["beslutsdatum"] = f"Ansvarsfrihet för {self.ar} prövas först efter räkenskapsårets slut."
        if fel:
            raise ValidationError(fel)

    @property
    def beviljad(self) -> bool:
        return self.beslut == self.Beslut.BEVILJAD

    @property
    def beslutat(self) -> bool:
        return self.beslut != self.Beslut.EJ_BESLUTAT
