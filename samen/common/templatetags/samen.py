from django import template
from django.conf import settings
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


@register.simple_tag
def absolute_url(path: str) -> str:
    """The page's or a file's full address, for links shared outside the site (Open Graph): SAMEN_SITE_URL + path."""
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path
