"""Every write on debates: the manager's question, edits and closing conclusion; residents' arguments, supports and
comments; the moderators' decisions. Each write on an open debate locks the debate's row, so nothing slips in
after the manager closed it, even in the same instant."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from samen.common import clock
from samen.common.services import Texts, require_perm, translated_columns
from samen.common.translation import missing_official_languages
from samen.debates.models import Argument, ArgumentSupport, Debate, DebateComment, Report
from samen.debates.notifications import announce_conclusion
from samen.ideas.models import Visibility
from samen.processes.eligibility import lock_voter, voter_key
from samen.processes.models import Process


def _official(name: str, texts: Texts, *, message) -> dict[str, str]:
    """The columns of an official text, refused (naming the missing field) unless Dutch and French are written."""
    missing = missing_official_languages(texts)
    if missing:
        raise ValidationError({f"{name}_{language}": message for language in missing})
    return translated_columns(name, texts)


def _question(texts: Texts) -> dict[str, str]:
    return _official(
        "question", texts, message=_("Write the question in Dutch and in French: Brussels publishes in both.")
    )


def create_debate(*, process: Process, by, question: Texts, introduction: Texts | None = None) -> Debate:
    """Put a question to the residents of a process; it opens at once."""
    require_perm(by, "debates.manage_debates", process)
    debate = Debate(
        process=process, created_by=by, **_question(question), **translated_columns("introduction", introduction)
    )
    debate.full_clean()
    debate.save()
    return debate


def update_debate(*, debate: Debate, by, question: Texts, introduction: Texts | None = None) -> Debate:
    """Correct the question or the introduction (also once closed: a typo stays a typo)."""
    require_perm(by, "debates.manage_debates", debate.process)
    for column, text in (_question(question) | translated_columns("introduction", introduction)).items():
        setattr(debate, column, text)
    debate.full_clean()
    debate.save()
    return debate


def close_debate(*, debate: Debate, by, conclusion: Texts) -> Debate:
    """Close the debate with the manager's conclusion, published in Dutch and French; nothing can be added after.
    Whoever posted an argument or a comment in it hears of the conclusion."""
    require_perm(by, "debates.manage_debates", debate.process)
    columns = _official(
        "conclusion", conclusion, message=_("Write the conclusion in Dutch and in French: Brussels publishes in both.")
    )
    with transaction.atomic():
        locked = Debate.objects.select_for_update().get(pk=debate.pk)
        if locked.is_closed:
            raise ValidationError(_("This debate is already closed."), code="already_closed")
        for column, text in columns.items():
            setattr(locked, column, text)
        locked.closed_at = clock.now()
        locked.full_clean()
        locked.save()
        announce_conclusion(locked, by=by)  # sent once the closing commits
    return locked


def _open_locked(debate: Debate) -> Debate:
    """The debate's row, locked until the transaction ends; refused once closed. Call inside a transaction."""
    locked = Debate.objects.select_for_update().select_related("process").get(pk=debate.pk)
    if locked.is_closed:
        raise ValidationError(
            _("This debate is closed: its conclusion is published and nothing can be added."), code="debate_closed"
        )
    if not locked.is_open:
        raise ValidationError(_("This debate has not opened yet."), code="debate_not_open")
    return locked


def _first_visibility(debate: Debate) -> str:
    """Under the process's pre-moderation a new argument or comment waits for a moderator."""
    return Visibility.PENDING if debate.process.premoderation else Visibility.PUBLISHED


def _require_posting_allowance(author) -> None:
    """Refuse a post past the hourly allowance of arguments and comments (settings.SAMEN_POSTS_PER_HOUR, as for
    ideas); moderators have none."""
    if author.has_perm("debates.moderate"):
        return
    since = clock.now() - timedelta(hours=1)
    posted = (
        Argument.objects.filter(author=author, created_at__gte=since).count()
        + DebateComment.objects.filter(author=author, created_at__gte=since).count()
    )
    limit = settings.SAMEN_POSTS_PER_HOUR
    if posted >= limit:
        raise ValidationError(
            _("You have posted %(limit)s times in the last hour. Please wait a little before posting again."),
            code="rate_limited",
            params={"limit": limit},
        )


def post_argument(*, debate: Debate, author, side: str, text: str, language: str) -> Argument:
    """A resident's argument for or against, while the debate is open."""
    with transaction.atomic():
        locked = _open_locked(debate)
        require_perm(author, "debates.post_argument", locked)
        _require_posting_allowance(author)
        argument = Argument(
            debate=locked,
            author=author,
            side=side,
            text=text.strip(),
            language=language,
            visibility=_first_visibility(locked),
        )
        argument.full_clean()
        argument.save()
    return argument


def _mine(argument: Argument, resident) -> Q:
    """The person's support of the argument: from this account, or from another of theirs (the same key)."""
    key = voter_key(resident, f"argument:{argument.pk}")
    return Q(resident=resident) | Q(supporter_key=key) if key else Q(resident=resident)


def support_argument(*, argument: Argument, resident) -> ArgumentSupport:
    """One support per person and argument, whichever of their accounts gives it: the person's lock makes their
    accounts wait for each other, and the unique constraints (account; person's key) refuse a second one even when
    two requests race."""
    already = ValidationError(_("You already support this argument."), code="already_supported")
    try:
        with transaction.atomic():
            _open_locked(argument.debate)
            require_perm(resident, "debates.support_argument", argument)
            lock_voter(resident)
            if ArgumentSupport.objects.filter(_mine(argument, resident), argument=argument).exists():
                raise already
            key = voter_key(resident, f"argument:{argument.pk}")
            return ArgumentSupport.objects.create(argument=argument, resident=resident, supporter_key=key)
    except IntegrityError:
        raise already from None


def withdraw_support(*, argument: Argument, resident) -> None:
    """Withdraw the person's support, also one given from another of their accounts."""
    with transaction.atomic():
        _open_locked(argument.debate)
        deleted, _rows = ArgumentSupport.objects.filter(_mine(argument, resident), argument=argument).delete()
    if not deleted:
        raise ValidationError(_("You do not support this argument."), code="not_supported")


def comment_debate(*, debate: Debate, author, body: str, language: str) -> DebateComment:
    with transaction.atomic():
        locked = _open_locked(debate)
        require_perm(author, "debates.comment", locked)
        _require_posting_allowance(author)
        comment = DebateComment(
            debate=locked, author=author, body=body.strip(), language=language, visibility=_first_visibility(locked)
        )
        comment.full_clean()
        comment.save()
    return comment


def report_content(*, reporter, content: Argument | DebateComment, reason: str, note: str = "") -> Report:
    """Report an argument or a comment to the moderators; the database refuses a second report by the same person,
    even when two requests race."""
    require_perm(reporter, "debates.flag_content", content)
    target = {"argument": content} if isinstance(content, Argument) else {"comment": content}
    report = Report(reporter=reporter, reason=reason, note=note.strip(), **target)
    report.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError:
        raise ValidationError(_("You have already reported this."), code="already_flagged") from None
    return report


def moderate(*, moderator, content: Argument | DebateComment, hide: bool, reason: str) -> None:
    """Hide content (its author still sees it, with the reason) or publish it (again), as ideas' moderation does;
    either way the decision resolves the content's open reports."""
    require_perm(moderator, "debates.moderate", content)
    reason = reason.strip()
    if not reason:
        raise ValidationError(_("Give a reason: the author will read it."), code="reason_required")
    with transaction.atomic():
        content.visibility = Visibility.HIDDEN if hide else Visibility.PUBLISHED
        content.moderation_reason = reason if hide else ""
        content.save(update_fields=["visibility", "moderation_reason"])
        content.reports.filter(resolved_at__isnull=True).update(resolved_at=clock.now())
