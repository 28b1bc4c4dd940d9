"""Reports the board adopts every year: the årsredovisning and the verksamhetsplan.

Numbers come from the other apps; what lives here is what the förbundschef writes (texts per
section and year), the förbund-level goals of the verksamhetsplan, and the report record that
ties a year's document to the board decision that adopted it.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from finsam.models import ForbundsData, Statusovergangar
from finsam.sortering import svensk

from .underlag.kodning import UnderlagDecoder, UnderlagEncoder


class RapportTyp(models.TextChoices):
    ARSREDOVISNING = "arsredovisning", "Årsredovisning"
    VERKSAMHETSPLAN = "verksamhetsplan", "Verksamhetsplan"


class Rapport(Statusovergangar, ForbundsData):
    """One year's report of one kind and its way from draft to adopted."""

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        SLUTLIG = "slutlig", "Slutlig – inför beslut"
        FASTSTALLD = "faststalld", "Fastställd av styrelsen"

    # The allowed status changes, checked in one place (services.rapport_status_andra).
    OVERGANGAR: ClassVar[dict[str, set[str]]] = {
        Status.UTKAST: {Status.SLUTLIG},
        Status.SLUTLIG: {Status.UTKAST, Status.FASTSTALLD},
        Status.FASTSTALLD: set(),
    }

    typ = models.CharField("typ", max_length=20, choices=RapportTyp.choices)
    ar = models.PositiveSmallIntegerField("år")
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.UTKAST)
    dokument = models.ForeignKey("finsam.Dokument", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="dokument")
    sammantrade = models.ForeignKey(
        "styrelse.Sammantrade",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="sammanträde för beslut",
    )
    slutlig_tid = models.DateTimeField("markerad slutlig", null=True, blank=True)
    beslut = models.ForeignKey("styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="beslut (§)")
    faststalld_tid = models.DateTimeField("fastställd", null=True, blank=True)
    sha256 = models.CharField("SHA-256 för fastställd PDF", max_length=64, blank=True)
    underlag = models.ForeignKey(
        "rapporter.Rapportunderlag",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="aktuellt underlag",
    )

    class Meta:
        verbose_name = "rapport"
        verbose_name_plural = "rapporter"
        ordering = ["-ar", "typ"]
        constraints = [models.UniqueConstraint(fields=["forbund", "typ", "ar"], name="rapporter_rapport_unik_ar")]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.ar}"

    @property
    def nyckel(self) -> str:
        return f"{self.typ}:{self.ar}"

    @property
    def titel(self) -> str:
        return f"{self.get_typ_display()} {self.ar}"

    @property
    def ar_utkast(self) -> bool:
        """Status: texts can still be written (templates read this, never the status string)."""
        return bool(self.status == self.Status.UTKAST)

    @property
    def ar_slutlig(self) -> bool:
        """Status: final, awaiting the board's decision (templates read this, never the status string)."""
        return bool(self.status == self.Status.SLUTLIG)

    @property
    def ar_faststalld(self) -> bool:
        """Status: adopted by the board: locked (templates read this, never the status string)."""
        return bool(self.status == self.Status.FASTSTALLD)


class Rapportunderlag(ForbundsData):
    """The data of one build of a report (a snapshot): rendered into the PDF, frozen with it when the board adopts it."""

    rapport = models.ForeignKey(Rapport, on_delete=models.CASCADE, related_name="underlag_lista", verbose_name="rapport")
    byggt = models.DateTimeField("byggt", default=timezone.now)
    byggt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="byggt av"
    )
    data = models.JSONField("data", encoder=UnderlagEncoder, decoder=UnderlagDecoder)
    sha256 = models.CharField("SHA-256 för data", max_length=64)
    avstamning_ok = models.BooleanField("alla kontroller stämmer", default=False)
    fryst = models.DateTimeField("fryst (fastställd)", null=True, blank=True)

    class Meta:
        verbose_name = "rapportunderlag"
        verbose_name_plural = "rapportunderlag"
        ordering = ["-byggt", "-id"]

    def __str__(self) -> str:
        return f"Underlag {self.rapport} {self.byggt:%Y-%m-%d %H:%M}"


class Rapporttext(ForbundsData):
    """A text the förbundschef writes for one section of one year's report (optionally per insats)."""

    typ = models.CharField("rapport", max_length=20, choices=RapportTyp.choices)
    ar = models.PositiveSmallIntegerField("år")
    sektion = models.CharField("avsnitt", max_length=40)
    insats = models.ForeignKey("insatser.Insats", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="insats")
    text = models.TextField("text", blank=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ändrad av"
    )

    class Meta:
        verbose_name = "rapporttext"
        verbose_name_plural = "rapporttexter"
        ordering = ["typ", "ar", svensk("sektion")]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "typ", "ar", "sektion"], condition=models.Q(insats__isnull=True), name="rapporter_text_unik"),
            models.UniqueConstraint(
                fields=["forbund", "typ", "ar", "sektion", "insats"],
                condition=models.Q(insats__isnull=False),
                name="rapporter_text_unik_insats",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.ar}: {self.sektion}"


class Forbundsmal(ForbundsData):
    """A row of the verksamhetsplan's goal table; the årsredovisning reports on the same goal."""

    class Bedomning(models.TextChoices):
        EJ_BEDOMD = "", "Ej bedömt"
        UPPFYLLT = "uppfyllt", "Uppfyllt"
        DELVIS = "delvis_uppfyllt", "Delvis uppfyllt"
        EJ_UPPFYLLT = "ej_uppfyllt", "Ej uppfyllt"

    class Slag(models.TextChoices):
        VERKSAMHET = "verksamhet", "Verksamhetsmål"
        FINANSIELLT = "finansiellt", "Finansiellt mål"

    ar = models.PositiveSmallIntegerField("år", help_text="Verksamhetsåret målet gäller.")
    slag = models.CharField(
        "slag av mål",
        max_length=12,
        choices=Slag.choices,
        default=Slag.VERKSAMHET,
        help_text="God ekonomisk hushållning bedöms mot både finansiella mål och verksamhetsmål.",
    )
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    mal = models.CharField("mål", max_length=300)
    utforande = models.TextField("utförande/delmål", blank=True)
    matbart = models.TextField("mätbart", blank=True)
    ansvarig = models.CharField("ansvarig", max_length=200, blank=True)
    period = models.CharField("år (period)", max_length=40, blank=True, help_text="T.ex. 2023 eller 2023–2025.")
    bedomning = models.CharField("bedömning", max_length=20, choices=Bedomning.choices, blank=True, default="")
    kommentar = models.TextField("kommentar till bedömningen", blank=True)

    class Meta:
        verbose_name = "förbundsmål"
        verbose_name_plural = "förbundsmål"
        ordering = ["ar", "ordning", "id"]
        constraints = [models.CheckConstraint(condition=~models.Q(mal=""), name="rapporter_mal_har_text")]

    def __str__(self) -> str:
        return f"{self.ar}: {self.mal}"


class Planavsnitt(ForbundsData):
    """One section of one year's verksamhetsplan, in the order of the document: free text, or a part computed from the
    data (the goal tree, the budget, the member contributions, an intervention) with the förbundschef's text."""

    class Slag(models.TextChoices):
        TEXT = "text", "Fri text"
        MALTRAD = "maltrad", "Målträd (mål och mått)"
        INSATSER = "insatser", "Insatser och beviljade medel"
        INSATS = "insats", "En insats (mål, uppföljning, ledning, implementering)"
        FINANSIELLT_MAL = "finansiellt_mal", "Finansiellt mål"
        RISK = "risk", "Risk- och väsentlighetsanalys (tabell)"
        INTERNKONTROLL = "internkontroll", "Internkontrollplan (tabell)"
        BUDGET = "budget", "Budget i tre år med eget kapital och disponibel budget"
        MEDLEMSBIDRAG = "medlemsbidrag", "Medlemsbidrag per medlem"

    # The columns of the table kinds (one row a line in the form, cells separated by "|").
    KOLUMNER: dict[str, list[str]] = {
        "risk": ["Område", "Risk", "Sannolikhet", "Konsekvens", "Åtgärd"],
        "internkontroll": ["Kontrollmoment", "Ansvarig", "Frekvens", "Rapporteras till"],
    }

    ar = models.PositiveSmallIntegerField("år")
    ordning = models.PositiveSmallIntegerField("ordning", default=0)
    nyckel = models.SlugField("nyckel", max_length=40)
    rubrik = models.CharField("rubrik", max_length=200)
    slag = models.CharField("slag", max_length=20, choices=Slag.choices, default=Slag.TEXT)
    text = models.TextField("text", blank=True)
    insats = models.ForeignKey("insatser.Insats", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="insats")
    mal_text = models.TextField("mål", blank=True)
    uppfoljning = models.TextField("uppföljning", blank=True)
    ledning = models.TextField("ledning", blank=True)
    implementering = models.TextField("implementering", blank=True)
    rader = models.JSONField("tabellrader", default=list, blank=True)
    att_revidera = models.BooleanField("att revidera", default=False, help_text="Kopierat från förra årets plan och inte ändrat ännu.")
    andrad = models.DateTimeField("ändrad", auto_now=True)
    andrad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ändrad av"
    )

    class Meta:
        verbose_name = "avsnitt i verksamhetsplanen"
        verbose_name_plural = "avsnitt i verksamhetsplanen"
        ordering = ["ar", "ordning", "id"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "ar", "nyckel"], name="rapporter_planavsnitt_unik_nyckel"),
            models.CheckConstraint(condition=~models.Q(rubrik=""), name="rapporter_planavsnitt_har_rubrik"),
            models.CheckConstraint(
                condition=models.Q(slag="insats", insats__isnull=False) | (~models.Q(slag="insats") & models.Q(insats__isnull=True)),
                name="rapporter_planavsnitt_insats_for_insatsavsnitt",
            ),
        ]

    def __str__(self) -> str:
        return f"Verksamhetsplan {self.ar}: {self.rubrik}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.slag == self.Slag.INSATS and self.insats_id is None:
            raise ValidationError({"insats": "Välj vilken insats avsnittet gäller."}, code="required")
        if self.slag != self.Slag.INSATS:
            self.insats = None
        if self.insats_id is not None and self.insats is not None and self.insats.forbund_id != self.forbund_id:
            raise ValidationError({"insats": "Insatsen tillhör inte förbundet."}, code="invalid")

    @property
    def kolumner(self) -> list[str]:
        return self.KOLUMNER.get(self.slag, [])
