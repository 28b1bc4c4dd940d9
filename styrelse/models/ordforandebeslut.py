"""Urgent matters the lawful way: ordförandebeslut (KL 6 kap. 39 §), remote participation (6 kap. 24 §), extra meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Person

from .mote import Narvaro, Sammantrade
from .register import Delegationsbeslut


class Ordforandebeslut(ForbundsData):
    """The chair decides an urgent matter on the board's behalf. Registered as a delegationsbeslut and
    therefore reported at the next meeting like every other delegation decision."""

    delegationsbeslut = models.OneToOneField(
        Delegationsbeslut, on_delete=models.PROTECT, related_name="ordforandebeslut", verbose_name="delegationsbeslut"
    )
    ordforande = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="beslutande ordförande")
    bradska = models.TextField(
        "skäl till brådska", max_length=4000, help_text="Varför styrelsens avgörande inte kan avvaktas (kommunallagen 6 kap. 39 §)."
    )
    tidpunkt = models.DateTimeField("beslutat")
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )

    class Meta:
        verbose_name = "ordförandebeslut"
        verbose_name_plural = "ordförandebeslut"
        ordering = ["-tidpunkt", "-id"]

    def __str__(self) -> str:
        return f"Ordförandebeslut {self.tidpunkt:%Y-%m-%d}: {self.delegationsbeslut.arende}"


class OrdforandebeslutHandling(ForbundsData):
    """A document the urgent decision rests on."""

    ordforandebeslut = models.ForeignKey(Ordforandebeslut, on_delete=models.CASCADE, related_name="handlingar", verbose_name="beslut")
    titel = models.CharField("titel", max_length=200)
    fil = models.FileField("fil", upload_to="styrelse/ordforandebeslut/%Y/")
    storlek = models.PositiveIntegerField("storlek (byte)", default=0)

    class Meta:
        verbose_name = "handling till ordförandebeslut"
        verbose_name_plural = "handlingar till ordförandebeslut"
        ordering = ["ordforandebeslut", "id"]

    def __str__(self) -> str:
        return self.titel


class Distansdeltagande(ForbundsData):
    """A present member took part remotely (sound and picture) at these paragraphs (blank = the whole attendance)."""

    narvaro = models.OneToOneField(Narvaro, on_delete=models.CASCADE, related_name="distans", verbose_name="närvaro")
    fran_nummer = models.PositiveIntegerField("från §", null=True, blank=True)
    till_nummer = models.PositiveIntegerField("till och med §", null=True, blank=True)
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )
    skapad = models.DateTimeField("registrerad", auto_now_add=True)

    class Meta:
        verbose_name = "deltagande på distans"
        verbose_name_plural = "deltagande på distans"
        constraints = [
            models.CheckConstraint(
                condition=Q(fran_nummer__isnull=True) | Q(till_nummer__isnull=True) | Q(till_nummer__gte=models.F("fran_nummer")),
                name="distans_intervall",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.narvaro.person} på distans {self.paragrafer_text}".strip()

    def pa_distans_vid(self, nummer: int) -> bool:
        return (self.fran_nummer is None or self.fran_nummer <= nummer) and (self.till_nummer is None or nummer <= self.till_nummer)

    @property
    def paragrafer_text(self) -> str:
        if self.fran_nummer is None and self.till_nummer is None:
            return ""
        if self.fran_nummer == self.till_nummer:
            return f"§ {self.fran_nummer}"
        if self.till_nummer is None:
            return f"från § {self.fran_nummer}"
        if self.fran_nummer is None:
            return f"till och med § {self.till_nummer}"
        return f"§ {self.fran_nummer} – § {self.till_nummer}"


class ExtraSammantrade(ForbundsData):
    """A meeting called at short notice: why, at whose request, and the shortened notice period."""

    sammantrade = models.OneToOneField(Sammantrade, on_delete=models.CASCADE, related_name="extra", verbose_name="sammanträde")
    skal = models.TextField("skäl", max_length=4000)
    begart_av = models.CharField("begärt av", max_length=200)
    kallelsetid_dagar = models.PositiveSmallIntegerField("förkortad kallelsetid (dagar)")
    ordinarie_kallelsetid_dagar = models.PositiveSmallIntegerField("ordinarie kallelsetid (dagar)")
    registrerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )
    skapad = models.DateTimeField("registrerat", auto_now_add=True)

    class Meta:
        verbose_name = "extra sammanträde"
        verbose_name_plural = "extra sammanträden"
        constraints = [
            models.CheckConstraint(
                condition=Q(kallelsetid_dagar__lt=models.F("ordinarie_kallelsetid_dagar")), name="extra_sammantrade_kortad_kallelsetid"
            ),
        ]

    def __str__(self) -> str:
        return f"Extra sammanträde {self.sammantrade.datum:%Y-%m-%d}"
