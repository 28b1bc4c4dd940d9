"""The delegation order (delegationsordning) as a versioned register, and the yearly prisbasbelopp.

A version is adopted by a § of a board meeting and is in force from a date until the next adopted
version; earlier versions are kept unchanged. Each row names the delegate as a role of the
organisation (the chair, the förbundschef, …) or a named person, an optional ersättare, and an
optional limit in kronor or in prisbasbelopp (read for the year of the decision).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q

from finsam.formatting import kr
from finsam.models import ForbundQuerySet, ForbundsData, Person, Statusovergangar
from styrelse.models import Mandat


class Prisbasbelopp(models.Model):
    """The national prisbasbelopp for a year (socialförsäkringsbalken 2 kap. 6–7 §§), set by the government."""

    ar = models.PositiveSmallIntegerField("år", unique=True, validators=[MinValueValidator(1960)])
    belopp = models.PositiveIntegerField("belopp (kr)")

    class Meta:
        verbose_name = "prisbasbelopp"
        verbose_name_plural = "prisbasbelopp"
        ordering = ["-ar"]

    def __str__(self) -> str:
        return f"{self.ar}: {self.belopp} kr"


# The prisbasbelopp the government has set (förordningen om prisbasbelopp, published by SCB). A registered
# Prisbasbelopp row (admin, audited) takes precedence and adds later years; these hold whatever the table holds.
FASTSTALLDA_PRISBASBELOPP = {2019: 46500, 2020: 47300, 2021: 47600, 2022: 48300, 2023: 52500, 2024: 57300, 2025: 58800, 2026: 59200}


def prisbasbelopp_for(ar: int) -> int:
    """The prisbasbelopp of `ar`; a refusal naming the year when it is neither registered nor known."""
    belopp = Prisbasbelopp.objects.filter(ar=ar).values_list("belopp", flat=True).first()
    if belopp is None:
        belopp = FASTSTALLDA_PRISBASBELOPP.get(ar)
    if belopp is None:
        raise ValidationError(f"Prisbasbeloppet för {ar} är inte registrerat; lägg in det innan beslut med beloppsgräns registreras.")
    return int(belopp)


class DelegatRoll(models.TextChoices):
    STYRELSEN = "styrelsen", "Styrelsen (ej delegerat)"
    ORDFORANDE = "ordforande", "Förbundsordförande"
    VICE_ORDFORANDE = "vice_ordforande", "Vice ordförande"
    FORBUNDSCHEF = "forbundschef", "Förbundschef"
    PERSON = "person", "Namngiven person"


_TOM = re.compile(r"t\.o\.m\.\s*(\d{4}-\d{2}-\d{2})")


def innehar_roll(person: Person, roll: str, datum: dt.date, namngiven: Person | None = None) -> bool:
    """Whether `person` held `roll` on `datum`: the chair and vice chair from the board mandates, the
    förbundschef from the staff register (a title "Förbundschef (t.o.m. 2019-12-31)" ends that day)."""
    if roll == DelegatRoll.PERSON:
        return namngiven is not None and namngiven.pk == person.pk
    if roll in (DelegatRoll.ORDFORANDE, DelegatRoll.VICE_ORDFORANDE):
        return (
            Mandat.objects.filter(forbund_id=person.forbund_id, person=person, uppdrag=roll, fran__lte=datum)
            .filter(Q(till__isnull=True) | Q(till__gte=datum))
            .exists()
        )
    if roll == DelegatRoll.FORBUNDSCHEF:
        if not person.ar_personal or not person.befattning.lower().startswith("förbundschef"):
            return False
        slut = _TOM.search(person.befattning)
        return slut is None or datum <= dt.date.fromisoformat(slut.group(1))
    return False


class DelegationsordningQuerySet(ForbundQuerySet):
    def i_kraft(self, forbund_id: int, datum: dt.date) -> Delegationsordning | None:
        """The adopted version in force on `datum` (the latest valid-from date on or before it)."""
        return (
            self.filter(forbund_id=forbund_id, status=Delegationsordning.Status.ANTAGEN, giltig_fran__lte=datum)
            .select_related("antagen_paragraf")
            .order_by("-giltig_fran")
            .first()
        )


class Delegationsordning(Statusovergangar, ForbundsData):
    """One version of the delegation order. A draft is edited; adoption (a §, a valid-from date) locks it."""

    objects = DelegationsordningQuerySet.as_manager()  # type: ignore[misc]

    class Status(models.TextChoices):
        UTKAST = "utkast", "Utkast"
        ANTAGEN = "antagen", "Antagen"

    OVERGANGAR: ClassVar[dict[str, set[str]]] = {Status.UTKAST: {Status.ANTAGEN}, Status.ANTAGEN: set()}

    rubrik = models.CharField("rubrik", max_length=200, default="Delegationsordning")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.UTKAST)
    giltig_fran = models.DateField("gäller från", null=True, blank=True)
    antagen_paragraf = models.ForeignKey(
        "styrelse.Paragraf", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="antagen i §"
    )
    anteckning = models.TextField("anteckning", blank=True)
    skapad = models.DateTimeField("skapad", auto_now_add=True)

    class Meta:
        verbose_name = "delegationsordning"
        verbose_name_plural = "delegationsordningar"
        ordering = ["-giltig_fran", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["forbund", "giltig_fran"], name="delegationsordning_unik_giltig_fran"),
            models.UniqueConstraint(fields=["forbund"], condition=Q(status="utkast"), name="delegationsordning_ett_utkast"),
            models.CheckConstraint(condition=Q(status="utkast") | Q(giltig_fran__isnull=False), name="delegationsordning_antagen_har_datum"),
        ]

    def __str__(self) -> str:
        if self.status == self.Status.ANTAGEN and self.giltig_fran:
            return f"{self.rubrik} från {self.giltig_fran:%Y-%m-%d}"
        return f"{self.rubrik} (utkast)"

    @property
    def kan_andras(self) -> bool:
        return self.status == self.Status.UTKAST

    @property
    def beslut_text(self) -> str:
        p = self.antagen_paragraf
        if p is None:
            return "Överförd från den tidigare delegationsordningen" if self.status == self.Status.ANTAGEN else "Ej antagen"
        return f"§ {p.nummer}/{p.ar}"

    @property
    def ar_utkast(self) -> bool:
        """Status: a draft, not yet adopted by a § (templates read this, never the status string)."""
        return bool(self.status == self.Status.UTKAST)


class Delegationsrad(ForbundsData):
    """One matter of a delegation order version: who decides, who stands in, within which limit."""

    class Grans(models.TextChoices):
        INGEN = "", "Ingen beloppsgräns"
        KRONOR = "kronor", "Kronor"
        PRISBASBELOPP = "pbb", "Prisbasbelopp"

    # The fields a user writes (page, API, import and service read this one list).
    SKRIVBARA_FALT: ClassVar[tuple[str, ...]] = (
        "nummer",
        "avsnitt",
        "arende",
        "delegat_roll",
        "delegat_person",
        "ersattare_roll",
        "ersattare_person",
        "grans_typ",
        "grans_varde",
        "villkor",
        "anmals",
        "ordforandebeslut",
        "kommentar",
    )

    ordning = models.ForeignKey(Delegationsordning, on_delete=models.CASCADE, related_name="rader", verbose_name="delegationsordning")
    nummer = models.PositiveSmallIntegerField("nummer", default=0)
    avsnitt = models.CharField("avsnitt", max_length=100)
    arende = models.CharField("ärende", max_length=400)
    delegat_roll = models.CharField("delegat", max_length=20, choices=DelegatRoll.choices)
    delegat_person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="delegat (person)")
    ersattare_roll = models.CharField("ersättare", max_length=20, choices=DelegatRoll.choices, blank=True)
    ersattare_person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="ersättare (person)")
    grans_typ = models.CharField("beloppsgräns i", max_length=10, choices=Grans.choices, blank=True, default="")
    grans_varde = models.DecimalField(
        "beloppsgräns", max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    villkor = models.TextField("villkor", blank=True)
    anmals = models.BooleanField("anmäls till styrelsen", default=True)
    ordforandebeslut = models.BooleanField(
        "ordförandebeslut i brådskande ärenden",
        default=False,
        help_text="Ordföranden får besluta på styrelsens vägnar i ärenden så brådskande att styrelsens avgörande inte kan "
        "avvaktas (kommunallagen 6 kap. 39 §).",
    )
    kommentar = models.TextField("kommentar", blank=True)

    class Meta:
        verbose_name = "delegation"
        verbose_name_plural = "delegationer"
        ordering = ["ordning", "nummer", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(grans_typ="") & Q(grans_varde__isnull=True)) | (~Q(grans_typ="") & Q(grans_varde__isnull=False)),
                name="delegationsrad_grans_typ_och_varde",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.arende} ({self.delegat})"

    def clean(self) -> None:
        fel: dict[str, str] = {}
        if self.delegat_roll == DelegatRoll.PERSON and not self.delegat_person_id:
            fel["delegat_person"] = "Ange vilken person som är delegat."
        if self.delegat_roll != DelegatRoll.PERSON and self.delegat_person_id:
            fel["delegat_person"] = "En person anges bara när delegaten är en namngiven person."
        if self.ersattare_roll == DelegatRoll.PERSON and not self.ersattare_person_id:
            fel["ersattare_person"] = "Ange vilken person som är ersättare."
        if self.ersattare_roll != DelegatRoll.PERSON and self.ersattare_person_id:
            fel["ersattare_person"] = "En person anges bara när ersättaren är en namngiven person."
        if self.ersattare_roll == DelegatRoll.STYRELSEN:
            fel["ersattare_roll"] = "Styrelsen kan inte vara ersättare för en delegat."
        if self.delegat_roll == DelegatRoll.STYRELSEN and self.ersattare_roll:
            fel["ersattare_roll"] = "Ett ärende som styrelsen själv beslutar har ingen ersättare."
        if self.grans_typ and self.grans_varde is None:
            fel["grans_varde"] = "Ange beloppsgränsen."
        if not self.grans_typ and self.grans_varde is not None:
            fel["grans_typ"] = "Ange om gränsen är i kronor eller i prisbasbelopp."
        for falt in ("delegat_person", "ersattare_person"):
            p = getattr(self, falt) if getattr(self, f"{falt}_id") else None
            if p is not None and p.forbund_id != self.forbund_id:
                fel[falt] = "Personen hör till ett annat förbund."
        if fel:
            raise ValidationError(fel)

    @property
    def delegat(self) -> str:
        if self.delegat_roll == DelegatRoll.PERSON and self.delegat_person_id:
            return str(self.delegat_person)
        return self.get_delegat_roll_display()

    @property
    def ersattare(self) -> str:
        if self.ersattare_roll == DelegatRoll.PERSON and self.ersattare_person_id:
            return str(self.ersattare_person)
        return self.get_ersattare_roll_display() if self.ersattare_roll else ""

    @property
    def ar_delegerad(self) -> bool:
        return self.delegat_roll != DelegatRoll.STYRELSEN

    @property
    def grans_text(self) -> str:
        if not self.grans_typ or self.grans_varde is None:
            return ""
        varde = self.grans_varde.normalize()
        tal = f"{varde:f}".replace(".", ",")
        if self.grans_typ == self.Grans.PRISBASBELOPP:
            return f"högst {tal} prisbasbelopp"
        return f"högst {kr(int(self.grans_varde))}"

    def grans_kronor(self, datum: dt.date) -> Decimal | None:
        """The limit in kronor on `datum` (prisbasbelopp of that year); None without a limit."""
        if not self.grans_typ or self.grans_varde is None:
            return None
        if self.grans_typ == self.Grans.PRISBASBELOPP:
            return (self.grans_varde * prisbasbelopp_for(datum.year)).quantize(Decimal(1))
        return self.grans_varde

    def prova_beslut(self, *, person: Person, datum: dt.date, belopp: Decimal | None) -> None:
        """Refuse a decision under this row that the delegation order in force on `datum` does not allow.

        The row must belong to the version in force on the date, the matter must be delegated, the
        decision maker must hold the delegate's role (or the ersättare's) on the date, and the amount
        must be within the limit (prisbasbelopp of the decision's year).
        """
        ordning = self.ordning
        i_kraft = Delegationsordning.objects.i_kraft(self.forbund_id, datum)
        if i_kraft is None:
            raise ValidationError({"datum": f"Ingen antagen delegationsordning gällde {datum:%Y-%m-%d}."})
        if i_kraft.pk != ordning.pk:
            raise ValidationError(
                {"delegation": f"Delegationen hör till {ordning}, men den {datum:%Y-%m-%d} gällde {i_kraft}. Välj ärendet ur den ordningen."}
            )
        if not self.ar_delegerad:
            raise ValidationError({"delegation": f"Ärendet ”{self.arende}” är inte delegerat; det beslutas av styrelsen."})
        if not (
            innehar_roll(person, self.delegat_roll, datum, self.delegat_person)
            or (self.ersattare_roll and innehar_roll(person, self.ersattare_roll, datum, self.ersattare_person))
        ):
            vem = self.delegat + (
                f" eller ersättaren {self.ersattare.lower() if self.ersattare_roll != DelegatRoll.PERSON else self.ersattare}"
                if self.ersattare_roll
                else ""
            )
            raise ValidationError(
                {"delegat": f"{person} var inte {vem} den {datum:%Y-%m-%d}; enligt delegationsordningen beslutar {vem} i ärendet ”{self.arende}”."}
            )
        grans = self.grans_kronor(datum)
        if grans is None:
            return
        if belopp is None:
            raise ValidationError({"belopp": f"Ange beslutets belopp; delegationen gäller {self.grans_text}."})
        if belopp > grans:
            pbb = f" ({self.grans_text} à {kr(prisbasbelopp_for(datum.year))} år {datum.year})" if self.grans_typ == self.Grans.PRISBASBELOPP else ""
            raise ValidationError(
                {"belopp": f"Beslutet på {kr(belopp)} överstiger delegationens gräns på {kr(grans)}{pbb}; beslutet ska fattas av styrelsen."}
            )
