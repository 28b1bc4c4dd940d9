"""Forms of the insatser pages. Forms only parse input; every rule that can refuse lives in the models' clean() or the
services, so the page and the API refuse alike (tests/insatser/test_paritet.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms

from finsam.formatting import kr
from finsam.models import Forbund, Medlem
from finsam.sortering import svensk
from styrelse.models import Paragraf
from uppfoljning.models import Behovsanalys

from .models import Ansokan, Bemanning, Insats, Mal, Malbedomning, Medfinansiering, Rapport

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
ANTAL_BELOPPSRADER = 5


class _Falt:
    """Typed access to a choice field for setting queryset/empty_label (Django's stubs type fields as plain Field)."""

    fields: dict[str, Any]

    def _f(self, namn: str) -> Any:
        return self.fields[namn]


def _medlemmar(forbund: Forbund) -> Any:
    return Medlem.objects.filter(forbund=forbund).order_by("ordning", svensk("namn"))


def _paragrafer(forbund: Forbund) -> Any:
    return Paragraf.objects.filter(forbund=forbund).select_related("sammantrade").order_by("-ar", "-nummer")


class ParagrafVal(forms.ModelChoiceField):
    def label_from_instance(self, obj: Paragraf) -> str:  # type: ignore[override]
        return f"§ {obj.nummer}/{obj.ar} {obj.rubrik} ({obj.sammantrade.datum:%Y-%m-%d})"


class InsatsVal(forms.ModelChoiceField):
    def label_from_instance(self, obj: Insats) -> str:  # type: ignore[override]
        return f"{obj.kortnamn} – {obj.namn}"


class InsatsForm(_Falt, forms.ModelForm):
    parter = forms.ModelMultipleChoiceField(
        queryset=Medlem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Deltagande medlemmar",
        help_text="Minst två medlemmar måste delta för att insatsen ska kunna beviljas medel.",
    )

    class Meta:
        model = Insats
        fields = [
            "kortnamn",
            "namn",
            "typ",
            "inriktning",
            "startdatum",
            "slutdatum",
            "agare_medlem",
            "agare_extern",
            "parter",
            "malgrupp",
            "alder_fran",
            "alder_till",
            "syfte",
            "styrgrupp",
            "kontaktperson",
        ]
        widgets = {
            "startdatum": DATUM,
            "slutdatum": DATUM,
            "malgrupp": forms.Textarea(attrs={"rows": 3}),
            "syfte": forms.Textarea(attrs={"rows": 3}),
            "styrgrupp": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.forbund = forbund
        self.instance.forbund = forbund
        self._f("parter").queryset = _medlemmar(forbund)
        self._f("agare_medlem").queryset = _medlemmar(forbund)
        self._f("agare_medlem").empty_label = "– ingen medlem (extern ägare) –"
        if self.instance.pk:
            self.fields["parter"].initial = list(self.instance.parter.values_list("pk", flat=True))

    def _post_clean(self) -> None:
        """Leave the model's clean() to the service (the one door), so a refusal is shown once, from the service."""


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Insats.Status.choices, label="Ny status")


class BemanningForm(_Falt, forms.ModelForm):
    class Meta:
        model = Bemanning
        fields = ["medlem", "funktion", "arsarbetare", "samlokaliserad", "betalas_av"]

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._f("medlem").queryset = _medlemmar(forbund)


class MalForm(forms.Form):
    text = forms.CharField(label="Mål", widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)
    matbart = forms.CharField(label="Mätbart (hur målet följs upp)", required=False, max_length=300)


class RapportForm(forms.Form):
    typ = forms.ChoiceField(label="Typ", choices=Rapport.Typ.choices)
    ar = forms.IntegerField(label="Avser år", min_value=2000, max_value=2100)
    forfallodatum = forms.DateField(
        label="Ska lämnas senast", required=False, widget=DATUM, help_text="Tomt: 31 augusti för delårsrapport, 31 januari året efter för årsrapport."
    )


class RapportversionForm(forms.Form):
    fil = forms.FileField(label="Fil (PDF, Word eller Excel)")
    kommentar = forms.CharField(label="Kommentar", required=False, max_length=300)


class BeloppForm(forms.Form):
    """Mixin-like base: ANTAL_BELOPPSRADER pairs of (år, belopp)."""

    def lagg_till_beloppsfalt(self, prefix: str, etikett: str, initial: dict[int, Decimal] | None = None) -> None:
        rader = sorted((initial or {}).items())
        for i in range(ANTAL_BELOPPSRADER):
            ar, belopp = rader[i] if i < len(rader) else (None, None)
            self.fields[f"{prefix}_ar_{i}"] = forms.IntegerField(
                label=f"År (rad {i + 1})", required=False, min_value=2000, max_value=2100, initial=ar
            )
            self.fields[f"{prefix}_belopp_{i}"] = forms.DecimalField(
                label=f"{etikett} (rad {i + 1}, kr)", required=False, min_value=0, decimal_places=0, initial=belopp
            )

    def beloppsrader(self, prefix: str) -> list[tuple[Any, Any]]:
        return [(self[f"{prefix}_ar_{i}"], self[f"{prefix}_belopp_{i}"]) for i in range(ANTAL_BELOPPSRADER)]

    def belopp_per_ar(self, prefix: str) -> dict[int, Decimal]:
        resultat: dict[int, Decimal] = {}
        for i in range(ANTAL_BELOPPSRADER):
            ar, belopp = self.cleaned_data.get(f"{prefix}_ar_{i}"), self.cleaned_data.get(f"{prefix}_belopp_{i}")
            if ar is None and belopp is None:
                continue
            if ar is None or belopp is None:
                self.add_error(f"{prefix}_ar_{i}", "Ange både år och belopp.")
                continue
            if ar in resultat:
                self.add_error(f"{prefix}_ar_{i}", f"{ar} finns redan på en annan rad.")
                continue
            resultat[ar] = belopp
        return resultat


class AnsokanForm(_Falt, forms.ModelForm, BeloppForm):
    sokande = forms.ModelMultipleChoiceField(
        queryset=Medlem.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Sökande (samverkande) medlemmar",
        help_text="Ansökan ska vara undertecknad av de samverkande myndigheterna; minst två medlemmar krävs för finansiering.",
    )

    class Meta:
        model = Ansokan
        fields = list(Ansokan.SOKANDENS_FALT)
        widgets = {
            "inkom": DATUM,
            "startdatum": DATUM,
            "slutdatum": DATUM,
            **{
                f: forms.Textarea(attrs={"rows": 3})
                for f in ("samverkanspartners", "bakgrund", "syfte", "forvantade_resultat", "malgrupp", "underskrifter")
            },
        }
        help_texts = {"diarienummer": "Lämna tomt för att få nästa nummer i diariet."}

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.forbund = forbund
        self._f("sokande").queryset = _medlemmar(forbund)
        self._f("ansvarig_medlem").queryset = _medlemmar(forbund)
        self._f("ansvarig_medlem").empty_label = "– extern projektägare –"
        self._f("behovsanalys").queryset = Behovsanalys.objects.filter(forbund=forbund, faststalld__isnull=False).order_by("-ar")
        self._f("behovsanalys").empty_label = "– ingen –"
        initial = None
        if self.instance.pk:
            self.fields["sokande"].initial = list(self.instance.sokande.values_list("pk", flat=True))
            initial = {b.ar: b.belopp for b in self.instance.belopp.all()}
        self.lagg_till_beloppsfalt("sokt", "Sökt belopp", initial)

    @property
    def sokt_rader(self) -> list[tuple[Any, Any]]:
        return self.beloppsrader("sokt")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["belopp"] = self.belopp_per_ar("sokt")
        return data

    def _post_clean(self) -> None:
        """Leave the model's clean() to the service (the one door), so a refusal is shown once, from the service."""


class BeredningForm(forms.Form):
    yttrande = forms.CharField(label="Beredningsgruppens yttrande", widget=forms.Textarea(attrs={"rows": 4}), required=False)


class BeslutForm(_Falt, forms.Form):
    paragraf = ParagrafVal(
        queryset=Paragraf.objects.none(), label="Styrelsens beslut (§)", help_text="Medel kan bara beviljas genom en paragraf i styrelsens protokoll."
    )
    beslut = forms.ChoiceField(label="Beslut", widget=forms.RadioSelect, choices=[c for c in Ansokan.Beslut.choices if c[0]])
    insats = InsatsVal(
        queryset=Insats.objects.none(), required=False, label="Befintlig insats som får medlen", empty_label="– skapa en ny insats från ansökan –"
    )
    ny_kortnamn = forms.CharField(label="Kortnamn för ny insats", required=False, max_length=40)

    def __init__(self, *args: Any, ansokan: Ansokan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ansokan = ansokan
        forbund = ansokan.forbund
        self._f("paragraf").queryset = _paragrafer(forbund)
        self._f("insats").queryset = Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))
        if ansokan.insats_id:
            self.fields["insats"].initial = ansokan.insats_id
        self.sokt = {b.ar: b.belopp for b in ansokan.belopp.all()}
        for ar, belopp in sorted(self.sokt.items()):
            self.fields[f"beviljat_{ar}"] = forms.DecimalField(
                label=f"Beviljat {ar} (kr)",
                required=False,
                min_value=0,
                decimal_places=0,
                initial=belopp,
                help_text=f"Sökt: {kr(belopp)}",
            )

    def beviljat_falt(self) -> list[Any]:
        return [self[f"beviljat_{ar}"] for ar in sorted(self.sokt)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["belopp"] = {ar: data.get(f"beviljat_{ar}") or Decimal(0) for ar in self.sokt}
        return data


class BeviljandeForm(_Falt, forms.Form):
    insats = InsatsVal(queryset=Insats.objects.none(), label="Insats")
    paragraf = ParagrafVal(
        queryset=Paragraf.objects.none(), label="Styrelsens beslut (§)", help_text="Medel kan bara beviljas genom en paragraf i styrelsens protokoll."
    )
    ar = forms.IntegerField(label="År", min_value=2000, max_value=2100, initial=dt.date.today().year)
    belopp = forms.DecimalField(label="Beviljat belopp (kr)", min_value=1, decimal_places=0)

    def __init__(self, *args: Any, forbund: Forbund, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._f("insats").queryset = Insats.objects.filter(forbund=forbund).order_by(svensk("kortnamn"))
        self._f("paragraf").queryset = _paragrafer(forbund)


class MedfinansieringForm(forms.ModelForm):
    class Meta:
        model = Medfinansiering
        fields = ["finansiar", "form", "ar", "belopp"]


MedfinansieringFormSet = forms.modelformset_factory(Medfinansiering, form=MedfinansieringForm, extra=4, can_delete=True)


class BilagaForm(forms.Form):
    namn = forms.CharField(label="Bilagans namn", max_length=200, required=False)
    fil = forms.FileField(label="Fil")


class ImportForm(forms.Form):
    fil = forms.FileField(
        label="Kalkylblad (CSV eller XLSX)",
        help_text="Kolumner: kortnamn, namn, typ, inriktning, startdatum, slutdatum, "
        "agare (medlemskod eller organisation), parter. CSV med ; eller , i UTF-8 eller Windows-1252.",
    )


class MalbedomningForm(forms.Form):
    """One radio group and one comment per goal of the intervention, for one year."""

    def __init__(self, *args: Any, mal: list[Mal], befintliga: dict[int, Malbedomning], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.mal = mal
        for m in mal:
            b = befintliga.get(m.pk)
            self.fields[f"bedomning_{m.pk}"] = forms.ChoiceField(
                label=f"Bedömning av mål {m.ordning}",
                choices=Malbedomning.Bedomning.choices,
                required=False,
                widget=forms.RadioSelect,
                initial=b.bedomning if b else "",
            )
            self.fields[f"kommentar_{m.pk}"] = forms.CharField(
                label="Kommentar",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=b.kommentar if b else "",
            )

    def bedomningar(self) -> dict[Mal, tuple[str, str]]:
        """{goal: (bedömning, kommentar)} for every goal given an assessment on the form."""
        return {
            m: (self.cleaned_data[f"bedomning_{m.pk}"], self.cleaned_data.get(f"kommentar_{m.pk}") or "")
            for m in self.mal
            if self.cleaned_data.get(f"bedomning_{m.pk}")
        }

    def rader(self) -> list[dict[str, Any]]:
        return [{"mal": m, "bedomning": self[f"bedomning_{m.pk}"], "kommentar": self[f"kommentar_{m.pk}"]} for m in self.mal]


class FormsetSomFormular:
    """A formset seen as one form by `finsam.web.formular_handling`: valid when every row is; a service's refusal is
    shown above the table (the rows are not fields of their own)."""

    fields: dict[str, Any] = {}

    def __init__(self, formset: Any) -> None:
        self.formset = formset
        self.cleaned_data: dict[str, Any] = {}
        self._fel: list[str] = []

    def is_valid(self) -> bool:
        return bool(self.formset.is_valid())

    def add_error(self, falt: str | None, meddelanden: Any) -> None:
        self._fel.extend([meddelanden] if isinstance(meddelanden, str) else list(meddelanden))

    def non_field_errors(self) -> list[str]:
        return [*self._fel, *self.formset.non_form_errors()]

    @property
    def errors(self) -> bool:
        return bool(self._fel) or (self.formset.is_bound and not self.formset.is_valid())
