"""Forms for the board pages. Validation of rules lives in the services; forms only parse input."""

from __future__ import annotations

from typing import Any

from django import forms

from finsam.models import Medlem, Person

from .models import Arende, Beslutsregler, Delegation, Handling, Handlingstyp, Mandat, Narvaro, Paragraf, Sammantrade

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TID = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _senaste_paragrafer(forbund_id: int | None, antal: int) -> Any:
    """The latest paragraphs as an unsliced queryset (a ModelChoiceField must be able to filter it)."""
    ids = list(Paragraf.objects.filter(forbund_id=forbund_id or 0).order_by("-ar", "-nummer").values_list("pk", flat=True)[:antal])
    return Paragraf.objects.filter(pk__in=ids).order_by("-ar", "-nummer")


class TillganglighetMixin:
    """aria-invalid and aria-describedby on fields with errors (WCAG 3.3.1)."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for namn in self.errors:  # type: ignore[attr-defined]
            if namn in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[namn].widget  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"fel-{namn}"


class PlaneraForm(TillganglighetMixin, forms.Form):
    typ = forms.ChoiceField(label="Typ", choices=Sammantrade.Typ.choices)
    datum = forms.DateField(label="Datum", widget=DATUM)
    starttid = forms.TimeField(label="Starttid", required=False, widget=TID)
    sluttid = forms.TimeField(label="Sluttid", required=False, widget=TID)
    plats = forms.CharField(label="Plats", max_length=200, required=False)
    mall = forms.ChoiceField(label="Dagordning", choices=[("standard", "Mall med stående punkter"), ("kopia", "Kopia av tidigare dagordning"),
                                                          ("tom", "Tom dagordning")], initial="standard")
    kopiera_fran = forms.ModelChoiceField(label="Kopiera från sammanträde", queryset=Sammantrade.objects.none(), required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kopiera_fran"].queryset = Sammantrade.objects.filter(forbund=forbund).order_by("-datum")  # type: ignore[attr-defined]


class MoteForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    justerare = forms.ModelMultipleChoiceField(label="Justerare", queryset=Person.objects.none(), required=False,
                                               widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Sammantrade
        fields = ["typ", "datum", "starttid", "sluttid", "plats", "detaljer", "sammankallande", "ordforande", "sekreterare", "datumbeslut"]
        widgets = {"datum": DATUM, "starttid": TID, "sluttid": TID, "detaljer": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"datumbeslut": "Styrelsens beslut om årets mötesdatum."}

    def __init__(self, *args: Any, personer: list[Person] | None = None, justerbara: list[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [p.pk for p in personer or []]
        for f in ("sammankallande", "ordforande", "sekreterare"):
            self.fields[f].queryset = Person.objects.filter(pk__in=ids).order_by("namn")  # type: ignore[attr-defined]
        self.fields["justerare"].queryset = Person.objects.filter(pk__in=[p.pk for p in justerbara or []]).order_by("namn")  # type: ignore[attr-defined]
        forbund_id = self.instance.forbund_id if self.instance and self.instance.pk else None
        self.fields["datumbeslut"].queryset = (  # type: ignore[attr-defined]
            _senaste_paragrafer(forbund_id, 60) if forbund_id else Paragraf.objects.none()
        )
        self.fields["datumbeslut"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]


class ArendeForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Arende
        fields = ["rubrik", "foredragande", "text", "forslag"]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "forslag": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"forslag": "En att-sats per rad, t.ex. ”att godkänna rapporten”."}


class BilagaForm(forms.Form):
    titel = forms.CharField(label="Bilagans titel", max_length=200, required=False)
    fil = forms.FileField(label="Fil (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG)")


class NarvaroForm(TillganglighetMixin, forms.Form):
    person = forms.ModelChoiceField(label="Person", queryset=Person.objects.none())
    kategori = forms.ChoiceField(label="Närvarande som", choices=Narvaro.Kategori.choices)
    ersatter = forms.ChoiceField(label="Tjänstgör för ledamot", required=False)
    fran_nummer = forms.IntegerField(label="Från §", required=False, min_value=1)
    till_nummer = forms.IntegerField(label="Till och med §", required=False, min_value=1)
    funktion = forms.CharField(label="Funktion/organisation", max_length=200, required=False)

    def __init__(self, *args: Any, personer: list[Person] | None = None, ledamotsmandat: list[Any] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in personer or []]).order_by("namn")  # type: ignore[attr-defined]
        self.fields["ersatter"].choices = [("", "–")] + [(m.pk, f"{m.person.namn} ({m.medlem.namn})") for m in ledamotsmandat or []]  # type: ignore[attr-defined]


class MandatForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Mandat
        fields = ["person", "medlem", "typ", "uppdrag", "fran", "till"]
        widgets = {"fran": DATUM, "till": DATUM}

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(forbund=forbund).order_by("namn")  # type: ignore[attr-defined]
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]


class AnslagForm(TillganglighetMixin, forms.Form):
    uppsatt = forms.DateField(label="Anslaget sätts upp", widget=DATUM)
    nedtas = forms.DateField(label="Anslaget tas ned", widget=DATUM)
    forvaringsplats = forms.CharField(label="Förvaringsplats för protokollet", max_length=200)


class ParagrafForm(TillganglighetMixin, forms.Form):
    rubrik = forms.CharField(label="Rubrik", max_length=300)
    text = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    beslut = forms.CharField(label="Beslut (en att-sats per rad)", required=False, widget=forms.Textarea(attrs={"rows": 5}))


class ReglerForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Beslutsregler
        fields = ["majoritet", "beslutsfor_minst", "kallelsetid_dagar", "forvaringsplats"]


class DelegationsbeslutForm(TillganglighetMixin, forms.Form):
    delegation = forms.ModelChoiceField(label="Enligt delegationsordningen", queryset=Delegation.objects.none())
    delegat = forms.ModelChoiceField(label="Beslutsfattare", queryset=Person.objects.none())
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
    arende = forms.CharField(label="Ärende", max_length=300)
    beslut = forms.CharField(label="Beslut", widget=forms.Textarea(attrs={"rows": 3}))
    diarienummer = forms.CharField(label="Diarienummer", max_length=40, required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = Delegation.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["delegat"].queryset = Person.objects.filter(forbund=forbund).order_by("namn")  # type: ignore[attr-defined]


class HandlingForm(TillganglighetMixin, forms.Form):
    riktning = forms.ChoiceField(label="Inkommande/upprättad", choices=Handling.Riktning.choices)
    datum = forms.DateField(label="Datum", widget=DATUM)
    rubrik = forms.CharField(label="Rubrik", max_length=300)
    motpart = forms.CharField(label="Avsändare/mottagare", max_length=200, required=False)
    arende = forms.CharField(label="Ärende", max_length=300, required=False)
    handlingstyp = forms.ModelChoiceField(label="Handlingstyp (gallringsregel)", queryset=Handlingstyp.objects.none())
    sekretess = forms.BooleanField(label="Sekretessmarkerad", required=False)
    fil = forms.FileField(label="Fil", required=False)
    paragrafer = forms.ModelMultipleChoiceField(label="Beslut i ärendet", queryset=Paragraf.objects.none(), required=False,
                                                help_text="Håll ned Ctrl (Cmd) för att välja flera.")

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handlingstyp"].queryset = Handlingstyp.objects.filter(forbund=forbund)  # type: ignore[attr-defined]
        self.fields["handlingstyp"].label_from_instance = lambda t: f"{t.namn} – {t.regel}"  # type: ignore[attr-defined]
        self.fields["paragrafer"].queryset = _senaste_paragrafer(forbund.pk if forbund else None, 200)  # type: ignore[attr-defined]
        self.fields["paragrafer"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]
