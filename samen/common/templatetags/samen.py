from django import template
from django.utils.translation import gettext

from samen.common.markdown import render_markdown
from samen.common.money import euros
from samen.common.translation import localized

register = template.Library()


@register.filter
def markdown(text: str):
    return render_markdown(text or "")


@register.filter
def lang_of(obj, name: str) -> str:
    """The language the official text `name` of `obj` is shown in, for a lang attribute."""
    return localized(obj, name).language


@register.filter
def signature(author) -> str:
    """How a post is signed: its author's display name, or 'deleted account' once the account is gone."""
    return str(author) if author is not None else gettext("deleted account")


@register.filter(name="euros")
def euros_filter(amount) -> str:
    return euros(amount)
