"""An idea's comment threads, rendered in Python rather than by the template engine.

At 10,000 comments a page shows 25 threads, and the engine cost most of its time: an include per comment, a report
form per comment (its five reasons in a loop), a reply form per thread and the permission tags around them
(bench/comment_pages.py, docs/performance.md). Here what no comment changes (the translated words, the CSRF token,
the languages, whether the viewer moderates or may reply) is read once per page, and each comment costs a few
string formats. Same HTML and the same msgids as the templates had. The idea's own report and moderation forms,
and the moderation queue's, come from here too (through the `ideas` tags), so that they cannot drift apart."""

from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.timezone import localtime
from django.utils.translation import get_language, gettext

from samen.common.templatetags.samen import poster
from samen.ideas.models import Comment, Flag, Visibility

_CSRF = '<input type="hidden" name="csrfmiddlewaretoken" value="{token}">'

_ARTICLE = (
    '<article class="comment" lang="{language}">\n'
    '  <p class="meta" lang="{ui}">{author} · <time datetime="{iso}">{when}</time></p>\n'
    "  {notice}<div>{body}</div>\n"
    "  {changes}{flag}{moderate}</article>"
)
_NOTICE = '<p class="notice" lang="{}"><strong>{}.</strong> {}</p>\n  '
_CHANGES = '<p class="meta" lang="{}"><a href="{}">{}</a> · <a href="{}">{}</a></p>\n  '
_MODERATE = '<details class="moderate"><summary lang="{}">{}</summary>{}</details>\n'

_FLAG_REASON = (
    '      <div class="choice">'
    '<input type="radio" name="reason" value="{value}" id="flag-{kind}-{pk}-{value}" required>\n'
    '        <label for="flag-{kind}-{pk}-{value}">{label}</label></div>\n'
)
_FLAG = (
    '<details class="flag">\n'
    "  <summary>{summary}</summary>\n"
    '  <form method="post" action="{action}">\n'
    "    " + _CSRF + "\n"
    "    <fieldset>\n"
    "      <legend>{legend}</legend>\n"
    "{reasons}"
    "    </fieldset>\n"
    '    <label for="flag-note-{kind}-{pk}">{note}</label>\n'
    '    <input type="text" name="note" id="flag-note-{kind}-{pk}" maxlength="500">\n'
    '    <button type="submit">{send}</button>\n'
    "  </form>\n"
    "</details>\n"
)

_DECISION = (
    '<form method="post" class="decision" action="{hide}">\n'
    "  " + _CSRF + "\n"
    '  <input type="hidden" name="next" value="{next}">\n'
    '  <label for="reason-{kind}-{pk}">{reason}</label>\n'
    '  <input type="text" id="reason-{kind}-{pk}" name="reason" maxlength="500">\n'
    "{buttons}"
    "</form>\n"
)
_DECISION_BUTTON = '  <button type="submit" formaction="{}">{}</button>\n'
_HIDE_BUTTON = '  <button type="submit" class="danger">{}</button>\n'

_REPLY = (
    '        <details class="reply">\n'
    "          <summary>{summary}</summary>\n"
    '          <form method="post" action="{action}" hx-post="{action}" hx-target="#comments" hx-swap="outerHTML">\n'
    "            " + _CSRF + '<input type="hidden" name="parent" value="{pk}">\n'
    '            <label for="reply-{pk}">{label}</label>\n'
    '            <textarea id="reply-{pk}" name="body" rows="2" maxlength="2000" required></textarea>\n'
    '            <label for="reply-language-{pk}">{language}</label>\n'
    '            <select id="reply-language-{pk}" name="language">\n'
    "              {options}\n"
    "            </select>\n"
    '            <button type="submit">{send}</button>\n'
    "          </form>\n"
    "        </details>\n"
)


# Where a comment's key goes in HTML prepared once per page: escaping never produces it, nor does a translation.
_KEY = "\x00"
# Reversed in place of a key (URLs want digits), then replaced by _KEY: these URLs hold no other digits.
_URL_KEY = 4_294_967_291


def _url(name: str, **kwargs) -> str:
    return reverse(name, kwargs=kwargs | {"pk": _URL_KEY}).replace(str(_URL_KEY), _KEY)


class CommentHtml:
    """The HTML of one idea page's comments for one request: built once per page render (the `ideas` tags)."""

    def __init__(self, request, idea, *, csrf_token=None):
        self.request = request
        self.user = request.user
        self.idea = idea
        self.ui_language = get_language()
        self._csrf_token = csrf_token
        self._prepared_html: dict[tuple, list[str]] = {}

    @cached_property
    def token(self) -> str:
        return str(self._csrf_token) if self._csrf_token else get_token(self.request)

    @cached_property
    def moderates(self) -> bool:
        return self.user.has_perm("ideas.moderate")

    @cached_property
    def may_reply(self) -> bool:
        return self.user.has_perm("ideas.comment_idea", self.idea)

    def _with_key(self, pk: int, what: tuple, build) -> SafeString:
        """HTML that differs from one comment to the next by its key only: `build()` once per page, with _KEY."""
        parts = self._prepared_html.get(what)
        if parts is None:
            parts = self._prepared_html[what] = build().split(_KEY)
        return SafeString(str(pk).join(parts))

    def thread(self, comment: Comment) -> SafeString:
        """A top-level comment, its replies and, for whoever may still comment, the form to reply."""
        parts = [f'<li id="comment-{comment.pk}">\n        ', self.article(comment), "\n"]
        replies = comment.shown_replies  # queries.thread_page
        if replies:
            parts.append('          <ol class="replies">\n            ')
            parts.extend(f'<li id="comment-{reply.pk}">{self.article(reply)}</li>' for reply in replies)
            parts.append("\n          </ol>\n")
        if self.may_reply:
            parts.append(self._with_key(comment.pk, ("reply",), self._reply_form))
        parts.append("      </li>")
        return SafeString("".join(parts))

    def article(self, comment: Comment) -> SafeString:
        created_at = localtime(comment.created_at)
        notice = changes = moderate = ""
        if comment.visibility != Visibility.PUBLISHED:
            notice = format_html(_NOTICE, self.ui_language, comment.get_visibility_display(), comment.moderation_reason)
        if self.user.has_perm("ideas.change_comment", comment):
            changes = self._with_key(comment.pk, ("changes",), self._changes)
        if self.moderates:
            moderate = self._with_key(
                comment.pk, ("moderate", comment.visibility), lambda: self._moderate(comment.visibility)
            )
        return format_html(
            _ARTICLE,
            language=comment.language,
            ui=self.ui_language,
            author=poster(comment),
            iso=date_format(created_at, "c"),
            when=date_format(created_at, "DATETIME_FORMAT"),
            notice=notice,
            body=SafeString(comment.body_html),  # sanitised when written (Comment.set_body)
            changes=changes,
            flag=self.flag_form("comment", comment),
            moderate=moderate,
        )

    def _changes(self) -> str:
        edit, delete = _url("ideas:comment_edit"), _url("ideas:comment_delete")
        return format_html(_CHANGES, self.ui_language, edit, gettext("Edit"), delete, gettext("Delete"))

    def _moderate(self, visibility: str) -> str:
        decision = self._decision_form("comment", visibility)
        return format_html(_MODERATE, self.ui_language, gettext("Moderate"), SafeString(decision))

    def flag_form(self, kind: str, content) -> SafeString:
        """The report form under an idea or a comment, for those who may report it (not its author)."""
        if not self.user.has_perm("ideas.flag_content", content):
            return SafeString("")
        return self._with_key(content.pk, ("flag", kind), lambda: self._flag_form(kind))

    def _flag_form(self, kind: str) -> str:
        reasons = "".join(
            format_html(_FLAG_REASON, value=value, kind=kind, pk=_KEY, label=label)
            for value, label in Flag.Reason.choices
        )
        return format_html(
            _FLAG,
            summary=gettext("Report to the moderators"),
            action=_url("moderation:flag", kind=kind),
            token=self.token,
            legend=gettext("What is wrong?"),
            reasons=SafeString(reasons),
            kind=kind,
            pk=_KEY,
            note=gettext("Details (optional)"),
            send=gettext("Send the report"),
        )

    def decision_form(self, kind: str, content) -> SafeString:
        """A moderator's form: hide, or restore a hidden content, or approve a pending one."""
        visibility = content.visibility
        return self._with_key(content.pk, ("decision", kind, visibility), lambda: self._decision_form(kind, visibility))

    def _decision_form(self, kind: str, visibility: str) -> str:
        def decide(decision: str) -> str:
            return _url("moderation:decide", kind=kind, decision=decision)

        buttons = []
        if visibility == Visibility.PENDING:
            buttons.append(format_html(_DECISION_BUTTON, decide("approve"), gettext("Approve")))
        if visibility == Visibility.HIDDEN:
            buttons.append(format_html(_DECISION_BUTTON, decide("restore"), gettext("Restore")))
        else:
            buttons.append(format_html(_HIDE_BUTTON, gettext("Hide")))
        return format_html(
            _DECISION,
            hide=decide("hide"),
            token=self.token,
            next=self.request.get_full_path(),
            kind=kind,
            pk=_KEY,
            reason=gettext("Reason (the author reads it)"),
            buttons=SafeString("".join(buttons)),
        )

    def _reply_form(self) -> str:
        options = "".join(
            format_html(
                '<option value="{}"{}>{}</option>', code, " selected" if code == self.ui_language else "", gettext(name)
            )
            for code, name in settings.LANGUAGES
        )
        return format_html(
            _REPLY,
            summary=gettext("Reply"),
            action=reverse("ideas:comment", kwargs={"pk": self.idea.pk}),
            token=self.token,
            pk=_KEY,
            label=gettext("Your reply"),
            language=gettext("Language"),
            options=SafeString(options),
            send=gettext("Send the reply"),
        )
