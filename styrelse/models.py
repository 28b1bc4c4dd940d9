"""Board data. Mandates here; meetings, decisions and minutes follow."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Medlem, Person


class Mandat(ForbundsData):
    """A seat on the board: a ledamot or ersättare for one member, for a period."""

    class Typ(models.TextChoices):
        LEDAMOT = "ledamot", "Ledamot"
        ERSATTARE = "ersattare", "Ersättare"

    class Uppdrag(models.TextChoices):
        INGET = "", "–"
        ORDFORANDE = "ordforande", "Ordförande"
        VICE_ORDFORANDE = "vice_ordforande", "Vice ordförande"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandat", verbose_name="person")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="mandat", verbose_name="medlem")
    typ = models.CharField("typ", max_length=10, choices=Typ.choices)
    uppdrag = models.CharField("uppdrag", max_length=20, choices=Uppdrag.choices, blank=True, default="")
    fran = models.DateField("från")
    till = models.DateField("till", null=True, blank=True)

    class Meta:
        verbose_name = "mandat"
        verbose_name_plural = "mandat"
        ordering = ["typ", "medlem__ordning", "fran"]
        constraints = [
            models.CheckConstraint(condition=Q(till__isnull=True) | Q(till__gte=models.F("fran")), name="mandat_period"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_typ_display()} ({self.medlem})"
