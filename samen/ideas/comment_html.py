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

from samen.common.templatetags.samen import signature
from samen.ideas.models import Comment, Flag, Visibility

_CSRF = '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'

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
    f"    {_CSRF.replace('{}', '{token}')}\n"
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
    f"  {_CSRF.replace('{}', '{token}')}\n"
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
    f"            {_CSRF.replace('{}', '{token}')}"
    '<input type="hidden" name="parent" value="{pk}">\n'
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


class CommentHtml:
    """The HTML of one idea page's comments for one request: built once per page render (the `ideas` tags)."""

    def __init__(self, request, idea, *, csrf_token=None):
        self.request = request
        self.user = request.user
        self.idea = idea
        self.ui_language = get_language()
        self._csrf_token = csrf_token

    @cached_property
    def token(self) -> str:
        return str(self._csrf_token) if self._csrf_token else get_token(self.request)

    @cached_property
    def moderates(self) -> bool:
        return self.user.has_perm("ideas.moderate")

    @cached_property
    def _words(self) -> dict[str, str]:
        return {
            "edit": gettext("Edit"),
            "delete": gettext("Delete"),
            "moderate": gettext("Moderate"),
            "reply": gettext("Reply"),
            "your_reply": gettext("Your reply"),
            "language": gettext("Language"),
            "send_reply": gettext("Send the reply"),
        }

    def thread(self, comment: Comment) -> SafeString:
        """A top-level comment, its replies and, for whoever may still comment, the form to reply."""
        parts = [f'<li id="comment-{comment.pk}">\n        ', self.article(comment), "\n"]
        replies = comment.shown_replies  # queries.thread_page
        if replies:
            parts.append('          <ol class="replies">\n            ')
            parts.extend(f'<li id="comment-{reply.pk}">{self.article(reply)}</li>' for reply in replies)
            parts.append("\n          </ol>\n")
        if self.may_reply:
            parts.append(self.reply_form(comment))
        parts.append("      </li>")
        return SafeString("".join(parts))

    def article(self, comment: Comment) -> SafeString:
        ui, words = self.ui_language, self._words
        created_at = localtime(comment.created_at)
        notice = changes = moderate = ""
        if comment.visibility != Visibility.PUBLISHED:
            notice = format_html(_NOTICE, ui, comment.get_visibility_display(), comment.moderation_reason)
        if self.user.has_perm("ideas.change_comment", comment):
            edit = reverse("ideas:comment_edit", kwargs={"pk": comment.pk})
            delete = reverse("ideas:comment_delete", kwargs={"pk": comment.pk})
            changes = format_html(_CHANGES, ui, edit, words["edit"], delete, words["delete"])
        if self.moderates:
            moderate = format_html(_MODERATE, ui, words["moderate"], self.decision_form("comment", comment))
        return format_html(
            _ARTICLE,
            language=comment.language,
            ui=ui,
            author=signature(comment.author),
            iso=date_format(created_at, "c"),
            when=date_format(created_at, "DATETIME_FORMAT"),
            notice=notice,
            body=SafeString(comment.body_html),  # sanitised when written (Comment.set_body)
            changes=changes,
            flag=self.flag_form("comment", comment),
            moderate=moderate,
        )

    @cached_property
    def _flag_words(self) -> dict:
        return {
            "summary": gettext("Report to the moderators"),
            "legend": gettext("What is wrong?"),
            "note": gettext("Details (optional)"),
            "send": gettext("Send the report"),
            "reasons": [(value, str(label)) for value, label in Flag.Reason.choices],
        }

    def flag_form(self, kind: str, content) -> SafeString:
        """The report form under an idea or a comment, for those who may report it (not its author)."""
        if not self.user.has_perm("ideas.flag_content", content):
            return SafeString("")
        words, pk = self._flag_words, content.pk
        reasons = "".join(
            format_html(_FLAG_REASON, value=value, kind=kind, pk=pk, label=label) for value, label in words["reasons"]
        )
        return format_html(
            _FLAG,
            summary=words["summary"],
            action=reverse("moderation:flag", kwargs={"kind": kind, "pk": pk}),
            token=self.token,
            legend=words["legend"],
            reasons=SafeString(reasons),
            kind=kind,
            pk=pk,
            note=words["note"],
            send=words["send"],
        )

    def decision_form(self, kind: str, content) -> SafeString:
        """A moderator's form: hide, or restore a hidden content, or approve a pending one."""

        def decide(decision: str) -> str:
            return reverse("moderation:decide", kwargs={"kind": kind, "pk": content.pk, "decision": decision})

        buttons = []
        if content.visibility == Visibility.PENDING:
            buttons.append(format_html(_DECISION_BUTTON, decide("approve"), gettext("Approve")))
        if content.visibility == Visibility.HIDDEN:
            buttons.append(format_html(_DECISION_BUTTON, decide("restore"), gettext("Restore")))
        else:
            buttons.append(format_html(_HIDE_BUTTON, gettext("Hide")))
        return format_html(
            _DECISION,
            hide=decide("hide"),
            token=self.token,
            next=self.request.get_full_path(),
            kind=kind,
            pk=content.pk,
            reason=gettext("Reason (the author reads it)"),
            buttons=SafeString("".join(buttons)),
        )

    @cached_property
    def _reply_parts(self) -> dict:
        options = "".join(
            format_html(
                '<option value="{}"{}>{}</option>', code, " selected" if code == self.ui_language else "", gettext(name)
            )
            for code, name in settings.LANGUAGES
        )
        words = self._words
        return {
            "summary": words["reply"],
            "action": reverse("ideas:comment", kwargs={"pk": self.idea.pk}),
            "token": self.token,
            "label": words["your_reply"],
            "language": words["language"],
            "options": SafeString(options),
            "send": words["send_reply"],
        }

    @cached_property
    def may_reply(self) -> bool:
        return self.user.has_perm("ideas.comment_idea", self.idea)

    def reply_form(self, comment: Comment) -> SafeString:
        return format_html(_REPLY, pk=comment.pk, **self._reply_parts)
