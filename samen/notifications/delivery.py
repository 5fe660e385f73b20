"""The one way a notice leaves: the resident's rhythm for its kind sends it at once, keeps it for a digest, or drops it.

Apps describe their notices in their own `notifications.py`: a `NOTICES` dict from an event name ("ideas.comment")
to a function `(object_id, detail, recipient) -> Notice | None`, called in the recipient's language when the mail is
written (at once, or when the digest goes). It returns None when there is nothing left to tell (a hidden comment)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from samen.accounts.models import User
from samen.common.discovery import app_submodules
from samen.common.mail import absolute, is_silenced, mail_in_language
from samen.notifications.models import DEFAULT_RHYTHMS, Announcement, Kind, Pending, Preference, Rhythm
from samen.notifications.tokens import unsubscribe_url


@dataclass(frozen=True)
class Notice:
    subject: str  # the mail's subject, or its line in a digest
    url: str  # absolute: where to read more
    template: str  # the body of the mail sent at once
    context: dict = field(default_factory=dict)
    unsubscribe_url: str = ""  # a narrower way out than the whole kind (stop following this idea)


Describer = Callable[[int, str, User], Notice | None]


@cache
def describers() -> dict[str, Describer]:
    found: dict[str, Describer] = {}
    for module in app_submodules("notifications"):
        found.update(getattr(module, "NOTICES", {}))
    return found


def describe(event: str, object_id: int, detail: str, recipient: User) -> Notice | None:
    return describers()[event](object_id, detail, recipient)


def rhythms(user_ids: Iterable[int], kind: str) -> dict[int, str]:
    """Each person's rhythm for `kind`: their choice, else the kind's default."""
    ids = list(user_ids)
    chosen = dict(Preference.objects.filter(user_id__in=ids, kind=kind).values_list("user_id", "rhythm"))
    return {pk: chosen.get(pk, DEFAULT_RHYTHMS[Kind(kind)]) for pk in ids}


def notify(users: Iterable[User], *, kind: str, event: str, object_id: int, detail: str = "") -> None:
    """From a service: once the transaction commits, the task worker sends or keeps the notice for each person."""
    if is_silenced():
        return
    user_ids = sorted({user.pk for user in users})
    if user_ids:
        transaction.on_commit(lambda: send_notices.enqueue(user_ids, kind, event, object_id, detail))


def notify_once(users: Iterable[User], *, kind: str, event: str, object_id: int) -> bool:
    """`notify`, but only the first time this event is told: for the daily jobs, which may run twice. Returns whether
    it was told now. The database's constraint decides between two runs at the same moment."""
    if is_silenced():
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                Announcement.objects.create(event=event, object_id=object_id)
        except IntegrityError:
            return False
        notify(users, kind=kind, event=event, object_id=object_id)
    return True


def daily_jobs() -> list[Callable[[], object]]:
    """What the apps' `notifications.py` ask to run once a day (their `DAILY` list), from `notifications_daily`."""
    return [job for module in app_submodules("notifications") for job in getattr(module, "DAILY", ())]


@task()
def send_notices(user_ids: list[int], kind: str, event: str, object_id: int, detail: str = "") -> int:
    return deliver(User.objects.filter(pk__in=user_ids), kind=kind, event=event, object_id=object_id, detail=detail)


def deliver(users: Iterable[User], *, kind: str, event: str, object_id: int, detail: str = "") -> int:
    """Inside the worker: mail those who chose "at once", keep the notice for those who chose a digest, nothing for
    the others or for a closed account; returns how many e-mails went out."""
    people = [user for user in users if user.is_active]
    chosen = rhythms((person.pk for person in people), kind)
    sent = 0
    waiting = []
    for person in people:
        rhythm = chosen[person.pk]
        if rhythm == Rhythm.AT_ONCE:
            sent += send_at_once(person, kind=kind, event=event, object_id=object_id, detail=detail)
        elif rhythm in (Rhythm.DAILY, Rhythm.WEEKLY):
            waiting.append(
                Pending(user=person, kind=kind, rhythm=rhythm, event=event, object_id=object_id, detail=detail)
            )
    Pending.objects.bulk_create(waiting, ignore_conflicts=True)  # a task run again keeps each notice once
    return sent


def _footer(recipient: User, kinds: list[str]) -> dict:
    stop = unsubscribe_url(recipient, kinds)
    return {
        "stop_url": stop,
        "settings_url": absolute(reverse("notifications:settings")),
        "kind_labels": [str(Kind(kind).label) for kind in kinds],
    }


def _headers(url: str) -> dict:
    """RFC 8058: a mail client's own unsubscribe button POSTs to the link, without opening it."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def send_at_once(recipient: User, *, kind: str, event: str, object_id: int, detail: str) -> int:
    with translation.override(recipient.preferred_language):
        notice = describe(event, object_id, detail, recipient)
        if notice is None:
            return 0
        footer = _footer(recipient, [kind])
        context = notice.context | footer | {"url": notice.url, "subject": notice.subject}
        headers = _headers(notice.unsubscribe_url or footer["stop_url"])
    mail_in_language(
        recipient=recipient,
        subject=lambda: notice.subject,
        template=notice.template,
        context=lambda: context,
        headers=lambda: headers,
    )
    return 1


@task()
def send_digests(rhythm: str) -> int:
    """One digest per person with notices waiting for `rhythm`; returns how many e-mails went out."""
    user_ids = list(
        Pending.objects.filter(rhythm=rhythm, user__is_active=True).values_list("user_id", flat=True).distinct()
    )
    return sum(send_digest(user_id, rhythm) for user_id in user_ids)


def send_digest(user_id: int, rhythm: str) -> int:
    """Take the person's waiting notices and mail them in one transaction: rows locked by another worker are
    skipped and taken rows are deleted, so no notice goes twice; a failed send keeps them for the next run."""
    with transaction.atomic():
        rows = list(
            Pending.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(user_id=user_id, rhythm=rhythm)
            .select_related("user")
        )
        if not rows:
            return 0
        Pending.objects.filter(pk__in=[row.pk for row in rows]).delete()
        recipient = rows[0].user
        with translation.override(recipient.preferred_language):
            sections = []
            for kind in Kind:
                notices = [
                    notice
                    for row in rows
                    if row.kind == kind and (notice := describe(row.event, row.object_id, row.detail, recipient))
                ]
                if notices:
                    sections.append({"kind": kind, "label": str(kind.label), "notices": notices})
            if not sections:
                return 0
            footer = _footer(recipient, [section["kind"].value for section in sections])
            context = footer | {"sections": sections, "rhythm": rhythm}
            headers = _headers(footer["stop_url"])
        mail_in_language(
            recipient=recipient,
            subject=lambda: _digest_subject(rhythm),
            template="notifications/email/digest.txt",
            context=lambda: context,
            headers=lambda: headers,
        )
    return 1


def _digest_subject(rhythm: str) -> str:
    return _("Your weekly news") if rhythm == Rhythm.WEEKLY else _("Your daily news")
