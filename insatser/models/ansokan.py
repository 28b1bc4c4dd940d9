"""Applications for funding (ansökan), the amounts applied for, co-financing and grants (beviljande)."""

from __future__ import annotations

from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from finsam.models import ForbundsData, Medlem
from finsam.sortering import svensk
from styrelse.models import Paragraf, Sammantrade

from .insats import Insats

BELOPP = {"max_digits": 14, "decimal_places": 0, "validators": [MinValueValidator(0)]}


class Ansokan(ForbundsData):
    """An application for funding, with the fields of the förbund's application form (seeds/004d)."""

    class Status(models.TextChoices):
        INKOMMEN = "inkommen", "Inkommen"
        UNDER_BEREDNING = "under_beredning", "Under beredning"
        BESLUTAD = "beslutad", "Beslutad"

    class Beslut(models.TextChoices):
        INGET = "", "–"
        BEVILJAD = "beviljad", "Beviljad"
        DELVIS_BEVILJAD = "delvis_beviljad", "Delvis beviljad"
        AVSLAGEN = "avslagen", "Avslagen"

    diarienummer = models.CharField("diarienummer", max_length=40, blank=True)
    titel = models.CharField("projektets/insatsens namn", max_length=200)
    insats_typ = models.CharField("typ av insats", max_length=20, choices=Insats.Typ.choices, default=Insats.Typ.FINSAM_PROJEKT)
    inriktning = models.CharField("inriktning", max_length=10, choices=Insats.Inriktning.choices, default=Insats.Inriktning.INDIVID)
    startdatum = models.DateField("projektstart")
    slutdatum = models.DateField("projektslut")
    sokande = models.ManyToManyField(Medlem, related_name="ansokningar", verbose_name="sökande medlemmar", blank=True)
    ansvarig_medlem = models.ForeignKey(
        Medlem, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="ansvarig medlem (projektägare)"
    )
    projektagare_extern = models.CharField("projektägare (extern organisation)", max_length=200, blank=True)
    kontaktperson = models.CharField("kontaktperson", max_length=200, blank=True)
    samverkanspartners = models.TextField("samverkanspartners", blank=True)
    bakgrund = models.TextField("bakgrund och problem", blank=True)
    syfte = models.TextField("syfte och mål", blank=True)
    forvantade_resultat = models.TextField("förväntade resultat", blank=True)
    malgrupp = models.TextField("målgrupp", blank=True)
    total_kostnad = models.DecimalField("total kostnad (kr)", null=True, blank=True, **BELOPP)  # type: ignore[arg-type]
    underskrifter = models.TextField("underskrifter", blank=True, help_text="Ansvarig per medlem med namn och datum, en per rad.")
    inkom = models.DateField("inkom", default=timezone.localdate)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.INKOMMEN)
    yttrande = models.TextField("beredningsgruppens yttrande", blank=True)
    beslut = models.CharField("beslut", max_length=20, choices=Beslut.choices, blank=True, default="")
    paragraf = models.ForeignKey(
        Paragraf, on_delete=models.PROTECT, null=True, blank=True, related_name="ansokningar", verbose_name="beslutsparagraf"
    )
    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, null=True, blank=True, related_name="ansokningar", verbose_name="insats")
    behovsanalys = models.ForeignKey(
        "uppfoljning.Behovsanalys",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ansokningar",
        verbose_name="behovsanalys",
        help_text="Den fastställda behovsanalys ansökan bygger på.",
    )

    # The applicant's own fields (the application form), in the form's order: the page's form and the API's serializer
    # list these, the service accepts them (sokande, a many-to-many, through its own argument).
    SOKANDENS_FALT: ClassVar[tuple[str, ...]] = (
        "titel",
        "diarienummer",
        "inkom",
        "insats_typ",
        "inriktning",
        "startdatum",
        "slutdatum",
        "sokande",
        "ansvarig_medlem",
        "projektagare_extern",
        "kontaktperson",
        "samverkanspartners",
        "bakgrund",
        "syfte",
        "forvantade_resultat",
        "malgrupp",
        "total_kostnad",
        "underskrifter",
        "behovsanalys",
    )

    class Meta:
        verbose_name = "ansökan"
        verbose_name_plural = "ansökningar"
        ordering = ["-inkom", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(slutdatum__gte=models.F("startdatum")), name="ansokan_period"),
            models.CheckConstraint(
                condition=Q(status="beslutad", paragraf__isnull=False) & ~Q(beslut="") | ~Q(status="beslutad") & Q(beslut=""),
                name="ansokan_beslut_kraver_paragraf",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.diarienummer} {self.titel}".strip()

    @property
    def projektagare_text(self) -> str:
        return str(self.ansvarig_medlem) if self.ansvarig_medlem_id else self.projektagare_extern

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.slutdatum and self.startdatum and self.slutdatum < self.startdatum:
            errors["slutdatum"] = "Projektslut kan inte ligga före projektstart."
        if not self.ansvarig_medlem_id and not (self.projektagare_extern or "").strip():
            errors["projektagare_extern"] = "Ange projektägaren: en medlem eller en extern organisation."
        if self.ansvarig_medlem_id and (self.projektagare_extern or "").strip():
            errors["projektagare_extern"] = "Ange antingen en medlem eller en extern organisation som projektägare, inte båda."
        if self.behovsanalys_id is not None and self.behovsanalys is not None:
            if self.behovsanalys.forbund_id != self.forbund_id:
                errors["behovsanalys"] = "Behovsanalysen tillhör ett annat förbund."
            elif not self.behovsanalys.ar_faststalld:
                errors["behovsanalys"] = (
                    f"Behovsanalysen {self.behovsanalys.ar} är inte fastställd av styrelsen; en ansökan hänvisar till en fastställd behovsanalys."
                )
        if errors:
            raise ValidationError(errors)
        if self.status == Ansokan.Status.BESLUTAD and self.paragraf is not None:
            kontrollera_beslutsparagraf(self.paragraf, self.forbund_id)

    # --- Status: the allowed transitions (ANSOKAN_OVERGANGAR below) are checked here and nowhere else ---

    def kontrollera_overgang(self, ny: str) -> None:
        """Raise a Swedish ValidationError unless the application may go from its status to `ny`."""
        if ny not in ANSOKAN_OVERGANGAR.get(self.status, set()):
            if self.status == Ansokan.Status.BESLUTAD:
                raise ValidationError("Ansökan är redan beslutad; ett nytt beslut registreras som ett nytt beviljande.")
            if ny == Ansokan.Status.BESLUTAD:
                raise ValidationError("Ansökan måste ha beretts (status under beredning) innan styrelsen beslutar.")
            raise ValidationError(f"En ansökan med status {self.get_status_display().lower()} kan inte få status {Ansokan.Status(ny).label.lower()}.")

    @property
    def kan_andras(self) -> bool:
        """The application's own fields (and its amounts, co-financing, attachments) may change until the decision."""
        return self.status != Ansokan.Status.BESLUTAD

    @property
    def kan_beredas(self) -> bool:
        """The preparatory group may send it to preparation or write its opinion."""
        return self.status != Ansokan.Status.BESLUTAD

    @property
    def kan_beslutas(self) -> bool:
        return Ansokan.Status.BESLUTAD in ANSOKAN_OVERGANGAR.get(self.status, set())

    @property
    def ar_inkommen(self) -> bool:
        return self.status == Ansokan.Status.INKOMMEN

    @property
    def ar_beslutad(self) -> bool:
        return self.status == Ansokan.Status.BESLUTAD


# Allowed status transitions of an application: it arrives, is prepared, and is decided by the board (final).
ANSOKAN_OVERGANGAR: dict[str, set[str]] = {
    Ansokan.Status.INKOMMEN: {Ansokan.Status.UNDER_BEREDNING},
    Ansokan.Status.UNDER_BEREDNING: {Ansokan.Status.BESLUTAD},
    Ansokan.Status.BESLUTAD: set(),
}


class AnsokanBelopp(ForbundsData):
    """The amount applied for from the förbund, per year."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="belopp", verbose_name="ansökan")
    ar = models.PositiveSmallIntegerField("år")
    belopp = models.DecimalField("sökt belopp (kr)", **BELOPP)  # type: ignore[arg-type]

    class Meta:
        verbose_name = "sökt belopp"
        verbose_name_plural = "sökta belopp"
        ordering = ["ansokan", "ar"]
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "ar"], name="ansokanbelopp_unikt_ar"),
            models.CheckConstraint(condition=Q(belopp__gte=0), name="ansokanbelopp_positivt"),
        ]

    def __str__(self) -> str:
        return f"{self.ar}: {self.belopp} kr"


class Medfinansiering(ForbundsData):
    """Another financier's contribution per year (e.g. ESF, the region) in a co-financed project."""

    class Form(models.TextChoices):
        KONTANT = "kontant", "Kontanta medel"
        ANNAT = "annat", "Bidrag i annat än pengar"

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="medfinansiering", verbose_name="ansökan")
    finansiar = models.CharField("finansiär", max_length=200)
    form = models.CharField("form", max_length=10, choices=Form.choices, default=Form.KONTANT)
    ar = models.PositiveSmallIntegerField("år")
    belopp = models.DecimalField("belopp (kr)", **BELOPP)  # type: ignore[arg-type]

    class Meta:
        verbose_name = "medfinansiering"
        verbose_name_plural = "medfinansiering"
        ordering = ["ansokan", "ar", svensk("finansiar")]
        constraints = [
            models.UniqueConstraint(fields=["ansokan", "finansiar", "form", "ar"], name="medfinansiering_unik"),
            models.CheckConstraint(condition=Q(belopp__gte=0), name="medfinansiering_positiv"),
        ]

    def __str__(self) -> str:
        return f"{self.finansiar} {self.ar}: {self.belopp} kr"


class Ansokningsbilaga(ForbundsData):
    """An attachment to an application (the signed form, the budget, the project plan)."""

    ansokan = models.ForeignKey(Ansokan, on_delete=models.CASCADE, related_name="bilagor", verbose_name="ansökan")
    namn = models.CharField("namn", max_length=200)
    fil = models.FileField("fil", upload_to="insatser/ansokan/%Y/")
    uppladdad = models.DateTimeField("uppladdad", default=timezone.now)

    class Meta:
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"
        ordering = ["ansokan", "uppladdad", "id"]

    def __str__(self) -> str:
        return self.namn


class Beviljande(ForbundsData):
    """A grant: an amount for one year to one intervention, decided in a board paragraph."""

    insats = models.ForeignKey(Insats, on_delete=models.PROTECT, related_name="beviljanden", verbose_name="insats")
    ansokan = models.ForeignKey(Ansokan, on_delete=models.PROTECT, null=True, blank=True, related_name="beviljanden", verbose_name="ansökan")
    paragraf = models.ForeignKey(Paragraf, on_delete=models.PROTECT, related_name="beviljanden", verbose_name="beslutsparagraf")
    ar = models.PositiveSmallIntegerField("år")
    belopp = models.DecimalField("beviljat belopp (kr)", **BELOPP)  # type: ignore[arg-type]
    registrerad = models.DateTimeField("registrerad", default=timezone.now)

    class Meta:
        verbose_name = "beviljande"
        verbose_name_plural = "beviljanden"
        ordering = ["ar", svensk("insats__kortnamn"), "id"]
        constraints = [
            models.UniqueConstraint(fields=["insats", "paragraf", "ar"], name="beviljande_unikt_per_beslut_och_ar"),
            models.CheckConstraint(condition=Q(belopp__gte=0), name="beviljande_positivt"),
        ]
        indexes = [models.Index(fields=["forbund", "ar"], name="beviljande_forbund_ar")]

    def __str__(self) -> str:
        return f"{self.insats.kortnamn} {self.ar}: {self.belopp} kr"

    def clean(self) -> None:
        if self.paragraf_id is None:
            raise ValidationError({"paragraf": "Medel kan bara beviljas genom ett styrelsebeslut: ange beslutsparagrafen."})
        kontrollera_beslutsparagraf(self.paragraf, self.forbund_id)


# A decision exists once its meeting has been held: closed (genomfört) or with checked minutes (justerat).
HALLNA_SAMMANTRADEN = (Sammantrade.Status.GENOMFORT, Sammantrade.Status.JUSTERAT)


def kontrollera_beslutsparagraf(paragraf: Paragraf, forbund_id: int | None) -> None:
    """A grant or a decision on an application needs a paragraph of the förbund's minutes from a held meeting."""
    if paragraf.forbund_id != forbund_id:
        raise ValidationError({"paragraf": "Beslutsparagrafen tillhör ett annat förbund."})
    mote = paragraf.sammantrade
    if mote.status not in HALLNA_SAMMANTRADEN:
        raise ValidationError(
            {
                "paragraf": (
                    f"§ {paragraf.nummer}/{paragraf.ar} hör till sammanträdet {mote.datum:%Y-%m-%d} som inte har hållits "
                    f"({mote.get_status_display().lower()}); medel kan bara beviljas genom beslut på ett genomfört sammanträde."
                )
            }
        )
