"""Forms of the follow-up pages. Rules live in the model and the services; forms only parse input."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from finsam.models import Forbund, Medlem
from finsam.sortering import svensk
from insatser.models import Insats

from ..models import Inskrivning
from ..vokabular import Forsorjning, Kon, Remittent, Utbildning

TOM = [("", "– välj –")]


class DatumFalt(forms.DateField):
    """A date typed as ÅÅÅÅ-MM-DD in a text box (fast keyboard entry, no date picker)."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "ÅÅÅÅ-MM-DD", "pattern": r"\d{4}-\d{2}-\d{2}"})
    input_formats = ["%Y-%m-%d"]
    default_error_messages = {"invalid": "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2019-03-01."}


def _insatser(forbund: Forbund) -> Any:
    return Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))


class SokForm(forms.Form):
    """List filters in the URL (no codes: the code search is POSTed, see `KodSokForm`)."""

    insats = forms.ModelChoiceField(label="Insats", queryset=Insats.objects.none(), required=False, empty_label="Alla insatser")
    oppna = forms.BooleanField(label="Bara pågående", required=False)

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["insats"].queryset = _insatser(forbund)  # type: ignore[attr-defined]


class KodSokForm(forms.Form):
    kod = forms.CharField(
        label="Deltagarkod",
        max_length=40,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text="Eller personnummer för en person vars personnummer är känt (söks med nyckelhash).",
    )


SKAL = forms.CharField(
    label="Skäl till ålder utanför målgruppen",
    required=False,
    max_length=300,
    help_text="Krävs bara om deltagarens ålder vid start ligger utanför insatsens målgrupp.",
)


def _kommuner(forbund: Forbund) -> Any:
    return Medlem.objects.filter(forbund=forbund, typ=Medlem.Typ.KOMMUN).order_by("ordning", "namn")


class BehovsFalt(forms.Form):
    """Home kommun, time in public support, referral date and attendance (issue 18), shared by the entry and edit forms."""

    hemkommun = forms.ModelChoiceField(label="Hemkommun", queryset=Medlem.objects.none(), required=False, empty_label="– välj –")
    forsorjningstid = forms.IntegerField(
        label="Tid i offentlig försörjning vid inskrivning (månader)",
        required=False,
        min_value=0,
        max_value=600,
        help_text="Sammanhängande tid före inskrivningen, i hela månader.",
    )
    remitterad = DatumFalt(label="Remissdatum", required=False, help_text="Dagen remissen kom in; väntetiden räknas till inskrivningen.")
    narvaro_planerad = forms.IntegerField(label="Planerade tillfällen", required=False, min_value=0, max_value=100000)
    narvaro_faktisk = forms.IntegerField(label="Närvarotillfällen", required=False, min_value=0, max_value=100000)

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["hemkommun"].queryset = _kommuner(forbund)  # type: ignore[attr-defined]


class InskrivningForm(BehovsFalt):
    field_order = ["kod", "personnummer", "insats", "samtycke", "samtycke_datum", "kon", "fodelsear", "remittent", "utbildning"]
    kod = forms.CharField(
        label="Deltagarkod",
        max_length=40,
        required=False,
        help_text="Pseudonym kod, unik i förbundet. Lämna tom om du anger personnummer för en återkommande person.",
    )
    personnummer = forms.CharField(
        label="Personnummer (frivilligt)",
        required=False,
        max_length=13,
        help_text="Används bara för att känna igen en återkommande person. Sparas aldrig i klartext, endast som nyckelhash.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "ÅÅÅÅMMDD-NNNN"}),
    )
    insats = forms.ModelChoiceField(label="Insats", queryset=Insats.objects.none(), empty_label="– välj –")
    samtycke = forms.BooleanField(
        label="Deltagaren har lämnat samtycke",
        required=False,
        help_text="Kryssa i bara när deltagaren har lämnat samtycke. Utan samtycke sparas bara kön och startår (anonym registrering).",
    )
    samtycke_datum = DatumFalt(label="Samtycke lämnat", required=False)
    kon = forms.ChoiceField(label="Kön", choices=TOM + list(Kon.choices))
    fodelsear = forms.IntegerField(label="Födelseår", required=False, min_value=1900, max_value=2100)
    remittent = forms.ChoiceField(label="Remittent", choices=TOM + list(Remittent.choices), required=False)
    utbildning = forms.ChoiceField(label="Högsta utbildning vid inskrivning", choices=TOM + list(Utbildning.choices), required=False)
    forsorjning_in = forms.ChoiceField(label="Försörjning vid inskrivning", choices=TOM + list(Forsorjning.choices), required=False)
    inskriven = DatumFalt(label="Inskriven")
    alder_skal = SKAL

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, forbund=forbund, **kwargs)
        self.fields["insats"].queryset = _insatser(forbund).filter(inriktning=Insats.Inriktning.INDIVID)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("kod") and not data.get("personnummer"):
            self.add_error("kod", "Ange en deltagarkod (eller personnummer för en återkommande person).")
        return data


class InskrivningAndraForm(BehovsFalt):
    field_order = ["samtycke_datum", "kon", "fodelsear", "remittent", "utbildning", "forsorjning_in", "inskriven", "avslutad", "forsorjning_ut"]
    samtycke_datum = DatumFalt(label="Samtycke lämnat", required=False)
    kon = forms.ChoiceField(label="Kön", choices=TOM + list(Kon.choices))
    fodelsear = forms.IntegerField(label="Födelseår", min_value=1900, max_value=2100)
    remittent = forms.ChoiceField(label="Remittent", choices=TOM + list(Remittent.choices))
    utbildning = forms.ChoiceField(label="Högsta utbildning vid inskrivning", choices=TOM + list(Utbildning.choices))
    forsorjning_in = forms.ChoiceField(label="Försörjning vid inskrivning", choices=TOM + list(Forsorjning.choices))
    inskriven = DatumFalt(label="Inskriven")
    avslutad = DatumFalt(label="Avslutad", required=False, help_text="Lämna tomt om inskrivningen pågår.")
    forsorjning_ut = forms.ChoiceField(label="Försörjning vid avslut", choices=TOM + list(Forsorjning.choices), required=False)
    alder_skal = SKAL


class AvslutForm(forms.Form):
    deltagare = forms.IntegerField(widget=forms.HiddenInput)
    inskrivning = forms.TypedChoiceField(label="Inskrivning", coerce=int, widget=forms.RadioSelect)
    avslutad = DatumFalt(label="Avslutad")
    forsorjning_ut = forms.ChoiceField(label="Försörjning vid avslut", choices=TOM + list(Forsorjning.choices))

    def __init__(self, *args: Any, inskrivningar: list[Inskrivning], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["inskrivning"].choices = [  # type: ignore[attr-defined]
            (i.pk, f"{i.insats.kortnamn} – {i.insats.namn}, inskriven {i.inskriven:%Y-%m-%d}" if i.inskriven else i.insats.kortnamn)
            for i in inskrivningar
        ]
        if inskrivningar:
            self.fields["inskrivning"].initial = inskrivningar[0].pk
            self.fields["deltagare"].initial = inskrivningar[0].deltagare_id
        self.fields["avslutad"].widget.attrs["autofocus"] = True
        self.fields["avslutad"].help_text = f"T.ex. {dt.date.today():%Y-%m-%d}"


class ImportForm(forms.Form):
    fil = forms.FileField(
        label="Fil (CSV eller XLSX)",
        help_text="Första raden: insats, deltagare_id, kon, fodelsear, remittent, utbildning, "
        "forsorjning_in, inskriven, avslutad, forsorjning_ut, samtycke. Frivilliga: alder_skal, hemkommun, "
        "forsorjningstid, remitterad, narvaro_planerad, narvaro_faktisk.",
    )
    provkorning = forms.BooleanField(label="Provkör (visa vad som skulle ändras, spara inget)", required=False, initial=True)


class InstallningForm(forms.Form):
    maskeringsgrans = forms.IntegerField(
        label="Maskeringsgräns",
        min_value=0,
        max_value=100,
        help_text="Antal under gränsen visas som ”<N” för styrelse och revisorer och i dokument "
        "för publicering, och fler tal döljs (”x”) så att de inte kan räknas fram. Minst 3.",
    )
    gallring_ar = forms.IntegerField(label="Avidentifiera deltagaruppgifter efter (år efter avslut)", min_value=1, max_value=50)
