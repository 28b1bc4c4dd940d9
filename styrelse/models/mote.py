"""Mandates, decision rules, meetings, agenda, attachments, attendance, justering, notice and posting."""

from __future__ import annotations

from fractions import Fraction

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData, Medlem, Person
from finsam.sortering import svensk


class Mandat(ForbundsData):
    """A seat on the board: a ledamot or ersättare for one member, for a period."""

    class Typ(models.TextChoices):
        LEDAMOT = "ledamot", "Ledamot"
        ERSATTARE = "ersattare", "Ersättare"

    class Uppdrag(models.TextChoices):
        INGET = "", "–"
        ORDFORANDE = "ordforande", "Ordförande"
        VICE_ORDFORANDE = "vice_ordforande", "Vice ordförande"

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="mandat", verbose_name="person")
    medlem = models.ForeignKey(Medlem, on_delete=models.PROTECT, related_name="mandat", verbose_name="medlem")
    typ = models.CharField("typ", max_length=10, choices=Typ.choices)
    uppdrag = models.CharField("uppdrag", max_length=20, choices=Uppdrag.choices, blank=True, default="")
    fran = models.DateField("från")
    till = models.DateField("till", null=True, blank=True)

    class Meta:
        verbose_name = "mandat"
        verbose_name_plural = "mandat"
        ordering = ["typ", "medlem__ordning", "fran"]
        constraints = [
            models.CheckConstraint(condition=Q(till__isnull=True) | Q(till__gte=models.F("fran")), name="mandat_period"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_typ_display()} ({self.medlem})"


class Beslutsregler(ForbundsData):
    """The förbund's decision rules from its statutes (förbundsordning § 6): quorum, majority, notice period."""

    class Majoritet(models.TextChoices):
        TVA_TREDJEDELAR = "2/3", "2/3 av de närvarande röstberättigade"
        TRE_FJARDEDELAR = "3/4", "3/4 av de närvarande röstberättigade"
        FYRA_FEMTEDELAR = "4/5", "4/5 av de närvarande röstberättigade"

    beslutsfor_minst = models.PositiveSmallIntegerField(
        "beslutsför med minst",
        null=True,
        blank=True,
        help_text="Antal röstberättigade som måste vara närvarande. Tomt = mer än hälften av ledamöterna.",
    )
    majoritet = models.CharField("kvalificerad majoritet", max_length=3, choices=Majoritet.choices, default=Majoritet.TVA_TREDJEDELAR)
    kallelsetid_dagar = models.PositiveSmallIntegerField(
        "kallelsetid (dagar)", default=7, help_text="Kallelsen ska skickas senast så här många dagar före mötet."
    )
    forvaringsplats = models.CharField("förvaringsplats för protokoll", max_length=200, blank=True, default="Samordningsförbundets kansli")
    distans_tillaten = models.BooleanField(
        "deltagande på distans tillåtet",
        default=False,
        help_text="Styrelsen har beslutat att ledamöter får delta på distans (kommunallagen 6 kap. 24 §).",
    )
    distans_beslut = models.ForeignKey(
        "styrelse.Paragraf",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="beslut om distansdeltagande",
    )

    class Meta:
        verbose_name = "beslutsregler"
        verbose_name_plural = "beslutsregler"
        constraints = [models.UniqueConstraint(fields=["forbund"], name="beslutsregler_en_per_forbund")]

    def __str__(self) -> str:
        return f"Beslutsregler ({self.majoritet})"

    @property
    def andel(self) -> Fraction:
        taljare, namnare = self.majoritet.split("/")
        return Fraction(int(taljare), int(namnare))


class Sammantrade(ForbundsData):
    """A board meeting (styrelsemöte or planeringsdag)."""

    class Typ(models.TextChoices):
        STYRELSEMOTE = "styrelsemote", "Styrelsemöte"
        PLANERINGSDAG = "planeringsdag", "Planeringsdag"

    class Status(models.TextChoices):
        PLANERAT = "planerat", "Planerat"
        KALLAT = "kallat", "Kallelse skickad"
        GENOMFORT = "genomfort", "Genomfört – protokoll för justering"
        JUSTERAT = "justerat", "Justerat"
        INSTALLT = "installt", "Inställt"

    typ = models.CharField("typ", max_length=20, choices=Typ.choices, default=Typ.STYRELSEMOTE)
    datum = models.DateField("datum")
    starttid = models.TimeField("starttid", null=True, blank=True)
    sluttid = models.TimeField("sluttid", null=True, blank=True)
    plats = models.CharField("plats", max_length=200, blank=True)
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.PLANERAT)
    detaljer = models.TextField("detaljer", blank=True)
    sammankallande = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="sammankallande")
    ordforande = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="mötesordförande")
    sekreterare = models.ForeignKey(Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="sekreterare")
    justerare = models.ManyToManyField(Person, blank=True, related_name="justerar", verbose_name="justerare")
    datumbeslut = models.ForeignKey(
        "styrelse.Paragraf",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fastslagna_moten",
        verbose_name="beslut om mötesdatum",
    )
    kallelse_skickad = models.DateTimeField("kallelse skickad", null=True, blank=True)
    avslutat = models.DateTimeField("mötet avslutat", null=True, blank=True)
    justerat = models.DateTimeField("justerat", null=True, blank=True)
    kalendersekvens = models.PositiveIntegerField(
        "kalenderversion", default=0, help_text="Höjs vid varje ändring av tid eller plats (SEQUENCE i kalenderinbjudan)."
    )
    kalender_skickad_sekvens = models.PositiveIntegerField("skickad kalenderversion", null=True, blank=True)

    class Meta:
        verbose_name = "sammanträde"
        verbose_name_plural = "sammanträden"
        ordering = ["-datum"]

    def __str__(self) -> str:
        return f"{self.get_typ_display()} {self.datum:%Y-%m-%d}"

    @property
    def last(self) -> bool:
        return self.justerat is not None

    @property
    def kalender_inaktuell(self) -> bool:
        """Time or place changed after the invitation was sent: an update should be sent."""
        return self.kalender_skickad_sekvens is not None and self.kalender_skickad_sekvens < self.kalendersekvens

    # --- Status: the allowed transitions (SAMMANTRADE_OVERGANGAR below) are checked here and nowhere else ---

    def kontrollera_overgang(self, ny: str) -> None:
        """Raise a Swedish ValidationError unless the meeting may go from its status to `ny`."""
        if ny in SAMMANTRADE_OVERGANGAR[self.status]:
            return
        S = Sammantrade.Status
        if self.status == S.INSTALLT:
            raise ValidationError("Mötet är redan inställt." if ny == S.INSTALLT else "Mötet är inställt.")
        if self.status == S.JUSTERAT:
            raise ValidationError("Protokollet är justerat och låst; mötets status kan inte ändras.")
        if ny == S.INSTALLT:
            raise ValidationError("Mötet har beslut och kan inte ställas in.")
        if ny == S.JUSTERAT:
            raise ValidationError("Mötet måste vara avslutat innan protokollet kan justeras.")
        if self.status == S.GENOMFORT:
            raise ValidationError("Mötet är redan avslutat." if ny == S.GENOMFORT else "Mötet är redan genomfört.")
        raise ValidationError(f"Ett sammanträde med status {self.get_status_display().lower()} kan inte få status {S(ny).label.lower()}.")

    @property
    def ar_installt(self) -> bool:
        return self.status == Sammantrade.Status.INSTALLT

    @property
    def kan_kallas(self) -> bool:
        """The notice may be sent (or sent again): the meeting is neither held nor cancelled."""
        return self.status == Sammantrade.Status.KALLAT or Sammantrade.Status.KALLAT in SAMMANTRADE_OVERGANGAR[self.status]

    @property
    def kan_stallas_in(self) -> bool:
        return Sammantrade.Status.INSTALLT in SAMMANTRADE_OVERGANGAR[self.status]

    @property
    def kan_avslutas(self) -> bool:
        return Sammantrade.Status.GENOMFORT in SAMMANTRADE_OVERGANGAR[self.status]

    @property
    def status_klass(self) -> str:
        """The CSS modifier of the status badge (status-klar, status-varning, status-info)."""
        return {Sammantrade.Status.JUSTERAT: "klar", Sammantrade.Status.GENOMFORT: "varning"}.get(self.status, "info")  # type: ignore[call-overload]


# Allowed status transitions of a meeting: planned, called, held (minutes for justering), justerat (final);
# a meeting not yet held may be cancelled (final). A meeting may be held without a notice sent through Finsam.
SAMMANTRADE_OVERGANGAR: dict[str, set[str]] = {
    Sammantrade.Status.PLANERAT: {Sammantrade.Status.KALLAT, Sammantrade.Status.GENOMFORT, Sammantrade.Status.INSTALLT},
    Sammantrade.Status.KALLAT: {Sammantrade.Status.GENOMFORT, Sammantrade.Status.INSTALLT},
    Sammantrade.Status.GENOMFORT: {Sammantrade.Status.JUSTERAT},
    Sammantrade.Status.JUSTERAT: set(),
    Sammantrade.Status.INSTALLT: set(),
}


class Arendeslag(models.TextChoices):
    """Kinds of matter that other apps' adoptions depend on (see styrelse.regler)."""

    OVRIGT = "", "Övrigt"
    ARSREDOVISNING = "arsredovisning", "Årsredovisning"
    BUDGET = "budget", "Budget och verksamhetsplan"
    BIDRAG = "bidrag", "Bidrag/finansiering av insats"


class Arende(ForbundsData):
    """An agenda item (ärende). When decided at the meeting it gets its paragraph (§)."""

    class Typ(models.TextChoices):
        VANLIGT = "vanligt", "Beslutsärende"
        STANDARD = "standard", "Stående punkt"
        INFORMATION = "information", "Informationsärende"
        UPPDRAG = "uppdrag", "Återrapportering av uppdrag"
        DELEGATION = "delegation", "Anmälan av delegationsbeslut"

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="arenden", verbose_name="sammanträde")
    ordning = models.PositiveSmallIntegerField("ordning")
    typ = models.CharField("typ", max_length=12, choices=Typ.choices, default=Typ.VANLIGT)
    rubrik = models.CharField("rubrik", max_length=300)
    text = models.TextField("text", blank=True)
    foredragande = models.CharField("föredragande", max_length=200, blank=True)
    forslag = models.TextField("förslag till beslut", blank=True, help_text="En att-sats per rad, utan ordet ”att”.")
    tillagt = models.BooleanField("tillagt vid mötet", default=False)
    slag = models.CharField(
        "slag av ärende",
        max_length=16,
        choices=Arendeslag.choices,
        blank=True,
        default="",
        help_text="Årsredovisning, budget och bidrag kan bara fastställas i ett ärende av rätt slag.",
    )
    aterkommer_fran = models.ForeignKey(
        "styrelse.Paragraf",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="aterkommande_arenden",
        verbose_name="återkommer från (återremiss/bordläggning)",
    )
    paragraf = models.OneToOneField(
        "styrelse.Paragraf", on_delete=models.SET_NULL, null=True, blank=True, related_name="arende", verbose_name="paragraf"
    )

    class Meta:
        verbose_name = "ärende"
        verbose_name_plural = "ärenden"
        ordering = ["sammantrade", "ordning", "id"]

    def __str__(self) -> str:
        return f"{self.ordning}. {self.rubrik}"

    @property
    def forslag_satser(self) -> list[str]:
        return att_satser(self.forslag)


def att_satser(text: str) -> list[str]:
    """Lines of "att"-clauses, without the leading "att" and list marks."""
    satser = []
    for rad in (text or "").splitlines():
        rad = rad.strip().lstrip("-•*").strip()
        if rad.lower().startswith("att "):
            rad = rad[4:].strip()
        if rad:
            satser.append(rad)
    return satser


class Bilaga(ForbundsData):
    """An attachment (Bilaga N), numbered per meeting."""

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="bilagor", verbose_name="sammanträde")
    arende = models.ForeignKey(Arende, on_delete=models.CASCADE, related_name="bilagor", verbose_name="ärende")
    nummer = models.PositiveSmallIntegerField("nummer")
    titel = models.CharField("titel", max_length=200)
    fil = models.FileField("fil", upload_to="styrelse/bilagor/%Y/")
    storlek = models.PositiveIntegerField("storlek (byte)", default=0)
    innehallstyp = models.CharField("filtyp", max_length=100, blank=True)

    class Meta:
        verbose_name = "bilaga"
        verbose_name_plural = "bilagor"
        ordering = ["sammantrade", "nummer"]
        constraints = [models.UniqueConstraint(fields=["sammantrade", "nummer"], name="bilaga_unikt_nummer")]

    def __str__(self) -> str:
        return f"Bilaga {self.nummer}: {self.titel}"


class Narvaro(ForbundsData):
    """Who attended, in which capacity, from which paragraph to which (blank = the whole meeting)."""

    class Kategori(models.TextChoices):
        LEDAMOT = "ledamot", "Beslutande ledamot"
        TJANSTGORANDE = "tjanstgorande", "Tjänstgörande ersättare"
        ERSATTARE = "ersattare", "Ersättare"
        TJANSTEPERSON = "tjansteperson", "Tjänsteperson"
        OVRIG = "ovrig", "Övrig deltagare"

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="narvaro", verbose_name="sammanträde")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="narvaro", verbose_name="person")
    kategori = models.CharField("kategori", max_length=14, choices=Kategori.choices)
    mandat = models.ForeignKey(Mandat, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="mandat")
    ersatter = models.ForeignKey(Mandat, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="tjänstgör för")
    fran_nummer = models.PositiveIntegerField("från §", null=True, blank=True)
    till_nummer = models.PositiveIntegerField("till och med §", null=True, blank=True)
    funktion = models.CharField("funktion/organisation", max_length=200, blank=True)

    class Meta:
        verbose_name = "närvaro"
        verbose_name_plural = "närvaro"
        ordering = ["sammantrade", "kategori", svensk("person__namn")]
        constraints = [
            models.UniqueConstraint(fields=["sammantrade", "person"], name="narvaro_en_per_person"),
            models.CheckConstraint(
                condition=Q(fran_nummer__isnull=True) | Q(till_nummer__isnull=True) | Q(till_nummer__gte=models.F("fran_nummer")),
                name="narvaro_intervall",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_kategori_display()})"

    def narvarande_vid(self, nummer: int) -> bool:
        return (self.fran_nummer is None or self.fran_nummer <= nummer) and (self.till_nummer is None or nummer <= self.till_nummer)

    @property
    def rostberattigad(self) -> bool:
        return self.kategori in {self.Kategori.LEDAMOT, self.Kategori.TJANSTGORANDE}

    @property
    def paragrafer_text(self) -> str:
        if self.fran_nummer is None and self.till_nummer is None:
            return ""
        if self.fran_nummer and self.fran_nummer == self.till_nummer:
            return f"§ {self.fran_nummer}"
        if self.till_nummer is None:
            return f"från § {self.fran_nummer}"
        if self.fran_nummer is None:
            return f"till och med § {self.till_nummer}"
        return f"§ {self.fran_nummer} – § {self.till_nummer}"


class Justering(ForbundsData):
    """One confirmation of the minutes by the chair, the secretary or an appointed justerare."""

    class Roll(models.TextChoices):
        ORDFORANDE = "ordforande", "Ordförande"
        SEKRETERARE = "sekreterare", "Sekreterare"
        JUSTERARE = "justerare", "Justerare"

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="justeringar", verbose_name="sammanträde")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    roll = models.CharField("roll", max_length=12, choices=Roll.choices)
    tidpunkt = models.DateTimeField("tidpunkt")
    bekraftad_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="registrerad av"
    )
    for_annan = models.BooleanField("registrerad för annans räkning (underskrift på papper)", default=False)
    plats = models.CharField("plats för justeringen", max_length=200, blank=True)

    class Meta:
        verbose_name = "justering"
        verbose_name_plural = "justeringar"
        ordering = ["sammantrade", "tidpunkt"]
        constraints = [models.UniqueConstraint(fields=["sammantrade", "person", "roll"], name="justering_unik")]

    def __str__(self) -> str:
        return f"{self.get_roll_display()}: {self.person}"


class Kallelseutskick(ForbundsData):
    """One sending of the notice (kallelse) by e-mail; recipients are recorded one by one."""

    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="utskick", verbose_name="sammanträde")
    begard = models.DateTimeField("begärt")
    begard_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="begärt av"
    )
    klart = models.DateTimeField("klart", null=True, blank=True)

    class Meta:
        verbose_name = "kallelseutskick"
        verbose_name_plural = "kallelseutskick"
        ordering = ["-begard"]

    def __str__(self) -> str:
        return f"Kallelse {self.sammantrade} ({self.begard:%Y-%m-%d %H:%M})"


class KallelseMottagare(ForbundsData):
    utskick = models.ForeignKey(Kallelseutskick, on_delete=models.CASCADE, related_name="mottagare", verbose_name="utskick")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name="person")
    epost = models.EmailField("e-post")
    egenskap = models.CharField("egenskap", max_length=60, blank=True)
    skickad = models.DateTimeField("skickad", null=True, blank=True)
    fel = models.CharField("fel", max_length=300, blank=True)

    class Meta:
        verbose_name = "mottagare"
        verbose_name_plural = "mottagare"
        ordering = ["utskick", svensk("person__namn")]
        constraints = [models.UniqueConstraint(fields=["utskick", "person"], name="kallelsemottagare_unik")]

    def __str__(self) -> str:
        return f"{self.person} <{self.epost}>"


class Anslag(ForbundsData):
    """The posting of the justered minutes on the (digital) notice board: bevis om anslag."""

    sammantrade = models.OneToOneField(Sammantrade, on_delete=models.PROTECT, related_name="anslag", verbose_name="sammanträde")
    uppsatt = models.DateField("anslaget har satts upp")
    nedtas = models.DateField("anslaget tas ned")
    forvaringsplats = models.CharField("förvaringsplats för protokollet", max_length=200)
    anslagsplatser = models.TextField(
        "anslagsplatser", blank=True, default="", help_text="Var justeringen tillkännages, en plats per rad (t.ex. den digitala anslagstavlan)."
    )
    anslagen_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name="anslaget av"
    )
    skapad = models.DateTimeField("registrerat", auto_now_add=True)

    class Meta:
        verbose_name = "anslag"
        verbose_name_plural = "anslag"
        ordering = ["-uppsatt"]
        constraints = [models.CheckConstraint(condition=Q(nedtas__gt=models.F("uppsatt")), name="anslag_nedtas_efter_uppsatt")]

    def __str__(self) -> str:
        return f"Anslag {self.sammantrade} ({self.uppsatt:%Y-%m-%d} – {self.nedtas:%Y-%m-%d})"

    @property
    def platser(self) -> list[str]:
        return [r.strip() for r in self.anslagsplatser.splitlines() if r.strip()]
