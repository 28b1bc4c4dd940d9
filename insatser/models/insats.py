"""The intervention register: an intervention (insats) and its staffing per member."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Medlem
from finsam.sortering import svensk


class Insats(ForbundsData):
    """An intervention the förbund funds."""

    class Typ(models.TextChoices):
        ORDINARIE = "ordinarie", "Ordinarie samverkan"
        FINSAM_PROJEKT = "finsam_projekt", "Finsam-projekt"
        ESF_PROJEKT = "esf_projekt", "ESF-projekt"
        STRUKTUR = "struktur", "Strukturinsats/kompetensutveckling"

    class Inriktning(models.TextChoices):
        INDIVID = "individ", "Individinriktad"
        STRUKTUR = "struktur", "Strukturinriktad"

    class Status(models.TextChoices):
        PLANERAD = "planerad", "Planerad"
        PAGAENDE = "pagaende", "Pågående"
        AVSLUTAD = "avslutad", "Avslutad"

    kortnamn = models.CharField("kortnamn", max_length=40)
    namn = models.CharField("namn", max_length=200)
    typ = models.CharField("typ", max_length=20, choices=Typ.choices)
    inriktning = models.CharField("inriktning", max_length=10, choices=Inriktning.choices)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.PLANERAD)
    startdatum = models.DateField("startdatum")
    slutdatum = models.DateField("slutdatum", null=True, blank=True)
    parter = models.ManyToManyField(Medlem, related_name="insatser", verbose_name="deltagande medlemmar", blank=True)
    agare_medlem = models.ForeignKey(
        Medlem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agda_insatser",
        verbose_name="ägare (medlem)",
        help_text="Projektägaren när den är en av medlemmarna.",
    )
    agare_extern = models.CharField("ägare (extern organisation)", max_length=200, blank=True, help_text="T.ex. en folkhögskola eller ett företag.")
    malgrupp = models.TextField("målgrupp", blank=True)
    alder_fran = models.PositiveSmallIntegerField("ålder från", null=True, blank=True)
    alder_till = models.PositiveSmallIntegerField("ålder till", null=True, blank=True)
    syfte = models.TextField("syfte", blank=True)
    styrgrupp = models.TextField("styrgrupp", blank=True, help_text="Ledamöterna i styrgruppen, en per rad.")
    kontaktperson = models.CharField("kontaktperson", max_length=200, blank=True)

    class Meta:
        verbose_name = "insats"
        verbose_name_plural = "insatser"
        ordering = [svensk("kortnamn")]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "kortnamn"], name="insats_unikt_kortnamn"),
            models.CheckConstraint(condition=Q(slutdatum__isnull=True) | Q(slutdatum__gte=models.F("startdatum")), name="insats_period"),
            models.CheckConstraint(
                condition=Q(alder_fran__isnull=True) | Q(alder_till__isnull=True) | Q(alder_till__gte=models.F("alder_fran")),
                name="insats_aldersspann",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kortnamn} – {self.namn}"

    @property
    def nasta_statusar(self) -> list[Insats.Status]:
        """The statuses this intervention may move to (INSATS_OVERGANGAR), for the status buttons."""
        return [s for s in Insats.Status if s in INSATS_OVERGANGAR[self.status]]

    def kontrollera_overgang(self, ny: str) -> None:
        """Raise a Swedish ValidationError unless the intervention may go from its status to `ny` (checked only here)."""
        if ny not in Insats.Status.values:
            raise ValidationError("Okänd status.")
        if ny == self.status:
            raise ValidationError(f"Insatsen har redan status {self.get_status_display().lower()}.")
        if ny not in INSATS_OVERGANGAR[self.status]:
            raise ValidationError(f"En insats med status {self.get_status_display().lower()} kan inte bli {Insats.Status(ny).label.lower()}.")

    @property
    def agare_text(self) -> str:
        if self.agare_medlem_id:
            return str(self.agare_medlem)
        return self.agare_extern

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.slutdatum and self.startdatum and self.slutdatum < self.startdatum:
            errors["slutdatum"] = "Slutdatum kan inte ligga före startdatum."
        if self.alder_fran is not None and self.alder_till is not None and self.alder_till < self.alder_fran:
            errors["alder_till"] = "Övre åldersgränsen kan inte vara lägre än den undre."
        if self.agare_medlem_id and self.agare_extern:
            errors["agare_extern"] = "Ange antingen en medlem eller en extern organisation som ägare, inte båda."
        if not self.agare_medlem_id and not (self.agare_extern or "").strip():
            errors["agare_extern"] = "Ange ägaren: en medlem eller en extern organisation."
        if errors:
            raise ValidationError(errors)


# Allowed status transitions: a planned intervention starts or is cancelled; a running one ends.
INSATS_OVERGANGAR: dict[str, set[str]] = {
    Insats.Status.PLANERAD: {Insats.Status.PAGAENDE, Insats.Status.AVSLUTAD},
    Insats.Status.PAGAENDE: {Insats.Status.AVSLUTAD},
    Insats.Status.AVSLUTAD: set(),
}


class Bemanning(ForbundsData):
    """Staffing of an intervention: full-time equivalents per member, and who pays for them."""

    class Betalare(models.TextChoices):
        FORBUNDET = "forbundet", "Förbundet"
        MEDLEMMEN = "medlemmen", "Medlemmen"

    insats = models.ForeignKey(Insats, on_delete=models.CASCADE, related_name="bemanning", verbose_name="insats")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="+", verbose_name="medlem")
    funktion = models.CharField("funktion", max_length=200, help_text="T.ex. arbetsförmedlare, socialsekreterare.")
    arsarbetare = models.DecimalField(
        "årsarbetare", max_digits=4, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))], help_text="1,0 = heltid."
    )
    samlokaliserad = models.BooleanField("samlokaliserad", default=True)
    betalas_av = models.CharField("betalas av", max_length=10, choices=Betalare.choices)

    class Meta:
        verbose_name = "bemanning"
        verbose_name_plural = "bemanning"
        ordering = ["insats", "medlem__ordning", svensk("funktion")]
        constraints = [models.CheckConstraint(condition=Q(arsarbetare__gt=0), name="bemanning_positiv")]

    def __str__(self) -> str:
        return f"{self.medlem}: {self.funktion} {self.arsarbetare}"
