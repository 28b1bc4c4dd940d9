"""Auditors (revisorer) with the member that appointed them and the members they audit (statutes § 14)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from finsam.models import ForbundsData, Medlem, Person

# Statutes § 14: Försäkringskassan appoints one auditor for FK and AF; the region council one for the
# region and the municipalities. Key: the appointing member's type; value: the types it may audit for.
UTSER_FOR: dict[str, frozenset[str]] = {
    Medlem.Typ.FK: frozenset({Medlem.Typ.FK, Medlem.Typ.AF}),
    Medlem.Typ.REGION: frozenset({Medlem.Typ.REGION, Medlem.Typ.KOMMUN}),
}


class Revisor(ForbundsData):
    """One auditor's appointment: who, appointed by which member and decision, for which members and years."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="revisorsuppdrag", verbose_name="revisor")
    utsedd_av = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="utsedda_revisorer", verbose_name="utsedd av")
    granskar = models.ManyToManyField(Medlem, related_name="revisorer", verbose_name="granskar för")
    ar_fran = models.PositiveSmallIntegerField("från och med år", validators=[MinValueValidator(1900), MaxValueValidator(2200)])
    ar_till = models.PositiveSmallIntegerField(
        "till och med år", null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2200)], help_text="Tomt: tills vidare."
    )
    beslut_referens = models.CharField("beslut", max_length=200, blank=True, help_text="T.ex. regionfullmäktige 2019-02-12 § 23.")
    beslut_datum = models.DateField("beslutsdatum", null=True, blank=True)

    class Meta:
        verbose_name = "revisor"
        verbose_name_plural = "revisorer"
        ordering = ["-ar_fran", "utsedd_av__ordning"]
        constraints = [
            models.CheckConstraint(condition=Q(ar_till__isnull=True) | Q(ar_till__gte=models.F("ar_fran")), name="revisor_period"),
        ]

    def __str__(self) -> str:
        return f"{self.person} (utsedd av {self.utsedd_av})"

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if self.ar_till is not None and self.ar_fran and self.ar_till < self.ar_fran:
            fel["ar_till"] = "Uppdraget kan inte sluta före det år det börjar."
        if self.utsedd_av_id and self.utsedd_av.typ not in UTSER_FOR:
            fel["utsedd_av"] = (
                "Enligt förbundsordningen § 14 utser Försäkringskassan revisorn för Försäkringskassan och Arbetsförmedlingen, "
                "och regionfullmäktige revisorn för regionen och kommunerna."
            )
        for falt in ("person", "utsedd_av"):
            if getattr(self, f"{falt}_id") and getattr(self, falt).forbund_id != self.forbund_id:
                fel[falt] = "Hör till ett annat förbund."
        if fel:
            raise ValidationError(fel)

    def galler_ar(self, ar: int) -> bool:
        return self.ar_fran <= ar and (self.ar_till is None or ar <= self.ar_till)

    @property
    def period_text(self) -> str:
        if self.ar_till is None:
            return f"från {self.ar_fran}"
        return str(self.ar_fran) if self.ar_till == self.ar_fran else f"{self.ar_fran}–{self.ar_till}"

    @property
    def granskar_text(self) -> str:
        return ", ".join(m.namn for m in self.granskar.all())


class AnsvarsfrihetPaminnelse(ForbundsData):
    """A reminder sent to a member that has not decided on discharge for a year: to whom, when, by whom."""

    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    ar = models.PositiveSmallIntegerField("räkenskapsår", validators=[MinValueValidator(1900), MaxValueValidator(2200)])
    mottagare = models.EmailField("skickad till")
    skickad = models.DateTimeField("skickad", default=timezone.now)
    skickad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="skickad av"
    )

    class Meta:
        verbose_name = "påminnelse om ansvarsfrihet"
        verbose_name_plural = "påminnelser om ansvarsfrihet"
        ordering = ["-skickad"]
        indexes = [models.Index(fields=["forbund", "ar"], name="ansvarsfrihet_paminn_ar")]

    def __str__(self) -> str:
        return f"Påminnelse {self.ar} till {self.medlem} {self.skickad:%Y-%m-%d}"
