"""A select that renders its options in Python: the same HTML as Django's Select without one template per option.

The meeting page's forms hold selects of every person and the latest 60 decisions; Django renders each option
through its own template include, a third of the page's time. `SnabbSelect` keeps Django's option building
(`get_context`: values, labels, `selected`, attributes) and only writes the markup directly.
"""

from __future__ import annotations

from html import escape
from types import MethodType
from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


class SnabbSelect(forms.Select):
    def render(self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        delar: list[str] = [format_html('<select name="{}"{}>', widget["name"], flatatt(widget["attrs"]))]
        for grupp, alternativ, _ in widget["optgroups"]:
            if grupp:
                delar.append(format_html('<optgroup label="{}">', grupp))
            for o in alternativ:
                delar.append(format_html('<option value="{}"{}>{}</option>', str(o["value"]), flatatt(o["attrs"]), o["label"]))
            if grupp:
                delar.append("</optgroup>")
        delar.append("</select>")
        return mark_safe("".join(delar))  # every part is format_html output or a literal tag


class EnFraga(forms.models.ModelChoiceIterator):
    """A model select's options from one plain query. Django's iterator reads them through a server-side cursor
    (DECLARE, FETCH and CLOSE: three round trips) on PostgreSQL, made for long lists; these lists are short."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html: `True` writes the name alone, `False` leaves the attribute out."""
    return "".join(f" {escape(k)}" if v is True else f' {escape(k)}="{escape(str(v))}"' for k, v in attrs.items() if v is not False)


def _input_render(self: forms.widgets.Input, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
    """django/forms/widgets/input.html written directly (the same markup, attributes in the same order)."""
    w = self.get_context(name, value, attrs)["widget"]
    varde = f' value="{escape(str(w["value"]))}"' if w["value"] is not None else ""
    return mark_safe(f'<input type="{escape(w["type"])}" name="{escape(w["name"])}"{varde}{_attrs(w["attrs"])}>')


def _textarea_render(self: forms.Textarea, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None) -> SafeString:
    """django/forms/widgets/textarea.html written directly."""
    w = self.get_context(name, value, attrs)["widget"]
    return mark_safe(f'<textarea name="{escape(w["name"])}"{_attrs(w["attrs"])}>\n{escape(str(w["value"])) if w["value"] else ""}</textarea>')


_SNABBA_INPUT = (forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput, forms.DateInput, forms.TimeInput, forms.HiddenInput)


def snabba_val(form: forms.BaseForm) -> None:
    """Give every single-choice select, text input and text area of `form` the fast rendering (same markup): each
    widget template costs a template render of its own, and the meeting page shows seven forms on every visit."""
    for falt in form.fields.values():
        if type(falt.widget) in _SNABBA_INPUT:
            falt.widget.render = MethodType(_input_render, falt.widget)  # type: ignore[method-assign]
            continue
        if type(falt.widget) is forms.Textarea:
            falt.widget.render = MethodType(_textarea_render, falt.widget)  # type: ignore[method-assign]
            continue
        if type(falt.widget) is forms.Select:
            ny = SnabbSelect(attrs=falt.widget.attrs)
            if isinstance(falt, forms.ModelChoiceField):
                falt.iterator = EnFraga
                ny.choices = falt.choices  # type: ignore[assignment]  # the iterator, as Django assigns it
            else:
                ny.choices = falt.widget.choices
            ny.is_required = falt.widget.is_required
            falt.widget = ny
