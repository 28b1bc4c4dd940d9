"""Funded interventions (insatser). Applications, grants, goals and reports follow."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Medlem


class Insats(ForbundsData):
    """An intervention the förbund funds."""

    class Typ(models.TextChoices):
        ORDINARIE = "ordinarie", "Ordinarie samverkan"
        FINSAM_PROJEKT = "finsam_projekt", "Finsam-projekt"
        ESF_PROJEKT = "esf_projekt", "ESF-projekt"
        STRUKTUR = "struktur", "Strukturinsats/kompetensutveckling"

    class Inriktning(models.TextChoices):
        INDIVID = "individ", "Individinriktad"
        STRUKTUR = "struktur", "Strukturinriktad"

    class Status(models.TextChoices):
        PLANERAD = "planerad", "Planerad"
        PAGAENDE = "pagaende", "Pågående"
        AVSLUTAD = "avslutad", "Avslutad"

    kortnamn = models.CharField("kortnamn", max_length=40)
    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    inriktning = models.CharField("inriktning", max_length=10, choices=Inriktning.choices)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PLANERAD)
    startdatum = models.DateField("startdatum")
    slutdatum = models.DateField("slutdatum", null=True, blank=True)
    parter = models.ManyToManyField(Medlem, related_name="insatser", verbose_name="deltagande medlemmar", blank=True)

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = ["kortnamn"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "kortnamn"], name="insats_unikt_kortnamn"),
            models.CheckConstraint(
                condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=models.F("startdatum")), name="insats_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kortnamn} – {self.namn}"
