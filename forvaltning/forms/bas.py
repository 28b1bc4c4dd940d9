"""What every register form shares: a date widget, the parse-only ModelForm and the latest paragraphs to choose from."""

from __future__ import annotations

from typing import Any

from django import forms

from styrelse.forms import TillganglighetMixin
from styrelse.models import Paragraf

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TjanstForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A ModelForm that only parses: the model's rules run once, in the service (page and API refuse alike)."""

    def _post_clean(self) -> None:
        pass


def paragrafer(forbund: Any) -> Any:
    """The förbund's latest 200 paragraphs, newest first (a choice list that stays short)."""
    ids = list(Paragraf.objects.filter(forbund=forbund).order_by("-ar", "-nummer").values_list("pk", flat=True)[:200])
    return Paragraf.objects.filter(pk__in=ids).order_by("-ar", "-nummer")
