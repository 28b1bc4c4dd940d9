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

    # --- Status: the allowed transitions (BUDGET_OVERGANGAR below) are checked here and nowhere else ---

    def kontrollera_overgang(self, ny: str) -> None:
        """Raise a Swedish ValidationError unless the budget may go from its status to `ny`."""
        if ny in BUDGET_OVERGANGAR[self.status]:
            return
        if self.status == Budget.Status.FASTSTALLD:
            raise ValidationError("Budgeten är fastställd och låst. Skapa en ny version för att ändra den.")
        if self.status == Budget.Status.ERSATT:
            raise ValidationError("Budgeten är ersatt av en senare version och kan inte ändras.")
        raise ValidationError(f"En budget med status {self.get_status_display().lower()} kan inte få status {Budget.Status(ny).label.lower()}.")

    @property
    def last(self) -> bool:
        """Set or replaced: its lines never change again (a change is a new version)."""
        return not self.kan_andras

    @property
    def kan_andras(self) -> bool:
        return self.status == Budget.Status.UTKAST

    @property
    def kan_faststallas(self) -> bool:
        return Budget.Status.FASTSTALLD in BUDGET_OVERGANGAR[self.status]

    @property
    def ar_faststalld(self) -> bool:
        return self.status == Budget.Status.FASTSTALLD

    @property
    def status_klass(self) -> str:
        """The CSS modifier of the status badge (status-ok, status-varning, status-koad)."""
        return {Budget.Status.FASTSTALLD: "ok", Budget.Status.UTKAST: "varning"}.get(self.status, "koad")  # type: ignore[call-overload]

    @property
    def planar(self) -> tuple[int, int, int]:
        return (self.ar, self.ar + 1, self.ar + 2)


# Allowed status transitions of a budget version: a draft is set by a board decision (locked); a set version is
# replaced when a later version is set. A change after that is a new version (a new draft), never a status change back.
BUDGET_OVERGANGAR: dict[str, set[str]] = {
    Budget.Status.UTKAST: {Budget.Status.FASTSTALLD},
    Budget.Status.FASTSTALLD: {Budget.Status.ERSATT},
    Budget.Status.ERSATT: set(),
}


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
