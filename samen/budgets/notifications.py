"""E-mails about a funded project's progress, to the resident who proposed it.

Only the author: who chose which project on a ballot is personal data collected to count, not a wish to be mailed,
and a ballot has no "keep me informed" box. Voters read the news on the public follow-up page.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from samen.budgets.models import ProgressUpdate
from samen.common.mail import absolute, is_silenced, mail_in_language


def announce_progress(update: ProgressUpdate) -> None:
    """Queue the e-mail once the update is committed; never send inside the request."""
    if not is_silenced():
        transaction.on_commit(lambda: send_progress_notification.enqueue(update.pk))


@task()
def send_progress_notification(update_id: int) -> int:
    """Returns how many e-mails went out: none when the author has left or closed their account."""
    update = (
        ProgressUpdate.objects.select_related("proposal__author", "proposal__budget__process")
        .filter(pk=update_id)
        .first()
    )
    author = update.proposal.author if update else None
    if author is None or not author.is_active:
        return 0
    mail_in_language(
        recipient=author,
        subject=lambda: (
            _("News of your project “%(title)s”: %(status)s")
            % {"title": update.proposal.title, "status": update.get_status_display()}
        ),
        template="budgets/email/progress.txt",
        context=lambda: {"update": update, "proposal": update.proposal, "url": absolute(update.get_absolute_url())},
    )
    return 1
