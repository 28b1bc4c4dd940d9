"""Forms of the delegation order and the records plan: they parse input; every rule lives in the models and services."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Person
from styrelse.forms import TillganglighetMixin
from styrelse.models import Paragraf

from ..arkivtyper import arkivtyper
from ..models import Delegationsrad, Planrad
from .bas import DATUM, TjanstForm, paragrafer


class DelegationsradForm(TjanstForm):
    class Meta:
        model = Delegationsrad
        fields = list(Delegationsrad.SKRIVBARA_FALT)
        widgets = {
            "arende": forms.Textarea(attrs={"rows": 2}),
            "villkor": forms.Textarea(attrs={"rows": 2}),
            "kommentar": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "grans_varde": "T.ex. 2 (prisbasbelopp) eller 100 000 (kronor). Prisbasbeloppet för beslutets år används.",
            "delegat_person": "Bara när delegaten är en namngiven person.",
        }

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        personer = Person.objects.filter(forbund=forbund).order_by("namn")
        self.fields["delegat_person"].queryset = personer  # type: ignore[attr-defined]
        self.fields["ersattare_person"].queryset = personer  # type: ignore[attr-defined]


class AntaForm(TillganglighetMixin, forms.Form):
    paragraf = forms.ModelChoiceField(label="Antagen i §", queryset=Paragraf.objects.none(), required=False)
    giltig_fran = forms.DateField(label="Gäller från", widget=DATUM, required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraf"].queryset = paragrafer(forbund)  # type: ignore[attr-defined]
        self.fields["paragraf"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]


class PlanradForm(TjanstForm):
    produkttyper = forms.MultipleChoiceField(
        label="Handlingar i Finsam som följer raden", required=False, widget=forms.CheckboxSelectMultiple, choices=()
    )

    class Meta:
        model = Planrad
        fields = ["nummer", "avsnitt", "handling", "media", "sortering", "forvaringsplats", "bevarande", "ar", "regel_text", "anmarkning"]
        widgets = {"handling": forms.Textarea(attrs={"rows": 2}), "anmarkning": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "ar": "Gallras: antal kalenderår efter det år handlingen kom in eller upprättades. Bevaras: år hos förbundet innan slutarkivet.",
            "regel_text": "Planens egen formulering, t.ex. ”Bevaras 5 år” eller ”10 år i lönesystemet”. Tomt: skrivs ut av reglerna.",
        }

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["produkttyper"].choices = list(arkivtyper().items())  # type: ignore[attr-defined]
        if self.instance.pk and not self.is_bound:
            self.initial["produkttyper"] = list(self.instance.produkttyper)


class KlassaForm(forms.Form):
    planrad = forms.ModelChoiceField(label="Rad i planen", queryset=Planrad.objects.none())

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["planrad"].queryset = Planrad.objects.filter(forbund=forbund).order_by("nummer")  # type: ignore[attr-defined]


class GallringsstoppForm(TillganglighetMixin, forms.Form):
    arende = forms.CharField(label="Ärende (som i diariet)", max_length=300, required=False)
    orsak = forms.CharField(label="Orsak", widget=forms.Textarea(attrs={"rows": 2}), required=False)
    fran = forms.DateField(label="Gäller från", widget=DATUM, required=False)


class DelegationsimportForm(TillganglighetMixin, forms.Form):
    fil = forms.FileField(
        label="Fil (CSV eller Excel)",
        help_text="Kolumner: Ärende, Delegat, Beloppsgräns, Anmäls till styrelsen, Kommentar; valfritt Nr, Avsnitt, Ersättare, Villkor.",
    )
    rubrik = forms.CharField(label="Rubrik", max_length=200, required=False, initial="Delegationsordning")
