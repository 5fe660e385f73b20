from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
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


# The NL Design System's class for each kind of form control (docs/design.md); checkboxes, radios and files keep the
# browser's own control, coloured by the theme.
TEXTBOX_TYPES = {"text", "email", "password", "number", "search", "url", "tel", "date", "datetime-local", "time"}
TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
# Text areas wear the textbox component: its rules fit them, and a second component would cost 6 KB on every page.
TEXTAREA = "utrecht-textbox utrecht-textbox--html-input samen-textarea"
SELECT = "utrecht-select utrecht-select--html-select"


def component_class(widget) -> str:
    if isinstance(widget, forms.Textarea):
        return TEXTAREA
    if isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        return SELECT
    if isinstance(widget, forms.widgets.Input) and getattr(widget, "input_type", "") in TEXTBOX_TYPES:
        return TEXTBOX
    return ""


class ComponentBoundField(BoundField):
    """A form field whose control carries the design system's class, so that every form is styled alike without
    each template or form naming it."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        component = component_class(widget)
        if component:
            own = attrs.get("class") or widget.attrs.get("class")
            attrs["class"] = f"{component} {own}" if own else component
        return attrs


class FormRenderer(DjangoTemplates):
    """Django's renderer with the design system's field group (common/field.html) and controls."""

    field_template_name = "common/field.html"
    bound_field_class = ComponentBoundField
