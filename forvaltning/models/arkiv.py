"""The records plan (dokumenthanteringsplan), legal holds on gallring, and gallring runs with their protocol."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Statusovergangar


class Bevarande(models.TextChoices):
    BEVARAS = "bevaras", "Bevaras"
    GALLRAS = "gallras", "Gallras efter en tid"
    INAKTUALITET = "inaktualitet", "Gallras vid inaktualitet"


class Planrad(ForbundsData):
    """One row of the records plan: a kind of record, its medium, where it is kept and how long.

    `ar` is the time the plan states: for "Gallras" the years after the year the record was drawn
    up or came in ("tidigast två kalenderår utöver det år …"); for "Bevaras 5 år" the years it stays
    with the förbund before it goes to the final archive; it is never destroyed. `regel_text` keeps
    the plan's own wording where it says more ("10 år i lönesystemet"). `produkttyper` lists the
    kinds of record Finsam itself holds that fall under the row (forvaltning.arkivtyper).
    """

    nummer = models.PositiveSmallIntegerField("nummer", default=0)
    avsnitt = models.CharField("process", max_length=100)
    handling = models.CharField("handlingstyp", max_length=300)
    media = models.CharField("medium", max_length=60, blank=True)
    sortering = models.CharField("registrering/sortering", max_length=120, blank=True)
    forvaringsplats = models.CharField("förvaringsplats", max_length=200, blank=True)
    bevarande = models.CharField("bevaras/gallras", max_length=12, choices=Bevarande.choices)
    ar = models.PositiveSmallIntegerField("tid (år)", null=True, blank=True)
    regel_text = models.CharField("planens formulering", max_length=120, blank=True)
    anmarkning = models.TextField("anmärkning", blank=True)
    produkttyper = models.JSONField("handlingar i Finsam", default=list, blank=True)

    class Meta:
        verbose_name = "rad i dokumenthanteringsplanen"
        verbose_name_plural = "dokumenthanteringsplan"
        ordering = ["nummer", "id"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "avsnitt", "handling"], name="planrad_unik_handling"),
            models.CheckConstraint(condition=~Q(bevarande="gallras") | Q(ar__isnull=False), name="planrad_gallras_har_tid"),
        ]

    def __str__(self) -> str:
        return f"{self.handling} – {self.regel}"

    def clean(self) -> None:
        if self.bevarande == Bevarande.GALLRAS and not self.ar:
            raise ValidationError({"ar": "Ange efter hur många år handlingen gallras."})
        if self.ar is not None and not 0 < self.ar <= 100:
            raise ValidationError({"ar": "Tiden ska vara mellan 1 och 100 år."})
        if not isinstance(self.produkttyper, list) or not all(isinstance(x, str) for x in self.produkttyper):
            raise ValidationError({"produkttyper": "Ange handlingarna i Finsam som en lista."})

    @property
    def regel(self) -> str:
        """The rule as the plan words it ("Bevaras 5 år", "Gallras efter 10 år", "1 år eller vid inaktualitet")."""
        if self.regel_text:
            return self.regel_text
        if self.bevarande == Bevarande.BEVARAS:
            return f"Bevaras {self.ar} år" if self.ar else "Bevaras"
        if self.bevarande == Bevarande.GALLRAS:
            return f"Gallras efter {self.ar} år"
        return f"{self.ar} år eller vid inaktualitet" if self.ar else "Gallras vid inaktualitet"

    @property
    def tolkning(self) -> str:
        """What the rule means for Finsam, in one sentence."""
        if self.bevarande == Bevarande.BEVARAS:
            if self.ar:
                return f"Bevaras för all framtid; förvaras hos förbundet i {self.ar} år och lämnas sedan till slutarkivet."
            return "Bevaras för all framtid; gallras aldrig."
        if self.bevarande == Bevarande.GALLRAS:
            return f"Gallras tidigast {self.ar} kalenderår efter det år handlingen kom in eller upprättades."
        if self.ar:
            return f"Gallras när den inte längre behövs, senast {self.ar} kalenderår efter det år den kom in eller upprättades."
        return "Gallras av den ansvarige när den inte längre behövs; Finsam gallrar den inte av sig själv."

    @property
    def bevaras(self) -> bool:
        return self.bevarande == Bevarande.BEVARAS

    @property
    def gallras_automatiskt(self) -> bool:
        """Whether a gallring run destroys records under this row once their time has passed."""
        return self.bevarande != Bevarande.BEVARAS and self.ar is not None

    def forsta_gallringsar(self, ar: int) -> int | None:
        """The first calendar year a record from year `ar` may be destroyed; None if never by a run."""
        if not self.gallras_automatiskt:
            return None
        return ar + int(self.ar or 0) + 1


class Gallringsstopp(ForbundsData):
    """A legal hold: records of a matter (the diarium's ärende) are kept whatever the plan says."""

    arende = models.CharField("ärende", max_length=300)
    orsak = models.TextField("orsak")
    fran = models.DateField("gäller från")
    havt = models.DateField("hävt", null=True, blank=True)
    registrerat_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerat av"
    )

    class Meta:
        verbose_name = "gallringsstopp"
        verbose_name_plural = "gallringsstopp"
        ordering = ["-fran", "-id"]

    def __str__(self) -> str:
        return f"Gallringsstopp: {self.arende}"


class Gallring(Statusovergangar, ForbundsData):
    """One gallring run: proposed by the system, approved and carried out by the förbundschef.

    `poster` is the snapshot of what is due (and what is kept, with the reason) when proposed;
    on approval `utfall` holds what was destroyed and the protocol (PDF/A, locked) is ordered.
    """

    class Status(models.TextChoices):
        FORSLAG = "forslag", "Förslag"
        GENOMFORD = "genomford", "Genomförd"

    OVERGANGAR: ClassVar[dict[str, set[str]]] = {Status.FORSLAG: {Status.GENOMFORD}, Status.GENOMFORD: set()}

    nummer = models.PositiveIntegerField("nummer")
    ar = models.PositiveSmallIntegerField("gallringsår")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.FORSLAG)
    foreslagen = models.DateTimeField("föreslagen")
    poster = models.JSONField("poster", default=list, blank=True)
    behalls = models.JSONField("behålls", default=list, blank=True)
    utfall = models.JSONField("gallrat", default=list, blank=True)
    genomford = models.DateTimeField("genomförd", null=True, blank=True)
    genomford_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="genomförd av"
    )
    genomford_av_namn = models.CharField("genomförd av (namn)", max_length=200, blank=True)
    protokoll = models.ForeignKey(
        "finsam.Dokument", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="gallringsprotokoll"
    )

    class Meta:
        verbose_name = "gallring"
        verbose_name_plural = "gallringar"
        ordering = ["-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "nummer"], name="gallring_unikt_nummer"),
            models.UniqueConstraint(fields=["forbund"], condition=Q(status="forslag"), name="gallring_ett_forslag"),
        ]

    def __str__(self) -> str:
        return f"Gallring {self.nummer} ({self.ar})"

    @property
    def kan_genomforas(self) -> bool:
        return self.status == self.Status.FORSLAG
