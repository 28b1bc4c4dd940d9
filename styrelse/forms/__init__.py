"""Forms for the board pages. Validation of rules lives in the services; forms only parse input."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Subquery

from finsam.models import Medlem, Person
from finsam.sortering import personordning, svensk
from forvaltning.models import Delegationsrad
from forvaltning.selectors.delegation import rader_valbara

from ..models import (
    Arende,
    Beslutsregler,
    Handling,
    Handlingstyp,
    Justering,
    Mandat,
    Narvaro,
    Paragraf,
    Rost,
    Sammantrade,
    Yrkande,
)
from ..widgets import snabba_val

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TID = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
KOPIERA_FRAN_ANTAL = 30  # meetings offered as a template for a new one (the latest first)


def _senaste_paragrafer(forbund_id: int | None, antal: int) -> Any:
    """The latest paragraphs as an unsliced queryset (a ModelChoiceField must be able to filter it)."""
    ids = list(Paragraf.objects.filter(forbund_id=forbund_id or 0).order_by("-ar", "-nummer").values_list("pk", flat=True)[:antal])
    return Paragraf.objects.filter(pk__in=ids).order_by("-ar", "-nummer")


class TillganglighetMixin:
    """aria-invalid and aria-describedby on fields with errors (WCAG 3.3.1)."""

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        self.markera_fel()

    def markera_fel(self) -> None:
        """Mark invalid fields; also called after a service refusal put errors on the form."""
        forsta = True
        for namn in self.errors:  # type: ignore[attr-defined]
            if namn in self.fields:  # type: ignore[attr-defined]
                widget = self.fields[namn].widget  # type: ignore[attr-defined]
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"fel-{namn}"
                if forsta:
                    widget.attrs["autofocus"] = True
                    forsta = False


class PlaneraForm(TillganglighetMixin, forms.Form):
    typ = forms.ChoiceField(label="Typ", choices=Sammantrade.Typ.choices)
    datum = forms.DateField(label="Datum", widget=DATUM)
    starttid = forms.TimeField(label="Starttid", required=False, widget=TID)
    sluttid = forms.TimeField(label="Sluttid", required=False, widget=TID)
    plats = forms.CharField(label="Plats", max_length=200, required=False)
    mall = forms.ChoiceField(
        label="Dagordning",
        choices=[("standard", "Mall med stående punkter"), ("kopia", "Kopia av tidigare dagordning"), ("tom", "Tom dagordning")],
        initial="standard",
    )
    kopiera_fran = forms.ModelChoiceField(label="Kopiera från sammanträde", queryset=Sammantrade.objects.none(), required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The latest meetings only: a förbund with decades of meetings must not render them all in one select.
        senaste = Sammantrade.objects.filter(forbund=forbund).order_by("-datum", "-id").values("pk")[:KOPIERA_FRAN_ANTAL]
        self.fields["kopiera_fran"].queryset = Sammantrade.objects.filter(pk__in=Subquery(senaste)).order_by("-datum", "-id")  # type: ignore[attr-defined]


class MoteForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Sammantrade
        fields = ["typ", "datum", "starttid", "sluttid", "plats", "detaljer", "sammankallande", "ordforande", "sekreterare", "datumbeslut"]
        widgets = {"datum": DATUM, "starttid": TID, "sluttid": TID, "detaljer": forms.Textarea(attrs={"rows": 2})}
        help_texts = {"datumbeslut": "Styrelsens beslut om årets mötesdatum."}

    def __init__(self, *args: Any, personer: list[Person] | None = None, narvarande: list[Person] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [p.pk for p in personer or []]
        self.fields["sammankallande"].queryset = Person.objects.filter(pk__in=ids).order_by(*personordning())  # type: ignore[attr-defined]
        # Chair and secretary come from the attendance once it is recorded.
        vid_motet = [p.pk for p in narvarande] if narvarande else ids
        for f in ("ordforande", "sekreterare"):
            self.fields[f].queryset = Person.objects.filter(pk__in=vid_motet).order_by(*personordning())  # type: ignore[attr-defined]
        forbund_id = self.instance.forbund_id if self.instance and self.instance.pk else None
        self.fields["datumbeslut"].queryset = (  # type: ignore[attr-defined]
            _senaste_paragrafer(forbund_id, 60) if forbund_id else Paragraf.objects.none()
        )
        self.fields["datumbeslut"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]
        snabba_val(self)  # the meeting page renders this form on every visit


class ArendeForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Arende
        fields = ["rubrik", "slag", "foredragande", "text", "forslag"]
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
        self.fields["person"].queryset = Person.objects.filter(pk__in=[p.pk for p in personer or []]).order_by(*personordning())  # type: ignore[attr-defined]
        self.fields["ersatter"].choices = [("", "–")] + [(m.pk, f"{m.person.namn} ({m.medlem.namn})") for m in ledamotsmandat or []]  # type: ignore[attr-defined]
        snabba_val(self)  # the meeting page renders this form on every visit


class MandatForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Mandat
        fields = ["person", "medlem", "typ", "uppdrag", "fran", "till"]
        widgets = {"fran": DATUM, "till": DATUM}

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(forbund=forbund).order_by(*personordning())  # type: ignore[attr-defined]
        self.fields["medlem"].queryset = Medlem.objects.filter(forbund=forbund)  # type: ignore[attr-defined]


class AnslagForm(TillganglighetMixin, forms.Form):
    uppsatt = forms.DateField(label="Anslaget sätts upp", widget=DATUM)
    nedtas = forms.DateField(label="Anslaget tas ned", widget=DATUM)
    forvaringsplats = forms.CharField(label="Förvaringsplats för protokollet", max_length=200)
    anslagsplatser = forms.CharField(
        label="Anslagsplatser (en per rad)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Var justeringen tillkännages. Tomt = förbundets digitala anslagstavla.",
    )


class ParagrafForm(TillganglighetMixin, forms.Form):
    rubrik = forms.CharField(label="Rubrik", max_length=300)
    text = forms.CharField(label="Text", required=False, widget=forms.Textarea(attrs={"rows": 6}))
    beslut = forms.CharField(label="Beslut (en att-sats per rad)", required=False, widget=forms.Textarea(attrs={"rows": 5}))


class ReglerForm(TillganglighetMixin, forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Beslutsregler
        fields = ["majoritet", "beslutsfor_minst", "kallelsetid_dagar", "forvaringsplats"]


class DelegationsbeslutForm(TillganglighetMixin, forms.Form):
    delegation = forms.ModelChoiceField(label="Enligt delegationsordningen", queryset=Delegationsrad.objects.none())
    delegat = forms.ModelChoiceField(label="Beslutsfattare", queryset=Person.objects.none())
    datum = forms.DateField(label="Beslutsdatum", widget=DATUM)
    arende = forms.CharField(label="Ärende", max_length=300)
    beslut = forms.CharField(label="Beslut", widget=forms.Textarea(attrs={"rows": 3}))
    belopp = forms.DecimalField(
        label="Belopp (kr)", required=False, min_value=0, decimal_places=2, help_text="Beslutets värde när delegationen har en beloppsgräns."
    )
    diarienummer = forms.CharField(label="Diarienummer", max_length=40, required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = rader_valbara(forbund)  # type: ignore[attr-defined]
        self.fields["delegation"].label_from_instance = lambda r: f"{r.arende} ({r.delegat}) – {r.ordning}"  # type: ignore[attr-defined]
        self.fields["delegat"].queryset = Person.objects.filter(forbund=forbund).order_by(*personordning())  # type: ignore[attr-defined]


class HandlingForm(TillganglighetMixin, forms.Form):
    riktning = forms.ChoiceField(label="Inkommande/upprättad", choices=Handling.Riktning.choices)
    datum = forms.DateField(label="Datum", widget=DATUM)
    rubrik = forms.CharField(label="Rubrik", max_length=300)
    motpart = forms.CharField(label="Avsändare/mottagare", max_length=200, required=False)
    arende = forms.CharField(label="Ärende", max_length=300, required=False)
    handlingstyp = forms.ModelChoiceField(label="Handlingstyp (gallringsregel)", queryset=Handlingstyp.objects.none())
    sekretess = forms.BooleanField(label="Sekretessmarkerad", required=False)
    fil = forms.FileField(label="Fil", required=False)
    paragrafer = forms.ModelMultipleChoiceField(
        label="Beslut i ärendet", queryset=Paragraf.objects.none(), required=False, help_text="Håll ned Ctrl (Cmd) för att välja flera."
    )

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handlingstyp"].queryset = Handlingstyp.objects.filter(forbund=forbund).select_related("planrad").order_by(svensk("namn"))  # type: ignore[attr-defined]
        self.fields["handlingstyp"].label_from_instance = lambda t: f"{t.namn} – {t.regel}"  # type: ignore[attr-defined]
        self.fields["paragrafer"].queryset = _senaste_paragrafer(forbund.pk if forbund else None, 200)  # type: ignore[attr-defined]
        self.fields["paragrafer"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]


class KallelseForm(TillganglighetMixin, forms.Form):
    """Sending the notice has no fields; the form carries the refusal (who would not get it) next to the button."""


class JusteringForm(TillganglighetMixin, forms.Form):
    person = forms.IntegerField(widget=forms.HiddenInput)
    roll = forms.ChoiceField(choices=Justering.Roll.choices, widget=forms.HiddenInput)
    plats = forms.CharField(
        label="Plats för justeringen", max_length=200, required=False, help_text="T.ex. ”Kansliet, Skellefteå” eller ”Digitalt i Finsam”."
    )


class UppdragForm(TillganglighetMixin, forms.Form):
    paragraf = forms.ModelChoiceField(label="Beslut (§)", queryset=Paragraf.objects.none())
    text = forms.CharField(label="Uppdrag", widget=forms.Textarea(attrs={"rows": 2}), help_text="T.ex. ”utreda … och återkomma”.")
    ansvarig = forms.ModelChoiceField(label="Ansvarig", queryset=Person.objects.none(), required=False)
    ansvarig_text = forms.CharField(label="Ansvarig (fritext)", max_length=200, required=False)
    aterrapport = forms.ModelChoiceField(label="Återrapporteras vid", queryset=Sammantrade.objects.none(), required=False)

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["paragraf"].queryset = _senaste_paragrafer(forbund.pk if forbund else None, 200)  # type: ignore[attr-defined]
        self.fields["paragraf"].label_from_instance = lambda p: f"§ {p.nummer}/{p.ar} {p.rubrik[:60]}"  # type: ignore[attr-defined]
        self.fields["ansvarig"].queryset = Person.objects.filter(forbund=forbund).order_by(*personordning())  # type: ignore[attr-defined]
        self.fields["aterrapport"].queryset = Sammantrade.objects.filter(forbund=forbund, avslutat__isnull=True).order_by("datum")  # type: ignore[attr-defined]


class ExpedieringForm(TillganglighetMixin, forms.Form):
    personer = forms.ModelMultipleChoiceField(
        label="Mottagare i förbundet", queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    adresser = forms.CharField(
        label="Andra mottagare (en e-postadress per rad)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="T.ex. medlemmarnas registratorer: registrator@kommun.se",
    )
    meddelande = forms.CharField(label="Meddelande", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, forbund: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["personer"].queryset = Person.objects.filter(forbund=forbund).exclude(epost="").order_by(*personordning())  # type: ignore[attr-defined]
        self.fields["personer"].label_from_instance = lambda p: f"{p.namn} <{p.epost}>"  # type: ignore[attr-defined]

    def mottagare(self) -> list[tuple[str, str]]:
        d = self.cleaned_data
        ut = [(p.namn, p.epost) for p in d.get("personer") or []]
        ut += [("", rad.strip()) for rad in (d.get("adresser") or "").replace(",", "\n").splitlines() if rad.strip()]
        return ut


class BeslutForm(TillganglighetMixin, forms.Form):
    """Recording a paragraph: the proposition, motions, the chair's finding or a vote, jäv, reservations, notes.

    Per-person fields are made for those present: rost_<id>, reservation_<id>, anteckning_<id>; motions in
    rows yrkande_<n>_person / _typ / _text.
    """

    YRKANDERADER = 4

    rubrik = forms.CharField(label="Rubrik", max_length=300)
    text = forms.CharField(label="Text i protokollet", required=False, widget=forms.Textarea(attrs={"rows": 5}))
    beslut = forms.CharField(
        label="Förslaget som ställs under proposition – en att-sats per rad",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Förifyllt från förslaget till beslut. Ändra här om ett ändrings- eller tilläggsyrkande bifalls.",
    )
    utfall = forms.ChoiceField(
        label="Ordföranden finner att styrelsen",
        required=False,
        choices=[
            ("", "– beslutar enligt förslaget (eller inget beslut)"),
            ("bifall", "bifaller förslaget"),
            ("andrat", "bifaller förslaget med ändring (enligt ovan)"),
            ("avslag", "avslår förslaget"),
            ("aterremiss", "återremitterar ärendet till förbundschefen"),
            ("bordlagt", "bordlägger ärendet till nästa möte"),
        ],
    )
    motforslag = forms.ChoiceField(
        label="Vid votering: nej-röst för",
        choices=[("avslag", "avslag"), ("aterremiss", "återremiss"), ("bordlagt", "bordläggning")],
        initial="avslag",
    )
    motivering = forms.CharField(label="Motivering (återremiss/bordläggning)", required=False, max_length=500)
    propositionsordning = forms.CharField(
        label="Propositionsordning",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Lämna tomt så skrivs den utifrån yrkandena och utfallet.",
    )
    justerare = forms.ModelMultipleChoiceField(
        label="Utses att justera", queryset=Person.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    omedelbar = forms.BooleanField(label="Justera paragrafen omedelbart", required=False)

    def __init__(self, *args: Any, narvaro: list[Narvaro] | None = None, val_av_justerare: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.narvaro = narvaro or []
        self.rostande = [n for n in self.narvaro if n.rostberattigad]
        ledamoter = [n for n in self.narvaro if n.kategori != Narvaro.Kategori.OVRIG]
        val = [("", "Ingen omröstning"), *Rost.Val.choices]
        for n in self.rostande:
            self.fields[f"rost_{n.person_id}"] = forms.ChoiceField(label=f"Röst: {n.person.namn}", choices=val, required=False)
            self.fields[f"reservation_{n.person_id}"] = forms.CharField(label=f"Reservation: {n.person.namn}", required=False)
        for n in ledamoter:
            if not n.rostberattigad:
                self.fields[f"rost_{n.person_id}"] = forms.ChoiceField(
                    label=f"Jäv: {n.person.namn}", required=False, choices=[("", "–"), (Rost.Val.JAV, Rost.Val.JAV.label)]
                )
            self.fields[f"anteckning_{n.person_id}"] = forms.CharField(label=f"Protokollsanteckning: {n.person.namn}", required=False)
        personval = [("", "–"), *((n.person_id, n.person.namn) for n in self.rostande)]
        for i in range(1, self.YRKANDERADER + 1):
            self.fields[f"yrkande_{i}_person"] = forms.TypedChoiceField(
                label=f"Yrkande {i}: av", choices=personval, coerce=int, required=False, empty_value=None
            )
            self.fields[f"yrkande_{i}_typ"] = forms.ChoiceField(
                label=f"Yrkande {i}: yrkar", choices=[("", "–"), *Yrkande.Typ.choices], required=False
            )
            self.fields[f"yrkande_{i}_text"] = forms.CharField(label=f"Yrkande {i}: lydelse eller motivering", required=False)
        if val_av_justerare:
            self.fields["justerare"].queryset = Person.objects.filter(pk__in=[n.person_id for n in self.rostande]).order_by(*personordning())  # type: ignore[attr-defined]
        else:
            del self.fields["justerare"]

    def personrader(self) -> list[dict[str, Any]]:
        """Rows for the template: each person present with their vote, reservation and note fields."""
        ut = []
        for n in self.narvaro:
            if n.kategori == Narvaro.Kategori.OVRIG:
                continue
            ut.append(
                {
                    "n": n,
                    "rost": self[f"rost_{n.person_id}"] if f"rost_{n.person_id}" in self.fields else None,
                    "reservation": self[f"reservation_{n.person_id}"] if f"reservation_{n.person_id}" in self.fields else None,
                    "anteckning": self[f"anteckning_{n.person_id}"],
                }
            )
        return ut

    def yrkanderader(self) -> list[tuple[Any, Any, Any]]:
        return [(self[f"yrkande_{i}_person"], self[f"yrkande_{i}_typ"], self[f"yrkande_{i}_text"]) for i in range(1, self.YRKANDERADER + 1)]

    def tjanst(self) -> dict[str, Any]:
        """The cleaned data as the arguments of services.beslut_fatta."""
        d = self.cleaned_data
        per_person = {n.person_id for n in self.narvaro}
        return {
            "rubrik": d["rubrik"],
            "text": d["text"],
            "beslut": d["beslut"],
            "utfall": d["utfall"],
            "motforslag": d["motforslag"],
            "motivering": d["motivering"],
            "propositionsordning": d["propositionsordning"],
            "omedelbar_justering": d["omedelbar"],
            "roster": {pid: d.get(f"rost_{pid}") or "" for pid in per_person if d.get(f"rost_{pid}")},
            "reservationer": {pid: d.get(f"reservation_{pid}") for pid in per_person if d.get(f"reservation_{pid}")},
            "anteckningar": {pid: d.get(f"anteckning_{pid}") for pid in per_person if d.get(f"anteckning_{pid}")},
            "yrkanden": [
                {"person": d[f"yrkande_{i}_person"], "typ": d[f"yrkande_{i}_typ"], "text": d[f"yrkande_{i}_text"]}
                for i in range(1, self.YRKANDERADER + 1)
                if d.get(f"yrkande_{i}_typ")
            ],
            "justerare": list(d["justerare"]) if d.get("justerare") else None,
        }
