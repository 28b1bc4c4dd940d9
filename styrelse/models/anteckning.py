"""A board member's private notes on the papers: per agenda item or per attachment, seen by the author only."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from finsam.models import ForbundsData

from .mote import Arende, Bilaga, Sammantrade


class AnteckningQuerySet(models.QuerySet["Anteckning"]):
    def for_forfattare(self, user: object) -> AnteckningQuerySet:
        """The only way notes are read: the author's own (anyone else gets nothing)."""
        pk = getattr(user, "pk", None)
        return self.filter(forfattare_id=pk) if pk else self.none()


class Anteckning(ForbundsData):
    """A private working note (arbetsanteckning). No reverse relation: nothing else reaches it."""

    forfattare = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name="författare")
    sammantrade = models.ForeignKey(Sammantrade, on_delete=models.CASCADE, related_name="+", verbose_name="sammanträde")
    arende = models.ForeignKey(Arende, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="ärende")
    bilaga = models.ForeignKey(Bilaga, on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name="bilaga")
    text = models.TextField("anteckning", max_length=20000)
    skapad = models.DateTimeField("skapad", auto_now_add=True)
    andrad = models.DateTimeField("ändrad", auto_now=True)

    objects = AnteckningQuerySet.as_manager()  # type: ignore[assignment,misc]

    class Meta:
        verbose_name = "anteckning"
        verbose_name_plural = "anteckningar"
        ordering = ["sammantrade", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(arende__isnull=False) & Q(bilaga__isnull=True)) | (Q(arende__isnull=True) & Q(bilaga__isnull=False)),
                name="anteckning_arende_eller_bilaga",
            ),
            models.UniqueConstraint(fields=["forfattare", "arende"], condition=Q(arende__isnull=False), name="anteckning_en_per_arende"),
            models.UniqueConstraint(fields=["forfattare", "bilaga"], condition=Q(bilaga__isnull=False), name="anteckning_en_per_bilaga"),
        ]

    def __str__(self) -> str:
        return f"Anteckning ({self.handling_text})"

    @property
    def handling_text(self) -> str:
        if self.bilaga_id:
            return str(self.bilaga)
        return str(self.arende)

    def clean(self) -> None:
        if (self.arende_id is None) == (self.bilaga_id is None):
            raise ValidationError("En anteckning gäller antingen ett ärende eller en bilaga.")
        mote_id = self.arende.sammantrade_id if self.arende_id else self.bilaga.sammantrade_id  # type: ignore[union-attr]
        if mote_id != self.sammantrade_id:
            raise ValidationError("Handlingen hör inte till sammanträdet.")
        if not (self.text or "").strip():
            raise ValidationError({"text": ["Anteckningen är tom."]})
