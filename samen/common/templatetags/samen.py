from django import template

from samen.common.markdown import render_markdown
from samen.common.translation import localized

register = template.Library()


@register.filter
def markdown(text: str):
    return render_markdown(text or "")


@register.filter
def lang_of(obj, name: str) -> str:
    """The language the official text `name` of `obj` is shown in, for a lang attribute."""
    return localized(obj, name).language
