"""The three-year budget: a budget year and two plan years, in versions set by board decisions."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Medlem


class Budget(ForbundsData):
    """One version of the budget for `ar` with the plan for `ar + 1` and `ar + 2`."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        FASTSTALLD = "faststalld", "Fastställd"
        ERSATT = "ersatt", "Ersatt av ny version"

    ar = models.PositiveSmallIntegerField("budgetår")
    version = models.PositiveSmallIntegerField("version", default=1)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.UTKAST)
    paragraf = models.ForeignKey("styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="beslut (§)")
    faststalld_datum = models.DateField("fastställd", null=True, blank=True)
    kommentar = models.TextField("kommentar", blank=True)

    class Meta:
        verbose_name = "budget"
        verbose_name_plural = "budgetar"
        ordering = ["-ar", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar", "version"], name="budget_unik_version"),
            models.CheckConstraint(condition=Q(status="utkast") | Q(paragraf__isnull=False), name="budget_beslut_kravs"),
        ]

    def __str__(self) -> str:
        return f"Budget {self.ar} (version {self.version})"

    @property
    def last(self) -> bool:
        return self.status != self.Status.UTKAST

    @property
    def planar(self) -> tuple[int, int, int]:
        return (self.ar, self.ar + 1, self.ar + 2)


class Budgetrad(ForbundsData):
    """A line of the budget. Amounts are positive kronor; the group says whether it is income or cost."""

    class Grupp(models.TextChoices):
        MEDLEMSBIDRAG = "medlemsbidrag", "Intäkter per medlem"
        OVRIGA_INTAKTER = "ovriga_intakter", "Övriga intäkter"
        ADMINISTRATION = "administration", "Administration"
        INSATSER = "insatser", "Insatser"
        NYA = "nya", "Nya ej beslutade aktiviteter"

    INTAKTSGRUPPER = ("medlemsbidrag", "ovriga_intakter")

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="rader", verbose_name="budget")
    grupp = models.CharField("grupp", max_length=20, choices=Grupp.choices)
    nyckel = models.SlugField("nyckel", max_length=60, help_text="Stabil nyckel som konton kopplas till, t.ex. adm-forbundschef eller insats-12.")
    text = models.CharField("rad", max_length=200)
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="medlem")
    insats = models.ForeignKey("insatser.Insats", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="insats")
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    belopp = models.DecimalField("budgetår (kr)", max_digits=14, decimal_places=0, default=0)
    plan1 = models.DecimalField("plan år 2 (kr)", max_digits=14, decimal_places=0, null=True, blank=True)
    plan2 = models.DecimalField("plan år 3 (kr)", max_digits=14, decimal_places=0, null=True, blank=True)

    class Meta:
        verbose_name = "budgetrad"
        verbose_name_plural = "budgetrader"
        ordering = ["budget", "ordning", "id"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "nyckel"], name="budgetrad_unik_nyckel"),
            models.CheckConstraint(condition=Q(belopp__gte=0), name="budgetrad_belopp_positivt"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def ar_intakt(self) -> bool:
        return self.grupp in self.INTAKTSGRUPPER

    def clean(self) -> None:
        for falt in ("plan1", "plan2"):
            v = getattr(self, falt)
            if v is not None and v < 0:
                raise ValidationError({falt: "Beloppet anges som ett positivt tal; gruppen avgör om det är intäkt eller kostnad."})
