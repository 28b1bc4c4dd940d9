"""Agreements (avtal) the förbund has concluded: parties, money, period, renewal and notice."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from finsam.models import ORGNR_VALIDATOR, ForbundsData, Medlem, Statusovergangar
from finsam.sortering import svensk
from finsam.validering import organisationsnummer_kontrollera


def plus_manader(datum: dt.date, manader: int) -> dt.date:
    """The same day `manader` months later (the last day of the month when that day does not exist)."""
    ar, manad = divmod(datum.month - 1 + manader, 12)
    ar += datum.year
    manad += 1
    for dag in (datum.day, 30, 29, 28):
        try:
            return dt.date(ar, manad, dag)
        except ValueError:
            continue
    raise ValueError(datum)  # pragma: no cover - day 28 always exists


class Avtal(Statusovergangar, ForbundsData):
    class Typ(models.TextChoices):
        OVERENSKOMMELSE = "overenskommelse", "Överenskommelse om samverkan"
        TJANSTEKOP = "tjanstekop", "Tjänsteköpsavtal"
        KONSULT = "konsult", "Konsultuppdrag (antagen offert)"
        HYRA = "hyra", "Hyresavtal"
        OVRIGT = "ovrigt", "Övrigt avtal"

    class Enhet(models.TextChoices):
        PER_MANAD = "per_manad", "kr per månad"
        PER_TIMME = "per_timme", "kr per timme"
        PER_AR = "per_ar", "kr per år"
        TOTALT = "totalt", "kr totalt"

    class Status(models.TextChoices):
        GALLER = "galler", "Gäller"
        UPPSAGT = "uppsagt", "Uppsagt"
        AVSLUTAT = "avslutat", "Avslutat"

    # The fields a user writes (page, API and service read this one list; medlemmar is set apart by the service).
    SKRIVBARA_FALT: ClassVar[tuple[str, ...]] = (
        "rubrik",
        "typ",
        "medlemmar",
        "motpart",
        "motpart_organisationsnummer",
        "belopp",
        "enhet",
        "startdatum",
        "slutdatum",
        "forlangning_manader",
        "max_forlangningar",
        "uppsagningstid_manader",
        "paragraf",
        "delegationsbeslut",
        "insats",
        "anteckning",
    )

    OVERGANGAR: ClassVar[dict[str, set[str]]] = {
        Status.GALLER: {Status.UPPSAGT, Status.AVSLUTAT},
        Status.UPPSAGT: {Status.AVSLUTAT},
        Status.AVSLUTAT: set(),
    }

    rubrik = models.CharField("avtal", max_length=200)
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    medlemmar = models.ManyToManyField(Medlem, blank=True, related_name="avtal", verbose_name="parter bland medlemmarna")
    motpart = models.CharField("extern motpart", max_length=200, blank=True, help_text="Företag eller organisation som inte är medlem.")
    motpart_organisationsnummer = models.CharField("motpartens organisationsnummer", max_length=11, blank=True, validators=[ORGNR_VALIDATOR])
    belopp = models.DecimalField("belopp", max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))])
    enhet = models.CharField("enhet", max_length=12, choices=Enhet.choices, blank=True)
    startdatum = models.DateField("gäller från")
    slutdatum = models.DateField("gäller till", null=True, blank=True, help_text="Tomt: tills vidare.")
    forlangning_manader = models.PositiveSmallIntegerField("automatisk förlängning (månader)", default=0, help_text="0: förlängs inte av sig självt.")
    max_forlangningar = models.PositiveSmallIntegerField(
        "högst antal förlängningar", null=True, blank=True, help_text="T.ex. 2 för 1+1+1 år; tomt: obegränsat."
    )
    uppsagningstid_manader = models.PositiveSmallIntegerField("uppsägningstid (månader)", default=0)
    paragraf = models.ForeignKey(
        "styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="avtal", verbose_name="beslutat i §"
    )
    delegationsbeslut = models.ForeignKey(
        "styrelse.Delegationsbeslut",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="avtal",
        verbose_name="beslutat på delegation",
    )
    insats = models.ForeignKey("insatser.Insats", on_delete=models.PROTECT, null=True, blank=True, related_name="avtal")
    anteckning = models.TextField("anteckning", blank=True)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.GALLER)
    uppsagt_datum = models.DateField("uppsagt den", null=True, blank=True)
    upphor_datum = models.DateField("upphör den", null=True, blank=True)

    class Meta:
        verbose_name = "avtal"
        verbose_name_plural = "avtal"
        ordering = ["-startdatum", svensk("rubrik")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(slutdatum__isnull=True) | models.Q(slutdatum__gte=models.F("startdatum")), name="avtal_slut_efter_start"
            ),
        ]

    def __str__(self) -> str:
        return self.rubrik

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if self.slutdatum and self.slutdatum < self.startdatum:
            fel["slutdatum"] = "Avtalet kan inte upphöra före den dag det börjar gälla."
        if self.forlangning_manader and not self.slutdatum:
            fel["forlangning_manader"] = "Ett avtal som gäller tills vidare förlängs inte; ange ett slutdatum för avtalsperioden."
        if self.max_forlangningar is not None and not self.forlangning_manader:
            fel["max_forlangningar"] = "Ange hur många månader varje förlängning gäller."
        if (self.belopp is None) != (not self.enhet):
            fel["enhet" if self.belopp is not None else "belopp"] = "Belopp och enhet anges tillsammans (t.ex. 10 650 kr per månad)."
        if self.paragraf_id and self.delegationsbeslut_id:
            fel["delegationsbeslut"] = "Ett avtal beslutas antingen i en § eller på delegation, inte båda."
        for falt in ("paragraf", "delegationsbeslut", "insats"):
            rel = getattr(self, falt) if getattr(self, f"{falt}_id") else None
            if rel is not None and rel.forbund_id != self.forbund_id:
                fel[falt] = "Hör till ett annat förbund."
        if self.status == self.Status.UPPSAGT and not self.uppsagt_datum:
            fel["uppsagt_datum"] = "Ange när avtalet sades upp."
        try:
            if self.motpart_organisationsnummer:
                organisationsnummer_kontrollera(self.motpart_organisationsnummer)
        except ValidationError as exc:
            fel["motpart_organisationsnummer"] = exc.message_dict["organisationsnummer"][0]
        if fel:
            raise ValidationError(fel)

    # --- the agreement's calendar -------------------------------------------------------------
    def periodslut(self, idag: dt.date) -> dt.date | None:
        """The end of the period running on `idag` (renewals counted); None for an agreement until further notice."""
        if self.slutdatum is None:
            return None
        slut, antal = self.slutdatum, 0
        while self.forlangning_manader and slut < idag and (self.max_forlangningar is None or antal < self.max_forlangningar):
            slut = plus_manader(slut, self.forlangning_manader)
            antal += 1
        return slut

    def forlangs(self, idag: dt.date) -> bool:
        """Whether the running period renews by itself at its end."""
        if not self.forlangning_manader or self.slutdatum is None:
            return False
        slut, antal = self.slutdatum, 0
        while slut < idag:
            slut = plus_manader(slut, self.forlangning_manader)
            antal += 1
        return self.max_forlangningar is None or antal < self.max_forlangningar

    def lopt_ut(self, idag: dt.date) -> bool:
        """A fixed-term agreement whose last period (renewals counted) ended before `idag`."""
        slut = self.periodslut(idag)
        return self.status == self.Status.GALLER and slut is not None and slut < idag

    def sista_uppsagningsdag(self, idag: dt.date) -> dt.date | None:
        """The last day to give notice so that the running period does not renew; None when nothing renews."""
        slut = self.periodslut(idag)
        if slut is None or not self.forlangs(idag):
            return None
        return plus_manader(slut, -self.uppsagningstid_manader)

    def upphor_vid_uppsagning(self, datum: dt.date) -> dt.date:
        """When the agreement ends if notice is given on `datum`."""
        tidigast = plus_manader(datum, self.uppsagningstid_manader)
        slut = self.periodslut(datum)
        if slut is None:
            return tidigast
        # A fixed period runs to its end; notice too late for this period lets it renew once more.
        while slut < tidigast and self.forlangning_manader:
            slut = plus_manader(slut, self.forlangning_manader)
        return max(slut, tidigast) if not self.forlangning_manader else slut

    @property
    def parter_text(self) -> str:
        namn = [m.namn for m in self.medlemmar.all()]
        if self.motpart:
            namn.append(self.motpart)
        return ", ".join(namn)

    @property
    def ar_gallande(self) -> bool:
        """Status: in force (not given notice, not ended) (templates read this, never the status string)."""
        return bool(self.status == self.Status.GALLER)

    @property
    def ar_uppsagt(self) -> bool:
        """Status: notice has been given (templates read this, never the status string)."""
        return bool(self.status == self.Status.UPPSAGT)


class AvtalDokument(ForbundsData):
    """A document of an agreement (the signed agreement, an appendix, a renewal): PDF, never replaced, only added."""

    avtal = models.ForeignKey(Avtal, on_delete=models.CASCADE, related_name="dokument", verbose_name="avtal")
    titel = models.CharField("titel", max_length=200)
    fil = models.FileField("fil (PDF)", upload_to="avtal/%Y/", validators=[FileExtensionValidator(["pdf"], "Bifoga dokumentet som PDF.")])
    uppladdad = models.DateTimeField("uppladdad", default=timezone.now)
    uppladdad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="uppladdad av"
    )

    class Meta:
        verbose_name = "avtalsdokument"
        verbose_name_plural = "avtalsdokument"
        ordering = ["uppladdad", "pk"]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.avtal_id and self.avtal.forbund_id != self.forbund_id:
            raise ValidationError({"avtal": "Hör till ett annat förbund."})
