"""Paragraphs (§) with their decision, votes and assignments; the per-förbund-year number series."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from finsam.models import ForbundsData, Person, Statusovergangar
from finsam.sortering import svensk

from .mote import Sammantrade, att_satser


class Nummerserie(ForbundsData):
    """The last number used in a series (paragraphs, diarium) for one förbund and year.

    Locked with select_for_update while the next number is taken, so that two people
    saving at once never get the same number and no number is skipped.
    """

    class Serie(models.TextChoices):
        PARAGRAF = "paragraf", "Paragrafer"
        DIARIUM = "diarium", "Diarium"

    serie = models.CharField("serie", max_length=10, choices=Serie.choices)
    ar = models.PositiveSmallIntegerField("år")
    senaste = models.PositiveIntegerField("senast använda nummer", default=0)

    class Meta:
        verbose_name = "nummerserie"
        verbose_name_plural = "nummerserier"
        constraints = [models.UniqueConstraint(fields=["forbund", "serie", "ar"], name="nummerserie_unik")]

    def __str__(self) -> str:
        return f"{self.get_serie_display()} {self.ar}: {self.senaste}"


class Utfall(models.TextChoices):
    """What the board decided on an item (every outcome is a decision with its own §)."""

    BIFALL = "bifall", "Bifall"
    ANDRAT = "andrat", "Bifall med ändring"
    AVSLAG = "avslag", "Avslag"
    ATERREMISS = "aterremiss", "Återremiss"
    BORDLAGT = "bordlagt", "Bordläggning"
    EJ_BIFALLET = "ej_bifallet", "Ej bifallet (kvalificerad majoritet saknas)"


class Beslutsform(models.TextChoices):
    ACKLAMATION = "acklamation", "Acklamation"
    VOTERING = "votering", "Votering (omröstning)"


class Paragraf(ForbundsData):
    """A numbered paragraph (§) of the minutes, numbered continuously per förbund and calendar year.

    Other apps refer to board decisions through this model (e.g. a grant, an adopted budget)
    and may create rows with only forbund, sammantrade, ar, nummer, rubrik and text.
    `utfall` is blank for a paragraph without a proposal (e.g. "Mötets öppnande") and for rows made by other apps.
    """

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.PROTECT, related_name="paragrafer", verbose_name="sammanträde")
    ar = models.PositiveSmallIntegerField("år")
    nummer = models.PositiveIntegerField("nummer")
    rubrik = models.CharField("rubrik", max_length=300)
    text = models.TextField("text", blank=True)
    beslut = models.TextField("beslut", blank=True, default="", help_text="En att-sats per rad.")
    utfall = models.CharField("utfall", max_length=12, choices=Utfall.choices, blank=True, default="")
    beslutsform = models.CharField("beslutsform", max_length=12, choices=Beslutsform.choices, blank=True, default="")
    propositionsordning = models.TextField("propositionsordning", blank=True)
    omrostning = models.CharField("omröstning", max_length=400, blank=True)
    omedelbart_justerad = models.DateTimeField("omedelbart justerad", null=True, blank=True)
    last = models.BooleanField("låst (justerad)", default=False)
    skapad = models.DateTimeField("registrerad", auto_now_add=True, null=True)

    class Meta:
        verbose_name = "paragraf"
        verbose_name_plural = "paragrafer"
        ordering = ["ar", "nummer"]
        constraints = [models.UniqueConstraint(fields=["forbund", "ar", "nummer"], name="paragraf_unikt_nummer")]

    def __str__(self) -> str:
        return f"§ {self.nummer}/{self.ar} {self.rubrik}"

    @property
    def beslut_satser(self) -> list[str]:
        return att_satser(self.beslut)

    @property
    def beteckning(self) -> str:
        return f"§ {self.nummer}"

    @property
    def bifallen(self) -> bool:
        """The paragraph adopts what it says (not an avslag, återremiss, bordläggning or a proposal that fell)."""
        return self.utfall in {"", Utfall.BIFALL, Utfall.ANDRAT}


class Yrkande(ForbundsData):
    """A motion by a member at one paragraph: bifall, avslag, ändring, tillägg, återremiss or bordläggning."""

    class Typ(models.TextChoices):
        BIFALL = "bifall", "Bifall till förslaget"
        AVSLAG = "avslag", "Avslag"
        ANDRING = "andring", "Ändring"
        TILLAGG = "tillagg", "Tillägg"
        ATERREMISS = "aterremiss", "Återremiss"
        BORDLAGGNING = "bordlaggning", "Bordläggning"

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="yrkanden", verbose_name="paragraf")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="yrkande av")
    typ = models.CharField("yrkande", max_length=12, choices=Typ.choices)
    text = models.TextField("lydelse/motivering", blank=True)
    ordning = models.PositiveSmallIntegerField("ordning", default=0)

    class Meta:
        verbose_name = "yrkande"
        verbose_name_plural = "yrkanden"
        ordering = ["paragraf", "ordning", "id"]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_typ_display()}"

    @property
    def mening(self) -> str:
        """The motion as the minutes state it."""
        namn = self.person.namn
        text = self.text.strip().rstrip(".")
        if self.typ == self.Typ.BIFALL:
            return f"{namn} yrkar bifall till förslaget."
        if self.typ == self.Typ.AVSLAG:
            return f"{namn} yrkar avslag på förslaget" + (f" med motiveringen: {text}." if text else ".")
        if self.typ == self.Typ.ANDRING:
            return f"{namn} yrkar ändring av förslaget: {text}."
        if self.typ == self.Typ.TILLAGG:
            return f"{namn} yrkar tillägg till förslaget: {text}."
        if self.typ == self.Typ.ATERREMISS:
            return f"{namn} yrkar återremiss av ärendet" + (f" med motiveringen: {text}." if text else ".")
        return f"{namn} yrkar bordläggning av ärendet" + (f" med motiveringen: {text}." if text else ".")


class Rost(ForbundsData):
    """A voting member's stand on one paragraph: for, against, abstain, or jäv (does not take part)."""

    class Val(models.TextChoices):
        JA = "ja", "Ja"
        NEJ = "nej", "Nej"
        AVSTAR = "avstar", "Avstår"
        JAV = "jav", "Jäv – deltar inte"

    paragraf = models.ForeignKey(Paragraf, on_delete=models.CASCADE, related_name="roster", verbose_name="paragraf")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    val = models.CharField("ställningstagande", max_length=6, choices=Val.choices, blank=True)
    reservation = models.TextField("reservation", blank=True)
    anteckning = models.TextField("protokollsanteckning", blank=True)

    class Meta:
        verbose_name = "röst"
        verbose_name_plural = "röster"
        ordering = ["paragraf", svensk("person__namn")]
        constraints = [models.UniqueConstraint(fields=["paragraf", "person"], name="rost_en_per_person")]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_val_display()}"


class Uppdrag(Statusovergangar, ForbundsData):
    """An assignment given by a decision ("att uppdra till förbundschefen att …"), listed until done."""

    class Status(models.TextChoices):
        OPPET = "oppet", "Pågår"
        KLART = "klart", "Klart"

    OVERGANGAR: ClassVar[dict[str, set[str]]] = {Status.OPPET: {Status.KLART}, Status.KLART: set()}

    paragraf = models.ForeignKey(Paragraf, on_delete=models.PROTECT, related_name="uppdrag", verbose_name="beslut")
    text = models.TextField("uppdrag")
    ansvarig = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="ansvarig")
    ansvarig_text = models.CharField("ansvarig (enligt beslutet)", max_length=200, blank=True)
    aterrapport = models.ForeignKey(
        Sammantrade,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="uppdrag_att_aterrapportera",
        verbose_name="återrapporteras vid",
    )
    status = models.CharField("status", max_length=6, choices=Status.choices, default=Status.OPPET)
    klart_paragraf = models.ForeignKey(
        Paragraf, on_delete=models.SET_NULL, null=True, blank=True, related_name="avslutade_uppdrag", verbose_name="avrapporterat i"
    )
    klart_datum = models.DateField("klart", null=True, blank=True)

    class Meta:
        verbose_name = "uppdrag"
        verbose_name_plural = "uppdrag"
        ordering = ["status", "paragraf__ar", "paragraf__nummer", "id"]

    def __str__(self) -> str:
        return f"Uppdrag ({self.paragraf.beteckning}): {self.text[:60]}"

    @property
    def ar_oppet(self) -> bool:
        """Status: the assignment is still open (templates read this, never the status string)."""
        return bool(self.status == self.Status.OPPET)

    @property
    def ar_klart(self) -> bool:
        """Status: the assignment is reported back (templates read this, never the status string)."""
        return bool(self.status == self.Status.KLART)


class Expediering(ForbundsData):
    """One sending of a protokollsutdrag by e-mail to one recipient (expediering), recorded when sent."""

    paragraf = models.ForeignKey(Paragraf, on_delete=models.PROTECT, related_name="expedieringar", verbose_name="paragraf")
    mottagare = models.CharField("mottagare", max_length=200)
    epost = models.EmailField("e-post")
    meddelande = models.TextField("meddelande", blank=True)
    begard = models.DateTimeField("begärd")
    begard_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="begärd av"
    )
    skickad = models.DateTimeField("skickad", null=True, blank=True)
    fel = models.CharField("fel", max_length=300, blank=True)

    class Meta:
        verbose_name = "expediering"
        verbose_name_plural = "expedieringar"
        ordering = ["-begard", "id"]

    def __str__(self) -> str:
        return f"Utdrag {self.paragraf} till {self.mottagare} <{self.epost}>"
