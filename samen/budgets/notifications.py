"""Notices of a participatory budget: a funded project's progress to the resident who proposed it (follows), and
the result published to whoever took part in the process (process news, only for who chose to hear it: a ballot
has no "keep me informed" box)."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.budgets.models import Budget, ProgressUpdate
from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, deliver, notify
from samen.notifications.models import Kind
from samen.processes.queries import participant_accounts


def announce_progress(update: ProgressUpdate) -> None:
    """Queue the e-mail once the update is committed; never send inside the request."""
    if not is_silenced():
        transaction.on_commit(lambda: send_progress_notification.enqueue(update.pk))


def announce_result(budget: Budget) -> None:
    if is_silenced():  # the demo loading its past: not news
        return
    people = User.objects.filter(pk__in=participant_accounts(budget.process_id))
    notify(people, kind=Kind.PROCESS_NEWS, event="budgets.result", object_id=budget.pk)


@task()
def send_progress_notification(update_id: int) -> int:
    """Returns how many e-mails went out: none when the author has left or closed their account."""
    update = ProgressUpdate.objects.select_related("proposal__author").filter(pk=update_id).first()
    author = update.proposal.author if update else None
    if author is None:
        return 0
    return deliver([author], kind=Kind.FOLLOWS, event="budgets.progress", object_id=update.pk)


def progress_notice(update_id: int, _detail: str, recipient) -> Notice | None:
    update = ProgressUpdate.objects.select_related("proposal__budget__process").filter(pk=update_id).first()
    if update is None:
        return None
    return Notice(
        subject=_("News of your project “%(title)s”: %(status)s")
        % {"title": update.proposal.title, "status": update.get_status_display()},
        url=absolute(update.get_absolute_url()),
        template="budgets/email/progress.txt",
        context={"update": update, "proposal": update.proposal},
    )


def result_notice(budget_id: int, _detail: str, _recipient) -> Notice | None:
    budget = Budget.objects.select_related("process").filter(pk=budget_id).first()
    if budget is None:
        return None
    return Notice(
        subject=_("The result of the participatory budget “%(title)s” is published") % {"title": budget.process.title},
        url=absolute(reverse("budgets:result", kwargs={"slug": budget.process.slug})),
        template="notifications/email/notice.txt",
    )


NOTICES = {"budgets.progress": progress_notice, "budgets.result": result_notice}
