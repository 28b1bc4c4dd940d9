"""Forms of the ekonomi pages. Validation of rules lives in the services; forms parse input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from finsam.models import Forbund, Medlem
from finsam.sortering import svensk
from styrelse.models import Paragraf

from .models import Ansvarsfrihet, Bidragsavrundning, Budgetrad, Kontointervall


def _ar_falt(label: str = "År") -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=2000, max_value=2100)


def _kr(label: str, required: bool = True) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=0,
        min_value=0,
        required=required,
        widget=forms.NumberInput(attrs={"step": "1", "inputmode": "numeric"}),
    )


class TilldelningForm(forms.Form):
    belopp = _kr("Total tilldelning (kr)")
    kommentar = forms.CharField(label="Kommentar", max_length=300, required=False)

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kommuner = list(Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN).order_by("ordning", svensk("namn")))
        for m in self.kommuner:
            self.fields[f"invanare_{m.pk}"] = forms.IntegerField(label=f"{m.namn}: invånare 18–64 år", min_value=0)

    def invanare(self) -> dict[int, int]:
        return {m.pk: self.cleaned_data[f"invanare_{m.pk}"] for m in self.kommuner}


class BudgetSkapaForm(forms.Form):
    ar = _ar_falt("Budgetår")


class BudgetradForm(forms.Form):
    grupp = forms.ChoiceField(label="Grupp", choices=Budgetrad.Grupp.choices)
    text = forms.CharField(label="Rad", max_length=200)
    belopp = _kr("Budgetår (kr)")
    plan1 = _kr("Plan år 2 (kr)", required=False)
    plan2 = _kr("Plan år 3 (kr)", required=False)


class FaststallForm(forms.Form):
    paragraf = forms.ModelChoiceField(
        label="Styrelsens beslut (§)",
        queryset=Medlem.objects.none(),
        empty_label="Välj paragraf …",
        error_messages={"required": "Välj styrelsens beslut (paragraf) som fastställer budgeten."},
    )

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        self.fields["paragraf"].queryset = (  # type: ignore[attr-defined]
            Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")
        )


class ImportForm(forms.Form):
    fil = forms.FileField(label="Fil", help_text="SIE-fil (.se/.si, typ 1–4) från ekonomisystemet, eller en saldobalans i CSV.")
    kalla = forms.ChoiceField(label="Filtyp", choices=[("sie", "SIE (typ 1, 2, 3 eller 4)"), ("csv", "Saldobalans (CSV)")], initial="sie")
    ar = forms.IntegerField(label="Räkenskapsår (för CSV)", min_value=2000, max_value=2100, required=False)
    tom = forms.DateField(label="Saldobalansen avser till och med (för CSV)", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class KontointervallForm(forms.Form):
    fran = forms.IntegerField(label="Från konto", min_value=1000, max_value=9999)
    till = forms.IntegerField(label="Till konto", min_value=1000, max_value=9999)
    rad = forms.ChoiceField(label="Rad i räkenskaperna", choices=Kontointervall.Rad.choices)


class KontokopplingForm(forms.Form):
    fran = forms.IntegerField(label="Från konto", min_value=1000, max_value=9999)
    till = forms.IntegerField(label="Till konto", min_value=1000, max_value=9999)
    text = forms.CharField(label="Text i not och uppföljning", max_length=200)
    nyckel = forms.SlugField(label="Budgetrad", max_length=60, required=False)
    medlem = forms.ModelChoiceField(label="Bidrag från medlem", queryset=Medlem.objects.none(), required=False, empty_label="–")

    def __init__(self, *args: Any, forbund: Forbund, budgetrader: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund).order_by("ordning")  # type: ignore[attr-defined]
        self.fields["nyckel"].widget = forms.Select(choices=[("", "– ingen –"), *budgetrader])


class InstallningForm(forms.Form):
    procent = forms.DecimalField(
        label="Rekommenderat högsta eget kapital (% av tilldelningen)", max_digits=5, decimal_places=1, min_value=0, max_value=100
    )

    def andel(self) -> Decimal:
        return (self.cleaned_data["procent"] / 100).quantize(Decimal("0.001"))


class RevisionsberattelseForm(forms.Form):
    datum = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}), initial=dt.date.today)
    tillstyrker_ansvarsfrihet = forms.BooleanField(label="Tillstyrker ansvarsfrihet för styrelsen", required=False, initial=True)
    text = forms.CharField(label="Revisionsberättelse", widget=forms.Textarea(attrs={"rows": 8}))
    fil = forms.FileField(label="Undertecknad revisionsberättelse (PDF)", required=False)


class AnsvarsfrihetForm(forms.Form):
    medlem = forms.ModelChoiceField(label="Medlem", queryset=Medlem.objects.none())
    beslut = forms.ChoiceField(label="Beslut", choices=Ansvarsfrihet.Beslut.choices)
    beslutsdatum = forms.DateField(label="Beslutsdatum", widget=forms.DateInput(attrs={"type": "date"}), required=False)
    beslutsorgan = forms.CharField(label="Beslutande organ", max_length=200, required=False, help_text="T.ex. kommunfullmäktige.")
    referens = forms.CharField(label="Medlemmens beslutsreferens", max_length=200, required=False, help_text="T.ex. § 254, dnr KS 2019-000363 106.")
    dokument = forms.FileField(label="Beslutet (PDF)", required=False)
    paragraf = forms.ModelChoiceField(label="Noterat av styrelsen (§)", queryset=Medlem.objects.none(), required=False, empty_label="– ännu inte –")

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund).order_by("ordning")  # type: ignore[attr-defined]
        self.fields["paragraf"].queryset = (  # type: ignore[attr-defined]
            Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")
        )


def _paragrafer(forbund: Forbund) -> Any:
    return Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")


class BidragsavrundningForm(forms.Form):
    regel = forms.ChoiceField(label="Avrundning av medlemsandelarna", choices=Bidragsavrundning.Regel.choices)
    paragraf = forms.ModelChoiceField(
        label="Styrelsens beslut (§)",
        queryset=Medlem.objects.none(),
        required=False,
        empty_label="– inget beslut –",
        help_text="Krävs för annan avrundning än till kronan: en paragraf från ett genomfört sammanträde.",
    )
    forklaring = forms.CharField(
        label="Förklaring", max_length=300, required=False, help_text="Skrivs ut i årsredovisningens kontroll av medlemsbidragen."
    )

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraf"].queryset = _paragrafer(forbund)  # type: ignore[attr-defined]


class BidragsjusteringForm(forms.Form):
    medlem = forms.ModelChoiceField(label="Medlem", queryset=Medlem.objects.none())
    belopp = forms.DecimalField(
        label="Justering (kr, + eller −)", max_digits=14, decimal_places=0, widget=forms.NumberInput(attrs={"step": "1", "inputmode": "numeric"})
    )
    forklaring = forms.CharField(label="Förklaring", max_length=300, required=False)
    paragraf = forms.ModelChoiceField(label="Styrelsens beslut (§)", queryset=Medlem.objects.none(), required=False, empty_label="Välj paragraf …")

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund).order_by("ordning", "namn")  # type: ignore[attr-defined]
        self.fields["paragraf"].queryset = _paragrafer(forbund)  # type: ignore[attr-defined]
