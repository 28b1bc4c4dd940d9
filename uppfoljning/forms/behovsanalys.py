"""Forms of the needs analysis pages: parse input only (rules live in the models and services)."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Forbund
from styrelse.models import Paragraf

from ..models.behovsanalys import Aldersgrupp, Matt, StatKon


class StatistikImportForm(forms.Form):
    fil = forms.FileField(
        label="Fil (CSV eller XLSX)",
        help_text="Som SCB:s tabeller: kolumnerna region, ersättning, kön, ålder och en kolumn per år (t.ex. 2014–2018). "
        "Regionen skrivs med kod och namn, t.ex. ”2417 Norsjö”, ”24 Västerbottens län”, ”00 Riket”. Folkmängd anges som ersättning ”Folkmängd”.",
    )
    provkorning = forms.BooleanField(label="Provkör (visa vad som skulle ändras, spara inget)", required=False, initial=True)


class StatistikvardeForm(forms.Form):
    regionkod = forms.CharField(label="Regionkod", max_length=4, help_text="00 för riket, två siffror för ett län, fyra för en kommun.")
    region = forms.CharField(label="Region", max_length=100, help_text="T.ex. Norsjö.")
    ar = forms.IntegerField(label="År", min_value=1900, max_value=2200)
    matt = forms.ChoiceField(label="Ersättning", choices=Matt.choices)
    kon = forms.ChoiceField(label="Kön", choices=StatKon.choices)
    alder = forms.ChoiceField(label="Åldersgrupp", choices=Aldersgrupp.choices)
    varde = forms.DecimalField(
        label="Helårsekvivalenter (folkmängd: personer)",
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text="Lämna tomt för att ta bort ett sparat värde.",
        localize=True,
    )


class AnalysForm(forms.Form):
    analys = forms.CharField(label="Analys och slutsatser", required=False, max_length=20000, widget=forms.Textarea(attrs={"rows": 8}))


class FaststallForm(forms.Form):
    paragraf: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=Paragraf.objects.none(), label="Styrelsens beslut (paragraf)", empty_label="Välj paragraf"
    )

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraf"].queryset = Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")  # type: ignore[attr-defined]
        self.fields["paragraf"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik}"  # type: ignore[attr-defined]
