"""The agreement form: parses input only; every rule lives in Avtal.clean() and the services."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Medlem, Person
from finsam.sortering import svensk
from insatser.models import Insats
from styrelse.models import Delegationsbeslut

from ..models import Avtal
from .bas import DATUM, TjanstForm, paragrafer


class AvtalForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Avtal
        fields = list(Avtal.SKRIVBARA_FALT)
        widgets = {
            "medlemmar": forms.CheckboxSelectMultiple,
            "startdatum": DATUM,
            "slutdatum": DATUM,
            "anteckning": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.forbund = forbund
        self.fields["medlemmar"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["paragraf"].queryset = paragrafer(forbund)  # type: ignore[attr-defined]
        self.fields["paragraf"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]
        self.fields["delegationsbeslut"].queryset = Delegationsbeslut.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["insats"].queryset = Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))  # type: ignore[attr-defined]
        for namn in self.errors if self.is_bound else ():
            if namn in self.fields:
                self.fields[namn].widget.attrs.update({"aria-invalid": "true", "aria-describedby": f"fel-{namn}"})

    def _post_clean(self) -> None:
        # The model's rules run once, in the service (full_clean there), so page and API refuse alike.
        pass

    def tjanstdata(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("medlemmar", None)
        return data


class AvtalDokumentForm(forms.Form):
    titel = forms.CharField(label="Titel", max_length=200, required=False, help_text="T.ex. Undertecknat avtal, Bilaga 1; tomt: filens namn.")
    fil = forms.FileField(label="Dokument (PDF)")


class UppsagningForm(forms.Form):
    datum = forms.DateField(label="Uppsagt den", widget=DATUM)


class MedlemForm(TjanstForm):
    class Meta:
        model = Medlem
        fields = ["namn", "typ", "kod", "ordning", "organisationsnummer", "epost"]


class MedlemAndraForm(TjanstForm):
    class Meta:
        model = Medlem
        fields = ["namn", "kod", "ordning", "organisationsnummer", "epost"]


class PersonForm(TjanstForm):
    class Meta:
        model = Person
        fields = ["namn", "efternamn", "epost", "telefon", "parti", "befattning", "organisation", "ar_personal", "tjanstgoringsgrad"]
