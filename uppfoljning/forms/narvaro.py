"""Forms of attendance per period. They parse only; the rules live in the model and the service."""

from __future__ import annotations

import datetime as dt

from django import forms

from ..services.narvaro import tolka_period


class NarvaroperiodForm(forms.Form):
    period = forms.CharField(label="Period", max_length=10, help_text="ÅÅÅÅ-MM för en månad, ÅÅÅÅ-K1 till ÅÅÅÅ-K4 för ett kvartal.")
    planerade = forms.IntegerField(label="Planerade tillfällen", min_value=0, max_value=999999)
    narvarade = forms.IntegerField(label="Närvarotillfällen", min_value=0, max_value=999999)

    def clean_period(self) -> tuple[str, dt.date]:
        try:
            return tolka_period(self.cleaned_data["period"])
        except ValueError as exc:
            raise forms.ValidationError(str(exc)[0].upper() + str(exc)[1:] + ".") from exc


class NarvaroImportForm(forms.Form):
    fil = forms.FileField(label="Fil (CSV eller XLSX)", help_text="Första raden: deltagare_id, insats, period, planerade, narvarade.")
