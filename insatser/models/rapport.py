"""Reports due from an intervention (delårsrapport, årsrapport) and their uploaded versions."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone

from finsam.models import ForbundQuerySet, ForbundsData
from finsam.sortering import svensk

from .insats import Insats


class RapportQuerySet(ForbundQuerySet):
    def forsenade(self, idag: dt.date | None = None) -> RapportQuerySet:
        """Reports past their due date with no upload: the one definition of "overdue" (also `Rapport.forsenad`)."""
        return self.filter(inlamnad__isnull=True, forfallodatum__lt=idag or timezone.localdate())


class Rapport(ForbundsData):
    """A report an intervention owes the förbund, due on a date."""

    class Typ(models.TextChoices):
        DELARSRAPPORT = "delarsrapport", "Delårsrapport"
        ARSRAPPORT = "arsrapport", "Årsrapport"
        SLUTRAPPORT = "slutrapport", "Slutrapport"

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="rapporter", verbose_name="insats")
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    ar = models.PositiveSmallIntegerField("avser år")
    forfallodatum = models.DateField("ska lämnas senast")
    inlamnad = models.DateTimeField("inlämnad", null=True, blank=True)
    paminnelse_skickad = models.DateTimeField("påminnelse skickad", null=True, blank=True)

    objects = RapportQuerySet.as_manager()  # type: ignore[assignment, misc]

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        ordering = ["forfallodatum", svensk("insats__kortnamn")]
        constraints = [models.UniqueConstraint(fields=["insats", "typ", "ar"], name="rapport_unik_per_ar")]
        indexes = [models.Index(fields=["forbund", "inlamnad", "forfallodatum"], name="rapport_forsenad")]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.ar} – {self.insats.kortnamn}"

    def forsenad_per(self, idag: dt.date) -> bool:
        """The same rule as `RapportQuerySet.forsenade`, for one loaded row."""
        return self.inlamnad is None and self.forfallodatum < idag

    @property
    def forsenad(self) -> bool:
        return self.forsenad_per(timezone.localdate())

    @property
    def lage(self) -> str:
        """inlamnad, forsenad or vantas: what the templates show."""
        if self.inlamnad is not None:
            return "inlamnad"
        return "forsenad" if self.forsenad else "vantas"


class Rapportversion(ForbundsData):
    """One uploaded version of a report; the newest is the current one."""

    rapport = models.ForeignKey(Rapport, on_delete=models.CASCADE, related_name="versioner", verbose_name="rapport")
    version = models.PositiveSmallIntegerField("version")
    fil = models.FileField("fil", upload_to="insatser/rapporter/%Y/")
    kommentar = models.CharField("kommentar", max_length=300, blank=True)
    uppladdad = models.DateTimeField("uppladdad", default=timezone.now)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="uppladdad av"
    )

    class Meta:
        verbose_name = "rapportversion"
        verbose_name_plural = "rapportversioner"
        ordering = ["rapport", "-version"]
        constraints = [models.UniqueConstraint(fields=["rapport", "version"], name="rapportversion_unik")]

    def __str__(self) -> str:
        return f"{self.rapport} v{self.version}"
