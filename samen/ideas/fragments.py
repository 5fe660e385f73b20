"""The support box (count, button, refusal), rendered in Python rather than by the template engine: the support
toggle answers every click with it, and the engine (its context, the `has_perm` and `url` tags, the plural block)
cost about a quarter of the toggle's CPU. The idea page shows the same box through the `support_box` tag, so the
two cannot drift apart. Same HTML and the same messages (msgids) as the template had."""

from collections.abc import Callable
from urllib.parse import quote

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from samen.common import phrases
from samen.ideas.models import Idea
from samen.processes.eligibility import why_not_eligible
from samen.processes.phases import SUPPORT
from samen.processes.queries import phase_allows

_FORM = (
    '<form method="post" action="{}" hx-post="{}" hx-target="#support" hx-swap="outerHTML">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{}"><input type="hidden" name="action" value="{}">'
    '<button type="submit" aria-pressed="{}">{}</button></form>'
)


def support_box(request, idea: Idea, *, supported: bool | Callable[[], bool], error: str | None = None) -> SafeString:
    """`supported` may be a callable: asked only when the box needs it (not for a visitor who is signed out)."""
    user = request.user
    parts = [SafeString('<div id="support" class="support">')]
    if error:
        parts.append(format_html('<p class="error" role="alert">{}</p>', error))
    count = idea.support_count
    parts.append(
        format_html("<p>{}</p>", ngettext("%(counter)s support", "%(counter)s supports", count) % {"counter": count})
    )
    if user.is_authenticated:
        if callable(supported):
            supported = supported()
        url = reverse("ideas:support", kwargs={"pk": idea.pk})
        if supported:
            token = get_token(request)
            parts.append(
                format_html(_FORM, url, url, token, "withdraw", "true", gettext("You support this idea (withdraw)"))
            )
        elif user.has_perm("ideas.support_idea", idea):
            token = get_token(request)
            parts.append(format_html(_FORM, url, url, token, "support", "false", gettext("Support this idea")))
        elif not error and (reason := why_not_supporting(idea, user)):
            parts.append(format_html('<p class="utrecht-alert">{}</p>', reason))
    else:
        login = f"{reverse('account_login')}?next={quote(request.path)}"
        parts.append(format_html('<p><a href="{}">{}</a></p>', login, gettext("Sign in to support this idea")))
    parts.append(SafeString("</div>"))
    return SafeString("".join(parts))


def why_not_supporting(idea: Idea, user) -> str | None:
    """Why a signed-in visitor may not support while supports are open: the process's electorate rule, in words."""
    if idea.visibility != "published" or not phase_allows(idea.process, SUPPORT):
        return None
    return why_not_eligible(idea.process, user, say=phrases.not_eligible_to_support)
