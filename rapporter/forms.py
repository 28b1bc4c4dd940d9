"""Forms of the reports pages. Rules live in the services; forms only parse input."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Forbund
from insatser.models import Insats
from styrelse.models import Paragraf, Sammantrade

from .models import Forbundsmal, Planavsnitt
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


class PlanavsnittForm(forms.Form):
    """A section of the verksamhetsplan. The kind is chosen when the section is added; the intervention only for an
    intervention's section; table rows only for the risk analysis and the internal-control plan."""

    rubrik = forms.CharField(label="Rubrik", max_length=200)
    slag = forms.ChoiceField(label="Slag av avsnitt", choices=Planavsnitt.Slag.choices, required=False)
    insats = forms.ModelChoiceField(label="Insats", queryset=Insats.objects.none(), required=False, help_text="Bara för ett insatsavsnitt.")
    text = forms.CharField(
        label="Text", required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 10}), help_text=TextForm.base_fields["text"].help_text
    )
    mal_text = forms.CharField(label="Mål", required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    uppfoljning = forms.CharField(label="Uppföljning", required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    ledning = forms.CharField(label="Ledning", required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    implementering = forms.CharField(label="Implementering", required=False, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    rader = forms.CharField(
        label="Tabellrader",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="En rad per rad i tabellen; skilj kolumnerna med |.",
    )

    def __init__(self, *args: Any, forbund: Forbund, avsnitt: Planavsnitt | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = Insats.objects.filter(forbund=forbund).order_by("namn")  # type: ignore[attr-defined]
        if avsnitt is not None:  # the kind of an existing section stays; only its fields are shown
            del self.fields["slag"]
            if avsnitt.slag != Planavsnitt.Slag.INSATS:
                for f in ("insats", "mal_text", "uppfoljning", "ledning", "implementering"):
                    del self.fields[f]
            if not avsnitt.kolumner:
                del self.fields["rader"]
            else:
                self.fields["rader"].help_text = f"En rad per rad i tabellen; kolumnerna {' | '.join(avsnitt.kolumner)}."
