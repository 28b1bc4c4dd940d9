"""Forms of the auditors, statutes and board-mandate registers: parse input only; the rules live in models and services."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Medlem, Person
from styrelse.forms import TillganglighetMixin
from styrelse.models import Mandat

from ..models.forbundsordning import Forbundsordning, ForbundsordningBeslut
from ..models.revision import Revisor
from .bas import DATUM, TjanstForm, paragrafer


class RevisorForm(TjanstForm):
    class Meta:
        model = Revisor
        fields = ["person", "utsedd_av", "granskar", "ar_fran", "ar_till", "beslut_referens", "beslut_datum"]
        widgets = {"granskar": forms.CheckboxSelectMultiple, "beslut_datum": DATUM}

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["utsedd_av"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["granskar"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["granskar"].required = False  # the service names the missing members in Swedish


class ForbundsordningForm(TjanstForm):
    class Meta:
        model = Forbundsordning
        fields = [
            "rubrik",
            "giltig_fran",
            "forslag_paragraf",
            "andringar",
            "text",
            "fil",
            "antal_ledamoter",
            "beslutsfor_minst",
            "majoritet",
            "andel_staten",
            "andel_region",
            "andel_kommunerna",
        ]
        widgets = {"giltig_fran": DATUM, "text": forms.Textarea(attrs={"rows": 14}), "andringar": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["forslag_paragraf"].queryset = paragrafer(forbund)  # type: ignore[attr-defined]
        self.fields["forslag_paragraf"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]


class ForbundsordningBeslutForm(TjanstForm):
    class Meta:
        model = ForbundsordningBeslut
        fields = ["medlem", "antagen", "organ", "referens", "datum"]
        widgets = {"datum": DATUM}

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["organ"].required = False  # the service names the missing body in Swedish, as for the API


class UppdragForm(TillganglighetMixin, forms.Form):
    """A board mandate with the member's appointing decision (statutes § 5)."""

    person = forms.ModelChoiceField(label="Person", queryset=Person.objects.none())
    medlem = forms.ModelChoiceField(label="Medlem (platsen)", queryset=Medlem.objects.none())
    typ = forms.ChoiceField(label="Typ", choices=Mandat.Typ.choices)
    uppdrag = forms.ChoiceField(label="Uppdrag i styrelsen", choices=Mandat.Uppdrag.choices, required=False)
    fran = forms.DateField(label="Från", widget=DATUM)
    till = forms.DateField(label="Till", widget=DATUM, required=False)
    organ = forms.CharField(label="Utsedd av (organ)", max_length=200, help_text="T.ex. kommunfullmäktige i Skellefteå kommun.")
    referens = forms.CharField(label="Beslutsreferens", max_length=200, help_text="T.ex. KF 2019-02-26 § 12.")
    beslutsdatum = forms.DateField(label="Beslutsdatum", widget=DATUM)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]


class UtnamningForm(TillganglighetMixin, forms.Form):
    organ = forms.CharField(label="Utsedd av (organ)", max_length=200, help_text="T.ex. kommunfullmäktige i Skellefteå kommun.")
    referens = forms.CharField(label="Beslutsreferens", max_length=200, help_text="T.ex. KF 2019-02-26 § 12.")
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
