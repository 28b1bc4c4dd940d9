"""Attendance per period (issue 18): for one enrolment and one month or quarter, the planned and the attended sessions.

The narvaro measure of the goal tree is the average of the period rates of the year (insatser.malmatt via
uppfoljning.selectors.narvaro_andel)."""

from __future__ import annotations

import calendar
import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from finsam.models import ForbundsData


class Periodtyp(models.TextChoices):
    MANAD = "manad", "Månad"
    KVARTAL = "kvartal", "Kvartal"


def period_slut(typ: str, start: dt.date) -> dt.date:
    manad = start.month + (2 if typ == Periodtyp.KVARTAL else 0)
    return dt.date(start.year, manad, calendar.monthrange(start.year, manad)[1])


def period_text(typ: str, start: dt.date) -> str:
    """ "2023-03" for a month, "2023-K2" for a quarter (the import's and the page's notation)."""
    return f"{start.year}-K{(start.month - 1) // 3 + 1}" if typ == Periodtyp.KVARTAL else f"{start:%Y-%m}"


class Narvaroperiod(ForbundsData):
    inskrivning = models.ForeignKey("uppfoljning.Inskrivning", on_delete=models.CASCADE, related_name="narvaroperioder", verbose_name="inskrivning")
    periodtyp = models.CharField("period", max_length=8, choices=Periodtyp.choices, default=Periodtyp.MANAD)
    period = models.DateField("periodens första dag")
    planerade = models.PositiveIntegerField("planerade tillfällen")
    narvarade = models.PositiveIntegerField("närvarotillfällen")
    andrad = models.DateTimeField("ändrad", auto_now=True)

    class Meta:
        verbose_name = "närvaro per period"
        verbose_name_plural = "närvaro per period"
        ordering = ["period", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inskrivning", "period"], name="narvaroperiod_en_per_period"),
            models.CheckConstraint(condition=Q(planerade__gt=0), name="narvaroperiod_planerade_positiva"),
            models.CheckConstraint(condition=Q(narvarade__lte=F("planerade")), name="narvaroperiod_hogst_planerade"),
        ]

    def __str__(self) -> str:
        return f"{self.inskrivning_id} {period_text(self.periodtyp, self.period)}: {self.narvarade}/{self.planerade}"

    @property
    def text(self) -> str:
        return period_text(self.periodtyp, self.period)

    @property
    def andel(self) -> float:
        return self.narvarade / self.planerade

    def clean(self) -> None:
        fel: dict[str, str] = {}
        ins = self.inskrivning
        if self.period.day != 1 or (self.periodtyp == Periodtyp.KVARTAL and self.period.month not in (1, 4, 7, 10)):
            fel["period"] = "Perioden ska börja den första dagen i en månad (ett kvartal: januari, april, juli eller oktober)."
        elif ins.forbund_id != self.forbund_id:
            fel["inskrivning"] = "Inskrivningen tillhör ett annat förbund."
        elif not ins.samtycke or ins.gallrad:
            fel["inskrivning"] = "Närvaro registreras inte för en anonym eller avidentifierad inskrivning."
        elif (ins.inskriven and period_slut(self.periodtyp, self.period) < ins.inskriven) or (ins.avslutad and self.period > ins.avslutad):
            fel["period"] = (
                f"Perioden {self.text} ligger utanför inskrivningen ({ins.inskriven:%Y-%m-%d}–{f'{ins.avslutad:%Y-%m-%d}' if ins.avslutad else ''})."
            )
        if not fel:  # a month inside a recorded quarter (or the other way round) would count the sessions twice
            slut = period_slut(self.periodtyp, self.period)
            for p in Narvaroperiod.objects.filter(inskrivning_id=self.inskrivning_id).exclude(pk=self.pk).order_by("period"):
                if p.period <= slut and period_slut(p.periodtyp, p.period) >= self.period:
                    fel["period"] = f"Perioden {self.text} överlappar den registrerade perioden {p.text}."
                    break
        if self.planerade is not None and self.planerade <= 0:
            fel["planerade"] = "Ange minst ett planerat tillfälle."
        elif self.narvarade is not None and self.planerade is not None and self.narvarade > self.planerade:
            fel["narvarade"] = f"Närvarotillfällena ({self.narvarade}) kan inte vara fler än de planerade tillfällena ({self.planerade})."
        if fel:
            raise ValidationError(fel)
