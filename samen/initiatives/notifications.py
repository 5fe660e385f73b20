"""E-mails of an initiative's life, sent by the task worker in each recipient's language.

Who is told what: an invited promoter; the promoters when the collection closes; the council's secretariat 6, 3 and
1 month(s) before the deadline; promoters and online signatories when the deadline passes and when the council
decides (they signed to be heard by the council, so its answer is theirs: news of what they follow, at once unless
they chose a digest or never, see samen.notifications).
"""

from types import SimpleNamespace

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from samen.common.mail import absolute, is_silenced, mail_in_language
from samen.initiatives.models import Initiative, Promoter
from samen.notifications.delivery import Notice, deliver
from samen.notifications.models import Kind


def _later(send, *args) -> None:
    if not is_silenced():
        transaction.on_commit(lambda: send.enqueue(*args))


def announce_invitation(promoter: Promoter) -> None:
    _later(send_invitation, promoter.pk)


def announce_invitation_to_sign_up(initiative: Initiative, *, email: str, language: str) -> None:
    _later(send_invitation_to_sign_up, initiative.pk, email, language)


def announce_closing(initiative: Initiative) -> None:
    _later(send_news, initiative.pk, "closing")


def announce_reminder(initiative: Initiative, kind: str) -> None:
    if kind == "overdue":
        _later(send_news, initiative.pk, "overdue")
    else:
        _later(send_reminder, initiative.pk, kind)


def announce_decision(initiative: Initiative) -> None:
    _later(send_news, initiative.pk, "decision")


def _initiative(pk: int) -> Initiative:
    return Initiative.objects.select_related("kind").get(pk=pk)


@task()
def send_invitation(promoter_id: int) -> int:
    promoter = Promoter.objects.select_related("user", "initiative").filter(pk=promoter_id).first()
    if promoter is None or not promoter.user.is_active:
        return 0
    mail_in_language(
        recipient=promoter.user,
        subject=lambda: _invitation_subject(promoter.initiative),
        template="initiatives/email/invitation.txt",
        context=lambda: {"initiative": promoter.initiative, "url": absolute(promoter.initiative.get_absolute_url())},
    )
    return 1


@task()
def send_invitation_to_sign_up(initiative_id: int, email: str, language: str) -> int:
    """An invitation to an address without an account, in the inviting author's language (the only one known)."""
    initiative = _initiative(initiative_id)
    mail_in_language(
        recipient=SimpleNamespace(email=email, preferred_language=language),
        subject=lambda: _invitation_subject(initiative),
        template="initiatives/email/invitation_sign_up.txt",
        context=lambda: {"initiative": initiative, "url": absolute(reverse("account_signup"))},
    )
    return 1


def _invitation_subject(initiative: Initiative) -> str:
    return _("You are invited to promote the initiative “%(title)s”") % {"title": initiative}


def _people(initiative: Initiative, *, signatories: bool) -> list:
    people = {p.user.pk: p.user for p in initiative.promoters.select_related("user") if p.accepted_at}
    if signatories:
        for signature in initiative.signatures.filter(withdrawn_at__isnull=True, user__isnull=False).select_related(
            "user"
        ):
            people[signature.user.pk] = signature.user
    return [person for person in people.values() if person.is_active]


NEWS_SUBJECTS = {
    "closing": lambda: _("The signature collection of “%(title)s” has closed"),
    "overdue": lambda: _("The council's deadline for “%(title)s” has passed without a vote"),
    "decision": lambda: _("The council has decided on “%(title)s”"),
}


@task()
def send_news(initiative_id: int, kind: str) -> int:
    """`kind`: "closing" (promoters), "overdue" and "decision" (promoters and online signatories): news of what they
    follow, at the rhythm each chose. Returns how many e-mails went out at once."""
    initiative = _initiative(initiative_id)
    recipients = _people(initiative, signatories=kind != "closing")
    return deliver(recipients, kind=Kind.FOLLOWS, event="initiatives.news", object_id=initiative.pk, detail=kind)


def news_notice(initiative_id: int, kind: str, _recipient) -> Notice | None:
    initiative = Initiative.objects.select_related("kind").filter(pk=initiative_id).first()
    if initiative is None or kind not in NEWS_SUBJECTS:
        return None
    return Notice(
        subject=NEWS_SUBJECTS[kind]() % {"title": initiative},
        url=absolute(initiative.get_absolute_url()),
        template=f"initiatives/email/{kind}.txt",
        context={"initiative": initiative},
    )


NOTICES = {"initiatives.news": news_notice}


@task()
def send_reminder(initiative_id: int, months: str) -> int:
    """To the council's secretariat, in French and in Dutch (one message each)."""
    initiative = _initiative(initiative_id)
    if not initiative.kind.secretariat_email:
        return 0
    for language in ("fr", "nl"):
        secretariat = SimpleNamespace(email=initiative.kind.secretariat_email, preferred_language=language)
        mail_in_language(
            recipient=secretariat,
            subject=lambda: (
                _("Citizens' initiative “%(title)s”: %(months)s month(s) left for the council's vote")
                % {"title": initiative, "months": months}
            ),
            template="initiatives/email/reminder.txt",
            context=lambda: {
                "initiative": initiative,
                "months": months,
                "url": absolute(initiative.get_absolute_url()),
            },
        )
    return 2
