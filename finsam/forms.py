from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class InloggningForm(AuthenticationForm):
    username = forms.CharField(label="Användarnamn", widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}))
    password = forms.CharField(label="Lösenord", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    error_messages = {
        "invalid_login": "Fel användarnamn eller lösenord. Observera att fältet skiljer på stora och små bokstäver.",
        "inactive": "Kontot är inaktiverat.",
    }
