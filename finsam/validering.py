"""Checks of Swedish identity numbers through python-stdnum (check digits included)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from stdnum.se import orgnr


def organisationsnummer_kontrollera(varde: str) -> None:
    """Refuse an organisation number whose check digit (Luhn) or form is wrong; empty is allowed."""
    if varde and not orgnr.is_valid(varde):
        raise ValidationError({"organisationsnummer": f"{varde} är inte ett giltigt organisationsnummer (kontrollsiffran stämmer inte)."})
