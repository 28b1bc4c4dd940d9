"""The förbund's goals as a tree (vision → övergripande mål → delmål, as seed 000), each with an owner and the years it
applies to, judged either by a text criterion or by a measure bound to data with a target; and the yearly assessment,
proposed from the data and confirmed with a comment by the förbundschef."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData

from .insats import Insats
from .mal import Malbedomning


class Malnod(ForbundsData):
    """One node of the goal tree."""

    class Niva(models.TextChoices):
        VISION = "vision", "Vision"
        OVERGRIPANDE = "overgripande", "Övergripande mål"
        DELMAL = "delmal", "Delmål"

    class Matt(models.TextChoices):
        GENOMSTROMNING = "genomstromning", "Genomströmning (%)"
        ARBETE_STUDIER = "arbete_studier", "Andel avslut till arbete eller studier (%)"
        DELTAGARE_KVINNOR = "deltagare_kvinnor", "Deltagare, kvinnor (antal)"
        DELTAGARE_MAN = "deltagare_man", "Deltagare, män (antal)"
        VANTETID = "vantetid", "Väntetid från remiss till start, median (dagar)"
        NARVARO = "narvaro", "Närvaro, andel av planerade tillfällen (%)"
        BUDGETUTFALL = "budgetutfall", "Årets resultat enligt räkenskaperna (kr)"
        INDIKATOR = "indikator", "Indikatorvärde som registreras per år"

    class Jamforelse(models.TextChoices):
        MINST = "minst", "≥ (minst)"
        HOGST = "hogst", "≤ (högst)"

    FORALDER: dict[str, str | None] = {"vision": None, "overgripande": "vision", "delmal": "overgripande"}

    niva = models.CharField("nivå", max_length=12, choices=Niva.choices)
    forelder = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="barn", verbose_name="överordnat mål")
    text = models.TextField("mål")
    ansvarig = models.CharField("ansvarig", max_length=200, blank=True)
    ar_fran = models.PositiveSmallIntegerField("gäller från år")
    ar_till = models.PositiveSmallIntegerField("gäller till år", null=True, blank=True)
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    kriterium = models.TextField("kriterium (text)", blank=True, help_text="När målet bedöms i ord, inte mot ett mått.")
    matt = models.CharField("mått", max_length=20, choices=Matt.choices, blank=True)
    insats = models.ForeignKey(
        Insats, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="insats (tomt = alla insatser)"
    )
    malvarde = models.DecimalField("målvärde", max_digits=14, decimal_places=2, null=True, blank=True)
    jamforelse = models.CharField("jämförelse", max_length=5, choices=Jamforelse.choices, blank=True)

    class Meta:
        verbose_name = "mål i målträdet"
        verbose_name_plural = "målträd"
        ordering = ["ordning", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(ar_till__isnull=True) | Q(ar_till__gte=models.F("ar_fran")), name="malnod_ar"),
            models.CheckConstraint(condition=Q(matt="") | Q(malvarde__isnull=False) & ~Q(jamforelse=""), name="malnod_matt_mal"),
        ]

    def __str__(self) -> str:
        return f"{self.get_niva_display()}: {self.text[:60]}"

    def galler(self, ar: int) -> bool:
        return self.ar_fran <= ar and (self.ar_till is None or ar <= self.ar_till)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        krav = self.FORALDER.get(self.niva)
        if krav is None and self.forelder_id:
            errors["forelder"] = "Visionen är trädets rot och har inget överordnat mål."
        elif krav is not None and (self.forelder is None or self.forelder.niva != krav):
            errors["forelder"] = f"Ett {self.get_niva_display().lower()} ska höra till ett {Malnod.Niva(krav).label.lower()}."
        elif self.forelder is not None and self.forelder.forbund_id != self.forbund_id:
            errors["forelder"] = "Det överordnade målet tillhör ett annat förbund."
        if self.ar_till is not None and self.ar_till < self.ar_fran:
            errors["ar_till"] = "Slutåret kan inte ligga före startåret."
        if self.niva == Malnod.Niva.DELMAL:
            if bool(self.kriterium.strip()) == bool(self.matt):
                errors["matt"] = "Ange antingen ett kriterium i text eller ett mått med målvärde, inte båda."
        elif self.matt:
            errors["matt"] = "Bara delmål mäts; visionen och de övergripande målen bedöms genom sina delmål."
        if self.matt and (self.malvarde is None or not self.jamforelse):
            errors["malvarde"] = "Ett mått behöver ett målvärde och en jämförelse (≥ eller ≤)."
        if self.insats_id and self.insats is not None and self.insats.forbund_id != self.forbund_id:
            errors["insats"] = "Insatsen tillhör ett annat förbund."
        if errors:
            raise ValidationError(errors)


class Indikatorvarde(ForbundsData):
    """A value of an indicator measure entered for a year (e.g. the NNS participant survey)."""

    malnod = models.ForeignKey(Malnod, on_delete=models.CASCADE, related_name="indikatorvarden", verbose_name="delmål")
    ar = models.PositiveSmallIntegerField("år")
    varde = models.DecimalField("värde", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "indikatorvärde"
        verbose_name_plural = "indikatorvärden"
        ordering = ["malnod", "ar"]
        constraints = [models.UniqueConstraint(fields=["malnod", "ar"], name="indikatorvarde_ett_per_ar")]

    def __str__(self) -> str:
        return f"{self.ar}: {self.varde}"


class Malnodbedomning(ForbundsData):
    """The yearly assessment of a goal: proposed from the data, confirmed with a comment by the förbundschef."""

    malnod = models.ForeignKey(Malnod, on_delete=models.CASCADE, related_name="bedomningar", verbose_name="mål")
    ar = models.PositiveSmallIntegerField("år")
    utfall = models.DecimalField("uppmätt värde", max_digits=16, decimal_places=4, null=True, blank=True)
    forslag = models.CharField("förslag", max_length=20, choices=Malbedomning.Bedomning.choices, blank=True)
    bedomning = models.CharField("bedömning", max_length=20, choices=Malbedomning.Bedomning.choices, blank=True)
    kommentar = models.TextField("kommentar", blank=True)
    bekraftad = models.DateTimeField("bekräftad", null=True, blank=True)
    bekraftad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="bekräftad av"
    )

    class Meta:
        verbose_name = "bedömning av mål"
        verbose_name_plural = "bedömningar av mål"
        ordering = ["malnod", "ar"]
        constraints = [
            models.UniqueConstraint(fields=["malnod", "ar"], name="malnodbedomning_en_per_ar"),
            models.CheckConstraint(condition=Q(bekraftad__isnull=True) | ~Q(bedomning=""), name="malnodbedomning_bekraftad"),
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.get_bedomning_display() or self.get_forslag_display() or '–'}"
