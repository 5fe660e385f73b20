"""Notices of debates: the manager's conclusion to everyone who posted an argument or a comment in the debate.

Kind "replies": the conclusion answers what they wrote there, and what one asked for by writing comes at once unless
one chose otherwise (unlike "process news", off until chosen, for who only supported or voted). Sent through
`samen.notifications`, in each person's language and rhythm."""

from django.db.models import Q
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.common.mail import absolute, is_silenced
from samen.debates.models import Debate
from samen.notifications.delivery import Notice, notify
from samen.notifications.models import Kind

EVENT = "debates.conclusion"


def participants_of(debate: Debate, *, but) -> list[User]:
    """Who posted an argument or a comment in the debate (whatever became of it), once each; not `but` (the manager
    who closes it), nor a deleted account (its posts have no author left)."""
    wrote = Q(debate_arguments__debate=debate) | Q(debate_comments__debate=debate)
    return list(User.objects.filter(wrote).exclude(pk=getattr(but, "pk", None)).distinct().order_by("pk"))


def announce_conclusion(debate: Debate, *, by) -> None:
    """Queue the notices once the closing commits (the task worker sends or keeps them)."""
    if is_silenced():  # the demo loading its past: not news
        return
    notify(participants_of(debate, but=by), kind=Kind.REPLIES, event=EVENT, object_id=debate.pk)


def conclusion_notice(debate_id: int, _detail: str, _recipient) -> Notice | None:
    debate = Debate.objects.select_related("process").filter(pk=debate_id, closed_at__isnull=False).first()
    if debate is None:
        return None
    return Notice(
        subject=_("The debate “%(question)s” is closed: read its conclusion") % {"question": debate.question},
        url=absolute(f"{debate.get_absolute_url()}#conclusion"),
        template="notifications/email/notice.txt",
    )


NOTICES = {EVENT: conclusion_notice}
