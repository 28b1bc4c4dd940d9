"""SnabbSelect (the meeting page's forms) renders exactly the HTML of Django's Select, without a template per option."""

from __future__ import annotations

from django import forms
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
