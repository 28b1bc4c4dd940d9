"""Participants (pseudonymous), enrolments in interventions with entry and exit data, and settings per förbund."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q

from finsam.models import ForbundsData, Importstatus, Medlem
from finsam.sortering import svensk
from insatser.models import Insats

from .. import regler
from ..vokabular import ALDER_MAX, ALDER_MIN, PNR_I_KOD, Forsorjning, Kon, Remittent, Utbildning, personnummer_i_kod

KOD_VALIDATOR = RegexValidator(
    r"^[A-Za-z0-9ÅÄÖåäö_.-]{1,40}$", "Deltagarkoden får bara innehålla bokstäver, siffror, punkt, bindestreck och understreck (högst 40 tecken)."
)
MASKERINGSGRANS_MIN = 3


def kod_inte_personnummer(kod: str) -> None:
    """A participant code is a pseudonym: a personnummer or samordningsnummer is refused (it belongs in the hashed field)."""
    if personnummer_i_kod(kod):
        raise ValidationError(PNR_I_KOD, code="personnummer")


class Installning(ForbundsData):
    """Follow-up settings of a förbund: masking threshold for published documents and retention."""

    maskeringsgrans = models.PositiveSmallIntegerField(
        "maskeringsgräns",
        default=MASKERINGSGRANS_MIN,
        help_text="Antal under denna gräns visas som ”<N” för styrelse, revisorer och i dokument för publicering (minst 3).",
    )
    gallring_ar = models.PositiveSmallIntegerField(
        "gallring efter (år)", default=5, help_text="Deltagaruppgifter avidentifieras så många år efter avslutet."
    )

    class Meta:
        verbose_name = "uppföljningsinställning"
        verbose_name_plural = "uppföljningsinställningar"
        constraints = [
            models.UniqueConstraint(fields=["forbund"], name="uppf_installning_en_per_forbund"),
            models.CheckConstraint(condition=Q(gallring_ar__gte=1) & Q(gallring_ar__lte=50), name="uppf_gallring_ar_intervall"),
            models.CheckConstraint(
                condition=Q(maskeringsgrans__gte=MASKERINGSGRANS_MIN) & Q(maskeringsgrans__lte=100), name="uppf_maskeringsgrans_intervall"
            ),
        ]

    def __str__(self) -> str:
        return f"Uppföljningsinställningar ({self.forbund_id})"


class Deltagare(ForbundsData):
    """A pseudonymous participant: a code unique within the förbund, optionally a keyed hash of the personnummer."""

    kod = models.CharField("deltagarkod", max_length=40, validators=[KOD_VALIDATOR, kod_inte_personnummer])
    pnr_hash = models.CharField("personnummer (nyckelhash)", max_length=64, blank=True, editable=False)
    gallrad = models.BooleanField("avidentifierad", default=False)
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    class Meta:
        verbose_name = "deltagare"
        verbose_name_plural = "deltagare"
        ordering = [svensk("kod")]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "kod"], name="deltagare_unik_kod"),
            models.UniqueConstraint(fields=["forbund", "pnr_hash"], condition=~Q(pnr_hash=""), name="deltagare_unik_pnr"),
        ]

    def __str__(self) -> str:
        return self.kod


class InskrivningQuerySet(models.QuerySet["Inskrivning"]):
    def oppna(self) -> InskrivningQuerySet:
        return self.filter(slutar__isnull=True)

    def under_ar(self, ar: int) -> InskrivningQuerySet:
        """Enrolments active at any time in the year."""
        return self.filter(Q(slutar__isnull=True) | Q(slutar__gte=ar), startar__lte=ar)


class Inskrivning(ForbundsData):
    """One participant in one intervention, from entry to exit (SUS-style).

    `startar`, `slutar`, `alder` and `dagar` are derived at save time (`harled`); the report reads only
    those and the codes, so the exact dates can be removed at retention and published aggregates stay
    reproducible. Anonymous registration (no consent) keeps only gender and start year.
    """

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="inskrivningar", verbose_name="insats")
    deltagare = models.ForeignKey(Deltagare, on_delete=models.PROTECT, related_name="inskrivningar", verbose_name="deltagare")
    samtycke = models.BooleanField("samtycke", default=True)
    samtycke_datum = models.DateField("samtycke lämnat", null=True, blank=True)
    kon = models.CharField("kön", max_length=6, choices=Kon.choices)
    fodelsear = models.PositiveSmallIntegerField("födelseår", null=True, blank=True)
    remittent = models.CharField("remittent", max_length=10, choices=Remittent.choices, blank=True)
    utbildning = models.CharField("högsta utbildning vid inskrivning", max_length=20, choices=Utbildning.choices, blank=True)
    forsorjning_in = models.CharField("försörjning vid inskrivning", max_length=24, choices=Forsorjning.choices, blank=True)
    inskriven = models.DateField("inskriven", null=True, blank=True)
    avslutad = models.DateField("avslutad", null=True, blank=True)
    forsorjning_ut = models.CharField("försörjning vid avslut", max_length=24, choices=Forsorjning.choices, blank=True)
    alder_skal = models.CharField(
        "skäl till ålder utanför målgruppen",
        max_length=300,
        blank=True,
        help_text="Krävs när deltagarens ålder vid start ligger utanför insatsens målgrupp; räknas i årsredovisningens not.",
    )
    # Needs and goals (issue 18): home kommun and time in public support at entry, referral date, attendance.
    hemkommun = models.ForeignKey(
        Medlem, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="hemkommun", limit_choices_to={"typ": "kommun"}
    )
    forsorjningstid = models.PositiveSmallIntegerField(
        "tid i offentlig försörjning vid inskrivning (månader)",
        null=True,
        blank=True,
        help_text="Sammanhängande tid före inskrivningen, i hela månader.",
    )
    remitterad = models.DateField("remissdatum", null=True, blank=True, help_text="Dagen remissen eller anmälan kom in; ger väntetiden till start.")
    narvaro_planerad = models.PositiveIntegerField("planerade tillfällen", null=True, blank=True)
    narvaro_faktisk = models.PositiveIntegerField("närvarotillfällen", null=True, blank=True)
    # Derived (kept after retention)
    vantedagar = models.PositiveIntegerField("väntetid (dagar)", null=True, blank=True, editable=False)
    startar = models.PositiveSmallIntegerField("startår", editable=False)
    slutar = models.PositiveSmallIntegerField("slutår", null=True, blank=True, editable=False)
    alder = models.PositiveSmallIntegerField("ålder vid start", null=True, blank=True, editable=False)
    dagar = models.PositiveIntegerField("dagar i insatsen", null=True, blank=True, editable=False)
    gallrad = models.BooleanField("avidentifierad", default=False, editable=False)
    andrad = models.DateTimeField("ändrad", auto_now=True)

    objects = InskrivningQuerySet.as_manager()  # type: ignore[assignment, misc]

    class Meta:
        verbose_name = "inskrivning"
        verbose_name_plural = "inskrivningar"
        ordering = ["-startar", "-inskriven", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["insats", "deltagare"], condition=Q(slutar__isnull=True), name="inskrivning_en_oppen"),
            models.CheckConstraint(condition=Q(avslutad__isnull=True) | Q(avslutad__gte=F("inskriven")), name="inskrivning_avslut_efter_start"),
            models.CheckConstraint(condition=Q(slutar__isnull=True) | Q(slutar__gte=F("startar")), name="inskrivning_slutar_efter_startar"),
            models.CheckConstraint(condition=Q(alder__isnull=True) | Q(alder__gte=ALDER_MIN, alder__lte=ALDER_MAX), name="inskrivning_alder"),
            models.CheckConstraint(condition=Q(avslutad__isnull=True) | ~Q(forsorjning_ut=""), name="inskrivning_avslut_kraver_forsorjning"),
            models.CheckConstraint(condition=Q(kon__in=[k.value for k in Kon]), name="inskrivning_kon"),
            models.CheckConstraint(
                condition=Q(narvaro_faktisk__isnull=True) | Q(narvaro_planerad__isnull=False, narvaro_faktisk__lte=F("narvaro_planerad")),
                name="inskrivning_narvaro_hogst_planerad",
            ),
            models.CheckConstraint(condition=Q(forsorjningstid__isnull=True) | Q(forsorjningstid__lte=600), name="inskrivning_forsorjningstid"),
        ]
        indexes = [
            models.Index(fields=["forbund", "startar", "slutar"], name="inskrivning_forbund_ar"),
            models.Index(fields=["forbund", "avslutad"], name="inskrivning_forbund_avslut"),
        ]

    def __str__(self) -> str:
        return f"{self.deltagare_id} i {self.insats_id} ({self.startar})"

    @property
    def oppen(self) -> bool:
        return self.slutar is None

    def harled(self) -> None:
        """Normalise an anonymous registration and derive the year/age/duration columns (rules in `regler.harled`)."""
        if not self.samtycke:
            # SUS: without consent only gender and start year are kept.
            self.fodelsear = None
            self.remittent = self.utbildning = self.forsorjning_in = self.forsorjning_ut = self.alder_skal = ""
            self.hemkommun = None
            self.forsorjningstid = self.narvaro_planerad = self.narvaro_faktisk = self.vantedagar = None
            self.remitterad = None
            if self.inskriven is not None:
                self.startar = self.inskriven.year
            self.inskriven = self.avslutad = self.samtycke_datum = None
        elif self.gallrad:
            return
        h = regler.harled(samtycke=self.samtycke, inskriven=self.inskriven, avslutad=self.avslutad, fodelsear=self.fodelsear, startar=self.startar)
        self.startar, self.slutar, self.alder, self.dagar = h  # type: ignore[assignment]
        self.vantedagar = regler.vantedagar(self.remitterad, self.inskriven)

    def ramar(self) -> regler.InsatsRamar | None:
        if self.insats_id is None:
            return None
        i = self.insats
        return regler.InsatsRamar(i.kortnamn, i.startdatum, i.slutdatum, i.alder_fran, i.alder_till)

    def clean(self) -> None:
        self.harled()
        h = regler.Harlett(self.startar, self.slutar, self.alder, self.dagar)
        fel = regler.fel(
            samtycke=self.samtycke,
            gallrad=self.gallrad,
            inskriven=self.inskriven,
            avslutad=self.avslutad,
            fodelsear=self.fodelsear,
            remittent=self.remittent,
            utbildning=self.utbildning,
            forsorjning_in=self.forsorjning_in,
            forsorjning_ut=self.forsorjning_ut,
            harlett=h,
            ramar=self.ramar(),
            alder_skal=self.alder_skal or "",
            idag=dt.date.today(),
        )
        if self.samtycke and not self.gallrad:
            fel.update(
                regler.tillagg_fel(
                    inskriven=self.inskriven,
                    remitterad=self.remitterad,
                    forsorjningstid=self.forsorjningstid,
                    narvaro_planerad=self.narvaro_planerad,
                    narvaro_faktisk=self.narvaro_faktisk,
                    idag=dt.date.today(),
                )
            )
            kommun = self.hemkommun if self.hemkommun_id is not None else None
            if kommun is not None and (kommun.forbund_id != self.forbund_id or kommun.typ != Medlem.Typ.KOMMUN):
                fel["hemkommun"] = "Hemkommunen ska vara en av förbundets medlemskommuner."
        if fel:
            raise ValidationError(fel)

    @property
    def narvaro_andel(self) -> float | None:
        if not self.narvaro_planerad or self.narvaro_faktisk is None:
            return None
        return self.narvaro_faktisk / self.narvaro_planerad

    @property
    def utanfor_malgrupp(self) -> bool:
        return regler.alder_utanfor(self.ramar(), self.alder)


class Importkorning(Importstatus, ForbundsData):
    """A spreadsheet import run in the background (large files). The file is dropped when the run ends."""

    class Status(models.TextChoices):
        KOAD = "koad", "I kö"
        PAGAR = "pagar", "Pågår"
        KLAR = "klar", "Klar"
        AVVISAD = "avvisad", "Avvisad"

    filnamn = models.CharField("filnamn", max_length=200)
    data = models.BinaryField("fil", editable=False)
    sha256 = models.CharField("SHA-256", max_length=64)
    torrkorning = models.BooleanField("provkörning", default=False)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.KOAD)
    resultat = models.JSONField("resultat", default=dict, blank=True)
    fel = models.JSONField("fel", default=list, blank=True)
    bestalld_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="beställd av"
    )
    skapad = models.DateTimeField("beställd", auto_now_add=True)
    klar = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        verbose_name = "importkörning"
        verbose_name_plural = "importkörningar"
        ordering = ["-skapad", "-id"]

    def __str__(self) -> str:
        return f"Import {self.filnamn} ({self.get_status_display()})"


from .behovsanalys import Behovsanalys, Statistikvarde  # noqa: E402  (the needs analysis: its own module of the package)
from .narvaro import Narvaroperiod, Periodtyp  # noqa: E402  (attendance per period: its own module of the package)

__all__ = ["Behovsanalys", "Deltagare", "Importkorning", "Inskrivning", "Installning", "Narvaroperiod", "Periodtyp", "Statistikvarde"]
