from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from samen.common.geography import neighbourhood_choices


class PlainSelect(forms.Select):
    """A select written in Python: Django renders each option through a template, which for 145 neighbourhoods
    costs most of a list page's time. Same markup, no option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            "<select{}>{}</select>", flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})), options
        )


class NeighbourhoodField(forms.TypedChoiceField):
    """One of the 145 monitoring neighbourhoods by code, or none; names in the active language."""

    widget = PlainSelect

    def __init__(self, *, empty_label, **kwargs):
        super().__init__(
            choices=lambda: [("", empty_label), *neighbourhood_choices()],
            coerce=int,
            empty_value=None,
            required=False,
            **kwargs,
        )
