"""SnabbSelect (the meeting page's forms) renders exactly the HTML of Django's Select, without a template per option."""

from __future__ import annotations

from typing import Any

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.test.html import parse_html

from styrelse.widgets import SnabbSelect, snabba_val


class _Form(forms.Form):
    person = forms.ChoiceField(label="Person", choices=[("", "–"), ("1", "Anna <Å>"), ("2", 'Bo "B" & co')])
    grupp = forms.ChoiceField(label="Grupp", required=False, choices=[("Ledamöter", [("3", "Cecilia"), ("4", "David")]), ("5", "Erik")])
    flera = forms.MultipleChoiceField(label="Flera", required=False, choices=[("a", "A"), ("b", "B")])


def test_samma_html_som_djangos_select_med_val_fel_och_grupper() -> None:
    for data in ({"person": "2", "grupp": "4"}, {"person": "", "grupp": ""}, None):
        vanlig, snabb = _Form(data), _Form(data)
        snabba_val(snabb)
        for f in (vanlig, snabb):
            if data is not None:
                f.is_valid()
            f.fields["person"].widget.attrs.update({"aria-invalid": "true", "aria-describedby": "fel-person", "autofocus": True})
        assert isinstance(snabb.fields["person"].widget, SnabbSelect) and isinstance(snabb.fields["grupp"].widget, SnabbSelect)
        assert type(snabb.fields["flera"].widget) is forms.SelectMultiple  # multiple selects keep Django's rendering
        for namn in ("person", "grupp", "flera"):
            assert parse_html(str(snabb[namn])) == parse_html(str(vanlig[namn])), namn
    assert "&lt;Å&gt;" in str(snabb["person"]) and "&quot;B&quot; &amp; co" in str(snabb["person"])


class _Falt(forms.Form):
    rubrik = forms.CharField(label="Rubrik", max_length=20, help_text="Kort.")
    text = forms.CharField(label="Text", widget=forms.Textarea, required=False)
    datum = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}))
    tid = forms.TimeField(label="Tid", required=False)
    antal = forms.IntegerField(label="Antal", min_value=1, required=False)
    epost = forms.EmailField(label="E-post", required=False)
    dold = forms.CharField(widget=forms.HiddenInput, required=False)
    klar = forms.BooleanField(label="Klar", required=False)


def test_falt_skrivs_som_djangos_mallar_med_varden_fel_och_escaping() -> None:
    """Issue 16: text inputs and text areas of the meeting page's forms are written directly, with Django's markup."""
    import datetime as dt

    for data, initial in (
        ({"rubrik": 'A "<b>" & c', "text": "rad 1\n<rad 2>", "datum": "2019-02-13", "tid": "09:30", "antal": "0", "epost": "x", "dold": "1"}, None),
        (None, {"rubrik": "Ärende", "datum": dt.date(2019, 2, 13), "tid": dt.time(9, 30), "text": ""}),
        (None, None),
    ):
        vanlig, snabb = _Falt(data, initial=initial), _Falt(data, initial=initial)
        snabba_val(snabb)
        for f in (vanlig, snabb):
            if data is not None:
                f.is_valid()
            f.fields["rubrik"].widget.attrs.update({"aria-invalid": "true", "autofocus": True, "disabled": False})
        for namn in snabb.fields:
            assert str(snabb[namn]) == str(vanlig[namn]), namn
    forst = _Falt({"rubrik": 'A "<b>" & c', "datum": "x"})
    snabba_val(forst)
    assert 'value="A &quot;&lt;b&gt;&quot; &amp; c"' in str(forst["rubrik"]) and 'aria-invalid="true"' in str(forst["datum"])


@pytest.mark.django_db
def test_modellval_ur_en_vanlig_fraga(django_assert_num_queries: Any) -> None:
    """Model selects read their options with one plain query (no server-side cursor) and render as Django's."""

    class _Modellform(forms.Form):
        vem = forms.ModelChoiceField(queryset=get_user_model().objects.order_by("username"))

    get_user_model().objects.create(username="anna <å>")
    get_user_model().objects.create(username="bo")
    vanlig, snabb = _Modellform(), _Modellform()
    snabba_val(snabb)
    with django_assert_num_queries(1) as fragor:
        html = str(snabb["vem"])
    assert not any(q["sql"].startswith("DECLARE") for q in fragor.captured_queries)
    assert parse_html(html) == parse_html(str(vanlig["vem"]))
