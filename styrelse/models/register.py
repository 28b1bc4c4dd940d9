"""Delegation decisions; the diarium with its document types (retention from the records plan in forvaltning)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from finsam.models import ForbundsData, Person
from finsam.sortering import svensk

from .paragraf import Paragraf


class Delegationsbeslut(ForbundsData):
    """A decision taken under a row of the delegation order in force on its date; reported to the next board meeting."""

    delegation = models.ForeignKey(
        "forvaltning.Delegationsrad", on_delete=models.PROTECT, related_name="beslut", verbose_name="enligt delegationsordningen"
    )
    belopp = models.DecimalField(
        "belopp (kr)", max_digits=14, decimal_places=2, null=True, blank=True, help_text="Beslutets värde, när delegationen har en beloppsgräns."
    )
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
    """A kind of document in the diarium; its retention rule is the row of the records plan it falls under."""

    namn = models.CharField("handlingstyp", max_length=200)
    planrad = models.ForeignKey(
        "forvaltning.Planrad",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="handlingstyper",
        verbose_name="rad i dokumenthanteringsplanen",
    )

    class Meta:
        verbose_name = "handlingstyp"
        verbose_name_plural = "handlingstyper"
        ordering = [svensk("namn")]
        constraints = [models.UniqueConstraint(fields=["forbund", "namn"], name="handlingstyp_unikt_namn")]

    def __str__(self) -> str:
        return self.namn

    @property
    def regel(self) -> str:
        if self.planrad_id is None:
            return "Ej klassad i dokumenthanteringsplanen (bevaras tills vidare)"
        return self.planrad.regel  # type: ignore[union-attr]


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
        rad = self.handlingstyp.planrad
        return rad.forsta_gallringsar(self.ar) if rad is not None else None


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
