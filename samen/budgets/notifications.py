"""Notices of a participatory budget: a funded project's progress to the resident who proposed it (follows), and
the result published to whoever took part in the process (process news, only for who chose to hear it: a ballot
has no "keep me informed" box)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samen.accounts.models import User
from samen.budgets.models import Budget
from samen.common.mail import absolute, is_silenced
from samen.notifications.delivery import Notice, notify
from samen.notifications.models import Kind
from samen.processes.queries import participant_accounts


def announce_result(budget: Budget) -> None:
    if is_silenced():  # the demo loading its past: not news
        return
    people = User.objects.filter(pk__in=participant_accounts(budget.process_id))
    notify(people, kind=Kind.PROCESS_NEWS, event="budgets.result", object_id=budget.pk)


def result_notice(budget_id: int, _detail: str, _recipient) -> Notice | None:
    budget = Budget.objects.select_related("process").filter(pk=budget_id).first()
    if budget is None:
        return None
    return Notice(
        subject=_("The result of the participatory budget “%(title)s” is published") % {"title": budget.process.title},
        url=absolute(reverse("budgets:result", kwargs={"slug": budget.process.slug})),
        template="notifications/email/notice.txt",
    )


NOTICES = {"budgets.result": result_notice}
