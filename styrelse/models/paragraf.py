"""Paragraphs (§) with their decision, votes and assignments; the per-förbund-year number series."""

from __future__ import annotations

from django.db import models

from finsam.models import ForbundsData, Person

from .mote import Sammantrade, att_satser


class Nummerserie(ForbundsData):
    """The last number used in a series (paragraphs, diarium) for one förbund and year.

    Locked with select_for_update while the next number is taken, so that two people
    saving at once never get the same number and no number is skipped.
    """

    class Serie(models.TextChoices):
        PARAGRAF = "paragraf", "Paragrafer"
        DIARIUM = "diarium", "Diarium"

    serie = models.CharField("serie", max_length=10, choices=Serie.choices)
    ar = models.PositiveSmallIntegerField("år")
    senaste = models.PositiveIntegerField("senast använda nummer", default=0)

    class Meta:
        verbose_name = "nummerserie"
        verbose_name_plural = "nummerserier"
        constraints = [models.UniqueConstraint(fields=["forbund", "serie", "ar"], name="nummerserie_unik")]

    def __str__(self) -> str:
        return f"{self.get_serie_display()} {self.ar}: {self.senaste}"


class Paragraf(ForbundsData):
    """A numbered paragraph (§) of the minutes, numbered continuously per förbund and calendar year.

    Other apps refer to board decisions through this model (e.g. a grant, an adopted budget)
    and may create rows with only forbund, sammantrade, ar, nummer, rubrik and text.
    """

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.PROTECT, related_name="paragrafer", verbose_name="sammanträde")
    ar = models.PositiveSmallIntegerField("år")
    nummer = models.PositiveIntegerField("nummer")
    rubrik = models.CharField("rubrik", max_length=300)
    text = models.TextField("text", blank=True)
    beslut = models.TextField("beslut", blank=True, default="", help_text="En att-sats per rad.")
    omedelbart_justerad = models.DateTimeField("omedelbart justerad", null=True, blank=True)
    last = models.BooleanField("låst (justerad)", default=False)
    skapad = models.DateTimeField("registrerad", auto_now_add=True, null=True)

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["ar", "nummer"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "nummer"], name="paragraf_unikt_nummer")]

    def __str__(self) -> str:
        return f"§ {self.nummer}/{self.ar} {self.rubrik}"

    @property
    def beslut_satser(self) -> list[str]:
        return att_satser(self.beslut)

    @property
    def beteckning(self) -> str:
        return f"§ {self.nummer}"


class Rost(ForbundsData):
    """A voting member's stand on one paragraph: for, against, abstain, or jäv (does not take part)."""

    class Val(models.TextChoices):
        JA = "ja", "Ja"
        NEJ = "nej", "Nej"
        AVSTAR = "avstar", "Avstår"
        JAV = "jav", "Jäv – deltar inte"

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="roster", verbose_name="paragraf")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    val = models.CharField("ställningstagande", max_length=6, choices=Val.choices, blank=True)
    reservation = models.TextField("reservation", blank=True)

    class Meta:
        verbose_name = "röst"
        verbose_name_plural = "röster"
        ordering = ["paragraf", "person__namn"]
        constraints = [models.UniqueConstraint(fields=["paragraf", "person"], name="rost_en_per_person")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_val_display()}"


class Uppdrag(ForbundsData):
    """An assignment given by a decision ("att uppdra till förbundschefen att …"), listed until done."""

    class Status(models.TextChoices):
        OPPET = "oppet", "Pågår"
        KLART = "klart", "Klart"

    paragraf = models.ForeignKey(Paragraf, on_delete=models.PROTECT, related_name="uppdrag", verbose_name="beslut")
    text = models.TextField("uppdrag")
    ansvarig = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ansvarig")
    ansvarig_text = models.CharField("ansvarig (enligt beslutet)", max_length=200, blank=True)
    aterrapport = models.ForeignKey(
        Sammantrade, on_delete=models.SET_NULL, null=True, blank=True, related_name="uppdrag_att_aterrapportera",
        verbose_name="återrapporteras vid",
    )
    status = models.CharField("status", max_length=6, choices=Status.choices, default=Status.OPPET)
    klart_paragraf = models.ForeignKey(
        Paragraf, on_delete=models.SET_NULL, null=True, blank=True, related_name="avslutade_uppdrag", verbose_name="avrapporterat i"
    )
    klart_datum = models.DateField("klart", null=True, blank=True)

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["status", "paragraf__ar", "paragraf__nummer", "id"]

    def __str__(self) -> str:
        return f"Uppdrag ({self.paragraf.beteckning}): {self.text[:60]}"
