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


class Sammantrade(ForbundsData):
    """A board meeting (styrelsemöte or planeringsdag)."""

    class Typ(models.TextChoices):
        STYRELSEMOTE = "styrelsemote", "Styrelsemöte"
        PLANERINGSDAG = "planeringsdag", "Planeringsdag"

    typ = models.CharField("typ", max_length=20, choices=Typ.choices, default=Typ.STYRELSEMOTE)
    datum = models.DateField("datum")
    starttid = models.TimeField("starttid", null=True, blank=True)
    sluttid = models.TimeField("sluttid", null=True, blank=True)
    plats = models.CharField("plats", max_length=200, blank=True)

    class Meta:
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.datum:%Y-%m-%d}"


class Paragraf(ForbundsData):
    """A numbered paragraph (§) of the minutes, numbered continuously per förbund and calendar year.

    Other apps refer to board decisions through this model (e.g. a grant, an adopted budget).
    """

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.PROTECT, related_name="paragrafer", verbose_name="sammanträde")
    ar = models.PositiveSmallIntegerField("år")
    nummer = models.PositiveIntegerField("nummer")
    rubrik = models.CharField("rubrik", max_length=300)
    text = models.TextField("text", blank=True)

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["ar", "nummer"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "nummer"], name="paragraf_unikt_nummer")]

    def __str__(self) -> str:
        return f"§ {self.nummer}/{self.ar} {self.rubrik}"
