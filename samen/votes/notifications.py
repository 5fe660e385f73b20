"""E-mails about a winning idea's progress, to its followers (its author follows it from the start)."""

from django.db import transaction
from django.utils.translation import gettext as _
from django_tasks import task

from samen.common.mail import is_silenced
from samen.ideas.models import Follow
from samen.ideas.notifications import mail_followers
from samen.votes.models import ProgressUpdate


def announce_progress(update: ProgressUpdate) -> None:
    if not is_silenced():
        transaction.on_commit(lambda: send_progress_notifications.enqueue(update.pk))


@task()
def send_progress_notifications(update_id: int) -> int:
    update = ProgressUpdate.objects.select_related("idea").filter(pk=update_id).first()
    if update is None:
        return 0
    return mail_followers(
        Follow.objects.filter(idea=update.idea, follower__is_active=True),
        idea=update.idea,
        link=update.get_absolute_url(),
        subject=lambda: (
            _("News of “%(title)s”: %(status)s") % {"title": update.idea.title, "status": update.get_status_display()}
        ),
        template="votes/email/progress.txt",
        context={"update": update},
    )
