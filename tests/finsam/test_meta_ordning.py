"""No default order sorts people's text in byte order: every text field in a Meta.ordering is in Swedish order.

A text field in `Meta.ordering` (also through a relation, `person__namn`) must be `svensk("…")` from
finsam.sortering; a field with choices may stay plain because its stored codes are lowercase ASCII, where
byte order and Swedish order agree (checked here too).
"""

from __future__ import annotations

import re
from typing import Any

from django.apps import apps
from django.db import models

from finsam.sortering import SvenskOrdning, svensk
from tests.finsam.test_arkitektur import APPAR

KOD = re.compile(r"^[a-z0-9_\-]*$")


def _falt(modell: type[models.Model], sokvag: str) -> models.Field[Any, Any]:
    falt: Any = None
    for del_ in sokvag.split("__"):
        falt = modell._meta.pk if del_ == "pk" else modell._meta.get_field(del_)
        if falt.is_relation:
            modell = falt.related_model
    return falt


def byteordning(modell: type[models.Model]) -> list[str]:
    """The entries of the model's Meta.ordering that sort a text field in byte order."""
    fel = []
    for post in modell._meta.ordering:
        if isinstance(post, SvenskOrdning) or not isinstance(post, str) or post == "?":
            continue
        falt = _falt(modell, post.lstrip("-"))
        if not isinstance(falt, models.CharField | models.TextField):
            continue
        if falt.choices and all(KOD.match(str(v)) for v, _ in falt.flatchoices):
            continue
        fel.append(post)
    return fel


def test_ingen_standardordning_sorterar_text_i_byteordning() -> None:
    fel = {f"{m._meta.app_label}.{m.__name__}": byteordning(m) for m in apps.get_models() if m._meta.app_label in APPAR and byteordning(m)}
    assert fel == {}


def test_kontrollen_hittar_text_i_byteordning() -> None:
    class Prov(models.Model):
        namn = models.CharField(max_length=10)
        status = models.CharField(max_length=10, choices=[("ny", "Ny"), ("klar", "Klar")])
        etikett = models.CharField(max_length=10, choices=[("Å", "Å")])
        ar = models.IntegerField()

        class Meta:
            app_label = "finsam"
            ordering = ["-namn", "status", "etikett", "ar", svensk("namn")]

        def __str__(self) -> str:
            return self.namn

    assert byteordning(Prov) == ["-namn", "etikett"]
    apps.all_models["finsam"].pop("prov")
    apps.clear_cache()
