"""Forms of the reports pages. Rules live in the services; forms only parse input."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Forbund
from styrelse.models import Paragraf, Sammantrade

from .models import Forbundsmal
from .services import MAX_TEXT


class TextForm(forms.Form):
    text = forms.CharField(
        label="Text",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text="Tom rad ger nytt stycke. Rader som börjar med ”- ” blir en punktlista. **Fet stil** med dubbla stjärnor.",
    )


class MalForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Forbundsmal
        fields = ["ordning", "mal", "utforande", "matbart", "ansvarig", "period", "slag", "bedomning", "kommentar"]
        widgets = {
            "utforande": forms.Textarea(attrs={"rows": 3}),
            "matbart": forms.Textarea(attrs={"rows": 3}),
            "kommentar": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ordning"].required = False
        self.fields["ordning"].help_text = "Målen visas i den här ordningen (1, 2, 3 …)."
        self.fields["slag"].required = False  # an operational goal unless said otherwise

    def clean_slag(self) -> str:
        return self.cleaned_data.get("slag") or Forbundsmal.Slag.VERKSAMHET

    def clean_ordning(self) -> int:
        return self.cleaned_data.get("ordning") or 0


class SlutligForm(forms.Form):
    sammantrade: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None, label="Sammanträde där styrelsen beslutar", empty_label="Välj sammanträde"
    )

    def __init__(self, *args: Any, forbund: Forbund, ar: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        qs = Sammantrade.objects.filter(forbund=forbund, datum__year__gte=ar - 1).order_by("-datum")
        self.fields["sammantrade"].queryset = qs  # type: ignore[attr-defined]


class FaststallForm(forms.Form):
    paragraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(queryset=None, label="Styrelsens beslut (paragraf)", empty_label="Välj paragraf")

    def __init__(self, *args: Any, forbund: Forbund, sammantrade: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        qs = Paragraf.objects.filter(forbund=forbund, sammantrade=sammantrade).order_by("nummer")
        self.fields["paragraf"].queryset = qs  # type: ignore[attr-defined]
        self.fields["paragraf"].label_from_instance = lambda p: f"§ {p.nummer} {p.rubrik}"  # type: ignore[attr-defined]
