"""Delegation order and delegation decisions; the diarium with document types and their retention rules."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from finsam.models import ForbundsData, Person

from .paragraf import Paragraf


class Delegation(ForbundsData):
    """One line of the delegation order (delegationsordning): matter, delegate, reported to the board or not."""

    avsnitt = models.CharField("avsnitt", max_length=100)
    arende = models.CharField("ärende", max_length=400)
    delegat = models.CharField("delegat", max_length=100)
    anmals = models.BooleanField("anmäls till styrelsen", default=True)
    ordforandebeslut = models.BooleanField(
        "ordförandebeslut i brådskande ärenden",
        default=False,
        help_text="Ordföranden får besluta på styrelsens vägnar i ärenden så brådskande att styrelsens avgörande inte kan "
        "avvaktas (kommunallagen 6 kap. 39 §).",
    )
    kommentar = models.TextField("kommentar", blank=True)
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        verbose_name = "delegation"
        verbose_name_plural = "delegationsordning"
        ordering = ["ordning", "id"]

    def __str__(self) -> str:
        return f"{self.arende} ({self.delegat})"


class Delegationsbeslut(ForbundsData):
    """A decision taken under delegation; reported to the next board meeting."""

    delegation = models.ForeignKey(Delegation, on_delete=models.PROTECT, related_name="beslut", verbose_name="enligt delegation")
    delegat = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="beslutsfattare")
    datum = models.DateField("beslutsdatum")
    arende = models.CharField("ärende", max_length=300)
    beslut = models.TextField("beslut")
    diarienummer = models.CharField("diarienummer", max_length=40, blank=True)
    anmald_i = models.ForeignKey(
        Paragraf,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="anmalda_delegationsbeslut",
        verbose_name="anmält i",
    )
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )

    class Meta:
        verbose_name = "delegationsbeslut"
        verbose_name_plural = "delegationsbeslut"
        ordering = ["-datum", "-id"]

    def __str__(self) -> str:
        return f"{self.datum:%Y-%m-%d} {self.arende}"


class Handlingstyp(ForbundsData):
    """A kind of document in the records plan (dokumenthanteringsplan) with its retention rule."""

    namn = models.CharField("handlingstyp", max_length=200)
    bevaras = models.BooleanField("bevaras", default=True)
    gallras_efter_ar = models.PositiveSmallIntegerField("gallras efter (år)", null=True, blank=True)
    vid_inaktualitet = models.BooleanField("gallras vid inaktualitet", default=False)

    class Meta:
        verbose_name = "handlingstyp"
        verbose_name_plural = "handlingstyper"
        ordering = ["namn"]
        constraints = [models.UniqueConstraint(fields=["forbund", "namn"], name="handlingstyp_unikt_namn")]

    def __str__(self) -> str:
        return self.namn

    @property
    def regel(self) -> str:
        if self.bevaras:
            return "Bevaras"
        if self.gallras_efter_ar:
            return f"Gallras efter {self.gallras_efter_ar} år"
        return "Gallras vid inaktualitet"


class Handling(ForbundsData):
    """A registered document in the diarium, with a diarienummer per year ("SFSN 2026/14")."""

    class Riktning(models.TextChoices):
        INKOMMANDE = "inkommande", "Inkommande"
        UPPRATTAD = "upprattad", "Upprättad"

    ar = models.PositiveSmallIntegerField("år")
    lopnummer = models.PositiveIntegerField("löpnummer")
    riktning = models.CharField("inkommande/upprättad", max_length=10, choices=Riktning.choices)
    datum = models.DateField("datum")
    rubrik = models.CharField("rubrik", max_length=300)
    motpart = models.CharField("avsändare/mottagare", max_length=200, blank=True)
    arende = models.CharField("ärende", max_length=300, blank=True)
    handlingstyp = models.ForeignKey(Handlingstyp, on_delete=models.PROTECT, related_name="handlingar", verbose_name="handlingstyp")
    sekretess = models.BooleanField("sekretessmarkerad", default=False)
    fil = models.FileField("fil", upload_to="styrelse/diarium/%Y/", blank=True)
    paragrafer = models.ManyToManyField(Paragraf, blank=True, related_name="handlingar", verbose_name="beslut")
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )
    gallrad = models.DateField("gallrad", null=True, blank=True)

    class Meta:
        verbose_name = "handling"
        verbose_name_plural = "diarium"
        ordering = ["-ar", "-lopnummer"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "lopnummer"], name="handling_unikt_diarienummer")]

    def __str__(self) -> str:
        return f"{self.diarienummer} {self.rubrik}"

    @property
    def diarienummer(self) -> str:
        prefix = self.forbund.diarieprefix if self.forbund_id else "SF"
        return f"{prefix} {self.ar}/{self.lopnummer}"

    @property
    def gallras_ar(self) -> int | None:
        """The first year the document may be destroyed (N calendar years after the year it was registered)."""
        typ = self.handlingstyp
        if typ.bevaras or not typ.gallras_efter_ar:
            return None
        return self.ar + typ.gallras_efter_ar + 1


class Gallringslista(ForbundsData):
    """The yearly list of diarium documents due for destruction (made by a periodic task)."""

    ar = models.PositiveSmallIntegerField("år")
    skapad = models.DateTimeField("skapad", auto_now=True)
    handlingar = models.JSONField("handlingar", default=list)

    class Meta:
        verbose_name = "gallringslista"
        verbose_name_plural = "gallringslistor"
        ordering = ["-ar"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar"], name="gallringslista_unik")]

    def __str__(self) -> str:
        return f"Gallringslista {self.ar}"
