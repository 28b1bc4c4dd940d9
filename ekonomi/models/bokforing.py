"""Bookkeeping from the accounting system (SIE type 4 or a CSV trial balance) and the account mapping."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from finsam.models import ForbundsData, Importstatus, Medlem
from finsam.sortering import svensk


class Redovisningsimport(ForbundsData):
    """One imported bookkeeping year. A new import of the same year replaces the old one."""

    class Kalla(models.TextChoices):
        SIE = "sie", "SIE"
        CSV = "csv", "Saldobalans (CSV)"

    ar = models.PositiveSmallIntegerField("räkenskapsår")
    kalla = models.CharField("källa", max_length=4, choices=Kalla.choices)
    filnamn = models.CharField("filnamn", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64)
    program = models.CharField("program", max_length=200, blank=True)
    foretag = models.CharField("företagsnamn i filen", max_length=200, blank=True)
    fran = models.DateField("från")
    tom = models.DateField("till och med")
    antal_verifikationer = models.PositiveIntegerField("verifikationer", default=0)
    sietyp = models.CharField("SIE-typ", max_length=2, blank=True, help_text="1, 2, 3, 4E eller 4I (#SIETYP)")
    format = models.CharField("format (#FORMAT)", max_length=20, blank=True)
    kodning = models.CharField("teckenkodning", max_length=60, blank=True)
    genererad = models.DateField("skapad i programmet (#GEN)", null=True, blank=True)
    genererad_av = models.CharField("signatur (#GEN)", max_length=60, blank=True)
    orgnr = models.CharField("organisationsnummer (#ORGNR)", max_length=20, blank=True)
    kontoplanstyp = models.CharField("kontoplan (#KPTYP)", max_length=40, blank=True)
    ksumma = models.BooleanField("kontrollsumma (#KSUMMA) verifierad", default=False)
    varningar = models.JSONField("varningar", default=list, blank=True)
    importerad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="importerad av"
    )
    importerad = models.DateTimeField("importerad", default=timezone.now)

    class Meta:
        verbose_name = "import av bokföring"
        verbose_name_plural = "importer av bokföring"
        ordering = ["-ar"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar"], name="redovisningsimport_unikt_ar")]

    def __str__(self) -> str:
        return f"Bokföring {self.ar} ({self.get_kalla_display()})"

    @property
    def har_verifikationer(self) -> bool:
        """SIE 1–3 and trial balances carry balances only: the statements are made without vouchers."""
        return self.kalla == self.Kalla.SIE and self.sietyp in ("4E", "4I", "")


class Kontosaldo(ForbundsData):
    """An account's opening balance, closing balance and result for the year (rar 0) or the year before (rar -1).

    Signs follow SIE: debit positive, credit negative (assets and costs positive; equity, liabilities and income negative).
    """

    redovisningsimport = models.ForeignKey(Redovisningsimport, on_delete=models.CASCADE, related_name="saldon", verbose_name="import")
    rar = models.SmallIntegerField("räkenskapsår (0 = aktuellt, -1 = föregående)", default=0)
    konto = models.PositiveIntegerField("konto")
    kontonyckel = models.PositiveIntegerField("konto för koppling", default=0, help_text="de fyra första siffrorna")
    namn = models.CharField("kontonamn", max_length=200, blank=True)
    ib = models.DecimalField("ingående balans", max_digits=14, decimal_places=2, default=0)
    ub = models.DecimalField("utgående balans", max_digits=14, decimal_places=2, default=0)
    res = models.DecimalField("resultat", max_digits=14, decimal_places=2, default=0)
    verifikationer = models.DecimalField(
        "verifikationernas summa",
        max_digits=14,
        decimal_places=2,
        default=0,
        help_text="summan av årets verifikationsrader på kontot, räknad vid importen (rar 0)",
    )

    class Meta:
        verbose_name = "kontosaldo"
        verbose_name_plural = "kontosaldon"
        ordering = ["rar", "konto"]
        constraints = [models.UniqueConstraint(fields=["redovisningsimport", "rar", "konto"], name="kontosaldo_unikt_konto")]

    def __str__(self) -> str:
        return f"{self.konto} {self.namn}"


class Transaktion(ForbundsData):
    """A transaction row of a voucher (#TRANS in #VER). Used for outcome to date per quarter."""

    redovisningsimport = models.ForeignKey(Redovisningsimport, on_delete=models.CASCADE, related_name="transaktioner", verbose_name="import")
    serie = models.CharField("serie", max_length=20, blank=True)
    vernr = models.CharField("verifikationsnummer", max_length=40, blank=True)
    datum = models.DateField("datum")
    konto = models.PositiveIntegerField("konto")
    kontonyckel = models.PositiveIntegerField("konto för koppling", default=0)
    belopp = models.DecimalField("belopp", max_digits=14, decimal_places=2)
    text = models.CharField("text", max_length=200, blank=True)

    class Meta:
        verbose_name = "transaktion"
        verbose_name_plural = "transaktioner"
        ordering = ["datum", svensk("serie"), svensk("vernr"), "id"]
        indexes = [models.Index(fields=["redovisningsimport", "konto", "datum"], name="transaktion_konto_datum")]

    def __str__(self) -> str:
        return f"{self.serie}{self.vernr} {self.datum} {self.konto} {self.belopp}"


class Kontointervall(ForbundsData):
    """Accounts `fran`–`till` belong to one line of the statements. The förbund can edit the ranges."""

    class Rad(models.TextChoices):
        ANLAGGNINGSTILLGANGAR = "anlaggningstillgangar", "Anläggningstillgångar"
        FORDRINGAR = "fordringar", "Fordringar"
        KASSA_BANK = "kassa_bank", "Kassa och bank"
        EGET_KAPITAL = "eget_kapital", "Eget kapital"
        LANGFRISTIGA = "langfristiga", "Avsättningar och långfristiga skulder"
        KORTFRISTIGA = "kortfristiga", "Kortfristiga skulder"
        INTAKTER = "intakter", "Verksamhetens intäkter"
        OVRIGA_INTAKTER = "ovriga_intakter", "Övriga intäkter"
        KOSTNADER = "kostnader", "Verksamhetens kostnader"
        AVSKRIVNINGAR = "avskrivningar", "Avskrivningar"
        FINANSIELLA = "finansiella", "Finansiella poster"
        RESULTATDISPOSITION = "resultatdisposition", "Bokfört årets resultat"

    TILLGANGAR = ("anlaggningstillgangar", "fordringar", "kassa_bank")
    BALANS = (*TILLGANGAR, "eget_kapital", "langfristiga", "kortfristiga")

    fran = models.PositiveIntegerField("från konto")
    till = models.PositiveIntegerField("till konto")
    rad = models.CharField("rad i räkenskaperna", max_length=24, choices=Rad.choices)

    class Meta:
        verbose_name = "kontointervall"
        verbose_name_plural = "kontointervall"
        ordering = ["fran"]
        constraints = [models.CheckConstraint(condition=Q(till__gte=models.F("fran")), name="kontointervall_ordning")]

    def __str__(self) -> str:
        return f"{self.fran}–{self.till} {self.get_rad_display()}"

    def clean(self) -> None:
        if self.till is not None and self.fran is not None and self.till < self.fran:
            raise ValidationError({"till": "Slutkontot måste vara större än eller lika med startkontot."})


class Kontokoppling(ForbundsData):
    """Accounts `fran`–`till` specify a budget line (by its key) and a line of a note ("Driftbidrag från staten")."""

    fran = models.PositiveIntegerField("från konto")
    till = models.PositiveIntegerField("till konto")
    text = models.CharField("text i not och uppföljning", max_length=200)
    nyckel = models.SlugField("budgetradens nyckel", max_length=60, blank=True)
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="medlem (bidrag från)")

    class Meta:
        verbose_name = "kontokoppling"
        verbose_name_plural = "kontokopplingar"
        ordering = ["fran"]
        constraints = [models.CheckConstraint(condition=Q(till__gte=models.F("fran")), name="kontokoppling_ordning")]

    def __str__(self) -> str:
        return f"{self.fran}–{self.till} {self.text}"


class Periodsaldo(ForbundsData):
    """A period balance (#PSALDO, SIE 2–4) or an object balance (#OIB/#OUB, SIE 3–4), optionally for one object."""

    class Typ(models.TextChoices):
        PSALDO = "psaldo", "Periodsaldo"
        OIB = "oib", "Ingående balans för objekt"
        OUB = "oub", "Utgående balans för objekt"

    redovisningsimport = models.ForeignKey(Redovisningsimport, on_delete=models.CASCADE, related_name="periodsaldon", verbose_name="import")
    typ = models.CharField("typ", max_length=6, choices=Typ.choices)
    rar = models.SmallIntegerField("räkenskapsår", default=0)
    period = models.PositiveIntegerField("period (ÅÅÅÅMM, 0 för objektbalanser)", default=0)
    konto = models.PositiveIntegerField("konto")
    dimension = models.PositiveIntegerField("dimension", null=True, blank=True)
    objekt = models.CharField("objekt", max_length=40, blank=True)
    belopp = models.DecimalField("belopp", max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = "periodsaldo"
        verbose_name_plural = "periodsaldon"
        ordering = ["rar", "period", "konto", "dimension", svensk("objekt")]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.period} {self.konto} {self.belopp}"


class Dimensionsobjekt(ForbundsData):
    """An object of a dimension (#DIM/#OBJEKT: cost centre, project …) as the file names it."""

    redovisningsimport = models.ForeignKey(Redovisningsimport, on_delete=models.CASCADE, related_name="objekt", verbose_name="import")
    dimension = models.PositiveIntegerField("dimension")
    dimensionsnamn = models.CharField("dimensionens namn", max_length=200, blank=True)
    kod = models.CharField("objekt", max_length=40)
    namn = models.CharField("namn", max_length=200, blank=True)

    class Meta:
        verbose_name = "objekt"
        verbose_name_plural = "objekt"
        ordering = ["dimension", svensk("kod")]

    def __str__(self) -> str:
        return f"{self.dimension}:{self.kod} {self.namn}"


class Bokforingsjobb(Importstatus, ForbundsData):
    """A bookkeeping import run in the background, with progress. The file is dropped when the run ends."""

    class Status(models.TextChoices):
        KOAD = "koad", "I kö"
        PAGAR = "pagar", "Pågår"
        BEKRAFTA = "bekrafta", "Väntar på bekräftelse"
        KLAR = "klar", "Klar"
        AVVISAD = "avvisad", "Avvisad"

    filnamn = models.CharField("filnamn", max_length=255)
    data = models.BinaryField("fil", editable=False)
    sha256 = models.CharField("SHA-256", max_length=64)
    kalla = models.CharField("källa", max_length=4, choices=Redovisningsimport.Kalla.choices, default="sie")
    ar = models.PositiveSmallIntegerField("räkenskapsår", null=True, blank=True)
    tom = models.DateField("till och med", null=True, blank=True)
    ersatt = models.BooleanField("ersätt tidigare import av året", default=False)
    tillagg = models.BooleanField("lägg till verifikationerna (SIE 4I)", default=False)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.KOAD)
    framsteg = models.PositiveSmallIntegerField("framsteg (%)", default=0)
    steg = models.CharField("steg", max_length=200, blank=True)
    jamforelse = models.JSONField("före och efter", default=dict, blank=True)
    fel = models.JSONField("fel", default=list, blank=True)
    redovisningsimport = models.ForeignKey(
        Redovisningsimport, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="import"
    )
    bestalld_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="beställd av"
    )
    skapad = models.DateTimeField("beställd", default=timezone.now)
    klar = models.DateTimeField("klar", null=True, blank=True)

    class Meta:
        verbose_name = "importjobb för bokföring"
        verbose_name_plural = "importjobb för bokföring"
        ordering = ["-skapad", "-id"]

    def __str__(self) -> str:
        return f"Import {self.filnamn} ({self.get_status_display()})"

    @property
    def vantar_bekraftelse(self) -> bool:
        """Status: a replacement waits for the user's confirmation (templates read this, never the status string)."""
        return bool(self.status == self.Status.BEKRAFTA)
