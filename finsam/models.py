"""Core data: the förbund (tenant), its members, roles, people, audit events and documents."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone

from .handlingar import Handling
from .sortering import svensk
from .validering import organisationsnummer_kontrollera

ORGNR_VALIDATOR = RegexValidator(r"^\d{6}-\d{4}$", "Organisationsnummer skrivs NNNNNN-NNNN.")
KOD_VALIDATOR = RegexValidator(r"^[a-z0-9_]+$", "Koden får bara innehålla a–z, 0–9 och understreck.")


class Forbund(models.Model):
    """A samordningsförbund: the tenant every domain record belongs to."""

    slug = models.SlugField("kortnamn i adresser", max_length=60, unique=True)
    namn = models.CharField("namn", max_length=200)
    organisationsnummer = models.CharField("organisationsnummer", max_length=11, blank=True, validators=[ORGNR_VALIDATOR])
    diarieprefix = models.CharField("diarieprefix", max_length=10, default="SF", help_text="Används i diarienummer, t.ex. SFSN 2026/14.")
    besoksadress = models.CharField("besöksadress", max_length=200, blank=True)
    postadress = models.CharField("postadress", max_length=200, blank=True)
    epost = models.EmailField("e-post", blank=True)
    telefon = models.CharField("telefon", max_length=40, blank=True)
    webbplats = models.URLField("webbplats", blank=True)
    bildat = models.DateField("bildat", null=True, blank=True)

    class Meta:
        verbose_name = "samordningsförbund"
        verbose_name_plural = "samordningsförbund"
        ordering = [svensk("namn")]

    def __str__(self) -> str:
        return self.namn

    def clean(self) -> None:
        organisationsnummer_kontrollera(self.organisationsnummer)


class ForbundQuerySet(models.QuerySet[Any]):
    def for_forbund(self, forbund: Forbund) -> ForbundQuerySet:
        return self.filter(forbund=forbund)


class Statusovergangar:
    """Allowed status transitions in one map per model (OVERGANGAR), checked here before a service changes a status."""

    OVERGANGAR: ClassVar[dict[str, set[str]]]
    status: Any
    Status: Any
    _meta: Any

    def kontrollera_overgang(self, ny: str, meddelande: str = "") -> None:
        """Raise a Swedish ValidationError (the caller's wording when given) unless the status may go to `ny`."""
        if ny not in self.OVERGANGAR.get(self.status, set()):
            namn = str(self._meta.verbose_name).capitalize()
            raise ValidationError(meddelande or f"{namn} kan inte gå från ”{self.Status(self.status).label}” till ”{self.Status(ny).label}”.")


class Importstatus:
    """The status properties of a background import (koad, pågår, klar, avvisad) that pages and templates read
    instead of the stored string. Mixed into the import models of uppföljning and ekonomi."""

    status: Any
    Status: Any

    @property
    def pagar(self) -> bool:
        return bool(self.status in (self.Status.KOAD, self.Status.PAGAR))

    @property
    def ar_klar(self) -> bool:
        """The import is stored."""
        return bool(self.status == self.Status.KLAR)

    @property
    def ar_avvisad(self) -> bool:
        """The file was refused."""
        return bool(self.status == self.Status.AVVISAD)


class ForbundsData(models.Model):
    """Abstract base for every record owned by one förbund."""

    forbund = models.ForeignKey(Forbund, on_delete=models.CASCADE, related_name="+", verbose_name="förbund")

    objects = ForbundQuerySet.as_manager()

    class Meta:
        abstract = True


class Medlem(ForbundsData):
    """A member organisation (medlem, huvudman) of a förbund."""

    class Typ(models.TextChoices):
        FK = "fk", "Försäkringskassan"
        AF = "af", "Arbetsförmedlingen"
        REGION = "region", "Region"
        KOMMUN = "kommun", "Kommun"

    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("typ", max_length=10, choices=Typ.choices)
    kod = models.CharField("kod", max_length=40, validators=[KOD_VALIDATOR], help_text="Kort kod som används vid import, t.ex. fk, skelleftea.")
    organisationsnummer = models.CharField("organisationsnummer", max_length=11, blank=True, validators=[ORGNR_VALIDATOR])
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    epost = models.EmailField(
        "e-post för ärenden", blank=True, help_text="Medlemmens registrator eller funktionsbrevlåda, t.ex. för påminnelser om ansvarsfrihet."
    )

    class Meta:
        verbose_name = "medlem"
        verbose_name_plural = "medlemmar"
        ordering = ["ordning", svensk("namn")]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "kod"], name="medlem_unik_kod"),
            models.UniqueConstraint(fields=["forbund", "namn"], name="medlem_unikt_namn"),
        ]

    def __str__(self) -> str:
        return self.namn

    def clean(self) -> None:
        organisationsnummer_kontrollera(self.organisationsnummer)


class RollTyp(models.TextChoices):
    FORBUNDSCHEF = "forbundschef", "Förbundschef"
    ADMINISTRATOR = "administrator", "Administratör"
    STYRELSELEDAMOT = "styrelseledamot", "Styrelseledamot/ersättare"
    REVISOR = "revisor", "Revisor"


class Roll(ForbundsData):
    """A user's role in one förbund. A person may hold roles in several förbund."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roller", verbose_name="användare")
    roll = models.CharField("roll", max_length=20, choices=RollTyp.choices)

    class Meta:
        verbose_name = "roll"
        verbose_name_plural = "roller"
        constraints = [models.UniqueConstraint(fields=["user", "forbund"], name="roll_en_per_forbund")]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_roll_display()} ({self.forbund_id})"


class Person(ForbundsData):
    """A named person known to the förbund: board members, staff, officials, guests."""

    namn = models.CharField("namn", max_length=200)
    efternamn = models.CharField("efternamn", max_length=120, blank=True, help_text="För sortering; tomt betyder namnets sista ord.")
    epost = models.EmailField("e-post", blank=True)
    telefon = models.CharField("telefon", max_length=40, blank=True)
    parti = models.CharField("parti", max_length=20, blank=True, help_text="T.ex. s, c, l eller tjm för tjänsteman.")
    befattning = models.CharField("befattning", max_length=120, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    ar_personal = models.BooleanField("tillhör kansliet", default=False)
    tjanstgoringsgrad = models.DecimalField("tjänstgöringsgrad", max_digits=3, decimal_places=2, null=True, blank=True, help_text="1,0 = heltid.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="personer",
        verbose_name="användare",
    )

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        # People are listed by last name, then first name, in Swedish alphabetical order.
        ordering = [svensk("efternamn"), svensk("namn")]
        constraints = [models.UniqueConstraint(fields=["forbund", "namn"], name="person_unikt_namn")]

    def __str__(self) -> str:
        return self.namn

    def clean(self) -> None:
        self.namn = " ".join(self.namn.split())
        if not self.efternamn.strip() and self.namn:
            self.efternamn = self.namn.split()[-1]


class Handelse(models.Model):
    """An audit event: who did what, when, to which object, with the changed values."""

    forbund = models.ForeignKey(Forbund, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="förbund")
    tidpunkt = models.DateTimeField("tidpunkt", default=timezone.now, db_index=True)
    aktor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="utförd av",
    )
    aktor_namn = models.CharField("utförd av (namn)", max_length=150, blank=True)
    handling = models.CharField("handling", max_length=80, db_index=True, choices=Handling.choices)
    objekttyp = models.CharField("objekttyp", max_length=80, blank=True)
    objekt_id = models.CharField("objekt-id", max_length=40, blank=True)
    objekt_text = models.CharField("objekt", max_length=255, blank=True)
    andringar = models.JSONField("ändringar", default=dict, blank=True)
    detaljer = models.JSONField("detaljer", default=dict, blank=True)

    class Meta:
        verbose_name = "händelse"
        verbose_name_plural = "händelser"
        ordering = ["-tidpunkt", "-id"]
        indexes = [models.Index(fields=["forbund", "-tidpunkt"], name="handelse_forbund_tid")]

    def __str__(self) -> str:
        return f"{self.tidpunkt:%Y-%m-%d %H:%M} {self.handling} {self.objekt_text}"


class Dokument(ForbundsData):
    """A generated document (PDF) and the job that renders it."""

    class Status(models.TextChoices):
        KOAD = "koad", "I kö"
        PAGAR = "pagar", "Skapas"
        KLAR = "klar", "Klar"
        MISSLYCKAD = "misslyckad", "Misslyckades"

    typ = models.CharField("typ", max_length=40, db_index=True)
    titel = models.CharField("titel", max_length=255)
    parametrar = models.JSONField("parametrar", default=dict, blank=True)
    nyckel = models.CharField("nyckel", max_length=200, help_text="Identifierar dokumentet; en ny körning ersätter utkastet med samma nyckel.")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.KOAD)
    framsteg = models.PositiveSmallIntegerField("framsteg (%)", default=0)
    framsteg_text = models.CharField("pågår", max_length=200, blank=True)
    fel = models.TextField("felorsak", blank=True)
    fil = models.FileField("fil", upload_to="dokument/%Y/", blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    storlek = models.PositiveIntegerField("storlek (byte)", default=0)
    sidor = models.PositiveIntegerField("sidor", default=0)
    pdfa = models.BooleanField("PDF/A", default=False)
    last = models.BooleanField("låst (fastställd)", default=False)
    bestalld_av = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beställd av",
    )
    bestalld = models.DateTimeField("beställd", default=timezone.now)
    startad = models.DateTimeField("startad", null=True, blank=True)
    klar = models.DateTimeField("klar", null=True, blank=True)
    forsok = models.PositiveSmallIntegerField("försök", default=0)
    # The job: who holds the rendering (host:pid:token), its last sign of life, and when a queued
    # job is due at the latest (retry countdown); the reaper re-queues a job whose holder is gone.
    jobb = models.CharField("jobb", max_length=120, blank=True)
    hjartslag = models.DateTimeField("senaste livstecken", null=True, blank=True)
    nasta_forsok = models.DateTimeField("nästa försök", null=True, blank=True)
    avbrott = models.PositiveSmallIntegerField("avbrott", default=0, help_text="Gånger jobbet togs tillbaka efter att workern dött.")

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokument"
        ordering = ["-bestalld", "-id"]
        constraints = [models.UniqueConstraint(fields=["forbund", "nyckel"], name="dokument_unik_nyckel")]
        indexes = [models.Index(fields=["status"], name="dokument_status_idx")]

    def __str__(self) -> str:
        return self.titel

    @property
    def filnamn(self) -> str:
        return f"{self.nyckel.replace(':', '-').replace('/', '-')}.pdf"

    @property
    def ar_klar(self) -> bool:
        """Status: the PDF can be opened (templates read this, never the status string)."""
        return bool(self.status == self.Status.KLAR)

    @property
    def ar_misslyckad(self) -> bool:
        """Status: the rendering failed: can be ordered again (templates read this, never the status string)."""
        return bool(self.status == self.Status.MISSLYCKAD)


class Dataandring(models.Model):
    """One row per statement that changed a förbund's data (förbund 0: data every förbund shows), written by the
    database's own triggers on every table (finsam/sidcache.py), so no write can bypass it: the ORM, bulk updates,
    COPY, raw SQL, the admin and the workers alike. A page kept in the cache is keyed by the count and the highest id
    of its förbund's rows; both only grow with each commit, so a kept page is never older than the data (issue 16)."""

    forbund_id = models.IntegerField("förbund", db_index=True)
    xid = models.BigIntegerField("transaktion", default=0)

    class Meta:
        verbose_name = "dataändring"
        verbose_name_plural = "dataändringar"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"Ändring {self.pk} i förbund {self.forbund_id}"
