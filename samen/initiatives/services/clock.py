"""What the calendar does to initiatives, run every day (command `initiatives_daily`, or its task): close the
collections that ended, transmit those that reached the threshold, remind the council, say when it is late,
and erase signatories' data once the retention period is over."""

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction

from samen.algorithms.initiatives import add_months, council_deadline, reminder_days
from samen.common import clock
from samen.initiatives import notifications
from samen.initiatives.models import Initiative, RejectedLine, Reminder
from samen.initiatives.services.signatures import standing

REMINDER_MONTHS = (6, 3, 1)


@dataclass
class DailyReport:
    transmitted: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    reminders: list[tuple[int, str]] = field(default_factory=list)
    erased: list[int] = field(default_factory=list)


def deadline_of(initiative: Initiative) -> date | None:
    if initiative.transmitted_on is None:
        return None
    return council_deadline(initiative.transmitted_on, initiative.kind.council_months)


def is_overdue(initiative: Initiative, today: date | None = None) -> bool:
    deadline = deadline_of(initiative)
    return (
        initiative.status == Initiative.Status.TRANSMITTED
        and deadline is not None
        and (today or clock.today()) > deadline
    )


def close_collection(initiative: Initiative, today: date) -> str:
    """The day after the collection ends: transmitted to the council if the threshold is met, else closed."""
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.status != Initiative.Status.COLLECTING or today <= initiative.collection_ends:
            return initiative.status
        initiative.signature_count = standing(initiative).count()
        if initiative.signature_count >= initiative.kind.threshold:
            initiative.status, initiative.transmitted_on = Initiative.Status.TRANSMITTED, today
        else:
            initiative.status = Initiative.Status.FAILED
        initiative.save(update_fields=["status", "signature_count", "transmitted_on"])
        notifications.announce_closing(initiative)
    return initiative.status


def _remind_once(initiative: Initiative, kind: str) -> bool:
    try:
        with transaction.atomic():
            Reminder.objects.create(initiative=initiative, kind=kind)
    except IntegrityError:
        return False
    notifications.announce_reminder(initiative, kind)
    return True


def erase_personal_data(initiative: Initiative) -> None:
    """Keep the count, erase who signed: signatures, their hashes and names, and the rejected paper lines."""
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        if initiative.personal_data_erased_at:
            return
        initiative.signature_count = standing(initiative).count()
        initiative.signatures.all().delete()
        RejectedLine.objects.filter(sheet__initiative=initiative).delete()
        initiative.personal_data_erased_at = clock.now()
        initiative.save(update_fields=["signature_count", "personal_data_erased_at"])


def _closed_on(initiative: Initiative) -> date | None:
    if initiative.status == Initiative.Status.DECIDED:
        return initiative.decided_on
    if initiative.status == Initiative.Status.FAILED:
        return initiative.collection_ends
    return None


def run_daily(today: date | None = None) -> DailyReport:
    """Idempotent: run it twice on a day and nothing more happens the second time."""
    today = today or clock.today()
    report = DailyReport()
    for initiative in Initiative.objects.filter(status=Initiative.Status.COLLECTING, collection_ends__lt=today):
        status = close_collection(initiative, today)
        (report.transmitted if status == Initiative.Status.TRANSMITTED else report.failed).append(initiative.pk)
    for initiative in Initiative.objects.filter(status=Initiative.Status.TRANSMITTED).select_related("kind"):
        deadline = deadline_of(initiative)
        for months, day in zip(REMINDER_MONTHS, reminder_days(deadline, REMINDER_MONTHS), strict=True):
            if day <= today < deadline and _remind_once(initiative, str(months)):
                report.reminders.append((initiative.pk, str(months)))
        if today > deadline and _remind_once(initiative, "overdue"):
            report.reminders.append((initiative.pk, "overdue"))
    finished = Initiative.objects.filter(
        status__in=[Initiative.Status.DECIDED, Initiative.Status.FAILED], personal_data_erased_at__isnull=True
    ).select_related("kind")
    for initiative in finished:
        if add_months(_closed_on(initiative), initiative.kind.retention_months) <= today:
            erase_personal_data(initiative)
            report.erased.append(initiative.pk)
    return report
