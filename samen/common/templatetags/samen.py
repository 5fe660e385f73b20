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


@register.filter
def poster(post, where: str = "byline") -> str:
    """How an idea or a comment is signed: its author; while a facilitator's post for a resident met in person has
    no author yet (samen/assisted), that it was posted with a facilitator, never a name (neither the resident's nor
    the facilitator's); `where="sentence"` words it to start a sentence (the e-mails). Then 'deleted account'."""
    if post.author_id is None and getattr(post, "consent_id", None) is not None:
        if where == "sentence":
            return gettext("A resident, with a facilitator,")
        return gettext("Posted with a facilitator")
    return signature(post.author)


@register.filter(name="euros")
def euros_filter(amount) -> str:
    return euros(amount)


@register.simple_tag
def absolute_url(path: str) -> str:
    """The page's or a file's full address, for links shared outside the site (Open Graph): SAMEN_SITE_URL + path."""
    return path if path.startswith(("http://", "https://")) else settings.SITE_URL + path
