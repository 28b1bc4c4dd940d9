"""Forms for the board member's side. They only parse input; the rules are in the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from forvaltning.models import Delegationsrad
from forvaltning.selectors.delegation import rader_i_kraft

from ..models import Arende, Bilaga, Justering, Narvaro, Paragraf, Sammantrade
from . import DATUM, TID, TillganglighetMixin, _senaste_paragrafer


class AnteckningForm(TillganglighetMixin, forms.Form):
    arende = forms.ModelChoiceField(label="Ärende", queryset=Arende.objects.none(), required=False, widget=forms.HiddenInput)
    bilaga = forms.ModelChoiceField(label="Bilaga", queryset=Bilaga.objects.none(), required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label="Min anteckning",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Syns bara för dig. Tom anteckning tas bort.",
    )

    def __init__(self, *args: Any, mote: Sammantrade, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["arende"].queryset = Arende.objects.filter(sammantrade=mote)  # type: ignore[attr-defined]
        self.fields["bilaga"].queryset = Bilaga.objects.filter(sammantrade=mote)  # type: ignore[attr-defined]


class JavForm(TillganglighetMixin, forms.Form):
    arende = forms.ModelChoiceField(label="Ärende", queryset=Arende.objects.none())
    skal = forms.CharField(label="Skäl (frivilligt)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, mote: Sammantrade, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["arende"].queryset = Arende.objects.filter(sammantrade=mote).order_by("ordning")  # type: ignore[attr-defined]


class JusteraForm(TillganglighetMixin, forms.Form):
    roll = forms.ChoiceField(label="Jag justerar som", choices=Justering.Roll.choices)
    losenord = forms.CharField(
        label="Ditt lösenord",
        strip=False,
        # Checked by the service (the same message as the API's); the browser asks for it too.
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "required": True}),
        help_text="Du bekräftar justeringen genom att ange ditt lösenord igen. Det antecknas i protokollets signatursida.",
    )
    plats = forms.CharField(
        label="Plats för justeringen", max_length=200, required=False, help_text="T.ex. ”Kansliet, Skellefteå” eller ”Digitalt i Finsam”."
    )

    def __init__(self, *args: Any, roller: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["roll"].choices = roller  # type: ignore[attr-defined]


class OrdforandebeslutForm(TillganglighetMixin, forms.Form):
    delegation = forms.ModelChoiceField(
        label="Enligt delegationsordningen", queryset=Delegationsrad.objects.none(), required=False, empty_label="– välj –"
    )
    arende = forms.CharField(label="Ärende", max_length=300)
    beslut = forms.CharField(label="Beslut", widget=forms.Textarea(attrs={"rows": 3}))
    bradska = forms.CharField(
        label="Skäl till brådska",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Varför styrelsens avgörande inte kan avvaktas (kommunallagen 6 kap. 39 §).",
    )
    diarienummer = forms.CharField(label="Diarienummer", max_length=40, required=False)
    handling = forms.FileField(label="Underlag (PDF m.m.)", required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = Delegationsrad.objects.filter(  # type: ignore[attr-defined]
            pk__in=[r.pk for r in rader_i_kraft(forbund, timezone.localdate())]
        ).select_related("ordning")


class DistansForm(TillganglighetMixin, forms.Form):
    narvaro = forms.ModelChoiceField(label="Närvarande", queryset=Narvaro.objects.none())
    fran_nummer = forms.IntegerField(label="Från §", required=False, min_value=1)
    till_nummer = forms.IntegerField(label="Till och med §", required=False, min_value=1)

    def __init__(self, *args: Any, mote: Sammantrade, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["narvaro"].queryset = (  # type: ignore[attr-defined]
            Narvaro.objects.filter(
                sammantrade=mote, kategori__in=[Narvaro.Kategori.LEDAMOT, Narvaro.Kategori.TJANSTGORANDE, Narvaro.Kategori.ERSATTARE]
            ).select_related("person")
        )


class DistansreglerForm(TillganglighetMixin, forms.Form):
    distans_tillaten = forms.BooleanField(label="Styrelsen har beslutat att ledamöter får delta på distans (ljud och bild)", required=False)
    distans_beslut = forms.ModelChoiceField(label="Beslut (§)", queryset=Paragraf.objects.none(), required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["distans_beslut"].queryset = _senaste_paragrafer(getattr(forbund, "pk", None), 200)  # type: ignore[attr-defined]


class ExtraSammantradeForm(TillganglighetMixin, forms.Form):
    datum = forms.DateField(label="Datum", widget=DATUM)
    starttid = forms.TimeField(label="Starttid", required=False, widget=TID)
    sluttid = forms.TimeField(label="Sluttid", required=False, widget=TID)
    plats = forms.CharField(label="Plats (eller länk för distansmöte)", max_length=200, required=False)
    kallelsetid_dagar = forms.IntegerField(label="Förkortad kallelsetid (dagar)", min_value=0, max_value=60)
    begart_av = forms.CharField(label="Begärt av", max_length=200, help_text="T.ex. ordföranden eller minst en tredjedel av ledamöterna.")
    skal = forms.CharField(label="Skäl till extra sammanträde med kort varsel", widget=forms.Textarea(attrs={"rows": 3}))
    arenden = forms.CharField(label="Brådskande ärenden (ett per rad)", widget=forms.Textarea(attrs={"rows": 3}))
